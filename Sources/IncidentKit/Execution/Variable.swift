/// A named value a command can use as `{{name}}`.
public struct Variable: Sendable, Hashable {
    /// The name used between the braces.
    public var name: String
    /// The value supplied for this run (from `--set`, an answer, a form field), if any.
    public var value: String?
    /// The value declared in the runbook, used when none is supplied.
    public var defaultValue: String?
    /// Whether the value must be redacted wherever it appears.
    public var isSecret: Bool
    /// Whether the value is the environment variable of the same name (a runbook's `$NAMESPACE`): the
    /// command gets `"${NAME}"`, which the shell reads as one word, so the value is never written into
    /// a command that is shown or saved.
    public var fromEnvironment = false

    /// A variable with an optional value and default.
    public init(name: String, value: String? = nil, defaultValue: String? = nil, isSecret: Bool = false) {
        self.name = name
        self.value = value
        self.defaultValue = defaultValue
        self.isSecret = isSecret
    }

    /// The supplied value, else the default, else nil (undefined).
    public var effectiveValue: String? { value ?? defaultValue }
}
