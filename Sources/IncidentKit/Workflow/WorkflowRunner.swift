import Foundation

/// Guides the fix: shows each step of the workflow in order with its commands, runs read-only ones when
/// confirmed, asks `run / skip / abort` before anything that changes the system (never run unattended
/// without `--yes-mutating`), runs the step's verification, offers the rollback when a step fails, and
/// records every action.
public struct WorkflowRunner {
    public var workflow: Workflow
    public var scope: VariableScope
    public var runner: any CommandRunning
    public var prompter: any Prompter
    public var keeper: RecordKeeper
    public var options: TriageOptions
    public var tools: ToolLocator
    public var console: any Console

    public init(
        workflow: Workflow, scope: VariableScope, runner: any CommandRunning, prompter: any Prompter,
        keeper: RecordKeeper, options: TriageOptions, tools: ToolLocator, console: any Console
    ) {
        self.workflow = workflow
        self.scope = scope
        self.runner = runner
        self.prompter = prompter
        self.keeper = keeper
        self.options = options
        self.tools = tools
        self.console = console
    }

    private enum Outcome { case done, failed, aborted }

    /// Runs the steps from the record's `nextStep` on. Returns when the workflow is finished, stopped at a
    /// failed step, or aborted.
    public func run() throws(IncidentError) {
        let redactor = Redactor(secrets: scope.secrets)
        if keeper.record.nextStep > workflow.steps.count {
            console.error(
                console.yellowError("warning: ")
                    + "the record's next step is \(keeper.record.nextStep + 1), but \(workflow.path) has "
                    + "\(workflow.steps.count) steps (the workflow changed, or state.json was edited): no step is left to run\n"
            )
        }
        while keeper.record.nextStep < workflow.steps.count {
            let index = keeper.record.nextStep
            let step = workflow.steps[index]
            console.write(
                "\n" + console.bold("Step \(step.number): \(step.title)") + "  (\(workflow.path):\(step.line))\n")
            if !step.text.isEmpty {
                console.write("  " + step.text.replacingOccurrences(of: "\n", with: "\n  ") + "\n")
            }
            try keeper.log("step", "step \(step.number): \(step.title)", ["step": String(step.number)])
            var outcome = Outcome.done
            for command in step.commands {
                let prepared = PreparedCommand.prepare(
                    command, path: workflow.path, scope: scope, tools: tools, redactor: redactor)
                outcome = try perform(prepared, step: step)
                if outcome != .done { break }
            }
            if outcome == .done, let verify = step.verify {
                let command = RunbookCommand(
                    title: "verify: \(verify)", command: verify, annotations: CommandAnnotations(), section: step.title,
                    line: step.line)
                let prepared = PreparedCommand.prepare(
                    command, path: workflow.path, scope: scope, tools: tools, redactor: redactor)
                outcome = try perform(prepared, step: step, isVerification: true)
            }
            switch outcome {
            case .done:
                try keeper.update { $0.nextStep = index + 1 }
            case .failed:
                try offerRollback(step: step, redactor: redactor)
                console.write(
                    console.yellow(
                        "  The workflow stops at this step; fix it and run 'incident resume \(keeper.record.id)'.")
                        + "\n")
                return
            case .aborted:
                try keeper.log("workflow.aborted", "workflow abandoned at step \(step.number)")
                try offerWorkflowRollback(redactor: redactor)
                try keeper.update { $0.nextStep = workflow.steps.count }
                return
            }
        }
    }

    /// Runs, skips or aborts one command, as confirmed, and records it.
    private func perform(_ command: PreparedCommand, step: WorkflowStep, isVerification: Bool = false)
        throws(IncidentError) -> Outcome
    {
        console.write("  \(isVerification ? "verify " : "")$ \(command.display)\n")
        var action = WorkflowAction(
            step: step.number, stepTitle: step.title, command: command.display, mutating: command.isMutating,
            decision: .skipped, at: keeper.now)
        if let reason = command.notReadyReason {
            if case .missing = command.readiness {
                action.decision = .skippedMissingVariables
            } else {
                action.decision = .unavailable
            }
            action.note = reason
            console.write("    skipped: \(reason)\n")
            try record(action)
            return .done
        }
        if options.dryRun {
            // What a real run would ask before: a dry run is where the engineer reviews it.
            if command.isMutating {
                console.write(
                    "    " + console.yellow("changes the system: asks first")
                        + " (\(command.reasons.joined(separator: "; ")))\n")
            }
            if !isVerification, let rollback = step.rollback, step.commands.last == command.source {
                console.write("    rollback if it fails: $ \(rollback)\n")
            }
            action.decision = .dryRun
            try record(action)
            return .done
        }
        switch confirm(command) {
        case .skip(let why):
            action.note = why
            console.write("    skipped: \(why)\n")
            try record(action)
            return .done
        case .abort:
            action.decision = .aborted
            try record(action)
            return .aborted
        case .run:
            break
        }
        guard var spec = command.spec(outputFile: nil, secrets: scope.secrets, defaultTimeout: options.timeout) else {
            return .done
        }
        // Retries wait for a change to take effect; when nothing was changed there is nothing to wait for.
        if spec.retry != nil, keeper.record.lastMitigationAt == nil {
            spec.retry = nil
            console.write("    (not retried: no change has been made yet)\n")
        }
        try keeper.log("command.started", command.display, ["step": String(step.number)])
        let result: CommandResult
        do throws(RunnerError) {
            result = try runner.run(spec)
        } catch {
            action.decision = .ran
            action.exitCode = 127
            action.note = "could not start: \(error)"
            try record(action)
            return .failed
        }
        action.decision = .ran
        action.at = keeper.now
        if case .exited(let code) = result.status { action.exitCode = code }
        action.durationMilliseconds = EvidenceCollector.milliseconds(result.totalDuration)
        let lines = EvidenceCollector.lines(result.stdout) + EvidenceCollector.lines(result.stderr)
        for line in lines.prefix(5) { console.write("    \(line)\n") }
        let summary = RunDisplay.describe(result.status, timedOut: result.timedOut)
        console.write(
            "    \(result.succeeded ? console.green(summary) : console.yellow(summary)), \(RunDisplay.seconds(result.totalDuration))\n"
        )
        if !result.succeeded { action.note = lines.last }
        try record(action)
        try keeper.log(
            "command.finished", command.display, ["status": summary, "step": String(step.number)])
        if command.isMutating, result.succeeded {
            let now = keeper.now
            try keeper.update { $0.lastMitigationAt = now }
        }
        // A read-only look that exits non-zero (`systemctl status` of a stopped unit) is information;
        // a step fails when a change or its verification fails.
        return result.succeeded || !(command.isMutating || isVerification) ? .done : .failed
    }

