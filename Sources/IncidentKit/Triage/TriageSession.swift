import Foundation

/// The guided run, from the form to the report, one phase after another from the record's `phase`:
/// form, severity, evidence, findings, workflow, gates, report. The record is saved after every answer
/// and step, so a new session can continue where one stopped.
public struct TriageSession {
    public var library: Library
    public var plan: IncidentPlan
    public var keeper: RecordKeeper
    public var prompter: any Prompter
    public var runner: any CommandRunning
    public var console: any Console
    public var options: TriageOptions
    public var tools: ToolLocator
    /// Whether standard output is a terminal (live progress instead of a line per command).
    public var live: Bool
    /// The tool's environment: a shell variable a runbook leaves to its reader (`$NAMESPACE`) takes its
    /// value from it when neither `--set` nor an answer gives one.
    public var environment: @Sendable (String) -> String? = { _ in nil }

    public init(
        library: Library, plan: IncidentPlan, keeper: RecordKeeper, prompter: any Prompter,
        runner: any CommandRunning, console: any Console, options: TriageOptions, tools: ToolLocator, live: Bool
    ) {
        self.library = library
        self.plan = plan
        self.keeper = keeper
        self.prompter = prompter
        self.runner = runner
        self.console = console
        self.options = options
        self.tools = tools
        self.live = live
    }

    /// Runs the remaining phases. Returns `.success` when the incident is mitigated (or the run was a dry
    /// run), `.failure` when a required gate fails.
    public func run() throws(IncidentError) -> ExitCode {
        var record = keeper.record
        if record.phase <= .form {
            try askForm()
            try advance(to: .severity)
        }
        record = keeper.record
        if record.phase <= .severity {
            try classifySeverity()
            try advance(to: .evidence)
        }
        if keeper.record.phase <= .evidence {
            try collectEvidence()
            try advance(to: .findings)
        }
        if keeper.record.phase <= .findings {
            try findCauses()
            try advance(to: .workflow)
        }
        if keeper.record.phase <= .workflow || keeper.record.nextStep < (plan.workflow?.steps.count ?? 0) {
            try guideFix()
            try advance(to: .gates)
        }
        if options.dryRun {
            try showGates()
            console.write("\nDry run: nothing was run. The record is in \(keeper.store.folder(keeper.record.id)).\n")
            return .success
        }
        return try checkGatesAndReport()
    }

    /// `incident resolve`: runs the gates now, whatever phase the incident is in (the fix may have been
    /// made by hand), and writes the report. An incident past its gates stays done when they pass.
    public func resolve() throws(IncidentError) -> ExitCode {
        try keeper.log("resolve", "gates checked on request at phase \(keeper.record.phase.rawValue)")
        heading("Resolve")
        return try checkGatesAndReport()
    }

    /// The gates, the report, and the verdict: 0 when mitigated, 1 while a required gate fails.
    private func checkGatesAndReport() throws(IncidentError) -> ExitCode {
        let mitigated = try checkGates()
        try writeReport()
        try keeper.update { $0.phase = mitigated ? .done : max($0.phase, .gates) }
        let id = keeper.record.id
        if mitigated {
            console.write("\n" + console.green("Mitigated.") + " Report: \(keeper.record.reportPath ?? "")\n")
            return .success
        }
        let required = keeper.record.gateRuns.last?.results.filter(\.required) ?? []
        let why =
            required.contains { $0.status == .fail }
            ? "a required gate fails"
            : required.contains { $0.status == .unknown }
                ? "a required gate could not be checked"
                : "no gate verified the fix"
        console.write(
            "\n" + console.yellow("Not mitigated: \(why).")
                + " Report so far: \(keeper.record.reportPath ?? "")\nWhen the fix is in, run 'incident resolve \(id) --fixed \"what you did\"' to check the gates again"
                + " (or 'incident resolve \(id) --override \"reason\"').\n")
        return .failure
    }

    private func advance(to phase: IncidentRecord.Phase) throws(IncidentError) {
        try keeper.update { if $0.phase < phase { $0.phase = phase } }
    }

    private func heading(_ text: String) {
        console.write("\n" + console.bold("== " + text) + "\n")
    }

    // MARK: Form

    private func askForm() throws(IncidentError) {
        guard let form = plan.form else { return }
        heading("Incident form (\(form.path))")
        try FormSession(form: form, prompter: prompter, keeper: keeper).run()
    }

    // MARK: Severity

