/// A line-aware block reader in the manner of Ink: one reading function per construct, dispatch on the
/// first character, rewinding by copying the position, and a paragraph fallback that never fails.
struct MarkdownReader {
    /// Containers nested deeper than this are read as paragraphs, so hostile input cannot exhaust the stack.
    static let maximumDepth = 24

    let lines: [SourceLine]
    let path: String
    let depth: Int
    var position = 0
    var diagnostics: [Diagnostic] = []

    init(lines: [SourceLine], path: String, depth: Int = 0) {
        self.lines = lines
        self.path = path
        self.depth = depth
    }

    /// Reads `---` front matter when the document starts with it.
    mutating func readFrontMatter() -> FrontMatter? {
        guard let first = lines.first, first.text.trimmingWhitespace() == "---" else { return nil }
        guard
            let end = lines.dropFirst().firstIndex(where: {
                let text = $0.text.trimmingWhitespace()
                return text == "---" || text == "..."
            })
        else {
            diagnostics.append(
                Diagnostic(
                    .warning, path: path, line: first.number, "front matter is not closed by '---'; read as markdown"))
            return nil
        }
        position = end + 1
        return FrontMatter.parse(Array(lines[1..<end]), line: first.number)
    }

    /// Reads blocks until the end of the lines.
    mutating func readBlocks() -> [Block] {
        var blocks: [Block] = []
        while position < lines.count {
            if lines[position].isBlank {
                position += 1
                continue
            }
            blocks.append(readBlock())
        }
        return blocks
    }

    private mutating func readBlock() -> Block {
        let line = lines[position]
        if line.indent < 4 {
            let text = line.text.trimmingWhitespace()
            // Dispatch on the first character, not byte: `>` joined by a combining mark is no quote.
            switch text.first {
            case "#":
                if let heading = readHeading() { return .heading(heading) }
            case "`", "~":
                if let code = readFence() { return .code(code) }
            case ">":
                if depth < Self.maximumDepth { return .quote(readQuote()) }
            case "<":
                if let html = readHTML() { return .html(html) }
            default:
                break
            }
            if Self.isThematicBreak(text) {
                position += 1
                return .thematicBreak(line: line.number)
            }
            if depth < Self.maximumDepth, let marker = ListMarker(line) {
                return .list(readList(startingWith: marker))
            }
            if let table = readTable() { return .table(table) }
        }
        return readParagraph()
    }

    // MARK: Headings

    private mutating func readHeading() -> Heading? {
        let line = lines[position]
        let text = line.text.trimmingWhitespace()
        let level = text.prefix { $0 == "#" }.count
        guard level <= 6 else { return nil }
        let rest = text.dropFirst(level)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var title = rest.trimmingWhitespace()
        // A closing sequence of #s is dropped when a space precedes it.
        let closing = title.reversed().prefix { $0 == "#" }.count
        if closing > 0 {
            let remainder = title.dropLast(closing)
            if remainder.isEmpty || remainder.last == " " || remainder.last == "\t" {
                title = remainder.trimmingWhitespace()
            }
        }
        position += 1
        return Heading(level: level, text: String(title), line: line.number)
    }

    // MARK: Fenced code

    private mutating func readFence() -> CodeBlock? {
        let opening = lines[position]
        let indent = opening.indent
        let text = opening.text.trimmingWhitespace()
        guard let fenceCharacter = text.first else { return nil }
        let length = text.prefix { $0 == fenceCharacter }.count
        guard length >= 3 else { return nil }
        let info = text.dropFirst(length).trimmingWhitespace()
        let fenceByte = fenceCharacter == "`" ? UInt8(ascii: "`") : UInt8(ascii: "~")
        if fenceCharacter == "`", info.utf8.contains(UInt8(ascii: "`")) { return nil }
        var content: [SourceLine] = []
        var index = position + 1
        while index < lines.count {
            let line = lines[index]
            let candidate = line.text.trimmingWhitespace()
            // The fence characters are ASCII: bytes decide as characters would.
            if line.indent < 4, candidate.utf8.count >= length, candidate.utf8.allSatisfy({ $0 == fenceByte }) {
                position = index + 1
                return CodeBlock(info: String(info), lines: content, line: opening.number, isClosed: true)
            }
            content.append(line.removingIndent(indent))
            index += 1
        }
        diagnostics.append(
            Diagnostic(
                .error, path: path, line: opening.number,
                "unterminated code fence: '\(String(repeating: fenceCharacter, count: length))' is never closed"))
        position = lines.count
        return CodeBlock(info: String(info), lines: content, line: opening.number, isClosed: false)
    }

