import Foundation

/// `incident status ID`: where an incident stands, in a few lines, and what to do next.
struct StatusCommand: Subcommand {
    let name = "status"
    let summary = "Say where an incident stands and what to do next."
    let synopsis = "status ID [--out DIR] [--json]"
    let details = "Exit status 0 once the incident is mitigated, 1 while it is not."
    let options: [ArgumentParser.Option] = [.out, .flag("json", "Print the status as JSON.")]

    func run(_ parsed: ArgumentParser.Parsed, context: CommandContext) throws(IncidentError) -> ExitCode {
        let record = try context.incident(parsed, for: "status").record
        let gates = record.gateRuns.last?.results ?? []
        func count(_ status: GateResult.Status) -> Int { gates.filter { $0.status == status }.count }
        let next = Self.nextStep(record)
        if parsed.flag("json") {
            let object = JSONValue.object([
                ("id", .string(record.id)), ("phase", .string(record.phase.rawValue)),
                ("severity", record.severity.map { .string($0.level) } ?? .null),
                ("mitigated", .bool(record.mitigatedAt != nil)), ("dryRun", .bool(record.dryRun)),
                (
                    "gates",
                    .object([
                        ("pass", .integer(count(.pass))), ("fail", .integer(count(.fail))),
                        ("unknown", .integer(count(.unknown))),
                    ])
                ),
                ("next", next.map { .string($0) } ?? .null),
            ])
            context.console.write(object.rendered() + "\n")
        } else {
            let now = Date()
            var text = "\(record.id)  \(record.route.title): \(record.symptom)\n"
            text += "  severity:  \(record.severity.map { "\($0.level) (\($0.condition))" } ?? "not classified")\n"
            if let mitigated = record.mitigatedAt {
                text += "  state:     mitigated after \(ReportTime.duration(from: record.openedAt, to: mitigated))"
                text += record.override.map { " (gates overridden: \($0))" } ?? ""
                text += "\n"
            } else if record.dryRun {
                text += "  state:     a dry run, stopped at \(record.phase.rawValue): no command has run\n"
            } else {
                text +=
                    "  state:     \(record.phase.rawValue), open for \(ReportTime.duration(from: record.openedAt, to: now))\n"
            }
            if let run = record.gateRuns.last {
                text += "  gates:     \(count(.pass)) pass, \(count(.fail)) fail, \(count(.unknown)) unknown "
                text += "(checked \(ReportTime.dateTime(run.at)))\n"
            }
            if let next { text += "  next:      \(next)\n" }
            context.console.write(text)
        }
        return record.mitigatedAt != nil ? .success : .failure
    }

    /// The command that moves the incident on, or nil when it is done.
    static func nextStep(_ record: IncidentRecord) -> String? {
        if record.mitigatedAt != nil {
            return record.phase == .done ? "incident postmortem \(record.id)" : "incident resume \(record.id)"
        }
        if record.dryRun { return "incident resume \(record.id) to run it for real, from the evidence on" }
        if record.phase >= .gates {
            return "fix, then 'incident resolve \(record.id) --fixed \"what you did\"' to check the gates again"
        }
        return "incident resume \(record.id) (continues at \(record.phase.rawValue))"
    }
}

/// `incident resolve ID`: checks the gates now and calls the incident mitigated when they pass.
struct ResolveCommand: Subcommand {
    let name = "resolve"
    let summary = "Check the quality gates now; the incident is mitigated when every required gate passes."
    let synopsis =
        "resolve ID [--out DIR] [--library DIR] [--set KEY=VALUE]... [--answers FILE] [--fixed WHAT] [--yes] [--yes-mutating] [--no-input] [--timeout SECONDS] [--override REASON]"
    let details = """
        Runs the gates whatever phase the incident is in (the fix may have been made by hand), then
        renders the report. Exit status 0 when mitigated, 1 while a required gate fails. --fixed "what"
        records a fix made by hand as the last mitigation, so that log gates count only lines written
        after it; checking again without it does not move their window. With --override "reason" the
        incident is called mitigated anyway and the reason is recorded.
        """
    /// Without --dry-run: resolve is there to run the gates ('incident show ID' shows them).
    let options = ResumeCommand.reopenOptions.filter { $0.name != "dry-run" }

    func run(_ parsed: ArgumentParser.Parsed, context: CommandContext) throws(IncidentError) -> ExitCode {
        guard let (session, keeper) = try ResumeCommand.reopen(parsed, context: context, verb: "resolve") else {
            return .success
        }
        return try context.withInterrupts(keeper) { () throws(IncidentError) -> ExitCode in try session.resolve() }
    }
}

/// `incident postmortem ID`: the postmortem draft, from the library's template and the record.
struct PostmortemCommand: Subcommand {
    let name = "postmortem"
    let summary = "Write the postmortem draft of an incident from its record."
    let synopsis = "postmortem ID [--out DIR] [--library DIR] [--force]"
    let details = """
        Renders artifacts/postmortem.md (the library's, else the built-in one) into
        incidents/ID/postmortem.md with the timeline, root cause, actions, gates and follow-ups filled in.
        A postmortem already there is people's work: it is kept unless --force is given.
        """
    let options: [ArgumentParser.Option] = [
        .out, .value("library", "DIR", "The library, if it moved."),
        .flag("force", "Replace a postmortem that is already there."),
    ]

    static let template = "artifacts/postmortem.md"

    func run(_ parsed: ArgumentParser.Parsed, context: CommandContext) throws(IncidentError) -> ExitCode {
        let (store, record) = try context.incident(parsed, for: "postmortem")
        let path = store.folder(record.id) + "/postmortem.md"
        if FileSystem.isFile(path), !parsed.flag("force") {
            throw .failure("\(path) exists and may hold edits; pass --force to write it again")
        }
        let library = try context.incidentLibrary(parsed, for: record)
        let plan = IncidentPlan(library: library, targets: record.route.targets)
        let own = FileSystem.read(library.root + "/" + Self.template).map {
            (Self.template, String(decoding: $0, as: UTF8.self))
        }
        guard let template = own ?? IncidentPlan.builtIn(Self.template) else {
            throw .failure("no postmortem template: add \(Self.template) to the library")
        }
        try ReportRenderer.write(
            template, record: record, timeline: store.timeline(record.id), workflow: plan.workflow, now: Date(),
            to: path, console: context.console)
        let keeper = RecordKeeper(record: record, store: store, clock: { Date() })
        try keeper.log("postmortem", "postmortem draft written", ["path": path])
        context.console.write(path + "\n")
        return .success
    }
}

/// `incident stats`: the incidents of the output folder in figures.
struct StatsCommand: Subcommand {
    let name = "stats"
    let summary = "Figures over the incidents in the output folder: counts, severity, routes, time to mitigate."
    let synopsis = "stats [--out DIR] [--json]"
    let details = """
        Time to mitigate runs from when the incident was opened to when its gates passed (or it was
        overridden). A repeat is an incident whose route an earlier incident already took.
        """
    let options: [ArgumentParser.Option] = [.out, .flag("json", "Print the figures as JSON.")]

    func run(_ parsed: ArgumentParser.Parsed, context: CommandContext) throws(IncidentError) -> ExitCode {
        guard parsed.positionals.isEmpty else { throw .usage("unexpected argument '\(parsed.positionals[0])'") }
        let store = try context.incidentStore(parsed)
        let records = context.loadRecords(store)
        let stats = IncidentStats(records.filter { !$0.dryRun })
        if parsed.flag("json") {
            context.console.write(stats.json.rendered() + "\n")
        } else {
            context.console.write(stats.text(folder: store.root))
        }
        return .success
    }
}
