import Foundation

/// `incident triage SYMPTOM`: the guided run from symptom to incident_report.md.
struct TriageCommand: Subcommand {
    let name = "triage"
    let summary = "Open an incident for a symptom and run it: form, evidence, findings, fix, gates, report."
    let synopsis =
        "triage SYMPTOM [--library DIR] [--out DIR] [--set KEY=VALUE]... [--answers FILE] [--yes] [--yes-mutating] [--dry-run] [--no-input] [--timeout SECONDS] [--override REASON] [--json]"
    let details = """
        The symptom is routed to a triage flow; the incident form is asked (answers given with --set or
        --answers are not asked again); severity is proposed from the answers; the checklist's read-only
        commands collect evidence in parallel; known error patterns become findings; the fix workflow is
        shown step by step (a command that changes the system always needs its own confirmation); the
        quality gates decide whether the incident is mitigated; the report is written to
        incidents/ID/incident_report.md. Everything is saved as it happens: 'incident resume ID' continues.

        --set KEY=VALUE answers a form field (by key or number) or sets a variable of the commands.
        Without a terminal nothing is asked: missing answers are named with the --set that supplies them.

        Examples:
          incident triage 502
          incident triage "502" --no-input --yes --set service=shop --set env=production --set impact="all users"
          incident triage "disk full" --dry-run
        """
    let options: [ArgumentParser.Option] =
        [
            .value("library", "DIR", "Runbook library to use (default: see 'incident --help')."),
            .out,
            .value("set", "KEY=VALUE", "Answer a form field or set a command variable (repeatable).", repeatable: true),
            .value("answers", "FILE", "Answers as a JSON object of key: value."),
            .flag("json", "Print the finished record as JSON instead of the running commentary."),
        ] + RunOptions.list

