import Foundation

/// `incident resume ID`: continues an incident at its first unfinished step.
struct ResumeCommand: Subcommand {
    let name = "resume"
    let summary = "Continue an incident where it stopped (an interruption, a failed gate, a lost session)."
    let synopsis =
        "resume ID [--out DIR] [--library DIR] [--set KEY=VALUE]... [--answers FILE] [--fixed WHAT] [--yes] [--yes-mutating] [--dry-run] [--no-input] [--timeout SECONDS] [--override REASON]"
    let details = """
        The incident continues at its first unfinished phase: the form, evidence, the next workflow step,
        or the gates (run again: an incident whose gates failed is checked again after the fix). A dry run
        resumed without --dry-run runs for real from the evidence on. A warning names every runbook file
        that changed since the incident opened.
        """
    let options = Self.reopenOptions

    /// The options of the commands that take an incident up again (resume, resolve).
    static let reopenOptions: [ArgumentParser.Option] =
        [
            .out, .value("library", "DIR", "The library, if it moved since the incident opened."),
            .value("set", "KEY=VALUE", "Answer a form field or set a command variable (repeatable).", repeatable: true),
            .value("answers", "FILE", "Answers as a JSON object of key: value."),
            .value(
                "fixed", "WHAT",
                "A fix made by hand, recorded now as the last mitigation: log gates count lines from this moment."),
        ] + RunOptions.list

    func run(_ parsed: ArgumentParser.Parsed, context: CommandContext) throws(IncidentError) -> ExitCode {
        guard let (session, keeper) = try Self.reopen(parsed, context: context, verb: "resume") else { return .success }
        return try context.withInterrupts(keeper) { () throws(IncidentError) -> ExitCode in try session.run() }
    }

    /// Loads incident ID for `verb` (resume or resolve): warns about runbooks changed since it opened,
    /// adds the answers and variables given now, and makes the session. Nil when it is already done.
    static func reopen(_ parsed: ArgumentParser.Parsed, context: CommandContext, verb: String)
        throws(IncidentError) -> (TriageSession, RecordKeeper)?
    {
        let options = try RunOptions.parse(parsed)
        var (store, record) = try context.incident(parsed, for: verb)
        let library = try context.incidentLibrary(parsed, for: record)
        let plan = IncidentPlan(library: library, targets: record.route.targets)
        let console = context.console
        let current = TriageCommand.hashes(Array(record.fileHashes.keys), root: library.root)
        for path in record.fileHashes.keys.sorted() where current[path] != record.fileHashes[path] {
            console.error(console.yellowError("warning: ") + "\(path) changed since \(record.id) opened\n")
        }
        if record.phase == .done {
            console.write("\(record.id) is already mitigated; its report: \(record.reportPath ?? "-")\n")
            return nil
        }
        let given = try context.givenAnswers(parsed)
        let added = try TriageCommand.split(given, form: plan.form, symptom: nil)
        try TriageCommand.checkSeverity(added.variables["severity"], library: library)
        TriageCommand.warnUnused(given, plan: plan, console: console)
        record.answers.merge(added.fields) { $1 }
        record.variables.merge(added.variables) { $1 }
        for key in TriageCommand.secretKeys(library) where !record.secretKeys.contains(key) {
            record.secretKeys.append(key)
        }
        record.redactEnteredText()
        if verb == "resume", record.dryRun, !options.dryRun, record.phase > .evidence {
            // A dry run showed the commands and ran none: the real run starts at the evidence, not at the
            // gates the dry run stopped before.
            console.write("\(record.id) was a dry run and no command has run: collecting the evidence now.\n")
            record.phase = .evidence
            record.evidence = []
            record.findings = []
            record.actions = []
            record.nextStep = 0
            record.gateRuns = []
        }
        record.dryRun = options.dryRun
        let keeper = RecordKeeper(record: record, store: store, clock: { Date() })
        // Saved at once: answers given now are kept even if the run stops before its next step (another
        // answer missing, Ctrl-C).
        try keeper.update { _ in }
        try keeper.log(verb == "resume" ? "resumed" : verb, "\(verb) at \(record.phase.rawValue)")
        try TriageCommand.logGiven(added, keeper: keeper)
        // The tool cannot see a fix made by hand: told of one, it counts log lines from now on.
        if let fixed = parsed.value("fixed") {
            let now = keeper.now
            try keeper.update { $0.lastMitigationAt = now }
            try keeper.log("mitigation", "fixed by hand: \(fixed)", ["by": "hand"])
        }
        let what =
            verb == "resume"
            ? "resumed at \(record.phase.rawValue)" : "at \(record.phase.rawValue): checking its gates now"
        console.write(console.bold("Incident \(record.id)") + " \(what) (\(record.route.title))\n")
        var session = TriageSession(
            library: library, plan: plan, keeper: keeper, prompter: RunOptions.prompter(parsed, console: console),
            runner: RunOptions.runner(options), console: console, options: options,
            tools: ToolLocator(path: context.environment["PATH"]), live: console.colorsOutput)
        session.environment = context.lookup
        return (session, keeper)
    }
}
