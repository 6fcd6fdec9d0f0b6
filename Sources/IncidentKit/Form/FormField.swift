/// One question of an incident form, with what the form says about its answer.
public struct FormField: Sendable, Hashable {
    /// The field's number as written (`1)` → 1).
    public var number: Int
    /// The key used by `--set KEY=VALUE` and in records: the label's code span, else a slug of the label.
    public var key: String
    /// The label as written, without the key span.
    public var label: String
    /// Allowed answers, from a parenthesised slash list at the end of the label (`ENV (dev/prod)`).
    public var choices: [String]
    public var hint: String?
    public var defaultValue: String?
    public var isRequired: Bool
    public var isMultiline: Bool
    public var isSecret: Bool
    public var line: Int
}