    private func classifySeverity() throws(IncidentError) {
        heading("Severity")
        let record = keeper.record
        guard let table = SeverityTable.find(in: library) else {
            console.write("  No severity table in the library; severity not classified.\n")
            return
        }
        var decision: SeverityDecision?
        if let level = record.variables["severity"] {
            decision = table.decision(forLevel: level, reason: "set with --set severity=\(level)")
            if decision == nil {
                throw .input("--set severity=\(level): the severity table (\(table.path)) has no level '\(level)'")
            }
        } else {
            decision = table.classify(answers: record.answers, fallback: record.routeSeverity)
        }
        guard let decision else {
            console.write("  The impact answer matches no row of \(table.path); severity not classified.\n")
            return
        }
        try keeper.update { $0.severity = decision }
        try keeper.log("severity", "\(decision.level): \(decision.condition)", ["reason": decision.reason])
        console.write(
            "  \(console.bold(decision.level)) \(decision.condition): respond \(decision.response); escalate to \(decision.escalateTo)\n"
                + "  (\(decision.reason); override with --set severity=SEVn)\n")
    }

    // MARK: Evidence

    private var scope: VariableScope {
        var scope = VariableScope(declarations: plan.declarations, record: keeper.record, form: plan.form)
        for name in plan.checklists.flatMap(\.commands).flatMap(\.readersVariables)
        where scope.variables[name]?.effectiveValue == nil {
            guard let value = environment(name), !value.isEmpty else { continue }
            // Still checked as a value is, but the command reads it from the environment (`"${NAME}"`).
            var variable = scope.variables[name] ?? Variable(name: name)
            variable.value = value
            variable.fromEnvironment = true
            scope.variables[name] = variable
        }
        return scope
    }

    /// The evidence commands made ready with the values known so far.
    private func prepareEvidence() -> (scope: VariableScope, commands: [PreparedCommand]) {
        let scope = self.scope
        let redactor = Redactor(secrets: scope.secrets)
        let prepared = plan.checklists.flatMap { checklist in
            checklist.commands.map {
                PreparedCommand.prepare($0, path: checklist.path, scope: scope, tools: tools, redactor: redactor)
            }
        }
        return (scope, prepared)
    }

    /// On a terminal, asks for the values that evidence commands still need (a runbook's `<pod>` or
    /// `$NAMESPACE`, a checklist variable without a default), each once, and keeps them as `--set` keeps
    /// them. An empty answer leaves the commands that need it unrun; a secret (declared, or named like one:
    /// `<password>`) is never asked, since the answer would show as it is typed.
    private func askForMissingValues(_ commands: [PreparedCommand], scope: VariableScope) throws(IncidentError) {
        guard prompter.isInteractive else { return }
        var needed: [(name: String, count: Int)] = []
        for command in commands {
            guard case .missing(let names) = command.readiness else { continue }
            for name in names where scope.variables[name]?.isSecret != true && !ShellVariables.looksSecret(name) {
                if let index = needed.firstIndex(where: { $0.name == name }) {
                    needed[index].count += 1
                } else {
                    needed.append((name, 1))
                }
            }
        }
        guard !needed.isEmpty else { return }
        prompter.say("  Values the commands need (Enter skips the commands that need one):")
        for (name, count) in needed {
            let uses = count == 1 ? "1 command" : "\(count) commands"
            guard let answer = prompter.readLine(prompt: "    \(TerminalText.printable(name)) (\(uses)): ") else {
                break  // end of input: the rest stay unasked
            }
            guard !answer.isEmpty else { continue }
            try keeper.update { $0.variables[name] = answer }
            try keeper.log("variable", "\(name): \(FormSession.short(answer))", ["name": name, "how": "asked"])
        }
    }

