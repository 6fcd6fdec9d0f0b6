/// YAML-like front matter between `---` lines at the top of a document: `key: value` pairs and simple
/// lists (`key: [a, b]` or `key:` followed by `- item` lines).
public struct FrontMatter: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case text(String)
        case list([String])

        /// The value as text; a list is joined by commas.
        public var text: String {
            switch self {
            case .text(let value): value
            case .list(let values): values.joined(separator: ", ")
            }
        }
    }

    public struct Entry: Sendable, Hashable {
        public var key: String
        public var value: Value
        public var line: Int
    }

    public var entries: [Entry]
    public var line: Int

    /// The value of `key`, compared case-insensitively.
    public subscript(key: String) -> Value? { entry(key)?.value }

    /// The entry of `key` (with its line), compared case-insensitively.
    public func entry(_ key: String) -> Entry? { entries.first { $0.key.lowercased() == key.lowercased() } }

    /// Parses the lines between the fences. Lines it does not understand are skipped.
    static func parse(_ lines: [SourceLine], line: Int) -> FrontMatter {
        var entries: [Entry] = []
        for source in lines {
            let text = source.text
            let trimmed = text.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if trimmed.hasPrefix("- "), source.indent > 0 || !entries.isEmpty, var last = entries.last {
                let item = unquote(trimmed.dropFirst(2).trimmingWhitespace())
                switch last.value {
                case .list(let items): last.value = .list(items + [item])
                case .text(let value) where value.isEmpty: last.value = .list([item])
                case .text: continue
                }
                entries[entries.count - 1] = last
                continue
            }
            guard source.indent == 0, let colon = trimmed.firstIndex(of: ":") else { continue }
            let key = String(trimmed[..<colon].trimmingWhitespace())
            let rest = trimmed[trimmed.index(after: colon)...].trimmingWhitespace()
            let value: Value
            if rest.hasPrefix("["), rest.hasSuffix("]") {
                let inner = rest.dropFirst().dropLast()
                value = .list(inner.split(separator: ",").map { unquote($0.trimmingWhitespace()) })
            } else {
                value = .text(unquote(rest))
            }
            entries.append(Entry(key: key, value: value, line: source.number))
        }
        return FrontMatter(entries: entries, line: line)
    }

    private static func unquote(_ text: Substring) -> String {
        if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
            return String(text.dropFirst().dropLast())
        }
        return String(text)
    }
}
