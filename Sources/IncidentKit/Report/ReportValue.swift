/// The value of one placeholder, by shape; how it is written depends on where the placeholder stands.
enum ReportValue: Equatable {
    /// One line of inline markdown (prose, code spans).
    case text(String)
    /// A markdown block the renderer built: a list or a table.
    case markdown(String)
    /// Raw text lines, such as log lines, shown exactly as they are.
    case lines([String])

    /// The value as it is written at `site`.
    func rendered(at site: PlaceholderSite) -> String {
        switch (self, site) {
        case (.text(let text), .fenced(let indent)), (.markdown(let text), .fenced(let indent)):
            return Self.indenting(text, by: indent)
        case (.lines(let lines), .fenced(let indent)):
            return Self.indenting(lines.joined(separator: "\n"), by: indent)
        case (.text(let text), .tableRow):
            return MarkdownText.tableCell(text)
        case (.markdown(let markdown), .tableRow):
            return MarkdownText.tableCell(MarkdownText.oneLine(markdown))
        case (.lines(let lines), .tableRow):
            return MarkdownText.tableCell(lines.map(MarkdownText.codeSpan).joined(separator: "\n"))
        case (.text(let text), .block):
            return MarkdownText.lineStart(MarkdownText.oneLine(text))
        case (.markdown(let markdown), .block(let indent)):
            return Self.indenting(markdown, by: indent)
        case (.lines(let lines), .block(let indent)):
            let content = lines.joined(separator: "\n")
            let fence = MarkdownText.fence(for: content)
            return Self.indenting(fence + "text\n" + content + "\n" + fence, by: indent)
        case (.text(let text), .inline), (.markdown(let text), .inline):
            return MarkdownText.oneLine(text)
        case (.lines(let lines), .inline):
            return lines.map(MarkdownText.codeSpan).joined(separator: " ")
        }
    }

    /// `text` with every line after the first prefixed by `indent` (blank lines stay empty).
    private static func indenting(_ text: String, by indent: String) -> String {
        let lines = MarkdownText.lines(of: text)
        guard !indent.isEmpty, lines.count > 1 else { return lines.joined(separator: "\n") }
        return ([lines[0]] + lines.dropFirst().map { $0.isEmpty ? $0 : indent + $0 }).joined(separator: "\n")
    }
}