    private func collectEvidence() throws(IncidentError) {
        heading("Evidence")
        var (scope, prepared) = prepareEvidence()
        if prepared.contains(where: { if case .missing = $0.readiness { true } else { false } }) {
            try askForMissingValues(prepared, scope: scope)
            (scope, prepared) = prepareEvidence()
        }
        let fromEnvironment = scope.variables.values.filter(\.fromEnvironment).map(\.name).sorted()
        if !fromEnvironment.isEmpty {
            let names = fromEnvironment.map(TerminalText.printable).joined(separator: ", ")
            console.write("  From the environment (the commands read them there): \(names)\n")
        }
        let collector = EvidenceCollector(
            commands: prepared, runner: runner, folder: keeper.store.folder(keeper.record.id), secrets: scope.secrets,
            defaultTimeout: options.timeout)
        var items = collector.plan(dryRun: options.dryRun)
        let setAside = plan.checklists.flatMap(\.setAside)
        if items.isEmpty, setAside.isEmpty {
            console.write(
                plan.checklists.isEmpty
                    ? "  No evidence commands: the route names no checklist or runbook that the library has.\n"
                    : "  No evidence commands: the route's checklists and runbooks have no shell blocks.\n")
        }
        if !setAside.isEmpty {
            // A runbook's own fixing commands are never run as evidence; said, so that none goes missing.
            let headings = plan.checklists.flatMap(\.fixHeadings).map(TerminalText.printable)
            let count = setAside.count == 1 ? "1 command" : "\(setAside.count) commands"
            console.write(
                "  Not run as evidence: \(count) under \(headings.joined(separator: ", ")), which "
                    + "\(setAside.count == 1 ? "fixes" : "fix") rather than \(setAside.count == 1 ? "looks" : "look") "
                    + "(see the runbook below).\n")
        }
        let pending = items.filter { $0.status == .pending }.count
        if pending > 0, !options.yes {
            var confirmed = false
            if prompter.isInteractive {
                // What will run, as it will run (with any assignments the runbook makes first), before
                // the answer.
                for item in items where item.status == .pending {
                    let command = TerminalText.printable(item.command).replacingOccurrences(of: "\n", with: "\n      ")
                    console.write("    $ \(command)\n")
                }
            }
            if prompter.isInteractive,
                let answer = prompter.readLine(
                    prompt: "  Run \(pending) read-only evidence command\(pending == 1 ? "" : "s")? [Y/n] ")
            {
                confirmed = ["", "y", "yes"].contains(answer.trimmed.lowercased())
            }
            if !confirmed {
                for index in items.indices where items[index].status == .pending {
                    items[index].status = .notConfirmed
                    items[index].note = "not confirmed: pass --yes to run read-only evidence commands"
                }
            }
        }
        try keeper.update { $0.evidence = items }
        try keeper.log("evidence.started", "\(items.filter { $0.status == .pending }.count) commands to run")
        if items.contains(where: { $0.status == .pending }) {
            let display = RunDisplay(console: console, live: live)
            let keeper = self.keeper
            display.onStart = { label in try? keeper.log("command.started", label) }
            items = collector.run(items, display: display)
        }
        for item in items where item.status == .ran {
            try keeper.log(
                "command.finished", item.title,
                [
                    "source": item.source, "exit": item.exitCode.map(String.init) ?? "-",
                    "ms": String(item.durationMilliseconds ?? 0),
                ])
        }
        let counts = Self.redactionCounts(items, secrets: scope.secrets)
        try keeper.update { record in
            record.evidence = items
            for (kind, count) in counts { record.redactions[kind, default: 0] += count }
        }
        for item in items { console.write(Self.describe(item, console: console)) }
    }

    /// Redactions in the evidence: what the runner replaced, counted from the markers left in the text.
    static func redactionCounts(_ items: [EvidenceItem], secrets: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for item in items {
            for line in item.lines {
                var rest = Substring(line)
                while let range = rest.range(of: "[REDACTED:") {
                    let after = rest[range.upperBound...]
                    guard let close = after.firstIndex(of: "]") else { break }
                    counts[String(after[..<close]), default: 0] += 1
                    rest = after[close...]
                }
            }
        }
        return counts
    }

    static func describe(_ item: EvidenceItem, console: any Console) -> String {
        var text: String
        switch item.status {
        case .ran:
            let ok = item.followedSeconds != nil || item.exitCode == 0 && !item.timedOut
            let status =
                item.followedSeconds.map { "followed for \($0) s" }
                ?? (item.timedOut
                    ? "timed out"
                    : item.signal.map { "signal \($0)" } ?? "exit \(item.exitCode.map(String.init) ?? "?")")
            let duration =
                item.durationMilliseconds.map { $0 < 1000 ? "\($0) ms" : String(format: "%.1f s", Double($0) / 1000) }
                ?? ""
            text =
                "  \(ok ? console.green("✓") : console.yellow("✗")) \(item.title)  \(console.dim("\(status), \(duration)"))\n"
            for line in item.excerpt.prefix(3) { text += "      " + console.dim(String(line.prefix(160))) + "\n" }
        case .dryRun:
            // A command with setup (`export NAMESPACE=...` first) or on several lines stays indented.
            text = "  · \(item.title)\n      $ \(item.command.replacingOccurrences(of: "\n", with: "\n        "))\n"
            if let note = item.note { text += "      " + console.dim(note) + "\n" }
        default:
            text = "  - \(item.title)  \(console.dim(item.note ?? item.status.rawValue))\n"
        }
        return text
    }

