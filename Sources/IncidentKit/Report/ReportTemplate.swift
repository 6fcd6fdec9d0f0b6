/// A report template read line by line: ordinary lines and fenced code blocks, so that each
/// placeholder is filled in a way that suits where it stands, and no value can end a fence early.
struct ReportTemplate {
    /// A fenced code block of the template.
    struct FencedBlock {
        var indent: String
        var character: Character
        var length: Int
        /// The info string after the opening fence (`text`).
        var info: String
        var lines: [String]
        /// The closing fence line as written; nil when the fence is never closed.
        var closing: String?
    }

    enum Piece {
        case line(String)
        case fenced(FencedBlock)
    }

    var pieces: [Piece] = []

    /// Reads `text`; CRLF and CR line endings are read as LF.
    init(_ text: String) {
        var open: FencedBlock?
        for line in MarkdownText.lines(of: text) {
            if var block = open {
                if Self.closes(line, block) {
                    block.closing = line
                    pieces.append(.fenced(block))
                    open = nil
                } else {
                    block.lines.append(line)
                    open = block
                }
            } else if let block = Self.opening(line) {
                open = block
            } else {
                pieces.append(.line(line))
            }
        }
        if let block = open { pieces.append(.fenced(block)) }
    }

    /// The names of the placeholders outside fence lines, in order of first appearance, each once.
    var placeholderNames: [String] {
        var names: [String] = []
        for line in contentLines {
            for placeholder in TemplatePlaceholder.all(in: line) where !names.contains(placeholder.name) {
                names.append(placeholder.name)
            }
        }
        return names
    }

    /// The template with each placeholder replaced by `fill(name, site)`; a placeholder for which
    /// `fill` returns nil stays as written.
    func render(_ fill: (String, PlaceholderSite) -> String?) -> String {
        var output: [String] = []
        for piece in pieces {
            switch piece {
            case .line(let line):
                output.append(Self.substitute(line, fill: fill, fenced: false))
            case .fenced(let block):
                output += Self.render(block, fill: fill)
            }
        }
        return output.joined(separator: "\n")
    }

    private var contentLines: [String] {
        pieces.flatMap { piece -> [String] in
            switch piece {
            case .line(let line): [line]
            case .fenced(let block): block.lines
            }
        }
    }

    /// The block with its content filled, and its fences lengthened when the content holds a run of
    /// the fence character as long as the fence.
    private static func render(_ block: FencedBlock, fill: (String, PlaceholderSite) -> String?) -> [String] {
        let content = block.lines.map { substitute($0, fill: fill, fenced: true) }
        let fence = MarkdownText.fence(
            for: content.joined(separator: "\n"), character: block.character, minimum: block.length)
        var lines = [block.indent + fence + block.info]
        lines += content
        if let closing = block.closing {
            let indent = String(closing.prefix { $0 == " " })
            lines.append(fence.count == block.length ? closing : indent + fence)
        }
        return lines
    }

    private static func substitute(_ line: String, fill: (String, PlaceholderSite) -> String?, fenced: Bool) -> String {
        let placeholders = TemplatePlaceholder.all(in: line)
        guard !placeholders.isEmpty else { return line }
        let indent = String(line.prefix { $0 == " " || $0 == "\t" })
        var result = ""
        var copied = line.startIndex
        for placeholder in placeholders {
            let before = line[copied..<placeholder.range.lowerBound]
            result += before
            let site = site(of: placeholder, in: line, indent: indent, fenced: fenced)
            result += fill(placeholder.name, site) ?? String(line[placeholder.range])
            copied = placeholder.range.upperBound
        }
        result += line[copied...]
        return result
    }

    private static func site(of placeholder: TemplatePlaceholder, in line: String, indent: String, fenced: Bool)
        -> PlaceholderSite
    {
        let startsLine = line[..<placeholder.range.lowerBound].allSatisfy { $0 == " " || $0 == "\t" }
        if fenced { return .fenced(indent: startsLine ? indent : "") }
        var outside = line
        outside.removeSubrange(placeholder.range)
        if outside.contains("|") { return .tableRow }
        return startsLine && outside.trimmed.isEmpty ? .block(indent: indent) : .inline
    }

    /// The fenced block `line` opens (three or more backticks or tildes), else nil.
    private static func opening(_ line: String) -> FencedBlock? {
        let indent = String(line.prefix { $0 == " " })
        let rest = line.dropFirst(indent.count)
        guard let character = rest.first, character == "`" || character == "~" else { return nil }
        let length = rest.prefix { $0 == character }.count
        let info = String(rest.dropFirst(length))
        guard length >= 3, character == "~" || !info.contains("`") else { return nil }
        return FencedBlock(indent: indent, character: character, length: length, info: info, lines: [], closing: nil)
    }

    private static func closes(_ line: String, _ block: FencedBlock) -> Bool {
        let rest = line.drop { $0 == " " }
        let run = rest.prefix { $0 == block.character }.count
        return run >= block.length && rest.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
