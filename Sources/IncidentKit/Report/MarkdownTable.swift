/// A GFM table built from cells of markdown; every cell is escaped so that no value can add a column
/// or end the row.
struct MarkdownTable {
    var header: [String]
    var rows: [[String]] = []

    init(_ header: [String]) {
        self.header = header
    }

    /// Appends a row; missing cells are left empty, extra cells are dropped.
    mutating func append(_ cells: [String]) {
        rows.append(cells)
    }

    /// The table as markdown lines joined by newlines, without a trailing newline.
    var markdown: String {
        var lines = [row(header), "|" + String(repeating: "---|", count: header.count)]
        lines += rows.map(row)
        return lines.joined(separator: "\n")
    }

    private func row(_ cells: [String]) -> String {
        let padded = (0..<header.count).map { $0 < cells.count ? cells[$0] : "" }
        return "| " + padded.map(MarkdownText.tableCell).joined(separator: " | ") + " |"
    }
}