    // MARK: Findings

    private func findCauses() throws(IncidentError) {
        heading("Findings")
        let record = keeper.record
        var findings: [Finding] = []
        for checklist in plan.checklists {
            findings += FindingMatcher.findings(
                patterns: checklist.patterns, patternFile: checklist.path, evidence: record.evidence,
                errorText: record.answers["error_text"])
        }
        findings.sort { $0.score != $1.score ? $0.score > $1.score : $0.meaning < $1.meaning }
        try keeper.update { $0.findings = findings }
        guard !findings.isEmpty else {
            let ran = record.evidence.contains { $0.status == .ran }
            console.write(
                ran
                    ? "  No known error pattern matched the evidence. Read the outputs in \(keeper.store.folder(record.id))/evidence.\n"
                    : "  No evidence command ran, so there is nothing to match.\n")
            try keeper.log("findings", "no known error pattern matched")
            return
        }
        for (rank, finding) in findings.prefix(5).enumerated() {
            console.write(
                "  \(rank + 1). \(console.bold(finding.meaning))\n      \"\(finding.evidenceLine)\"\n"
                    + "      from \(finding.command); \(finding.matches) matching line\(finding.matches == 1 ? "" : "s"); pattern \(finding.patternSource)\n"
            )
        }
        try keeper.log(
            "findings", findings[0].meaning, ["evidence": findings[0].evidenceLine, "count": String(findings.count)])
    }

    // MARK: Workflow

    private func guideFix() throws(IncidentError) {
        guard let workflow = plan.workflow else {
            try showRunbooks()
            return
        }
        heading("Fix workflow (\(workflow.path))")
        try WorkflowRunner(
            workflow: workflow, scope: scope, runner: runner, prompter: prompter, keeper: keeper, options: options,
            tools: tools, console: console
        ).run()
    }

    /// Without a workflow, the routed runbook is the guide: its sections, as written, on screen.
    private func showRunbooks() throws(IncidentError) {
        for path in plan.runbooks {
            guard let bytes = FileSystem.read(library.root + "/" + path) else { continue }
            heading("Runbook (\(path))")
            let excerpt = Self.excerpt(of: String(decoding: bytes, as: UTF8.self), limit: Self.runbookLines)
            for line in excerpt.lines {
                console.write(line.isEmpty ? "\n" : "  " + TerminalText.printable(line) + "\n")
            }
            if excerpt.more > 0 {
                console.write(console.dim("  ... \(excerpt.more) more lines in \(library.root)/\(path)") + "\n")
            }
            try keeper.log("runbook", "showed \(path)", ["path": path])
        }
    }

    /// How many lines of a runbook the terminal is shown.
    static let runbookLines = 40

