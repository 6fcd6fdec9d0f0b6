/// Decodes markdown bytes into lines: a BOM is dropped, CRLF and lone CR end lines, and invalid UTF-8
/// becomes replacement characters, so any input decodes.
public enum SourceText {
    /// The lines of `bytes`, numbered from 1.
    public static func lines(of bytes: [UInt8]) -> [SourceLine] {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return lines(of: text)
    }

    /// The lines of `text`, numbered from 1.
    public static func lines(of text: String) -> [SourceLine] {
        var lines: [SourceLine] = []
        var number = 1
        var start = text.startIndex
        var index = text.startIndex
        let utf8 = text.utf8
        var u = utf8.startIndex
        while u < utf8.endIndex {
            let byte = utf8[u]
            if byte == 0x0A || byte == 0x0D {
                index = u
                lines.append(SourceLine(number: number, text: text[start..<index]))
                number += 1
                var next = utf8.index(after: u)
                if byte == 0x0D, next < utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                u = next
                start = u
            } else {
                u = utf8.index(after: u)
            }
        }
        if start < text.endIndex {
            lines.append(SourceLine(number: number, text: text[start...]))
        }
        return lines
    }
}
