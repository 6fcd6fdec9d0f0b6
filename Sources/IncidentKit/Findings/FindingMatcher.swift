import Foundation

/// Turns evidence into findings: matches a checklist's error patterns against every output line of the
/// commands that ran and against the pasted error text, and ranks the likely causes.
public enum FindingMatcher {
    /// The command name of findings that come from the form's pasted error text.
    public static let pastedTextCommand = "form: error text"
    /// The longest evidence line a finding quotes, in characters.
    public static let quoteLimit = 300

    /// The findings of `evidence` (only items that ran count) and `errorText` (the form's pasted lines),
    /// best first.
    ///
    /// A plain pattern matches a line that contains it, ignoring case; a regular expression (`/.../`)
    /// matches a line it finds a match in, also ignoring case. A regular expression that does not compile,
    /// or that matches an empty line, is skipped (`incident lint` reports it). Each pattern that matched
    /// gives one finding that quotes the first line it matched (commands in order, then the pasted text),
    /// names its command, and counts the lines it matched. Patterns with the same meaning give one finding:
    /// the best-scoring one's, counting every line either matched once. Findings are ordered by `score`.
    ///
    /// - Parameter patternFile: the library path the patterns come from, for `Finding.patternSource`.
    public static func findings(
        patterns: [ErrorPattern], patternFile: String, evidence: [EvidenceItem], errorText: String?
    ) -> [Finding] {
        let compiled = patterns.compactMap(CompiledPattern.init)
        guard !compiled.isEmpty else { return [] }
        var sources: [(command: String, lines: [String], isCommand: Bool)] = evidence.filter { $0.status == .ran }
            .map { ($0.title, $0.lines, true) }
        if let errorText {
            let lines = errorText.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).map(String.init)
            sources.append((pastedTextCommand, lines, false))
        }
        var hits: [Int: PatternHit] = [:]
        for (sourceIndex, source) in sources.enumerated() {
            for (lineIndex, line) in source.lines.enumerated() {
                let lowered = CompiledPattern.loweredBytes(line)
                for (order, pattern) in compiled.enumerated() where pattern.matches(line, lowered: lowered) {
                    let position = PatternHit.LinePosition(source: sourceIndex, line: lineIndex)
                    if hits[order] == nil {
                        hits[order] = PatternHit(
                            order: order, pattern: pattern, firstLine: line, command: source.command, lines: [],
                            fromCommand: false)
                    }
                    hits[order]?.lines.insert(position)
                    if source.isCommand { hits[order]?.fromCommand = true }
                }
            }
        }
        return merged(hits.values.sorted { $0.order < $1.order }).map { hit in
            Finding(
                meaning: hit.pattern.source.meaning, pattern: hit.pattern.displayText,
                patternSource: "\(patternFile):\(hit.pattern.source.line)",
                evidenceLine: EvidenceQuote.quote(hit.firstLine, match: hit.pattern.range(in:), limit: quoteLimit),
                command: hit.command, matches: hit.lines.count, score: hit.score)
        }
    }

    /// The ranking of a finding, highest first, as one number:
    /// `specificity × (1 + log2(min(matches, 99))) + (fromCommand ? 0.5 : 0)`.
    ///
    /// Specificity (the pattern's length in characters; for a regular expression, the length of its
    /// literal text) and support (how many lines matched) both count: `connect() failed (111: Connection
    /// refused)` outranks `Connection refused`, and a pattern behind sixteen lines outranks a slightly
    /// longer one behind two. Evidence from a command wins a tie over the pasted error text alone.
    public static func score(specificity: Int, matches: Int, fromCommand: Bool) -> Double {
        let support = 1 + log2(Double(min(max(1, matches), 99)))
        return Double(max(0, specificity)) * support + (fromCommand ? 0.5 : 0)
    }

    /// One hit per meaning: the best-scoring pattern of each, with the lines of all; best first, then in
    /// checklist order.
    private static func merged(_ hits: [PatternHit]) -> [PatternHit] {
        var groups: [String: PatternHit] = [:]
        var keys: [String] = []
        for hit in hits {
            let key = meaningKey(hit)
            guard var group = groups[key] else {
                groups[key] = hit
                keys.append(key)
                continue
            }
            // The group speaks through its most specific pattern (and quotes that pattern's line); its
            // support is every line any of its patterns matched.
            if (hit.pattern.specificity, hit.lines.count) > (group.pattern.specificity, group.lines.count) {
                let lines = group.lines
                let fromCommand = group.fromCommand
                group = hit
                group.lines.formUnion(lines)
                group.fromCommand = group.fromCommand || fromCommand
            } else {
                group.lines.formUnion(hit.lines)
                group.fromCommand = group.fromCommand || hit.fromCommand
            }
            groups[key] = group
        }
        return keys.compactMap { groups[$0] }.sorted { ($0.score, -$0.order) > ($1.score, -$1.order) }
    }

    /// Meanings compare ignoring case, spacing and a trailing full stop; an empty meaning never merges.
    private static func meaningKey(_ hit: PatternHit) -> String {
        let words = hit.pattern.source.meaning.lowercased().split(whereSeparator: \.isWhitespace)
        var key = words.joined(separator: " ")
        while key.hasSuffix(".") { key.removeLast() }
        return key.isEmpty ? "#\(hit.order)" : key
    }
}