    /// The runbook's text from its first `##` section (the title is shown already), blank lines collapsed.
    static func excerpt(of text: String, limit: Int) -> (lines: [String], more: Int) {
        var lines: [String] = []
        var body = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        if let first = body.firstIndex(where: { $0.hasPrefix("## ") }) { body = body[first...] }
        for line in body {
            let trimmed = String(line.reversed().drop(while: \.isWhitespace).reversed())
            if trimmed.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(trimmed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return (Array(lines.prefix(limit)), max(0, lines.count - limit))
    }

    // MARK: Gates

    private func showGates() throws(IncidentError) {
        heading("Quality gates (not run)")
        let scope = self.scope
        let redactor = Redactor(secrets: scope.secrets)
        for gate in plan.gates.flatMap(\.gates) {
            let shown = gate.check.map {
                redactor.redact(CommandTemplate($0).resolve(scope.variables).command ?? $0).text
            }
            console.write("  · \(gate.title)\n      $ \(shown ?? "(no command)")\n")
            if let shown, case .mutating(let reasons) = RiskClassifier.classify(shown) {
                console.write(
                    "      " + console.yellow("changes the system: asks first")
                        + " (\(reasons.joined(separator: "; ")))\n")
            }
        }
    }

    /// Runs every gate; true when every required gate passes (or the failure is overridden).
    private func checkGates() throws(IncidentError) -> Bool {
        heading("Quality gates")
        let record = keeper.record
        guard plan.gates.contains(where: { !$0.gates.isEmpty }) else {
            // Nothing can verify the fix: never call it mitigated by default.
            console.write("  The library has no quality gates (gates/*.md), so nothing can verify the fix.\n")
            if let reason = options.override {
                let now = keeper.now
                try keeper.update {
                    $0.override = reason
                    if $0.mitigatedAt == nil { $0.mitigatedAt = now }
                }
                try keeper.log(
                    "mitigated", "no gates; mitigated on the engineer's word: \(reason)", ["override": reason])
                return true
            }
            console.write(
                "  When it is fixed, run 'incident resolve \(record.id) --override \"how you verified it\"'.\n")
            return false
        }
        let since = { (gate: Gate) in record.logWindowStart(forGate: gate.title) }
        let gateRunner = GateRunner(
            gates: plan.gates, scope: scope, runner: runner, tools: tools, defaultTimeout: options.timeout,
            approveReadOnly: approveGateChecks, approveMutating: approveMutatingGate)
        let count = plan.gates.reduce(0) { $0 + $1.gates.count }
        console.write("  checking \(count) gate\(count == 1 ? "" : "s")...\n")
        var run = gateRunner.run(at: keeper.now, since: since)
        // Stamped when the checks finished: a log gate that passed counts only lines after it next time.
        run.at = keeper.now
        try keeper.update { $0.gateRuns.append(run) }
        for result in run.results {
            let mark: String
            switch result.status {
            case .pass: mark = console.green("PASS")
            case .fail: mark = result.required ? console.yellow("FAIL") : "fail"
            case .unknown: mark = "UNKNOWN"
            }
            console.write(
                "  \(mark)  \(result.title)\(result.required ? "" : " (optional)")  \(console.dim(result.detail))\n")
        }
        try keeper.log(
            "gates",
            run.passed
                ? "all required gates pass"
                : run.results.contains { $0.required && $0.status == .fail }
                    ? "a required gate fails" : "a required gate could not be checked",
            ["passed": String(run.passed)])
        if run.passed {
            let now = keeper.now
            try keeper.update { if $0.mitigatedAt == nil { $0.mitigatedAt = now } }
            try keeper.log("mitigated", "all required gates pass")
            return true
        }
        if let reason = options.override {
            let now = keeper.now
            try keeper.update {
                $0.override = reason
                if $0.mitigatedAt == nil { $0.mitigatedAt = now }
            }
            try keeper.log("mitigated", "gates overridden: \(reason)", ["override": reason])
            // As recorded: a credential or a secret value in the reason is redacted.
            let shown = keeper.record.override ?? ""
            console.write(console.yellow("  Failing gates overridden: \(shown) (recorded)") + "\n")
            return true
        }
        return false
    }

    // MARK: Report

    /// Read-only gate checks run with `--yes`, or when the engineer agrees, as evidence commands do.
    private func approveGateChecks(_ count: Int) -> Bool {
        if options.yes { return true }
        guard prompter.isInteractive,
            let answer = prompter.readLine(
                prompt: "  Run \(count) read-only gate check\(count == 1 ? "" : "s")? [Y/n] ")
        else { return false }
        return ["", "y", "yes"].contains(answer.trimmed.lowercased())
    }

    /// A gate check that changes the system runs with `--yes --yes-mutating`, or when the engineer says so.
    private func approveMutatingGate(_ gate: Gate, _ command: PreparedCommand) -> Bool {
        if options.yes && options.yesMutating { return true }
        guard prompter.isInteractive else { return false }
        prompter.say("  Gate \"\(gate.title)\" checks with: \(command.display)")
        prompter.say("  This changes the system: \(command.reasons.joined(separator: "; ")).")
        while true {
            guard let answer = prompter.readLine(prompt: "  run / skip? [r/s] ")?.trimmed.lowercased() else {
                return false
            }
            switch answer {
            case "r", "run": return true
            case "s", "skip", "": return false
            default: prompter.say("  Type r to run the check, s to leave the gate unknown.")
            }
        }
    }

    public func writeReport() throws(IncidentError) {
        guard let template = plan.template else {
            console.write("\nNo report template in the library (\(IncidentPlan.defaultTemplate)); no report written.\n")
            return
        }
        let record = keeper.record
        let path = keeper.store.folder(record.id) + "/incident_report.md"
        try ReportRenderer.write(
            template, record: record, timeline: keeper.store.timeline(record.id), workflow: plan.workflow,
            now: keeper.now, to: path, console: console)
        try keeper.update { $0.reportPath = path }
        try keeper.log("report", "report written", ["path": path])
    }
}
