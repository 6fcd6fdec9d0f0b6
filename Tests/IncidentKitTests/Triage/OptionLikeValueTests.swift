import Foundation
import Testing

@testable import IncidentKit

/// A value given for the run that the command may read as an option changes what the command does, so
/// the command is run only as a change is: confirmed, never on `--yes` alone.
@Suite struct OptionLikeValueTests {
    private func prepare(_ command: String, _ values: [String: String], marking: CommandAnnotations.Marking? = nil)
        throws -> PreparedCommand
    {
        let store = IncidentStore(root: try Scratch.folder("option-like"))
        var record = IncidentRecord(
            id: try store.claimID(on: Date()), symptom: "502", openedAt: Date(), library: "/lib",
            route: RouteChoice(title: "t", file: "f", line: 1, targets: [], confident: true, why: [], warning: nil))
        for (name, value) in values { record.answers[name] = value }
        var annotations = CommandAnnotations()
        annotations.marking = marking
        var tools = ToolLocator(path: "/usr/bin:/bin")
        tools.assumeInstalled = true
        return PreparedCommand.prepare(
            RunbookCommand(title: command, command: command, annotations: annotations, section: "s", line: 3),
            path: "checklists/x.md", scope: VariableScope(declarations: [], record: record, form: nil), tools: tools,
            redactor: Redactor())
    }

    /// A value never makes a change read-only: `get` given as the user of a role binding is still a
    /// grant (found in review: the rule for unknown groups took the value for the verb).
    @Test func aValueThatIsAVerbDoesNotMakeAChangeReadOnly() throws {
        for command in [
            "oc adm policy add-cluster-role-to-user cluster-admin {{v}}", "kubectl krew install {{v}}",
            "oc adm prune images --confirm {{v}}",
        ] {
            #expect(try prepare(command, ["v": "get"]).isMutating, "\(command)")
        }
        // Where the value truly decides, the stricter reading wins: a change until it is confirmed.
        #expect(try prepare("systemctl {{action}} nginx", ["action": "status"]).isMutating)
        #expect(try prepare("kubectl get pods -n {{v}}", ["v": "get"]).isMutating == false)
    }

    @Test func aReadOnlyCommandGivenADashValueNeedsTheConfirmationAChangeNeeds() throws {
        let look = try prepare("curl -s {{url}}", ["url": "http://127.0.0.1"])
        #expect(!look.isMutating)
        // An option given as a value is caught whether or not the risk rules know it (`tar --to-command`
        // runs a program per file, and tar's rule now says so too).
        #expect(try prepare("tar -tzf {{archive}}", ["archive": "backup.tgz"]).isMutating == false)
        let runs = try prepare("tar -tzf {{archive}}", ["archive": "--to-command=sh"])
        #expect(runs.isMutating)
        #expect(
            runs.reasons == [
                "runs a program (tar --to-command, -I, -F, --checkpoint-action)",
                "the value of {{archive}} starts with '-', which the command may read as an option",
            ])
        let unknown = try prepare("grep -c x {{file}}", ["file": "--devices=read"])
        #expect(unknown.reasons == ["the value of {{file}} starts with '-', which the command may read as an option"])
        #expect(runs.display == "tar -tzf '--to-command=sh'")
        // Options the risk rules know keep their own reason beside this one.
        let vacuum = try prepare("journalctl -u {{unit}} -n 50", ["unit": "--vacuum-time=1s"])
        #expect(vacuum.reasons.first == "changes the journal (journalctl --vacuum-time)")
        #expect(vacuum.reasons.last == "the value of {{unit}} starts with '-', which the command may read as an option")
        // The runbook's read-only marking speaks for what it wrote, not for what a value turns it into.
        let marked = try prepare("kill -0 {{pid}}", ["pid": "-1"], marking: .readOnly)
        #expect(marked.isMutating)
        #expect(try prepare("kubectl logs app --tail={{lines}}", ["lines": "-1"]).isMutating == false)
    }
}
