import Foundation

/// Checks a library and returns its problems as diagnostics, sorted by file and line.
public struct Linter: Sendable {
    public let library: Library

    public init(library: Library) {
        self.library = library
    }

    /// The problems of the files in `paths` alone, as they read and as their content is checked (not
    /// the library-wide checks of routes, links and reachability): what a run that uses them should say.
    public func run(only paths: Set<String>) -> [Diagnostic] {
        let diagnostics = library.readDiagnostics.filter { paths.contains($0.path) } + checkContent(only: paths)
        return diagnostics.sorted { ($0.path, $0.line, $0.message) < ($1.path, $1.line, $1.message) }
    }

    public func run() -> [Diagnostic] {
        var diagnostics = library.readDiagnostics
        if library.index.source != nil {
            diagnostics += checkRoutes()
            diagnostics += checkReachability()
            diagnostics += checkKeywordCollisions()
            diagnostics += checkExamples()
        }
        diagnostics += checkLinks()
        diagnostics += checkContent()
        return diagnostics.sorted {
            ($0.path, $0.line, $0.severity == .error ? 0 : 1, $0.message) < (
                $1.path, $1.line, $1.severity == .error ? 0 : 1, $1.message
            )
        }
    }

    private func checkRoutes() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for route in library.index.routes {
            if route.targets.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .error, path: route.file, line: route.line,
                        "route \"\(route.title)\" has no targets; add a **Route:** line of links"))
            }
            if route.keywords.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .warning, path: route.file, line: route.line,
                        "route \"\(route.title)\" has no **Keywords:**; only its title can match"))
            }
            for target in route.targets where target.path == nil {
                diagnostics.append(
                    Diagnostic(
                        .error, path: route.file, line: target.line,
                        "route \"\(route.title)\" links to missing file '\(target.destination)'"))
            }
        }
        if let source = library.index.source, library.index.routes.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .error, path: source, line: 1,
                    "the index has no routes: add a heading with **Keywords:** and **Route:**"))
        }
        return diagnostics
    }

    /// Links in files other than the index that lead nowhere.
    private func checkLinks() -> [Diagnostic] {
        library.paths.filter { $0 != library.index.source }.flatMap { path in
            library.links(in: path).filter { $0.resolved == nil }.map {
                Diagnostic(.warning, path: $0.file, line: $0.line, "link to missing file '\($0.destination)'")
            }
        }
    }

    /// Library files that no chain of links from the index reaches.
    private func checkReachability() -> [Diagnostic] {
        guard let source = library.index.source else { return [] }
        var reached: Set<String> = [source]
        var queue = [source]
        while let path = queue.popLast() {
            for link in library.links(in: path) {
                if let target = link.resolved, reached.insert(target).inserted { queue.append(target) }
            }
        }
        return library.paths.filter { !reached.contains($0) }.map {
            Diagnostic(
                .warning, path: $0, line: 1, "not reachable from the index \(source); link it from a route or a flow")
        }
    }

    private func checkKeywordCollisions() -> [Diagnostic] {
        var owner: [String: (route: Route, keyword: Route.Keyword)] = [:]
        var diagnostics: [Diagnostic] = []
        for route in library.index.routes {
            var own: Set<String> = []
            for keyword in route.keywords {
                let key = TextAnalyzer.terms(keyword.text, keepCompounds: false).joined(separator: " ")
                guard !key.isEmpty, own.insert(key).inserted else { continue }
                if let first = owner[key] {
                    diagnostics.append(
                        Diagnostic(
                            .warning, path: route.file, line: keyword.line,
                            "keyword \"\(keyword.text)\" of route \"\(route.title)\" is also a keyword of route \"\(first.route.title)\" (\(first.route.file):\(first.keyword.line))"
                        ))
                } else {
                    owner[key] = (route, keyword)
                }
            }
        }
        return diagnostics
    }

    /// Every example under a route's **Examples:** must route to that route.
    private func checkExamples() -> [Diagnostic] {
        let router = Router(index: library.index)
        var diagnostics: [Diagnostic] = []
        for route in library.index.routes {
            for example in route.examples {
                let result = router.route(example.text, top: 1)
                guard let best = result.best else {
                    diagnostics.append(
                        Diagnostic(
                            .error, path: route.file, line: example.line,
                            "example \"\(example.text)\" matches no route; add keywords to \"\(route.title)\""))
                    continue
                }
                if best.route != route {
                    diagnostics.append(
                        Diagnostic(
                            .error, path: route.file, line: example.line,
                            "example \"\(example.text)\" routes to \"\(best.route.title)\" instead of \"\(route.title)\""
                        ))
                }
            }
        }
        return diagnostics
    }

    /// Forms need fields; checklists need commands; gates need checks with expectations.
    private func checkContent(only paths: Set<String>? = nil) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for path in library.paths where paths?.contains(path) ?? true {
            guard let file = library.files[path] else { continue }
            if file.kind != .runbook || library.index.source != nil {
                diagnostics += checkTablesWithoutDelimiter(file.document.blocks, path: path)
            }
            switch file.kind {
            case .form:
                let form = IncidentForm(file)
                if form.fields.isEmpty {
                    diagnostics.append(
                        Diagnostic(
                            .error, path: path, line: 1, "form has no fields: write them as a numbered list (1) Label)")
                    )
                }
                diagnostics += checkFields(form, path: path)
            case .checklist:
                let checklist = Checklist(file)
                if checklist.commands.isEmpty {
                    diagnostics.append(
                        Diagnostic(
                            .error, path: path, line: 1, "checklist has no commands: put them in a ```bash block"))
                }
                diagnostics += checkVariables(checklist.commands, declared: checklist.variables, path: path)
                diagnostics += checkMarkings(checklist.commands, path: path)
                diagnostics += checkPlaceholders(
                    checklist.commands.map { ($0.script, $0.line) }, path: path,
                    written: checklist.commands.map(\.writtenPlaceholders))
                diagnostics += checkPatterns(checklist.patterns, path: path)
            case .workflow:
                let workflow = Workflow(file)
                let commands = workflow.steps.flatMap(\.commands) + workflow.rollback
                diagnostics += checkMarkings(commands, path: path)
                let checks = workflow.steps.flatMap { step in
                    [(step.verify, step.verifyLine), (step.rollback, step.rollbackLine)].compactMap { command, line in
                        command.map { ($0, line ?? step.line) }
                    }
                }
                diagnostics += checkPlaceholders(
                    commands.map { ($0.command, $0.line) } + checks, path: path,
                    written: commands.map(\.writtenPlaceholders))
                if workflow.steps.isEmpty {
                    diagnostics.append(
                        Diagnostic(
                            .warning, path: path, line: 1, "workflow has no steps: use '## Step 1: ...' headings"))
                }
            case .gate:
                let checks = GateSet(file).gates.compactMap { gate in gate.check.map { ($0, gate.line) } }
                diagnostics += checkPlaceholders(checks, path: path)
                for gate in GateSet(file).gates where gate.check != nil && gate.expectation == nil {
                    let problem =
                        gate.expectText.map { "its **Expect:** `\($0)` is not understood" } ?? "no **Expect:**"
                    diagnostics.append(
                        Diagnostic(
                            .error, path: path, line: gate.line,
                            "gate \"\(gate.title)\" has a check but \(problem) (exit 0, output contains `x`, HTTP 200)"
                        ))
                }
                for gate in GateSet(file).gates {
                    guard case .outputMatches(let pattern)? = gate.expectation,
                        (try? NSRegularExpression(pattern: pattern)) == nil
                    else { continue }
                    diagnostics.append(
                        Diagnostic(
                            .error, path: path, line: gate.line,
                            "gate \"\(gate.title)\" expects output matching an invalid regular expression `\(pattern)`"
                        ))
                }
            case .runbook:
                diagnostics += checkPatterns(ErrorPattern.patterns(in: file.document), path: path)
                // An index-less route runs its runbook's own commands as evidence.
                let commands = Checklist(file).commands
                diagnostics += checkMarkings(commands, path: path)
                diagnostics += checkPlaceholders(
                    commands.map { ($0.script, $0.line) }, path: path, written: commands.map(\.writtenPlaceholders),
                    strict: false)
            case .artifact:
                break
            }
        }
        return diagnostics
    }

    /// A regular-expression error pattern that does not compile, or matches every line, never finds anything.
    private func checkPatterns(_ patterns: [ErrorPattern], path: String) -> [Diagnostic] {
        patterns.compactMap { pattern in
            guard pattern.isRegex, CompiledPattern.regex(pattern.pattern) == nil else { return nil }
            let problem =
                (try? NSRegularExpression(pattern: pattern.pattern)) == nil
                ? "is not a valid regular expression" : "matches an empty line, so it would match every line"
            return Diagnostic(
                .error, path: path, line: pattern.line,
                "error pattern /\(pattern.pattern)/ \(problem); the pattern is skipped")
        }
    }

    /// A command marked read-only that the classifier calls mutating is allowed, but never silently.
    private func checkMarkings(_ commands: [RunbookCommand], path: String) -> [Diagnostic] {
        commands.compactMap { command in
            guard command.annotations.marking == .readOnly,
                let reasons = RiskClassifier.readOnlyMarkConflict(command.script)
            else { return nil }
            return Diagnostic(
                .warning, path: path, line: command.line,
                "command \"\(command.title)\" is marked [read-only] but looks mutating: \(reasons.joined(separator: "; ")); it is confirmed before it runs all the same"
            )
        }
    }

    /// A placeholder where no quoting keeps its value from becoming code: the command would be refused.
    /// One the runbook writes `<name>` (written for people, not for the tool) is a warning.
    /// A quote, backtick, `$(` or `${` left open is an error too (a warning in a runbook not written for
    /// the tool): the shell rejects the command.
    private func checkPlaceholders(
        _ commands: [(text: String, line: Int)], path: String, written: [[String: String]] = [], strict: Bool = true
    ) -> [Diagnostic] {
        commands.enumerated().flatMap { position, command in
            let unclosed = TemplateScanner.unclosed(command.text).map { open in
                Diagnostic(
                    strict ? .error : .warning, path: path, line: command.line,
                    "the command leaves \(open) open, so the shell will reject it: close it, or end the line with \\ "
                        + "to go on with the next")
            }
            return (unclosed.map { [$0] } ?? [])
                + CommandTemplate(command.text).problems.map { name, reasons in
                    // A placeholder the runbook wrote for people (`<pod>`, `$NAMESPACE`) warns: it was not
                    // written for the tool.
                    let asWritten = position < written.count ? written[position][name] : nil
                    return Diagnostic(
                        asWritten != nil ? .warning : .error, path: path, line: command.line,
                        (asWritten ?? "{{\(name)}}") + " stands \(reasons.joined(separator: ", and ")), where its "
                            + "value could run as code; the command will be refused")
                }
        }
    }

    /// Two fields with one key (the second is never asked: an answer goes to the first), and a default
    /// that is not one of the field's choices (it would be recorded as it is).
    private func checkFields(_ form: IncidentForm, path: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: [String: FormField] = [:]
        for field in form.fields {
            if let first = seen[field.key.lowercased()] {
                diagnostics.append(
                    Diagnostic(
                        .error, path: path, line: field.line,
                        "field \(field.number)) has the key '\(field.key)' of field \(first.number)) (line \(first.line)): "
                            + "give it a key of its own, as `key` at the end of its label"))
            } else {
                seen[field.key.lowercased()] = field
            }
            if let value = field.defaultValue, !field.choices.isEmpty,
                FormSession.validate(value, choices: field.choices) == nil
            {
                diagnostics.append(
                    Diagnostic(
                        .error, path: path, line: field.line,
                        "the default '\(value)' of field \(field.number)) is not one of its choices "
                            + "(\(field.choices.joined(separator: ", ")))"))
            }
        }
        return diagnostics
    }

    /// Lines that all start with `|` but have no `|---|` line under the first: read as text, not as a
    /// table, so a Variables or severity table written that way declares nothing.
    private func checkTablesWithoutDelimiter(_ blocks: [Block], path: String) -> [Diagnostic] {
        blocks.flatMap { block -> [Diagnostic] in
            switch block {
            case .paragraph(let paragraph):
                let lines = paragraph.lines.map { $0.text.trimmingWhitespace() }
                guard lines.count >= 2, lines.allSatisfy({ $0.hasPrefix("|") }) else { return [] }
                return [
                    Diagnostic(
                        .warning, path: path, line: paragraph.line,
                        "these lines look like a table but have no |---| line under the header, so they are read "
                            + "as text: add one")
                ]
            case .list(let list): return list.items.flatMap { checkTablesWithoutDelimiter($0.blocks, path: path) }
            case .quote(let quote): return checkTablesWithoutDelimiter(quote.blocks, path: path)
            default: return []
            }
        }
    }

    private func checkVariables(_ commands: [RunbookCommand], declared: [VariableDeclaration], path: String)
        -> [Diagnostic]
    {
        var seen: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
        for declaration in declared {
            if let first = seen[declaration.name] {
                diagnostics.append(
                    Diagnostic(
                        .warning, path: path, line: declaration.line,
                        "variable '\(declaration.name)' is declared twice (first at line \(first))"))
            }
            seen[declaration.name] = declaration.line
        }
        return diagnostics
    }
}
