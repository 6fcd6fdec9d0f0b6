import Foundation

/// A known error text and what it means: `` `connect() failed (111: Connection refused)` → Upstream not
/// running ``. Matched against evidence output to produce findings.
public struct ErrorPattern: Sendable, Hashable {
    /// The text to look for; a regular expression when written as `/.../`.
    public var pattern: String
    public var isRegex: Bool
    /// What it means when found.
    public var meaning: String
    public var line: Int

    /// Section headings under which bullets and tables are read as patterns.
    static let sectionNames = [
        "error pattern", "common error", "known error", "red flag", "symptoms in logs", "log pattern",
    ]

    /// The patterns of `document`: arrow bullets anywhere (`` `text` → meaning``), and under pattern
    /// sections (and their subsections) also tables (pattern and meaning columns) and bullets whose code
    /// spans are the patterns. Under a "Red Flags" heading a code span counts only when it looks like output
    /// text (`status=9/KILL`, `no live upstreams`), not a setting or a command (`proxy_pass`,
    /// `systemctl status`). A text listed twice keeps one pattern: an arrow or table entry before a bullet's
    /// code span, else the first.
    static func patterns(in document: MarkdownDocument) -> [ErrorPattern] {
        var result: [(pattern: ErrorPattern, isExplicit: Bool)] = []
        var section: (level: Int, isRedFlags: Bool)?
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .heading(let heading):
                    if let current = section, heading.level > current.level { continue }
                    let text = heading.text.lowercased()
                    section =
                        sectionNames.contains { text.contains($0) }
                        ? (heading.level, text.contains("red flag")) : nil
                case .list(let list):
                    for item in list.items {
                        if let pattern = arrowPattern(item.text, line: item.line) {
                            result.append((pattern, true))
                        } else if let section {
                            let meaning = Inline.plainText(item.text).trimmed
                            for span in Inline.codeSpans(in: item.text)
                            where span.count >= 3 && (!section.isRedFlags || looksLikeOutput(span)) {
                                result.append((make(span, meaning: meaning, line: item.line), false))
                            }
                        }
                        visit(Array(item.blocks.dropFirst()))
                    }
                case .paragraph(let paragraph):
                    for line in paragraph.lines {
                        if let pattern = arrowPattern(String(line.text), line: line.number) {
                            result.append((pattern, true))
                        }
                    }
                case .table(let table)
                where section != nil || table.column(named: "pattern", "error", "log line") != nil:
                    guard
                        let patternColumn = table.column(
                            named: "pattern", "error", "error text", "log line", "message"),
                        let meaningColumn = table.column(named: "meaning", "cause", "likely cause", "means", "finding")
                    else { break }
                    for row in table.rows {
                        let cell = row.cells[patternColumn]
                        let spans = Inline.codeSpans(in: cell)
                        let meaning = Inline.plainText(row.cells[meaningColumn]).trimmed
                        for text in spans.isEmpty ? [Inline.plainText(cell).trimmed] : spans where !text.isEmpty {
                            result.append((make(text, meaning: meaning, line: row.line), true))
                        }
                    }
                default:
                    break
                }
            }
        }
        visit(document.blocks)
        var chosen: [String: Int] = [:]
        for (index, entry) in result.enumerated() {
            let key = (entry.pattern.isRegex ? "/" : "") + entry.pattern.pattern.lowercased()
            if let first = chosen[key], result[first].isExplicit || !entry.isExplicit { continue }
            chosen[key] = index
        }
        return chosen.values.sorted().map { result[$0].pattern }
    }

    /// `` `text` → meaning`` or `` `text` -> meaning``.
    static func arrowPattern(_ text: String, line: Int) -> ErrorPattern? {
        let trimmed = text.trimmed
        guard trimmed.hasPrefix("`") else { return nil }
        for arrow in ["→", "->", "=>"] {
            guard let range = trimmed.range(of: arrow) else { continue }
            let left = String(trimmed[..<range.lowerBound])
            guard let span = Inline.codeSpans(in: left).first, !span.isEmpty else { return nil }
            let meaning = Inline.plainText(String(trimmed[range.upperBound...])).trimmed
            return make(span, meaning: meaning, line: line)
        }
        return nil
    }

    static func make(_ text: String, meaning: String, line: Int) -> ErrorPattern {
        if text.count > 2, text.hasPrefix("/"), text.hasSuffix("/") {
            return ErrorPattern(
                pattern: String(text.dropFirst().dropLast()), isRegex: true, meaning: meaning, line: line)
        }
        return ErrorPattern(pattern: text, isRegex: false, meaning: meaning, line: line)
    }
}