    // MARK: Block quotes

    private mutating func readQuote() -> BlockQuote {
        let first = lines[position]
        var inner: [SourceLine] = []
        while position < lines.count {
            let line = lines[position]
            let text = line.text.trimmingWhitespace()
            if line.indent < 4, text.first == ">" {
                var rest = text.dropFirst()
                if rest.first == " " { rest = rest.dropFirst() }
                inner.append(SourceLine(number: line.number, text: rest))
            } else if !line.isBlank, let last = inner.last, !last.isBlank, !startsBlock(line) {
                inner.append(SourceLine(number: line.number, text: text))  // lazy continuation
            } else {
                break
            }
            position += 1
        }
        return BlockQuote(blocks: readNested(inner), line: first.number)
    }

    // MARK: HTML

    private static let htmlBlockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "br", "center", "details", "dialog", "div", "dl",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "iframe",
        "img", "li", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul", "a", "span", "b", "i", "code", "sup", "sub", "kbd",
    ]

    private mutating func readHTML() -> HTMLBlock? {
        let first = lines[position]
        let text = first.text.trimmingWhitespace()
        if text.hasPrefix("<!--") {
            var collected: [String] = []
            while position < lines.count {
                let line = lines[position]
                collected.append(String(line.text))
                position += 1
                if line.text.utf8.containsSequence("-->") { break }
            }
            return HTMLBlock(text: collected.joined(separator: "\n"), line: first.number)
        }
        let name = text.dropFirst().drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
        guard Self.htmlBlockTags.contains(name) else { return nil }
        var collected: [String] = []
        while position < lines.count, !lines[position].isBlank {
            collected.append(String(lines[position].text))
            position += 1
        }
        return HTMLBlock(text: collected.joined(separator: "\n"), line: first.number)
    }

    // MARK: Paragraphs

    private mutating func readParagraph() -> Block {
        var collected: [SourceLine] = [lines[position]]
        position += 1
        while position < lines.count {
            let line = lines[position]
            if line.isBlank { break }
            let text = line.text.trimmingWhitespace()
            if line.indent < 4, let level = Self.setextLevel(text) {
                position += 1
                let title = collected.map { String($0.text.trimmingWhitespace()) }.joined(separator: " ")
                return .heading(Heading(level: level, text: title, line: collected[0].number))
            }
            if startsBlock(line) || startsTable(at: position) { break }
            collected.append(line)
            position += 1
        }
        return .paragraph(Paragraph(lines: collected))
    }

    /// Whether `line` begins a block that interrupts a paragraph.
    private func startsBlock(_ line: SourceLine) -> Bool {
        guard line.indent < 4 else { return false }
        let text = line.text.trimmingWhitespace()
        switch text.first {
        case "#":
            let level = text.prefix { $0 == "#" }.count
            let rest = text.dropFirst(level)
            if level <= 6, rest.isEmpty || rest.first == " " || rest.first == "\t" { return true }
        case "`", "~":
            if text.prefix(while: { $0 == text.first }).count >= 3 { return true }
        case ">":
            return true
        default:
            break
        }
        return Self.isThematicBreak(text) || ListMarker(line) != nil
    }

    /// `---`, `***` or `___`, spaces allowed between. Decided on bytes: a mark followed by a combining
    /// character fails either way.
    static func isThematicBreak(_ text: Substring) -> Bool {
        guard let first = text.utf8.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_")
        else { return false }
        var count = 0
        for byte in text.utf8 {
            if byte == first {
                count += 1
            } else if byte != 0x20 && byte != 0x09 {
                return false
            }
        }
        return count >= 3
    }

    private static func setextLevel(_ text: Substring) -> Int? {
        guard let first = text.utf8.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "-") else { return nil }
        return text.utf8.allSatisfy({ $0 == first }) ? (first == UInt8(ascii: "=") ? 1 : 2) : nil
    }

    /// Reads `inner` as blocks of a nested container, keeping diagnostics.
    mutating func readNested(_ inner: [SourceLine]) -> [Block] {
        var reader = MarkdownReader(lines: inner, path: path, depth: depth + 1)
        let blocks = reader.readBlocks()
        diagnostics += reader.diagnostics
        return blocks
    }
}
