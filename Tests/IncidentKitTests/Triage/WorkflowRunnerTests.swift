import Foundation
import Testing

@testable import IncidentKit

@Suite struct WorkflowRunnerTests {
    static let markdown = """
        # Fix

        ## Step 1: Look

        ```bash
        # See what runs
        ps aux
        ```

        ## Step 2: Restart

        ```bash
        # Restart the app
        systemctl restart {{service}}
        ```

        **Verify:** `systemctl is-active {{service}}`

        **Rollback:** `systemctl stop {{service}}`

        ## Step 3: Check

        ```bash
        # Check the port
        ss -ltn
        ```

        ## Rollback

        ```bash
        # Redeploy the previous release
        deploy --previous
        ```
        """

    private func make(
        _ options: TriageOptions, prompter: any Prompter, runner: any CommandRunning,
        console: CapturingConsole = CapturingConsole()
    ) throws -> (WorkflowRunner, RecordKeeper) {
        let store = IncidentStore(root: try Scratch.folder("workflow"))
        let id = try store.claimID(on: Date())
        var record = IncidentRecord(
            id: id, symptom: "502", openedAt: Date(), library: "/lib",
            route: RouteChoice(title: "t", file: "f", line: 1, targets: [], confident: true, why: [], warning: nil))
        record.answers["service"] = "shop"
        let keeper = RecordKeeper(record: record, store: store, clock: { Date() })
        let file = LibraryFile(
            path: "workflows/fix.md", document: MarkdownDocument(path: "workflows/fix.md", text: Self.markdown))
        let workflow = Workflow(file)
        let scope = VariableScope(declarations: [], record: record, form: nil)
        let runnerUnderTest = WorkflowRunner(
            workflow: workflow, scope: scope, runner: runner, prompter: prompter, keeper: keeper, options: options,
            tools: {
                var tools = ToolLocator(path: "/usr/bin:/bin"); tools.assumeInstalled = true; return tools
            }(),
            console: console)
        return (runnerUnderTest, keeper)
    }

