/// A runbook command with `{{name}}` placeholders, each filled with one shell-quoted word.
///
/// Values never become shell syntax: whatever a value holds (`$(...)`, quotes, `;`, newlines),
/// the shell receives it as a single literal word. Go-template braces such as
/// `{{.Status}}`, `{{ range .items }}` or `{{end}}` are not placeholders and stay as written.
public struct CommandTemplate: Sendable, Hashable {
    /// The text as written in the runbook.
    public let text: String
    /// The template split into literal text and placeholders.
    public let parts: [TemplatePart]
    /// The parts (by index) whose value must not start with `-`: the host of `ssh {{host}} ...`.
    let optionSensitive: Set<Int>

    /// Parses the placeholders of `text`.
    public init(_ text: String) {
        self.text = text
        (parts, optionSensitive) = Self.analyzed(TemplateScanner.parts(of: text))
    }

    /// Marks unsupported each placeholder that lands where another shell or an interpreter could run it
    /// as code (see `CodeRunners`): in `sh -c "echo {{x}}"` the outer shell receives the value as one
    /// word, then hands the script to a shell that parses it. (`sh -c '... "$1"' sh {{x}}` is safe.)
    private static func analyzed(_ parts: [TemplatePart]) -> (parts: [TemplatePart], hosts: Set<Int>) {
        guard parts.contains(where: { if case .placeholder = $0 { true } else { false } }) else { return (parts, []) }
        // Each placeholder becomes a word no runbook writes, so the lexer can say where it ends up.
        func marker(_ index: Int) -> String { "incidentplaceholder\(index)end" }
        var probe = ""
        var markers: [String] = []
        for (index, part) in parts.enumerated() {
            switch part {
            case .text(let text): probe += text
            case .placeholder:
                probe += marker(index)
                markers.append(marker(index))
            }
        }
        let (refused, options) = CodeRunners.analyze(probe, markers: markers)
        // A reason that quotes the command (`a program named by `...``) shows the placeholders as written.
        func written(_ reason: String) -> String {
            parts.indices.reduce(reason) { text, index in
                guard case .placeholder(let name, _) = parts[index], text.contains(marker(index)) else { return text }
                return text.replacingOccurrences(of: marker(index), with: "{{\(name)}}")
            }
        }
        let checked = parts.enumerated().map { index, part -> TemplatePart in
            guard case .placeholder(let name, let context) = part, let reason = refused[marker(index)].map(written)
            else {
                return part
            }
            switch context {
            // A whole number cannot become code, whoever reads it.
            case .unsupported, .arithmetic: return part
            default: return .placeholder(name: name, context: .unsupported(reason))
            }
        }
        return (checked, Set(parts.indices.filter { options.contains(marker($0)) }))
    }

    /// The names of the variables used, in order of first use, each once.
    public var variableNames: [String] {
        var seen: Set<String> = []
        return parts.compactMap { part in
            guard case .placeholder(let name, _) = part, seen.insert(name).inserted else { return nil }
            return name
        }
    }

    /// Placeholders that stand where no quoting is safe, each once, with the reasons its places give (for
    /// the linter).
    public var problems: [(name: String, reasons: [String])] {
        var problems: [(name: String, reasons: [String])] = []
        for case .placeholder(let name, .unsupported(let reason)) in parts {
            if let index = problems.firstIndex(where: { $0.name == name }) {
                if !problems[index].reasons.contains(reason) { problems[index].reasons.append(reason) }
            } else {
                problems.append((name, [reason]))
            }
        }
        return problems
    }

    /// Fills every placeholder from `variables` (keyed by name), or says what is missing or refused.
    public func resolve(_ variables: [String: Variable]) -> TemplateResolution {
        let unsafe = problems.map(\.name)
        if !unsafe.isEmpty { return .unsafe(uniqueInOrder(unsafe)) }
        let missing = variableNames.filter { variables[$0]?.effectiveValue == nil }
        if !missing.isEmpty { return .missing(missing) }
        let refused = refusals(variables)
        if !refused.isEmpty { return .unsafe(uniqueInOrder(refused.map(\.name))) }
        var command = ""
        for part in parts {
            switch part {
            case .text(let text):
                command += text
            case .placeholder(let name, let context):
                let filled =
                    variables[name]?.fromEnvironment == true
                    ? Self.expansion(of: name, context)
                    : Self.filled(variables[name]?.effectiveValue ?? "", context)
                guard let filled else { return .unsafe([name]) }
                command += filled
            }
        }
        return .resolved(command)
    }