    private enum Confirmation { case run, skip(String), abort }

    private func confirm(_ command: PreparedCommand) -> Confirmation {
        if command.isMutating {
            if options.yes && options.yesMutating { return .run }
            guard prompter.isInteractive else {
                return .skip(
                    "changes the system (\(command.reasons.joined(separator: "; "))); pass --yes --yes-mutating to run it unattended"
                )
            }
            prompter.say("    This changes the system: \(command.reasons.joined(separator: "; ")).")
            while true {
                guard let answer = prompter.readLine(prompt: "    run / skip / abort? [r/s/a] ")?.trimmed.lowercased()
                else {
                    return .abort
                }
                switch answer {
                case "r", "run": return .run
                case "s", "skip": return .skip("skipped by the engineer")
                case "a", "abort": return .abort
                default: prompter.say("    Type r to run it, s to skip it, a to abandon the workflow.")
                }
            }
        }
        if options.yes { return .run }
        guard prompter.isInteractive else { return .skip("not confirmed: pass --yes to run read-only commands") }
        guard let answer = prompter.readLine(prompt: "    run? [Y/n/a] ")?.trimmed.lowercased() else { return .abort }
        switch answer {
        case "", "y", "yes", "r", "run": return .run
        case "a", "abort": return .abort
        default: return .skip("skipped by the engineer")
        }
    }

    private func record(_ action: WorkflowAction) throws(IncidentError) {
        try keeper.update { $0.actions.append(action) }
    }

    /// Whether a change has run: of step `number`, or of any step when nil. A rollback undoes a change,
    /// so none is offered before one ran (a skipped or unconfirmed change, an abort at a read-only step).
    private func changeRan(step number: Int? = nil) -> Bool {
        keeper.record.actions.contains { action in
            action.mutating && action.decision == .ran && (number == nil || action.step == number)
        }
    }

    private func offerRollback(step: WorkflowStep, redactor: Redactor) throws(IncidentError) {
        guard changeRan() else {
            console.write("  The step failed; nothing has been changed yet, so there is nothing to roll back.\n")
            return
        }
        if let rollback = step.rollback, changeRan(step: step.number) {
            let command = RunbookCommand(
                title: "rollback: \(rollback)", command: rollback,
                annotations: {
                    var annotations = CommandAnnotations(); annotations.marking = .mutating; return annotations
                }(),
                section: step.title, line: step.line)
            try offer([command], title: "this step's rollback", step: step, redactor: redactor)
        } else if !workflow.rollback.isEmpty {
            try offer(workflow.rollback, title: "the workflow's rollback", step: step, redactor: redactor)
        }
    }

    private func offerWorkflowRollback(redactor: Redactor) throws(IncidentError) {
        console.write("  Workflow abandoned.\n")
        guard !workflow.rollback.isEmpty, changeRan() else { return }
        let step = WorkflowStep(
            number: 0, title: "Rollback", text: "", commands: workflow.rollback, verify: nil, rollback: nil, line: 0)
        try offer(workflow.rollback, title: "the workflow's rollback", step: step, redactor: redactor)
    }

    /// Offers rollback commands: asked on a terminal, listed otherwise (never run unattended).
    private func offer(_ commands: [RunbookCommand], title: String, step: WorkflowStep, redactor: Redactor)
        throws(IncidentError)
    {
        let prepared = commands.map {
            PreparedCommand.prepare($0, path: workflow.path, scope: scope, tools: tools, redactor: redactor)
        }
        let why = step.number == 0 ? "Changes were made." : "The step failed."
        console.write(console.yellow("  \(why) Rollback available (\(title)):") + "\n")
        for command in prepared { console.write("    $ \(command.display)\n") }
        guard prompter.isInteractive, !options.dryRun,
            let answer = prompter.readLine(prompt: "  Run the rollback? [y/N] ")?.trimmed.lowercased(),
            answer == "y" || answer == "yes"
        else {
            try keeper.log("rollback.offered", "rollback offered, not run: \(title)")
            return
        }
        for command in prepared {
            guard let spec = command.spec(outputFile: nil, secrets: scope.secrets, defaultTimeout: options.timeout)
            else {
                continue
            }
            var action = WorkflowAction(
                step: step.number, stepTitle: step.title, command: command.display, mutating: true, decision: .rollback,
                at: keeper.now)
            if let result = try? runner.run(spec), case .exited(let code) = result.status { action.exitCode = code }
            try record(action)
        }
    }
}