    /// A record whose next step the workflow no longer has (it lost steps since, or state.json was
    /// edited) runs nothing and says so, instead of passing over the workflow in silence.
    @Test func aNextStepPastTheWorkflowIsReported() throws {
        let runner = RecordingRunner()
        let console = CapturingConsole()
        let (workflow, keeper) = try make(
            TriageOptions(), prompter: ScriptedPrompter([], interactive: false), runner: runner, console: console)
        try keeper.update { $0.nextStep = 99 }
        try workflow.run()
        #expect(runner.commands.isEmpty)
        #expect(
            console.errors.contains(
                "warning: the record's next step is 100, but workflows/fix.md has 3 steps (the workflow changed, or "
                    + "state.json was edited): no step is left to run"))
    }

    @Test func yesAloneNeverRunsAMutatingStep() throws {
        var options = TriageOptions()
        options.yes = true
        let runner = RecordingRunner()
        let (workflow, keeper) = try make(options, prompter: ScriptedPrompter([], interactive: false), runner: runner)
        try workflow.run()
        #expect(runner.commands == ["ps aux", "systemctl is-active 'shop'", "ss -ltn"])
        let restart = try #require(keeper.record.actions.first { $0.command.contains("restart") })
        #expect(restart.decision == .skipped)  // not confirmed, never run
        #expect(restart.mutating)
        #expect(restart.note?.contains("pass --yes --yes-mutating") == true)
        #expect(keeper.record.lastMitigationAt == nil)
        #expect(keeper.record.nextStep == 3)
    }

    @Test func yesMutatingRunsItAndMarksTheMitigation() throws {
        var options = TriageOptions()
        options.yes = true
        options.yesMutating = true
        let runner = RecordingRunner()
        let (workflow, keeper) = try make(options, prompter: ScriptedPrompter([], interactive: false), runner: runner)
        try workflow.run()
        #expect(runner.commands.contains("systemctl restart 'shop'"))
        #expect(keeper.record.lastMitigationAt != nil)
    }

    @Test func terminalUserSkipsThenAbortsAndDeclinesTheRollback() throws {
        let runner = RecordingRunner()
        let prompter = ScriptedPrompter(["y", "s", "y", "a"])
        let (workflow, keeper) = try make(TriageOptions(), prompter: prompter, runner: runner)
        try workflow.run()
        // Step 1 ran, step 2's restart skipped, its verify ran, step 3 aborted. Nothing was changed, so no
        // rollback is offered.
        #expect(runner.commands == ["ps aux", "systemctl is-active 'shop'"])
        #expect(keeper.record.actions.map(\.decision) == [.ran, .skipped, .ran, .aborted])
        #expect(prompter.shown.contains("    run / skip / abort? [r/s/a] "))
        #expect(!prompter.shown.contains("  Run the rollback? [y/N] "))
        #expect(keeper.store.timeline(keeper.record.id).contains { $0.kind == "workflow.aborted" })
        #expect(!keeper.store.timeline(keeper.record.id).contains { $0.kind == "rollback.offered" })
    }

    /// A change that ran is what a rollback undoes: a step whose change was skipped and whose verify then
    /// fails offers none.
    @Test func aFailedVerifyAfterASkippedChangeOffersNoRollback() throws {
        let runner = RecordingRunner { $0.contains("is-active") ? 3 : 0 }
        let prompter = ScriptedPrompter(["y", "s", "y"])
        let (workflow, keeper) = try make(TriageOptions(), prompter: prompter, runner: runner)
        try workflow.run()
        #expect(runner.commands == ["ps aux", "systemctl is-active 'shop'"])
        #expect(keeper.record.nextStep == 1)
        #expect(!prompter.shown.contains("  Run the rollback? [y/N] "))
        #expect(!keeper.store.timeline(keeper.record.id).contains { $0.kind == "rollback.offered" })
    }

    @Test func anAbortAfterAChangeRanOffersTheWorkflowRollback() throws {
        let runner = RecordingRunner()
        let prompter = ScriptedPrompter(["y", "r", "y", "a", "n"])
        let (workflow, keeper) = try make(TriageOptions(), prompter: prompter, runner: runner)
        try workflow.run()
        #expect(keeper.record.actions.contains { $0.mutating && $0.decision == .ran })
        #expect(prompter.shown.contains("  Run the rollback? [y/N] "))
    }

    @Test func aFailedStepStopsTheWorkflowAndOffersItsRollback() throws {
        var options = TriageOptions()
        options.yes = true
        options.yesMutating = true
        let runner = RecordingRunner { $0.contains("restart") ? 1 : 0 }
        let (workflow, keeper) = try make(options, prompter: ScriptedPrompter([], interactive: false), runner: runner)
        try workflow.run()
        #expect(runner.commands == ["ps aux", "systemctl restart 'shop'"])
        #expect(keeper.record.nextStep == 1)
        let offered = keeper.store.timeline(keeper.record.id).first { $0.kind == "rollback.offered" }
        #expect(offered?.message == "rollback offered, not run: this step's rollback")
    }

    @Test func dryRunRunsNothing() throws {
        var options = TriageOptions()
        options.yes = true
        options.yesMutating = true
        options.dryRun = true
        let runner = RecordingRunner()
        let console = CapturingConsole()
        let (workflow, keeper) = try make(
            options, prompter: ScriptedPrompter([], interactive: false), runner: runner, console: console)
        try workflow.run()
        #expect(runner.commands.isEmpty)
        #expect(keeper.record.actions.allSatisfy { $0.decision == .dryRun })
        // What a real run would ask before, its verification and its rollback are shown as such.
        #expect(
            console.output.contains(
                "  $ systemctl restart 'shop'\n    changes the system: asks first (restarts a service (systemctl restart))\n"
                    + "    rollback if it fails: $ systemctl stop {{service}}\n  verify $ systemctl is-active 'shop'\n"),
            "\(console.output)")
        #expect(!console.output.contains("$ ps aux\n    changes the system"))
    }
}
