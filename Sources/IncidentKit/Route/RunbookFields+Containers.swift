/// Lists and tables, as `MarkdownReader+Lists` and `MarkdownReader+Tables` read them.
extension RunbookFields {
    /// `ListMarker` over bytes: what a list item's first line says.
    struct Marker {
        /// `-`, `*`, `+`, `.` or `)`: items of one list share it.
        var delimiter: UInt8
        var indent: Int
        var contentOffset: Int
        var content: Line
    }

    func listMarker(_ line: Line) -> Marker? {
        let text = Line(start: line.start + leadingBlanks(line), end: line.end, number: line.number)
        guard let start = first(text),
            start == UInt8(ascii: "-") || start == UInt8(ascii: "*") || start == UInt8(ascii: "+")
                || TextAnalyzer.isDigit(start)
        else { return nil }
        let indent = indent(line)
        guard indent < 4 else { return nil }
        var markerEnd = text.start + 1
        let delimiter: UInt8
        if TextAnalyzer.isDigit(start) {
            while markerEnd < text.end, TextAnalyzer.isDigit(source[markerEnd]) { markerEnd += 1 }
            guard markerEnd - text.start <= 9, markerEnd < text.end,
                source[markerEnd] == UInt8(ascii: ".") || source[markerEnd] == UInt8(ascii: ")")
            else { return nil }
            delimiter = source[markerEnd]
            markerEnd += 1
        } else {
            delimiter = start
        }
        let markerWidth = markerEnd - text.start
        guard markerEnd < text.end else {
            return Marker(
                delimiter: delimiter, indent: indent, contentOffset: indent + markerWidth + 1,
                content: Line(start: markerEnd, end: markerEnd, number: line.number))
        }
        guard source[markerEnd] == 0x20 || source[markerEnd] == 0x09 else { return nil }
        var spaces = 0
        while markerEnd + spaces < text.end, source[markerEnd + spaces] == 0x20 || source[markerEnd + spaces] == 0x09 {
            spaces += 1
        }
        // Five or more spaces: the content is indented code, and one space belongs to the marker.
        let taken = spaces > 4 ? 1 : spaces
        return Marker(
            delimiter: delimiter, indent: indent, contentOffset: indent + markerWidth + taken,
            content: Line(start: markerEnd + taken, end: text.end, number: line.number))
    }

    private func leadingBlanks(_ line: Line) -> Int {
        var index = line.start
        while index < line.end, source[index] == 0x20 || source[index] == 0x09 { index += 1 }
        return index - line.start
    }

    mutating func readList(_ lines: [Line], _ position: inout Int, first: Marker, depth: Int) {
        var marker = first
        while true {
            readItem(lines, &position, marker, depth: depth)
            guard position < lines.count, let next = listMarker(lines[position]), next.delimiter == first.delimiter,
                next.indent <= first.indent + 1
            else { break }
            marker = next
        }
    }

    private mutating func readItem(_ lines: [Line], _ position: inout Int, _ marker: Marker, depth: Int) {
        let opening = lines[position]
        var content = marker.content
        if hasPrefix(content, "[ ] ") || equals(content, "[ ]") || hasPrefix(content, "[x] ")
            || hasPrefix(content, "[X] ")
            || equals(content, "[x]") || equals(content, "[X]")
        {
            content = trimmed(Line(start: content.start + 3, end: content.end, number: opening.number))
        }
        var inner = [Line(start: content.start, end: content.end, number: opening.number)]
        // Children may sit at the content column or, as many runbooks write them, two columns in.
        let threshold = min(marker.contentOffset, marker.indent + 2)
        position += 1
        var pendingBlank: [Line] = []
        while position < lines.count {
            let line = lines[position]
            if isBlank(line) {
                pendingBlank.append(Line(start: 0, end: 0, number: line.number))
                position += 1
                continue
            }
            let lineIndent = indent(line)
            if lineIndent >= threshold {
                inner += pendingBlank
                pendingBlank = []
                inner.append(removingIndent(line, min(lineIndent, marker.contentOffset)))
                position += 1
                continue
            }
            if pendingBlank.isEmpty, let last = inner.last, !isBlank(last), isLazyContinuation(line, after: inner) {
                inner.append(trimmed(line))
                position += 1
                continue
            }
            break
        }
        readBlocks(inner, from: 0, depth: depth + 1)
    }

