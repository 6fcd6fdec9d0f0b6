/// The outcome of filling a command template's placeholders.
public enum TemplateResolution: Sendable, Hashable {
    /// Every placeholder had a value: the command to run.
    case resolved(String)
    /// These variables (in order of first use) have no value, so the command must not run.
    case missing([String])
    /// These placeholders stand where no quoting is safe (a comment, a here-document, `${...}`).
    case unsafe([String])

    /// The command, when resolved.
    public var command: String? {
        if case .resolved(let command) = self { return command }
        return nil
    }
}
