#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The fields `RouteIndex.route(for:)` makes of a runbook, read straight from its bytes for indexing
/// libraries of thousands of runbooks: the block rules of `MarkdownReader` (the same constructs, nesting
/// and interruptions) and `Inline.plainText`, over byte ranges instead of lines, blocks and strings, so
/// that reading a runbook allocates a few arrays instead of a string per line. The two readings are
/// held equal over every runbook of both corpora (`RunbookFieldsTests`); change them together.
struct RunbookFields {
    /// A field: its kind, its plain text (a range of `plain`), its line, and for headings the facts that
    /// decide whether it is the title.
    struct Field {
        var kind: Route.Field.Kind
        var text: Range<Int>
        var line: Int
        /// The plain text of the heading of the section the field is in (a range of `plain`).
        var section: Range<Int>
        var level = 0
        var isTopLevel = false
    }

    /// Every field's plain text, one after another.
    var plain: [UInt8] = []
    var fields: [Field] = []
    /// The title shown (`MarkdownDocument.title`, else the file's name) and the line it is on.
    private(set) var title: Range<Int> = 0..<0
    private(set) var titleLine = 1

    /// A line of `source`: its bytes and number.
    struct Line {
        var start: Int
        var end: Int
        var number: Int
        var isEmpty: Bool { start == end }
    }

    /// The runbook's text (valid UTF-8, without a byte order mark), then the text of lines that
    /// removing indentation had to make (a tab wider than the indentation removed).
    var source: [UInt8]
    var section: Range<Int> = 0..<0
    /// Scratch space for texts joined before they are made plain (paragraph lines, table cells).
    var joined: [UInt8] = []

