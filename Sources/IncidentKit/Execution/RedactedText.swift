/// Text after redaction, with how many secrets of each kind were replaced.
public struct RedactedText: Sendable, Hashable {
    /// The text with every secret replaced by `[REDACTED:kind]`.
    public var text: String
    /// How many secrets of each kind were replaced.
    public var counts: [RedactionKind: Int]

    /// All replacements together.
    public var total: Int { counts.values.reduce(0, +) }
}
