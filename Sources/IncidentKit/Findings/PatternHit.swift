/// What one error pattern found while the matcher read the evidence.
struct PatternHit {
    /// Position of the pattern in the checklist, for stable ordering.
    var order: Int
    var pattern: CompiledPattern
    /// The first line that matched, and the command it came from.
    var firstLine: String
    var command: String
    /// Every line that matched, as (source, line) positions, so merged patterns count a line once.
    var lines: Set<LinePosition>
    /// Whether any matching line came from a command rather than from the pasted error text.
    var fromCommand: Bool

    /// Where a line is: its source (a command, or the pasted text last) and its index there.
    struct LinePosition: Hashable {
        var source: Int
        var line: Int
    }

    var score: Double {
        FindingMatcher.score(specificity: pattern.specificity, matches: lines.count, fromCommand: fromCommand)
    }
}
