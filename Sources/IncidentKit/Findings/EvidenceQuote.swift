/// The evidence a finding quotes: one output line, trimmed and cut to a length a report can show.
enum EvidenceQuote {
    /// `line` trimmed; when longer than `limit` characters, the `limit` characters around `match` (the
    /// matched text, when known) with `…` where text was cut, so the quote always shows what matched.
    static func quote(_ line: String, match: (String) -> Range<String.Index>?, limit: Int) -> String {
        let trimmed = line.trimmed
        guard trimmed.count > limit, limit > 2 else { return trimmed }
        let characters = Array(trimmed)
        var start = 0
        if let range = match(trimmed) {
            // Some context before the match, as much as fits after it.
            start = max(0, trimmed.distance(from: trimmed.startIndex, to: range.lowerBound) - limit / 5)
        }
        start = min(start, characters.count - limit)
        var window = Array(characters[start..<(start + limit)])
        if start > 0 { window[0] = "…" }
        if start + limit < characters.count { window[window.count - 1] = "…" }
        return String(window)
    }
}
