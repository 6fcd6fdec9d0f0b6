/// A block of a markdown document. Every block knows the 1-based line it starts on.
public enum Block: Sendable, Hashable {
    case heading(Heading)
    case paragraph(Paragraph)
    case code(CodeBlock)
    case list(ListBlock)
    case table(Table)
    case quote(BlockQuote)
    case thematicBreak(line: Int)
    case html(HTMLBlock)

    /// The line the block starts on.
    public var line: Int {
        switch self {
        case .heading(let block): block.line
        case .paragraph(let block): block.line
        case .code(let block): block.line
        case .list(let block): block.line
        case .table(let block): block.line
        case .quote(let block): block.line
        case .thematicBreak(let line): line
        case .html(let block): block.line
        }
    }
}

/// An ATX (`## Title`) or setext heading.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var line: Int
}

/// Consecutive lines of text. Lines keep their numbers so that bold labels can be located.
public struct Paragraph: Sendable, Hashable {
    public var lines: [SourceLine]
    public var line: Int { lines.first?.number ?? 0 }
    /// The paragraph's text, lines joined by newlines.
    public var text: String { lines.map { String($0.text.trimmingWhitespace()) }.joined(separator: "\n") }
}

/// A fenced code block (backticks or tildes) with its info string.
public struct CodeBlock: Sendable, Hashable {
    /// The info string after the opening fence, e.g. `bash` or `bash timeout=10s`.
    public var info: String
    /// The content lines, with the fence's indentation removed.
    public var lines: [SourceLine]
    public var line: Int
    /// Whether a closing fence was found.
    public var isClosed: Bool

    /// The first word of the info string, lowercased (`bash`, `sh`, `console`...).
    public var language: String {
        String(info.split(separator: " ").first ?? "").lowercased()
    }
    /// The content, lines joined by newlines.
    public var content: String { lines.map { String($0.text) }.joined(separator: "\n") }
}

/// An ordered or bullet list.
public struct ListBlock: Sendable, Hashable {
    public var isOrdered: Bool
    public var items: [ListItem]
    public var line: Int { items.first?.line ?? 0 }
}

/// One item of a list: its first line's text, task state, and the blocks nested in it.
public struct ListItem: Sendable, Hashable {
    public enum Task: Sendable, Hashable { case open, done }
    /// The number of an ordered item, as written.
    public var number: Int?
    public var task: Task?
    /// The item's own blocks; the first is usually the paragraph holding its text.
    public var blocks: [Block]
    public var line: Int

    /// The text of the item's leading paragraph (empty when it starts with another block).
    public var text: String {
        if case .paragraph(let paragraph)? = blocks.first { return paragraph.text }
        return ""
    }
    /// The first line of the item's text.
    public var title: String {
        if case .paragraph(let paragraph)? = blocks.first, let first = paragraph.lines.first {
            return String(first.text.trimmingWhitespace())
        }
        return ""
    }
}

/// A GFM table: a header row and body rows of cells, each row with its line.
public struct Table: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var cells: [String]
        public var line: Int
    }
    public var header: [String]
    public var rows: [Row]
    public var line: Int

    /// The index of the first column whose header, lowercased, is one of `names`.
    public func column(named names: String...) -> Int? {
        header.firstIndex { names.contains(Inline.plainText($0).lowercased()) }
    }
}

/// A block quote and the blocks inside it.
public struct BlockQuote: Sendable, Hashable {
    public var blocks: [Block]
    public var line: Int
}

/// Raw HTML (or an HTML comment). Kept, but never read as runbook content.
public struct HTMLBlock: Sendable, Hashable {
    public var text: String
    public var line: Int
}