    func run(_ parsed: ArgumentParser.Parsed, context: CommandContext) throws(IncidentError) -> ExitCode {
        let typed = TerminalText.printable(parsed.positionals.joined(separator: " ").trimmed)
        guard !typed.isEmpty else { throw .usage("missing SYMPTOM") }
        let options = try RunOptions.parse(parsed)
        let given = try context.givenAnswers(parsed)
        let console: any Console = parsed.flag("json") ? CapturingConsole() : context.console
        // Questions go to the terminal even when --json keeps the commentary for the end: on standard
        // error, so that standard output holds the JSON alone.
        let questions: any Console = parsed.flag("json") ? QuestionConsole(base: context.console) : context.console
        let prompter = RunOptions.prompter(parsed, console: questions)
        let library = try context.loadLibrary(parsed)
        // A pasted log line may carry a credential, or a value given for a secret: it is replaced before
        // it is shown, routed or kept. Secret keys are taken from the whole library: the route that
        // decides which ones apply is not known yet.
        let secretKeys = Self.secretKeys(library)
        // Given by key or by a secret field's number (`--set 9=...`), with or without trailing blanks.
        let forms = library.paths.compactMap { library.files[$0] }.filter { $0.kind == .form }.map(IncidentForm.init)
        let givenSecrets = IncidentRecord.searchForms(
            of: given.order.filter { key in
                secretKeys.contains(key) || forms.contains { $0.field(named: key)?.isSecret == true }
            }.compactMap { given.values[$0] })
        let entered = Redactor(secrets: givenSecrets).redact(typed)
        let symptom = entered.text

        let routing = Router(index: library.index).route(symptom, top: 3)
        let (choice, routeSeverity) = try Self.choose(routing, prompter: prompter, console: console)
        let plan = IncidentPlan(library: library, targets: choice.targets)
        let chosen = routing.matches.first { $0.route.file == choice.file && $0.route.line == choice.line }
        let missing = chosen?.route.targets.filter { $0.path == nil }.map(\.destination) ?? []
        Self.warnMissingLinks(
            choice.targets, missing: missing, from: choice, library: library, console: context.console)

        let answers = try Self.split(given, form: plan.form, symptom: symptom, secrets: givenSecrets)
        Self.warnUnused(given, plan: plan, console: context.console)
        Self.warnProblems(in: Set(plan.files + choice.targets), library: library, console: context.console)
        try Self.checkSeverity(answers.variables["severity"], library: library)
        // Without a terminal, say what is missing before opening an incident that could not go on.
        if !prompter.isInteractive, let form = plan.form {
            let missing = FormSession.missing(in: form, answers: answers.fields)
            if !missing.isEmpty { throw FormSession.missingError(missing, form: form) }
        }
        let store = try context.incidentStore(parsed)
        let now = Date()
        let id = try store.claimID(on: now)
        var record = IncidentRecord(id: id, symptom: symptom, openedAt: now, library: library.root, route: choice)
        record.routeSeverity = routeSeverity
        record.dryRun = options.dryRun
        record.fileHashes = Self.hashes(plan.files, root: library.root)
        record.secretKeys = secretKeys
        record.answers = answers.fields
        record.variables = answers.variables
        for (kind, count) in entered.counts { record.redactions[kind.rawValue, default: 0] += count }
        record.redactEnteredText()
        let keeper = RecordKeeper(record: record, store: store, clock: { Date() })
        try store.save(record)
        try keeper.log(
            "declared", "incident \(id) declared: \(symptom)",
            ["route": choice.title, "file": "\(choice.file):\(choice.line)", "dryRun": String(options.dryRun)])
        try Self.logGiven(answers, keeper: keeper)
        console.write(console.bold("Incident \(id)") + " opened in \(store.folder(id))\n")

        var session = TriageSession(
            library: library, plan: plan, keeper: keeper, prompter: prompter, runner: RunOptions.runner(options),
            console: console, options: options, tools: ToolLocator(path: context.environment["PATH"]),
            live: console.colorsOutput)
        session.environment = context.lookup
        let status = try context.withInterrupts(keeper) { () throws(IncidentError) -> ExitCode in try session.run() }
        if parsed.flag("json") {
            context.console.write(
                JSONValue.escapingControls(
                    (try? String(
                        decoding: IncidentStore.encoder.encode(keeper.record.withoutSecretValues), as: UTF8.self))
                        ?? "{}"))
            context.console.write("\n")
        }
        return status
    }

    /// The keys whose values are secret anywhere in the library: secret form fields and variables
    /// declared secret in any checklist, workflow or runbook.
    static func secretKeys(_ library: Library) -> [String] {
        var keys: [String] = []
        for path in library.paths {
            guard let file = library.files[path] else { continue }
            let found: [String]
            switch file.kind {
            case .form: found = IncidentForm(file).fields.filter(\.isSecret).map(\.key)
            default: found = VariableDeclaration.declarations(in: file.document).filter(\.isSecret).map(\.name)
            }
            for key in found where !keys.contains(key) { keys.append(key) }
        }
        return keys
    }

