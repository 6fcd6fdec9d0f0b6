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
        self.parts = TemplateScanner.parts(of: text)
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
