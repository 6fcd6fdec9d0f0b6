/// One `{{name}}` in a line of a report template.
struct TemplatePlaceholder: Equatable {
    /// The name between the braces, without surrounding spaces: `incident.id`.
    var name: String
    /// Where `{{...}}` stands in the line.
    var range: Range<String.Index>

    /// The placeholders of one line, in order. A name is letters, digits, `_`, `.` and `-`, and may have
    /// spaces around it (`{{ service }}`); anything else between braces is ordinary text.
    static func all(in line: String) -> [TemplatePlaceholder] {
        var found: [TemplatePlaceholder] = []
        var start = line.startIndex
        while let open = firstIndex(of: "{{", in: line, from: start) {
            let inner = line.index(open, offsetBy: 2)
            guard let close = firstIndex(of: "}}", in: line, from: inner) else { break }
            let name = line[inner..<close].trimmingWhitespace()
            if isName(name) {
                let end = line.index(close, offsetBy: 2)
                found.append(TemplatePlaceholder(name: String(name), range: open..<end))
                start = end
            } else {
                start = line.index(after: open)
            }
        }
        return found
    }

    static func isName(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }
    }

    private static func firstIndex(of pair: String, in line: String, from start: String.Index) -> String.Index? {
        var index = start
        while index < line.endIndex {
            if line[index...].hasPrefix(pair) { return index }
            index = line.index(after: index)
        }
        return nil
    }
}