    /// The route to follow: the best one; on a near tie a terminal user picks among the routes that tie
    /// (three at most); with no confident match the library's generic triage flow.
    static func choose(_ routing: RoutingResult, prompter: any Prompter, console: any Console)
        throws(IncidentError) -> (RouteChoice, String?)
    {
        console.write(console.bold("Symptom:") + " \(TerminalText.abbreviated(routing.symptom, limit: 300))\n")
        if routing.confident, let best = routing.best {
            var chosen = best
            var warning: String?
            if routing.nearTie, routing.matches.count > 1 {
                if prompter.isInteractive {
                    // Only the routes that score almost as high as the best: a third one far behind is no tie.
                    let choices = min(3, routing.tied, routing.matches.count)
                    prompter.say("Near tie between routes:")
                    for (number, match) in routing.matches.prefix(choices).enumerated() {
                        prompter.say("  \(number + 1)) \(match.route.title)  (\(match.route.file):\(match.route.line))")
                    }
                    while true {
                        guard let answer = prompter.readLine(prompt: "Which route? [1] ") else {
                            throw .interrupted("input ended before a route was chosen")
                        }
                        let text = answer.trimmed
                        if text.isEmpty { break }
                        if let number = Int(text), (1...choices).contains(number) {
                            chosen = routing.matches[number - 1]
                            break
                        }
                        prompter.say("Type 1 to \(choices).")
                    }
                } else {
                    // Collections hold the same alert twice: the file tells them apart.
                    let other = routing.matches[1].route
                    warning =
                        "near tie with \"\(TerminalText.printable(other.title))\" (\(TerminalText.printable(other.file))); "
                        + "took the best match"
                    console.error(console.yellowError("warning: ") + warning! + "\n")
                }
            }
            console.write("Route: \(console.bold(chosen.route.title)) (\(chosen.route.file):\(chosen.route.line))\n")
            for reason in chosen.why { console.write("  why: \(reason)\n") }
            return (
                RouteChoice(
                    title: chosen.route.title, file: chosen.route.file, line: chosen.route.line,
                    targets: chosen.route.targetPaths, confident: true, why: chosen.why, warning: warning),
                chosen.route.severity
            )
        }
        guard let fallback = routing.fallback ?? routing.best?.route.targetPaths.first else {
            throw .failure("no route for \"\(routing.symptom)\" and the library has no generic triage flow")
        }
        let warning =
            routing.fallback != nil
            ? "no confident match; following the generic triage flow \(fallback)"
            : "no confident match and no generic triage flow; following the closest runbook \(fallback)"
        console.error(console.yellowError("warning: ") + warning + "\n")
        return (
            RouteChoice(
                title: routing.fallback != nil ? "Generic triage" : routing.best?.route.title ?? "Generic triage",
                file: fallback, line: 1, targets: [fallback], confident: false,
                why: routing.best?.why ?? [], warning: warning), nil
        )
    }

    /// Given answers split into form fields (by key or number, checked and normalized as a typed answer
    /// would be: a choice by its unique prefix, a required field not empty; the symptom pre-fills its
    /// field) and command variables. `secrets` are hidden from the messages.
    static func split(
        _ given: FormAnswers, form: IncidentForm?, symptom: String?, secrets: [String] = []
    ) throws(IncidentError) -> (
        fields: [String: String], variables: [String: String]
    ) {
        var fields: [String: String] = [:]
        var variables: [String: String] = [:]
        for key in given.order {
            let value = given.values[key]!
            guard let field = form?.field(named: key) else {
                variables[key] = value
                continue
            }
            let answer = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if answer.isEmpty {
                guard !field.isRequired else {
                    throw .usage(
                        "\(given.origin(of: key, shown: "")) is empty, but \(field.number)) \(field.label) needs an answer"
                    )
                }
                continue
            }
            guard let valid = FormSession.validate(answer, choices: field.choices) else {
                let shown =
                    field.isSecret
                    ? RedactionKind.secretValue.replacement : Redactor(secrets: secrets).redact(answer).text
                throw .usage(
                    "\(given.origin(of: key, shown: shown)): '\(shown)' is not one of \(field.choices.joined(separator: ", "))"
                        + " (the choices of \(field.number)) \(field.label))")
            }
            fields[field.key] = valid
        }
        if let symptom, let field = form?.field(named: "symptom"), fields[field.key] == nil {
            fields[field.key] = symptom
        }
        return (fields, variables)
    }

    /// The given keys that are neither a form field nor a variable any command of the plan uses: most
    /// likely a typo, which would leave a default in place without a word.
    static func unusedKeys(_ given: FormAnswers, plan: IncidentPlan) -> [String] {
        var known: Set<String> = ["severity"]
        known.formUnion(plan.declarations.map(\.name))
        var commands = plan.checklists.flatMap(\.commands).map(\.command)
        if let workflow = plan.workflow {
            commands += (workflow.steps.flatMap(\.commands) + workflow.rollback).map(\.command)
            commands += workflow.steps.flatMap { [$0.verify, $0.rollback].compactMap { $0 } }
        }
        commands += plan.gates.flatMap(\.gates).compactMap(\.check)
        for command in commands { known.formUnion(CommandTemplate(command).variableNames) }
        return given.order.filter { plan.form?.field(named: $0) == nil && !known.contains($0) }
    }