    private func isLazyContinuation(_ line: Line, after inner: [Line]) -> Bool {
        var fenceOpen = false
        for previous in inner {
            let text = trimmed(previous)
            if hasPrefix(text, "```") || hasPrefix(text, "~~~") { fenceOpen.toggle() }
        }
        if fenceOpen { return false }
        let text = trimmed(line)
        if listMarker(line) != nil || isThematicBreak(text) { return false }
        switch first(text) {
        case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "`"), UInt8(ascii: "~"), UInt8(ascii: "|"),
            UInt8(ascii: "<"):
            return false
        default:
            return true
        }
    }

    // MARK: Tables

    func startsTable(_ lines: [Line], at index: Int) -> Bool {
        guard index + 1 < lines.count else { return false }
        let header = lines[index]
        guard indent(header) < 4, source[header.start..<header.end].contains(UInt8(ascii: "|")) else { return false }
        guard let delimiterCells = delimiterCellCount(lines[index + 1]) else { return false }
        return cells(of: header).count == delimiterCells
    }

    mutating func readTable(_ lines: [Line], _ position: inout Int) -> Bool {
        guard startsTable(lines, at: position) else { return false }
        let header = lines[position]
        let columns = cells(of: header).count
        addRow(header, columns: columns)
        position += 2
        while position < lines.count {
            let line = lines[position]
            if isBlank(line) { break }
            if indent(line) < 4 {
                switch first(trimmed(line)) {
                case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "`"), UInt8(ascii: "~"): return true
                default: break
                }
            }
            addRow(line, columns: columns)
            position += 1
        }
        return true
    }

    /// Adds a row's cells, cut or padded to the header's, joined by ` | ` as `Block.inlineTexts` joins them.
    private mutating func addRow(_ line: Line, columns: Int) {
        var row = cells(of: line)
        if row.count < columns { row += Array(repeating: [], count: columns - row.count) }
        joined.removeAll(keepingCapacity: true)
        for (offset, cell) in row.prefix(columns).enumerated() {
            if offset > 0 { joined += [0x20, 0x7C, 0x20] }
            joined += cell
        }
        addText(line: line.number)
    }

    private func delimiterCellCount(_ line: Line) -> Int? {
        guard indent(line) < 4 else { return nil }
        let text = trimmed(line)
        guard source[text.start..<text.end].contains(UInt8(ascii: "-")) else { return nil }
        let cells = cells(of: text)
        for cell in cells {
            var body = cell[...]
            if body.first == UInt8(ascii: ":") { body = body.dropFirst() }
            if body.last == UInt8(ascii: ":") { body = body.dropLast() }
            guard !body.isEmpty, body.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
        }
        // A lone `---` without pipes is a thematic break or setext underline, not a delimiter row.
        guard source[text.start..<text.end].contains(UInt8(ascii: "|")) || cells.count > 1 else { return nil }
        return cells.count
    }

    /// `MarkdownReader.cells(of:)`: a row split into trimmed cells; `\|` and pipes in code spans do not split.
    private func cells(of line: Line) -> [[UInt8]] {
        var row = trimmed(line)
        if first(row) == UInt8(ascii: "|") { row.start += 1 }
        if row.end > row.start, source[row.end - 1] == UInt8(ascii: "|"),
            !(row.end - row.start >= 2 && source[row.end - 2] == UInt8(ascii: "\\"))
        {
            row.end -= 1
        }
        var cells: [[UInt8]] = []
        var current: [UInt8] = []
        var backticks = 0  // length of the open code span's fence, 0 outside one
        var index = row.start
        while index < row.end {
            let byte = source[index]
            if byte == UInt8(ascii: "\\"), index + 1 < row.end, source[index + 1] == UInt8(ascii: "|") {
                current.append(UInt8(ascii: "|"))
                index += 2
                continue
            }
            if byte == UInt8(ascii: "`") {
                var run = 0
                while index + run < row.end, source[index + run] == UInt8(ascii: "`") { run += 1 }
                if backticks == 0 {
                    if Self.containsRun(of: run, in: source[(index + run)..<row.end]) { backticks = run }
                } else if run == backticks {
                    backticks = 0
                }
                current += repeatElement(UInt8(ascii: "`"), count: run)
                index += run
                continue
            }
            if byte == UInt8(ascii: "|"), backticks == 0 {
                cells.append(Self.trimmedCell(current))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(byte)
            }
            index += 1
        }
        cells.append(Self.trimmedCell(current))
        return cells
    }

    /// Whether `bytes` hold `count` backticks in a row (as a substring: a longer run holds it too).
    private static func containsRun(of count: Int, in bytes: ArraySlice<UInt8>) -> Bool {
        var run = 0
        for byte in bytes {
            run = byte == UInt8(ascii: "`") ? run + 1 : 0
            if run == count { return true }
        }
        return false
    }

    /// A cell without the white space around it, as `StringProtocol.trimmed` takes it: on bytes when
    /// the cell starts and ends in ASCII (nearly always), else character by character.
    private static func trimmedCell(_ cell: [UInt8]) -> [UInt8] {
        guard let first = cell.first, let last = cell.last else { return [] }
        guard first < 0x80, last < 0x80 else { return Array(String(decoding: cell, as: UTF8.self).trimmed.utf8) }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        guard let start = cell.firstIndex(where: { !isSpace($0) }) else { return [] }
        let end = cell.lastIndex(where: { !isSpace($0) })!
        guard cell[start] < 0x80, cell[end] < 0x80 else {
            return Array(String(decoding: cell, as: UTF8.self).trimmed.utf8)
        }
        return Array(cell[start...end])
    }
}