    /// The placeholders that keep the command from running with `variables`, each with why, in words
    /// that follow its `{{name}}`: where it stands (a comment, the code another shell runs), or what its
    /// value would do there.
    public func refusals(_ variables: [String: Variable]) -> [(name: String, reason: String)] {
        var refused = problems.map {
            ($0.name, "stands \($0.reasons.joined(separator: ", and ")), where a value could become code")
        }
        for (index, part) in parts.enumerated() {
            guard case .placeholder(let name, let context) = part, let value = variables[name]?.effectiveValue,
                !refused.contains(where: { $0.0 == name })
            else { continue }
            if optionSensitive.contains(index), Self.looksLikeOption(value) {
                refused.append((name, "starts with '-' where the program would read it as an option"))
            } else if context == .arithmetic, !Self.isWholeNumber(value) {
                refused.append((name, "stands in shell arithmetic, where only a whole number is safe"))
            } else if variables[name]?.value != nil, Self.hasSubstitution(value) {
                refused.append((name, "holds $(, ${, <(, >( or a backtick, which bash can run although it is quoted"))
            }
        }
        // Values side by side make one word (`{{a}}{{b}}` given `x[$` and `(cmd)]`): they are checked together.
        var joined: [String] = []
        func checkJoined() {
            let values = joined.compactMap { variables[$0]?.value }
            if joined.count > 1, !joined.contains(where: { name in refused.contains { $0.0 == name } }),
                Self.hasSubstitution(values.joined())
            {
                refused.append(
                    (joined[joined.count - 1], "with the value before it, holds $(, ${, <(, >( or a backtick"))
            }
            joined = []
        }
        for part in parts {
            if case .placeholder(let name, _) = part, variables[name]?.value != nil {
                joined.append(name)
            } else {
                checkJoined()
            }
        }
        checkJoined()
        return refused
    }

    /// `42`, `-5`: digits with an optional sign, all a value in shell arithmetic may be.
    static func isWholeNumber(_ value: String) -> Bool {
        let digits =
            value.utf8.first == UInt8(ascii: "-") || value.utf8.first == UInt8(ascii: "+")
            ? value.utf8.dropFirst() : value.utf8[...]
        return !digits.isEmpty && digits.count <= 18 && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Whether `value` holds `$(`, `${`, a backtick, `<(` or `>(`. bash evaluates some words a second
    /// time, although they reached it as one quoted word: as a number or a name it expands a subscript
    /// (`a[$(cmd)]` in `[[ {{x}} -gt 5 ]]`, `let`, `declare -i`, `printf -v`, `read`, `test -v`, `unset
    /// 'arr[{{i}}]'`, `$((N))` after `N={{x}}`), and `declare -a x={{v}}` reads `($(cmd))` as an array.
    /// `/bin/sh` is bash on macOS and Red Hat systems, so a value given for the run that holds one of
    /// these is refused in every command: values split between two placeholders, or a `[` the command
    /// itself writes, leave no safe place to draw a narrower line.
    static func hasSubstitution(_ value: String) -> Bool {
        var previous: UInt8 = 0
        // bash removes a backslash-newline when it reads a value again (`$\` newline `(` is `$(`).
        for byte in value.replacingOccurrences(of: "\\\n", with: "").utf8 {
            if byte == UInt8(ascii: "`") { return true }
            if byte == UInt8(ascii: "("), "$<>".utf8.contains(previous) { return true }
            if byte == UInt8(ascii: "{"), previous == UInt8(ascii: "$") { return true }
            previous = byte
        }
        return false
    }

    /// Fills every placeholder from a list of variables (a later one wins over an earlier one).
    public func resolve(using variables: [Variable]) -> TemplateResolution {
        resolve(Dictionary(variables.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last }))
    }

