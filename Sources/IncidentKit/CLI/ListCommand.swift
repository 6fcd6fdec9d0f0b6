import Foundation

/// `incident list`: the incidents in the output folder.
struct ListCommand: Subcommand {
    let name = "list"
    let summary = "List the incidents in the output folder."
    let synopsis = "list [--out DIR] [--json]"
    let details = ""
    let options: [ArgumentParser.Option] = [.out, .flag("json", "Print the list as JSON.")]

    func run(_ parsed: ArgumentParser.Parsed, context: CommandContext) throws(IncidentError) -> ExitCode {
        guard parsed.positionals.isEmpty else { throw .usage("unexpected argument '\(parsed.positionals[0])'") }
        let store = try context.incidentStore(parsed)
        let records = context.loadRecords(store)
        if parsed.flag("json") {
            let items = records.map { record -> JSONValue in
                .object([
                    ("id", .string(record.id)), ("symptom", .string(record.symptom)),
                    ("opened", .string(ISO8601DateFormatter().string(from: record.openedAt))),
                    ("severity", record.severity.map { .string($0.level) } ?? .null),
                    ("phase", .string(record.phase.rawValue)),
                    ("route", .string(record.route.title)), ("mitigated", .bool(record.mitigatedAt != nil)),
                    ("dryRun", .bool(record.dryRun)),
                ])
            }
            context.console.write(JSONValue.array(items).rendered() + "\n")
            return .success
        }
        guard !records.isEmpty else {
            let unreadable = store.ids().count
            context.console.write(
                unreadable == 0
                    ? "No incidents in \(store.root).\n"
                    : "No readable incidents in \(store.root): \(unreadable) could not be read (see above).\n")
            return .success
        }
        for record in records {
            let state = record.mitigatedAt != nil ? "mitigated" : record.dryRun ? "dry run" : record.phase.rawValue
            context.console.write(
                "\(record.id)  \((record.severity?.level ?? "-").padding(to: 5))\(state.padding(to: 10))\(record.route.title): \(TerminalText.abbreviated(record.symptom))\n"
            )
        }
        return .success
    }
}

/// `incident show ID`: one incident's state.
struct ShowCommand: Subcommand {
    let name = "show"
    let summary = "Show one incident: route, answers, severity, evidence, findings, actions, gates."
    let synopsis = "show ID [--out DIR] [--json]"
    let details = ""
    let options: [ArgumentParser.Option] = [.out, .flag("json", "Print the saved record (state.json) as JSON.")]

    func run(_ parsed: ArgumentParser.Parsed, context: CommandContext) throws(IncidentError) -> ExitCode {
        let record = try context.incident(parsed, for: "show").record
        let console = context.console
        if parsed.flag("json") {
            let data = (try? IncidentStore.encoder.encode(record)) ?? Data("{}".utf8)
            console.write(JSONValue.escapingControls(String(decoding: data, as: UTF8.self)) + "\n")
            return .success
        }
        var text = console.bold("\(record.id)") + "  \(record.symptom)\n"
        text += "route:     \(record.route.title) (\(record.route.file):\(record.route.line))\n"
        text += "opened:    \(ISO8601DateFormatter().string(from: record.openedAt))\n"
        text += "phase:     \(record.phase.rawValue)\n"
        text +=
            "severity:  \(record.severity.map { "\($0.level) \($0.condition) (\($0.reason))" } ?? "not classified")\n"
        text += "mitigated: \(record.mitigatedAt.map { ISO8601DateFormatter().string(from: $0) } ?? "no")"
        text += record.override.map { " (gates overridden: \($0))" } ?? ""
        text += "\n\nanswers:\n"
        let secret = Set(record.secretKeys)
        for key in record.answers.keys.sorted() {
            let value = secret.contains(key) ? "[REDACTED:secret-value]" : record.answers[key]!
            text += "  \(key): \(FormSession.short(value))\n"
        }
        if record.answers.isEmpty { text += "  none\n" }
        // Values given with --set or asked for by the evidence commands (`$NAMESPACE`).
        if !record.variables.isEmpty {
            text += "\nvalues:\n"
            for key in record.variables.keys.sorted() {
                let value = secret.contains(key) ? "[REDACTED:secret-value]" : record.variables[key]!
                text += "  \(key): \(FormSession.short(value))\n"
            }
        }
        text += "\nevidence:\n"
        for item in record.evidence { text += TriageSession.describe(item, console: console) }
        if record.evidence.isEmpty { text += "  none\n" }
        text += "\nfindings:\n"
        for finding in record.findings.prefix(5) { text += "  - \(finding.meaning): \"\(finding.evidenceLine)\"\n" }
        if record.findings.isEmpty { text += "  none\n" }
        text += "\nactions:\n"
        for action in record.actions {
            text += "  step \(action.step) \(ReportValues.decision(action)): \(action.command)\n"
        }
        if record.actions.isEmpty { text += "  none\n" }
        if let run = record.gateRuns.last {
            text += "\ngates (\(ISO8601DateFormatter().string(from: run.at))):\n"
            for result in run.results {
                text += "  \(result.status.rawValue.uppercased())  \(result.title): \(result.detail)\n"
            }
        }
        if let report = record.reportPath { text += "\nreport: \(report)\n" }
        console.write(text)
        return .success
    }
}

/// `incident report ID`: renders the report again from the saved record.
struct ReportCommand: Subcommand {
    let name = "report"
    let summary = "Render an incident's report again from its record."
    let synopsis = "report ID [--out DIR] [--library DIR]"
    let details = "The report is written to incidents/ID/incident_report.md from the library's template."
    let options: [ArgumentParser.Option] = [.out, .value("library", "DIR", "The library, if it moved.")]

    func run(_ parsed: ArgumentParser.Parsed, context: CommandContext) throws(IncidentError) -> ExitCode {
        let (store, record) = try context.incident(parsed, for: "report")
        let library = try context.incidentLibrary(parsed, for: record)
        let keeper = RecordKeeper(record: record, store: store, clock: { Date() })
        let session = TriageSession(
            library: library, plan: IncidentPlan(library: library, targets: record.route.targets), keeper: keeper,
            prompter: NoInputPrompter(console: context.console), runner: RunOptions.runner(TriageOptions()),
            console: context.console, options: TriageOptions(), tools: ToolLocator(path: context.environment["PATH"]),
            live: false)
        try session.writeReport()
        context.console.write("\(keeper.record.reportPath ?? "")\n")
        return .success
    }
}
