extension MarkdownReader {
    /// Whether a table starts at `index`: a line with a pipe followed by a delimiter row of as many cells.
    func startsTable(at index: Int) -> Bool {
        guard index + 1 < lines.count else { return false }
        let header = lines[index]
        guard header.indent < 4, header.text.utf8.contains(UInt8(ascii: "|")) else { return false }
        guard let delimiterCells = Self.delimiterCellCount(lines[index + 1]) else { return false }
        return Self.cells(of: header.text).count == delimiterCells
    }

    /// Reads a GFM table at the current line, or returns nil when there is none.
    mutating func readTable() -> Table? {
        guard startsTable(at: position) else { return nil }
        let headerLine = lines[position]
        let header = Self.cells(of: headerLine.text)
        position += 2
        var rows: [Table.Row] = []
        while position < lines.count {
            let line = lines[position]
            if line.isBlank || (line.indent < 4 && isOtherBlock(line)) { break }
            var cells = Self.cells(of: line.text)
            if cells.count < header.count { cells += Array(repeating: "", count: header.count - cells.count) }
            if cells.count > header.count { cells = Array(cells.prefix(header.count)) }
            rows.append(Table.Row(cells: cells, line: line.number))
            position += 1
        }
        return Table(header: header, rows: rows, line: headerLine.number)
    }

    private func isOtherBlock(_ line: SourceLine) -> Bool {
        let text = line.text.trimmingWhitespace()
        switch text.first {
        case "#", ">", "`", "~": return true
        default: return false
        }
    }

    private static func delimiterCellCount(_ line: SourceLine) -> Int? {
        guard line.indent < 4 else { return nil }
        let text = line.text.trimmingWhitespace()
        guard text.utf8.contains(UInt8(ascii: "-")) else { return nil }
        let cells = cells(of: text)
        for cell in cells {
            var body = Substring(cell)
            if body.first == ":" { body = body.dropFirst() }
            if body.last == ":" { body = body.dropLast() }
            guard !body.isEmpty, body.allSatisfy({ $0 == "-" }) else { return nil }
        }
        // A lone `---` without pipes is a thematic break or setext underline, not a delimiter row.
        guard text.utf8.contains(UInt8(ascii: "|")) || cells.count > 1 else { return nil }
        return cells.count
    }

    /// Splits a table row into trimmed cells. `\|` and pipes inside code spans do not split.
    static func cells(of text: Substring) -> [String] {
        var row = text.trimmingWhitespace()
        if row.first == "|" { row = row.dropFirst() }
        if row.last == "|", !row.hasSuffix("\\|") { row = row.dropLast() }
        var cells: [String] = []
        var current = ""
        var backticks = 0  // length of the open code span's fence, 0 outside one
        var index = row.startIndex
        while index < row.endIndex {
            let character = row[index]
            if character == "\\", row.index(after: index) < row.endIndex, row[row.index(after: index)] == "|" {
                current.append("|")
                index = row.index(index, offsetBy: 2)
                continue
            }
            if character == "`" {
                let run = row[index...].prefix { $0 == "`" }.count
                if backticks == 0 {
                    if row[row.index(index, offsetBy: run)...].contains(String(repeating: "`", count: run)) {
                        backticks = run
                    }
                } else if run == backticks {
                    backticks = 0
                }
                current += String(repeating: "`", count: run)
                index = row.index(index, offsetBy: run)
                continue
            }
            if character == "|", backticks == 0 {
                cells.append(current.trimmed)
                current = ""
            } else {
                current.append(character)
            }
            index = row.index(after: index)
        }
        cells.append(current.trimmed)
        return cells
    }
}