    /// The variables whose value starts with `-` where their placeholder begins a shell word: the command
    /// may read such a value as an option, and do something else than the runbook wrote
    /// (`kill -TERM {{pid}}` given `-1` signals every process; `curl {{url}}` given `-o/etc/x` writes a file).
    /// A value after `=` or inside a word (`--tail={{lines}}`) is not one; after an empty value or empty
    /// quotes (`{{e}}{{x}}` given `e=`, `''{{x}}`) it still begins the word. The filled-in command is split
    /// into words as the shell splits it, each such value standing as a marker, to see where it lands.
    public func optionLikeValues(_ variables: [String: Variable]) -> [String] {
        let candidates = Set(variableNames.filter { variables[$0]?.value.map(Self.looksLikeOption) == true })
        guard !candidates.isEmpty else { return [] }
        var probe = ""
        var markers: [(marker: String, name: String)] = []
        var found: Set<String> = []
        for (index, part) in parts.enumerated() {
            switch part {
            case .text(let text):
                probe += text
            case .placeholder(let name, let context):
                var value = variables[name]?.effectiveValue ?? ""
                // The result of `$(( {{n}} ))` given `-1` is a word of its own that starts with `-` when the
                // expansion starts one; whether it does is not worked out here, so it counts.
                if candidates.contains(name), context == .arithmetic {
                    found.insert(name)
                    markers.append(("", name))
                } else if candidates.contains(name) {
                    value = "-incidentoption\(index)end"
                    markers.append((value, name))
                }
                probe += Self.filled(value, context) ?? ShellQuote.word(value)
            }
        }
        func scan(_ text: String, depth: Int) {
            guard depth < 8 else { return }
            let (segments, substitutions) = ShellLexer.lex(text)
            for word in segments.lazy.flatMap(\.words) where word.hasPrefix("-incidentoption") {
                for (marker, name) in markers where !marker.isEmpty && word.hasPrefix(marker) { found.insert(name) }
            }
            for substitution in substitutions { scan(substitution, depth: depth + 1) }
        }
        scan(probe, depth: 0)
        return uniqueInOrder(markers.map(\.name).filter(found.contains))
    }

    /// Whether `value` starts with `-`, after any blanks: `kill` and others skip leading blanks in a
    /// number, so `" -1"` signals every process as `-1` does.
    static func looksLikeOption(_ value: String) -> Bool {
        value.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }.hasPrefix("-")
    }

    /// `value` as it is written where a placeholder stands in `context`; nil where none can be.
    static func filled(_ value: String, _ context: PlaceholderContext) -> String? {
        switch context {
        case .unquoted: ShellQuote.word(value)
        case .singleQuoted: "'" + ShellQuote.word(value) + "'"
        case .doubleQuoted: "\"" + ShellQuote.word(value) + "\""
        case .arithmetic: value  // a whole number: `refusals` sees to it
        case .unsupported: nil
        }
    }

    /// The shell's own reading of the environment variable `name`, as one word where `context` stands.
    static func expansion(of name: String, _ context: PlaceholderContext) -> String? {
        guard name.utf8.allSatisfy({ TextAnalyzer.isWordByte($0) && $0 < 0x80 || $0 == 0x5F }),
            let first = name.utf8.first, !TextAnalyzer.isDigit(first)
        else { return nil }
        switch context {
        case .unquoted: return "\"${\(name)}\""
        case .singleQuoted: return "'\"${\(name)}\"'"
        case .doubleQuoted, .arithmetic: return "${\(name)}"
        case .unsupported: return nil
        }
    }

    /// The values of the secret variables this template uses, for the redactor.
    public func secretValues(_ variables: [String: Variable]) -> [String] {
        variableNames.compactMap { name in
            guard let variable = variables[name], variable.isSecret else { return nil }
            return variable.effectiveValue
        }
    }
}

/// The elements of `names` in order, each once.
private func uniqueInOrder(_ names: [String]) -> [String] {
    var seen: Set<String> = []
    return names.filter { seen.insert($0).inserted }
}
