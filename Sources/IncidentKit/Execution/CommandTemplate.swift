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

    /// Parses the placeholders of `text`.
    public init(_ text: String) {
        self.text = text
        self.parts = Self.refusingReparsedPlaceholders(TemplateScanner.parts(of: text))
    }

    /// Marks unsupported each placeholder that lands in text another shell parses again: in
    /// `sh -c "echo {{x}}"` the outer shell receives the value as one word, but then passes it, inside
    /// the script, to a shell that runs it as code. (`sh -c '... "$1"' sh {{x}}` is the safe way.)
    private static func refusingReparsedPlaceholders(_ parts: [TemplatePart]) -> [TemplatePart] {
        guard parts.contains(where: { if case .placeholder = $0 { true } else { false } }) else { return parts }
        // Each placeholder becomes a word no runbook writes, so the lexer can say where it ends up.
        func marker(_ index: Int) -> String { "incidentplaceholder\(index)end" }
        var probe = ""
        for (index, part) in parts.enumerated() {
            switch part {
            case .text(let text): probe += text
            case .placeholder: probe += marker(index)
            }
        }
        let reparsed = RiskClassifier.reparsedTexts(probe)
        guard !reparsed.isEmpty else { return parts }
        return parts.enumerated().map { index, part in
            guard case .placeholder(let name, let context) = part else { return part }
            if case .unsupported = context { return part }
            guard let entry = reparsed.first(where: { $0.text.contains(marker(index)) }) else { return part }
            var via = entry.via  // `ssh {{host}}`: the probe word goes back to the placeholder
            for (other, part) in parts.enumerated() {
                if case .placeholder(let name, _) = part { via = via.replacing(marker(other), with: "{{\(name)}}") }
            }
            return .placeholder(name: name, context: .unsupported("inside text that \(via) runs through a shell again"))
        }
    }

    /// The names of the variables used, in order of first use, each once.
    public var variableNames: [String] {
        var seen: Set<String> = []
        return parts.compactMap { part in
            guard case .placeholder(let name, _) = part, seen.insert(name).inserted else { return nil }
            return name
        }
    }

    /// Placeholders that stand where no quoting is safe, with the reason (for the linter).
    public var problems: [(name: String, reason: String)] {
        parts.compactMap { part in
            guard case .placeholder(let name, .unsupported(let reason)) = part else { return nil }
            return (name, reason)
        }
    }

    /// Fills every placeholder from `variables` (keyed by name), or says what is missing.
    public func resolve(_ variables: [String: Variable]) -> TemplateResolution {
        let unsafe = problems.map(\.name)
        if !unsafe.isEmpty { return .unsafe(uniqueInOrder(unsafe)) }
        let missing = variableNames.filter { variables[$0]?.effectiveValue == nil }
        if !missing.isEmpty { return .missing(missing) }
        var command = ""
        for part in parts {
            switch part {
            case .text(let text):
                command += text
            case .placeholder(let name, let context):
                let word = ShellQuote.word(variables[name]?.effectiveValue ?? "")
                switch context {
                case .unquoted: command += word
                case .singleQuoted: command += "'" + word + "'"
                case .doubleQuoted: command += "\"" + word + "\""
                case .unsupported: return .unsafe([name])
                }
            }
        }
        return .resolved(command)
    }

    /// Fills every placeholder from a list of variables (a later one wins over an earlier one).
    public func resolve(using variables: [Variable]) -> TemplateResolution {
        resolve(Dictionary(variables.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last }))
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