    /// Reads the runbook at `path` (library-relative) whose markdown is `bytes`.
    init(path: String, bytes: [UInt8]) {
        // ASCII (most runbooks) is its own text; anything else is decoded as `SourceText` does: invalid
        // UTF-8 becomes U+FFFD, and a byte order mark goes.
        if Self.isASCII(bytes) {
            self.init(path: path, source: bytes)
            return
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let source = Array(text.utf8)
        if Self.joinsCharacters(source) {
            let document = MarkdownDocument(path: path, lines: SourceText.lines(of: text))
            self.init(route: RouteIndex.route(for: LibraryFile(path: path, document: document)))
        } else {
            self.init(path: path, source: source)
        }
    }

    private init(path: String, source: [UInt8]) {
        self.source = source
        plain.reserveCapacity(source.count)
        let stem = LibraryPath.fileName(of: path).utf8.dropLast(3)
        let alert = append(stem)
        fields.append(Field(kind: .alert, text: alert, line: 1, section: 0..<0))
        let lines = splitLines()
        var position = 0
        var frontMatterTitle: (text: Range<Int>, line: Int)?
        if let (end, title) = readFrontMatter(lines) {
            position = end
            if let title, !title.value.text.isEmpty {
                frontMatterTitle = (append(title.value.text.utf8), title.line)
                fields.append(Field(kind: .title, text: frontMatterTitle!.text, line: title.line, section: 0..<0))
            }
        }
        readBlocks(lines, from: position, depth: 0)
        resolveTitle(frontMatterTitle: frontMatterTitle, stem: alert)
    }

    /// The fields of a route made from the parsed document.
    private init(route: Route) {
        source = []
        for field in route.fields {
            let text = append(field.text.utf8)
            fields.append(Field(kind: field.kind, text: text, line: field.line, section: append(field.section.utf8)))
        }
        title = append(route.title.utf8)
        titleLine = route.line
    }

    /// Whether every byte is ASCII, eight at a time.
    static func isASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var index = 0
            var high: UInt64 = 0
            while index + 8 <= raw.count {
                high |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                index += 8
            }
            while index < raw.count {
                high |= UInt64(raw[index])
                index += 1
            }
            return high & 0x8080_8080_8080_8080 == 0
        }
    }

    /// Whether the markdown reader, which decides by characters, could read this text otherwise than
    /// its bytes say, so that it is read through the parsed document instead:
    /// - a mark that joins the character before it (a combining accent, a joiner, a variation selector)
    ///   after an ASCII byte: ` \u{301}` is no blank and `#\u{301}` no heading;
    /// - a character that joins the blank after it (a Prepend character such as U+0D4E);
    /// - a character equal to an ASCII one (U+1FEF is a backtick, U+037E a semicolon, and the Kelvin
    ///   sign U+212A lowercases to `k`).
    static func joinsCharacters(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            defer { index += 1 }
            guard bytes[index] >= 0xC0 else { continue }
            let length = bytes[index] >= 0xF0 ? 4 : bytes[index] >= 0xE0 ? 3 : 2
            // The text is valid UTF-8 (decoded before): the scalar is read from its bytes, without a String.
            guard index + length <= bytes.count else { continue }
            var value = UInt32(bytes[index]) & (0xFF >> (length + 1))
            for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            guard let scalar = Unicode.Scalar(value) else { continue }
            if asciiEquivalents.contains(scalar.value) || prepend.contains(where: { $0.contains(scalar.value) }) {
                return true
            }
            guard index > 0, bytes[index - 1] < 0x80 else { continue }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .format: return true
            default: if scalar.properties.isGraphemeExtend || scalar.properties.isVariationSelector { return true }
            }
        }
        return false
    }

    /// Characters canonically equal to an ASCII one, or lowercasing to one.
    private static let asciiEquivalents: Set<UInt32> = [0x1FEF, 0x037E, 0x212A]
    /// The Prepend characters of Unicode's grapheme rules (they join the character after them).
    private static let prepend: [ClosedRange<UInt32>] = [
        0x0600...0x0605, 0x06DD...0x06DD, 0x070F...0x070F, 0x0890...0x0891, 0x08E2...0x08E2, 0x0D4E...0x0D4E,
        0x110BD...0x110BD, 0x110CD...0x110CD, 0x111C2...0x111C3, 0x1193F...0x1193F, 0x11941...0x11941,
        0x11A3A...0x11A3A, 0x11A84...0x11A89, 0x11D46...0x11D46, 0x11F02...0x11F02,
    ]

    /// The text of `range` of `plain`.
    func string(_ range: Range<Int>) -> String { String(decoding: plain[range], as: UTF8.self) }

    /// Decides which heading is the title field, as `RouteIndex.route(for:)` does, and the title shown.
    mutating func resolveTitle(frontMatterTitle: (text: Range<Int>, line: Int)?, stem: Range<Int>) {
        var hasTitle = frontMatterTitle != nil
        hasTitle = hasTitle || fields.contains { $0.level == 1 && $0.isTopLevel }
        if let frontMatterTitle { titleLine = frontMatterTitle.line }
        var sawTitle = false
        for index in fields.indices where fields[index].level > 0 {
            let field = fields[index]
            if !sawTitle && (field.level == 1 || (!hasTitle && field.isTopLevel)) {
                sawTitle = true
                titleLine = field.line
                fields[index].kind = .title
            }
        }
        let topHeadings = fields.filter { $0.level > 0 && $0.isTopLevel }
        if let top = topHeadings.first(where: { $0.level == 1 }) {
            title = top.text
        } else if let frontMatterTitle {
            title = frontMatterTitle.text
        } else {
            title = topHeadings.first?.text ?? stem
        }
    }

    // MARK: Lines

    func splitLines() -> [Line] {
        var lines: [Line] = []
        lines.reserveCapacity(source.count / 32)
        let count = source.count
        // Most runbooks have no carriage return: `memchr` finds each line feed a word at a time.
        let unixLines = source.withUnsafeBytes { bytes -> Bool in
            guard let base = bytes.baseAddress, memchr(base, 0x0D, count) == nil else { return false }
            var start = 0
            while start < count, let found = memchr(base + start, 0x0A, count - start) {
                let end = base.distance(to: UnsafeRawPointer(found))
                lines.append(Line(start: start, end: end, number: lines.count + 1))
                start = end + 1
            }
            if start < count { lines.append(Line(start: start, end: count, number: lines.count + 1)) }
            return true
        }
        if unixLines { return lines }
        var start = 0
        var index = 0
        while index < count {
            let byte = source[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(Line(start: start, end: index, number: lines.count + 1))
                index += byte == 0x0D && index + 1 < count && source[index + 1] == 0x0A ? 2 : 1
                start = index
            } else {
                index += 1
            }
        }
        if start < count { lines.append(Line(start: start, end: count, number: lines.count + 1)) }
        return lines
    }

    func isBlank(_ line: Line) -> Bool {
        for index in line.start..<line.end where source[index] != 0x20 && source[index] != 0x09 { return false }
        return true
    }

    func indent(_ line: Line) -> Int {
        var column = 0
        for index in line.start..<line.end {
            if source[index] == 0x20 {
                column += 1
            } else if source[index] == 0x09 {
                column += 4 - column % 4
            } else {
                break
            }
        }
        return column
    }

    /// `SourceLine.removingIndent`: a tab wider than what is left becomes spaces in a new line's text.
    mutating func removingIndent(_ line: Line, _ columns: Int) -> Line {
        var column = 0
        var index = line.start
        while index < line.end, column < columns {
            if source[index] == 0x20 {
                column += 1
            } else if source[index] == 0x09 {
                let width = 4 - column % 4
                if column + width > columns {
                    let start = source.count
                    source.append(contentsOf: repeatElement(0x20, count: column + width - columns))
                    source.append(contentsOf: source[(index + 1)..<line.end])
                    return Line(start: start, end: source.count, number: line.number)
                }
                column += width
            } else {
                break
            }
            index += 1
        }
        return Line(start: index, end: line.end, number: line.number)
    }

    func trimmed(_ line: Line) -> Line {
        var start = line.start
        var end = line.end
        while start < end, source[start] == 0x20 || source[start] == 0x09 { start += 1 }
        while end > start, source[end - 1] == 0x20 || source[end - 1] == 0x09 { end -= 1 }
        return Line(start: start, end: end, number: line.number)
    }

    func first(_ line: Line) -> UInt8? { line.start < line.end ? source[line.start] : nil }

    func hasPrefix(_ line: Line, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard line.end - line.start >= count else { return false }
        for offset in 0..<count where source[line.start + offset] != prefix.utf8Start[offset] { return false }
        return true
    }

    func equals(_ line: Line, _ text: StaticString) -> Bool {
        line.end - line.start == text.utf8CodeUnitCount && hasPrefix(line, text)
    }

    func run(of byte: UInt8, in line: Line) -> Int {
        var index = line.start
        while index < line.end, source[index] == byte { index += 1 }
        return index - line.start
    }

    // MARK: Fields

    @discardableResult
    mutating func append<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Range<Int> {
        let start = plain.count
        plain.append(contentsOf: bytes)
        return start..<plain.count
    }

    mutating func addHeading(_ text: Range<Int>, level: Int, line: Int, depth: Int) {
        let heading = makePlain(text)
        fields.append(
            Field(kind: .heading, text: heading, line: line, section: 0..<0, level: level, isTopLevel: depth == 0))
        section = heading
    }

    var isSummarySection: Bool {
        let name = plain[section]
        return RouteIndex.summarySections.contains { candidate in
            candidate.utf8.count == name.count && zip(candidate.utf8, name).allSatisfy { $0 == TextAnalyzer.lower($1) }
        }
    }

    /// Adds a paragraph or a table row: `joined` made plain, a summary in a section that describes the symptom.
    mutating func addText(line: Int) {
        let text = makePlain(0..<joined.count)
        fields.append(Field(kind: isSummarySection ? .summary : .body, text: text, line: line, section: section))
    }

    // MARK: Blocks

    mutating func readFrontMatter(_ lines: [Line]) -> (end: Int, title: FrontMatter.Entry?)? {
        guard let firstLine = lines.first, equals(trimmed(firstLine), "---") else { return nil }
        guard
            let end = lines.indices.dropFirst().first(where: {
                let text = trimmed(lines[$0])
                return equals(text, "---") || equals(text, "...")
            })
        else { return nil }
        let text = String(decoding: source[lines[0].start..<lines[end].end], as: UTF8.self)
        let inner = Array(SourceText.lines(of: text).dropFirst().dropLast())
        return (end + 1, FrontMatter.parse(inner, line: firstLine.number).entry("title"))
    }

    mutating func readBlocks(_ lines: [Line], from start: Int, depth: Int) {
        var position = start
        while position < lines.count {
            if isBlank(lines[position]) {
                position += 1
                continue
            }
            readBlock(lines, &position, depth: depth)
        }
    }

    mutating func readBlock(_ lines: [Line], _ position: inout Int, depth: Int) {
        let line = lines[position]
        if indent(line) < 4 {
            let text = trimmed(line)
            switch first(text) {
            case UInt8(ascii: "#"):
                if readHeading(lines, &position, depth: depth) { return }
            case UInt8(ascii: "`"), UInt8(ascii: "~"):
                if readFence(lines, &position) { return }
            case UInt8(ascii: ">"):
                if depth < MarkdownReader.maximumDepth {
                    readQuote(lines, &position, depth: depth)
                    return
                }
            case UInt8(ascii: "<"):
                if readHTML(lines, &position) { return }
            default:
                break
            }
            if isThematicBreak(text) {
                position += 1
                return
            }
            if depth < MarkdownReader.maximumDepth, let marker = listMarker(line) {
                readList(lines, &position, first: marker, depth: depth)
                return
            }
            if readTable(lines, &position) { return }
        }
        readParagraph(lines, &position, depth: depth)
    }

    mutating func readHeading(_ lines: [Line], _ position: inout Int, depth: Int) -> Bool {
        let line = lines[position]
        let text = trimmed(line)
        let level = run(of: UInt8(ascii: "#"), in: text)
        guard level <= 6 else { return false }
        var rest = Line(start: text.start + level, end: text.end, number: line.number)
        guard rest.isEmpty || source[rest.start] == 0x20 || source[rest.start] == 0x09 else { return false }
        rest = trimmed(rest)
        var closing = 0
        while closing < rest.end - rest.start, source[rest.end - 1 - closing] == UInt8(ascii: "#") { closing += 1 }
        if closing > 0 {
            let remainder = Line(start: rest.start, end: rest.end - closing, number: line.number)
            if remainder.isEmpty || source[remainder.end - 1] == 0x20 || source[remainder.end - 1] == 0x09 {
                rest = trimmed(remainder)
            }
        }
        position += 1
        joined.removeAll(keepingCapacity: true)
        joined.append(contentsOf: source[rest.start..<rest.end])
        addHeading(0..<joined.count, level: level, line: line.number, depth: depth)
        return true
    }

    mutating func readFence(_ lines: [Line], _ position: inout Int) -> Bool {
        let opening = lines[position]
        let openingIndent = indent(opening)
        let text = trimmed(opening)
        guard let fence = first(text) else { return false }
        let length = run(of: fence, in: text)
        guard length >= 3 else { return false }
        if fence == UInt8(ascii: "`"), source[(text.start + length)..<text.end].contains(UInt8(ascii: "`")) {
            return false
        }
        let start = plain.count
        var index = position + 1
        var firstLine = true
        defer {
            fields.append(Field(kind: .code, text: start..<plain.count, line: opening.number, section: section))
        }
        while index < lines.count {
            let line = lines[index]
            let candidate = trimmed(line)
            if indent(line) < 4, candidate.end - candidate.start >= length,
                source[candidate.start..<candidate.end].allSatisfy({ $0 == fence })
            {
                position = index + 1
                return true
            }
            let content = removingIndent(line, openingIndent)
            if !firstLine { plain.append(0x0A) }
            firstLine = false
            plain.append(contentsOf: source[content.start..<content.end])
            index += 1
        }
        position = lines.count
        return true
    }

    mutating func readQuote(_ lines: [Line], _ position: inout Int, depth: Int) {
        var inner: [Line] = []
        while position < lines.count {
            let line = lines[position]
            let text = trimmed(line)
            if indent(line) < 4, first(text) == UInt8(ascii: ">") {
                var rest = Line(start: text.start + 1, end: text.end, number: line.number)
                if first(rest) == 0x20 { rest.start += 1 }
                inner.append(rest)
            } else if !isBlank(line), let last = inner.last, !isBlank(last), !startsBlock(line) {
                inner.append(text)
            } else {
                break
            }
            position += 1
        }
        readBlocks(inner, from: 0, depth: depth + 1)
    }

    mutating func readHTML(_ lines: [Line], _ position: inout Int) -> Bool {
        let text = trimmed(lines[position])
        if hasPrefix(text, "<!--") {
            while position < lines.count {
                let line = lines[position]
                position += 1
                if source[line.start..<line.end].containsSequence("-->") { break }
            }
            return true
        }
        var index = text.start + 1
        while index < text.end, source[index] == UInt8(ascii: "/") { index += 1 }
        var name = ""
        while index < text.end,
            TextAnalyzer.isDigit(source[index]) || source[index] | 0x20 >= 0x61 && source[index] | 0x20 <= 0x7A
        {
            name.unicodeScalars.append(Unicode.Scalar(TextAnalyzer.lower(source[index])))
            index += 1
        }
        // A letter beyond ASCII continues the name, and no block tag has one.
        if index < text.end, source[index] >= 0x80,
            let next = String(decoding: source[index..<text.end], as: UTF8.self).first, next.isLetter || next.isNumber
        {
            return false
        }
        guard Self.htmlBlockTags.contains(name) else { return false }
        while position < lines.count, !isBlank(lines[position]) { position += 1 }
        return true
    }

    static let htmlBlockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "br", "center", "details", "dialog", "div", "dl",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "iframe",
        "img", "li", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul", "a", "span", "b", "i", "code", "sup", "sub", "kbd",
    ]

    mutating func readParagraph(_ lines: [Line], _ position: inout Int, depth: Int) {
        var collected = [lines[position]]
        position += 1
        while position < lines.count {
            let line = lines[position]
            if isBlank(line) { break }
            let text = trimmed(line)
            if indent(line) < 4, let level = setextLevel(text) {
                position += 1
                join(collected, separator: 0x20)
                addHeading(0..<joined.count, level: level, line: collected[0].number, depth: depth)
                return
            }
            if startsBlock(line) || startsTable(lines, at: position) { break }
            collected.append(line)
            position += 1
        }
        join(collected, separator: 0x0A)
        addText(line: collected[0].number)
    }

    /// Puts `lines`, trimmed, into `joined` with `separator` between them (a setext heading's lines
    /// join with a space, a paragraph's with a newline).
    mutating func join(_ lines: [Line], separator: UInt8) {
        joined.removeAll(keepingCapacity: true)
        for (offset, line) in lines.enumerated() {
            if offset > 0 { joined.append(separator) }
            let text = trimmed(line)
            joined.append(contentsOf: source[text.start..<text.end])
        }
    }

    func startsBlock(_ line: Line) -> Bool {
        guard indent(line) < 4 else { return false }
        let text = trimmed(line)
        switch first(text) {
        case UInt8(ascii: "#"):
            let level = run(of: UInt8(ascii: "#"), in: text)
            if level <= 6,
                level == text.end - text.start || source[text.start + level] == 0x20
                    || source[text.start + level] == 0x09
            {
                return true
            }
        case UInt8(ascii: "`"), UInt8(ascii: "~"):
            if run(of: source[text.start], in: text) >= 3 { return true }
        case UInt8(ascii: ">"):
            return true
        default:
            break
        }
        return isThematicBreak(text) || listMarker(line) != nil
    }

    func isThematicBreak(_ text: Line) -> Bool {
        guard let mark = first(text),
            mark == UInt8(ascii: "-") || mark == UInt8(ascii: "*") || mark == UInt8(ascii: "_")
        else { return false }
        var count = 0
        for index in text.start..<text.end {
            if source[index] == mark {
                count += 1
            } else if source[index] != 0x20 && source[index] != 0x09 {
                return false
            }
        }
        return count >= 3
    }

    func setextLevel(_ text: Line) -> Int? {
        guard let mark = first(text), mark == UInt8(ascii: "=") || mark == UInt8(ascii: "-") else { return nil }
        guard source[text.start..<text.end].allSatisfy({ $0 == mark }) else { return nil }
        return mark == UInt8(ascii: "=") ? 1 : 2
    }
}

extension RunbookFields {
    /// The route `RouteIndex.route(for:)` makes of the runbook at `path`, with its fields as text
    /// unless told otherwise.
    func route(path: String, withFields: Bool = true) -> Route {
        Route(
            title: string(title), file: path, line: titleLine, keywords: [],
            targets: [Route.Target(destination: path, path: path, line: titleLine)], severity: nil, examples: [],
            fields: withFields
                ? fields.map {
                    Route.Field(kind: $0.kind, text: string($0.text), line: $0.line, section: string($0.section))
                } : [])
    }
}
