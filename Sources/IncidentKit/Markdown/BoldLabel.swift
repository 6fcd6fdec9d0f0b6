/// A bold label line such as `**Keywords:** 502, bad gateway`, as router packs and gates write them.
public struct BoldLabel: Sendable, Hashable {
    /// The label without its bold marks and colon, e.g. `Keywords`.
    public var name: String
    /// The raw markdown after the label, continuation lines joined by newlines.
    public var value: String
    public var line: Int

    /// The labels in a paragraph. A label starts a line with `**Name:**` or `**Name**:`; following lines
    /// that are not labels continue its value.
    public static func labels(in paragraph: Paragraph) -> [BoldLabel] {
        var labels: [BoldLabel] = []
        for line in paragraph.lines {
            let text = line.text.trimmingWhitespace()
            if let (name, value) = split(text) {
                labels.append(BoldLabel(name: name, value: value, line: line.number))
            } else if !labels.isEmpty {
                labels[labels.count - 1].value += "\n" + String(text)
            }
        }
        return labels
    }

    /// Splits `**Name:** value` or `**Name**: value` into name and value.
    static func split(_ text: Substring) -> (String, String)? {
        guard text.hasPrefix("**") || text.hasPrefix("__") else { return nil }
        let marker = text.prefix(2)
        let body = text.dropFirst(2)
        var closeIndex: Substring.Index?
        var index = body.startIndex
        while index < body.endIndex {
            if body[index...].hasPrefix(marker) {
                closeIndex = index
                break
            }
            index = body.index(after: index)
        }
        guard let closeIndex else { return nil }
        var name = body[..<closeIndex].trimmingWhitespace()
        var rest = body[body.index(closeIndex, offsetBy: 2)...]
        if name.hasSuffix(":") {
            name = name.dropLast().trimmingWhitespace()
        } else if rest.first == ":" {
            rest = rest.dropFirst()
        } else {
            return nil
        }
        guard !name.isEmpty, name.count <= 60 else { return nil }
        return (String(name), String(rest.trimmingWhitespace()))
    }
}
