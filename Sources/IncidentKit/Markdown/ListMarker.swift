/// The marker that opens a list item: `-`, `*`, `+`, or a number followed by `.` or `)`.
struct ListMarker: Equatable {
    /// The number of an ordered marker, nil for a bullet.
    var number: Int?
    /// `-`, `*`, `+`, `.` or `)`: items of one list share it.
    var delimiter: Character
    /// Columns before the marker.
    var indent: Int
    /// Columns from the line's start to the item's content.
    var contentOffset: Int
    /// The text after the marker and its spaces.
    var content: Substring

    var isOrdered: Bool { number != nil }

    init?(_ line: SourceLine) {
        // Most lines start with neither a bullet nor a digit: ruled out on the first byte.
        guard let start = line.text.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }),
            start == UInt8(ascii: "-") || start == UInt8(ascii: "*") || start == UInt8(ascii: "+")
                || (start >= 0x30 && start <= 0x39)
        else { return nil }
        let indent = line.indent
        guard indent < 4 else { return nil }
        let text = line.removingIndent(indent).text
        guard let first = text.first else { return nil }
        var markerEnd: Substring.Index
        if first == "-" || first == "*" || first == "+" {
            number = nil
            delimiter = first
            markerEnd = text.index(after: text.startIndex)
        } else if first.isASCII, first.isNumber {
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            guard digits.count <= 9, let value = Int(digits) else { return nil }
            markerEnd = digits.endIndex
            guard markerEnd < text.endIndex, text[markerEnd] == "." || text[markerEnd] == ")" else { return nil }
            number = value
            delimiter = text[markerEnd]
            markerEnd = text.index(after: markerEnd)
        } else {
            return nil
        }
        let markerWidth = text.distance(from: text.startIndex, to: markerEnd)
        let rest = text[markerEnd...]
        if rest.isEmpty {
            content = rest
            contentOffset = indent + markerWidth + 1
        } else {
            guard rest.first == " " || rest.first == "\t" else { return nil }
            let spaces = rest.prefix { $0 == " " || $0 == "\t" }.count
            // Five or more spaces: the content is indented code, and one space belongs to the marker.
            let taken = spaces > 4 ? 1 : spaces
            content = rest.dropFirst(taken)
            contentOffset = indent + markerWidth + taken
        }
        self.indent = indent
    }

    /// Whether an item with this marker continues a list started by `other`.
    func continues(_ other: ListMarker) -> Bool {
        delimiter == other.delimiter
    }
}