    /// Puts the answers and variables given on the command line into the timeline, as typed ones are.
    static func logGiven(
        _ given: (fields: [String: String], variables: [String: String]), keeper: RecordKeeper
    ) throws(IncidentError) {
        let secret = Set(keeper.record.secretKeys)
        for (kind, values) in [("answer", given.fields), ("variable", given.variables)] {
            for key in values.keys.sorted() {
                let shown =
                    secret.contains(key) ? RedactionKind.secretValue.replacement : FormSession.short(values[key]!)
                try keeper.log(kind, "\(key): \(shown)", [kind == "answer" ? "field" : "name": key, "how": "given"])
            }
        }
    }

    /// Warns about each given key nothing uses.
    static func warnUnused(_ given: FormAnswers, plan: IncidentPlan, console: any Console) {
        for key in unusedKeys(given, plan: plan) {
            console.error(
                console.yellowError("warning: ")
                    + "'\(key)' (given with --set or --answers) is not a field of the form nor a variable of this "
                    + "route's commands; "
                    + "check its spelling\n")
        }
    }

    /// Warns of each markdown file the route's flow links to that is not there: the triage goes on
    /// without it (a missing form or workflow would otherwise go unnoticed until the report).
    /// A severity given with `--set severity=LEVEL` must be a level of the library's table: checked before
    /// an incident is opened or changed, so that a typo leaves no incident behind that cannot go on.
    static func checkSeverity(_ level: String?, library: Library) throws(IncidentError) {
        guard let level, let table = SeverityTable.find(in: library),
            table.decision(forLevel: level, reason: "") == nil
        else { return }
        let levels = table.rows.map(\.level).joined(separator: ", ")
        throw .input(
            "--set severity=\(level): the severity table (\(table.path)) has no level '\(level)' (it has \(levels))")
    }

    /// What lint finds in the files this incident uses (a form with no fields, a workflow without steps, a
    /// file that does not read), said before the run goes on without them.
    static func warnProblems(in paths: Set<String>, library: Library, console: any Console) {
        let problems = Linter(library: library).run(only: paths)
        for problem in problems.prefix(10) {
            console.error(TerminalText.printable(problem.description) + "\n")
        }
        if problems.count > 10 {
            console.error("  ... and \(problems.count - 10) more: 'incident lint' lists them all\n")
        }
    }

    static func warnMissingLinks(
        _ targets: [String], missing: [String] = [], from choice: RouteChoice? = nil, library: Library,
        console: any Console
    ) {
        // A target the route names but the library lacks (deleted, renamed, or not a file that reads).
        for target in missing {
            let place = choice.map { "\($0.file):\($0.line): " } ?? ""
            console.error(
                console.yellowError("warning: ") + "\(TerminalText.printable(place))the route names "
                    + "\(TerminalText.printable(target)), which is not in the library; going on without it\n")
        }
        for target in targets {
            for link in library.links(in: target)
            where link.resolved == nil
                && link.destination.lowercased().split(separator: "#").first?.hasSuffix(".md") == true
            {
                console.error(
                    console.yellowError("warning: ")
                        + "\(TerminalText.printable(link.file)):\(link.line) links to "
                        + "\(TerminalText.printable(link.destination)), which is not in the library; going on without it "
                        + "('incident lint' lists every such link)\n")
            }
        }
    }

    static func hashes(_ paths: [String], root: String) -> [String: String] {
        var hashes: [String: String] = [:]
        for path in paths { hashes[path] = ContentHash.hex(FileSystem.read(root + "/" + path) ?? []) }
        return hashes
    }
}
