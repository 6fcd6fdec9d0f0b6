extension Block {
    /// The inline texts this block holds directly, each with its line (not those of nested blocks).
    public var inlineTexts: [(String, Int)] {
        switch self {
        case .heading(let heading): [(heading.text, heading.line)]
        case .paragraph(let paragraph): paragraph.lines.map { (String($0.text), $0.number) }
        case .table(let table):
            [(table.header.joined(separator: " | "), table.line)]
                + table.rows.map { ($0.cells.joined(separator: " | "), $0.line) }
        default: []
        }
    }
}
