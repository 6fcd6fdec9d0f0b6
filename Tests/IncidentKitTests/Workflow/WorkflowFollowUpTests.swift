import Testing

@testable import IncidentKit

@Suite struct WorkflowFollowUpTests {
    static func workflow(_ text: String) -> Workflow {
        let path = "workflows/fix.md"
        return Workflow(LibraryFile(path: path, document: MarkdownDocument(path: path, text: text)))
    }

    @Test func followUpsKeepTheirSubsection() {
        let workflow = Self.workflow(
            """
            # Fix

            ## Step 1: Restart

            ```bash
            # Restart it [mutating]
            sudo systemctl restart app
            ```

            ## Follow-ups

            - Track these.

            ### Corrective actions

            - Add `flask-limiter` to requirements.txt.
            - Add an import test.

            ### Prevention

            - Alert when the service fails to start.
            """)
        #expect(
            workflow.followUps.map(\.section) == [
                "Follow-ups", "Corrective actions", "Corrective actions", "Prevention",
            ])
        #expect(workflow.followUps.map(\.kind) == [.general, .correctiveAction, .correctiveAction, .prevention])
        #expect(workflow.followUps[1].text == "Add flask-limiter to requirements.txt.")
        #expect(workflow.followUps[1].markdown == "Add `flask-limiter` to requirements.txt.")
        #expect(workflow.followUps.map(\.line) == [12, 16, 17, 21])
    }

    @Test func topLevelPreventionSectionIsPrevention() {
        let workflow = Self.workflow(
            """
            # Fix

            ## Prevention

            - Alert on restarts.

            ## Action items

            - Pin the dependency.
            """)
        #expect(workflow.followUps.map(\.kind) == [.prevention, .correctiveAction])
    }

    @Test func defaultWorkflowSplitsCorrectiveActionsFromPrevention() throws {
        let library = try Library.load(root: Paths.packageRoot)
        let workflow = Workflow(try #require(library.files["workflows/nginx_502_504.md"]))
        let kinds = workflow.followUps.map(\.kind)
        #expect(kinds.filter { $0 == .correctiveAction }.count == 3)
        #expect(kinds.filter { $0 == .prevention }.count == 4)
        #expect(!kinds.contains(.general))
        #expect(workflow.followUps.first?.section == "Corrective actions")
        #expect(workflow.followUps.last?.section == "Prevention")
    }
}
