/// A parsed markdown file: its front matter, its blocks and the problems found while reading it.
public struct MarkdownDocument: Sendable {
    /// The path the document was read from, as given to the reader (used in diagnostics).
    public var path: String
    public var frontMatter: FrontMatter?
    public var blocks: [Block]
    public var diagnostics: [Diagnostic]
    /// The number of lines in the source.
    public var lineCount: Int

    /// Reads markdown from bytes. Never fails: unknown constructs become paragraphs.
    public init(path: String, bytes: [UInt8]) {
        self.init(path: path, lines: SourceText.lines(of: bytes))
    }

    /// Reads markdown from text. Never fails: unknown constructs become paragraphs.
    public init(path: String, text: String) {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        self.init(path: path, lines: SourceText.lines(of: text))
    }

    init(path: String, lines: [SourceLine]) {
        self.path = path
        self.lineCount = lines.count
        var reader = MarkdownReader(lines: lines, path: path)
        self.frontMatter = reader.readFrontMatter()
        self.blocks = reader.readBlocks()
        self.diagnostics = reader.diagnostics
    }

    /// Every block in document order, descending into lists and quotes.
    public var allBlocks: [Block] {
        var result: [Block] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                result.append(block)
                switch block {
                case .list(let list): list.items.forEach { visit($0.blocks) }
                case .quote(let quote): visit(quote.blocks)
                default: break
                }
            }
        }
        visit(blocks)
        return result
    }

    /// The text of the first level-1 heading, else of the first heading, else the front matter title.
    public var title: String? {
        let headings = blocks.compactMap { block -> Heading? in
            if case .heading(let heading) = block { return heading }
            return nil
        }
        if let top = headings.first(where: { $0.level == 1 }) { return Inline.plainText(top.text) }
        if let title = frontMatter?["title"]?.text, !title.isEmpty { return title }
        return headings.first.map { Inline.plainText($0.text) }
    }
}
