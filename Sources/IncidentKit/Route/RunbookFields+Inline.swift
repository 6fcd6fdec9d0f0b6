/// `Inline.plainText` over bytes: code spans keep their content, links keep their text, images and
/// emphasis marks go.
extension RunbookFields {
    /// The plain text of `joined[range]`, appended to `plain`.
    mutating func makePlain(_ range: Range<Int>) -> Range<Int> {
        let start = plain.count
        appendPlain(range)
        return start..<plain.count
    }

    private mutating func appendPlain(_ range: Range<Int>) {
        let end = range.upperBound
        guard joined[range].contains(where: Inline.isMarkup) else {
            plain += joined[range]
            return
        }
        var index = range.lowerBound
        // Where the text since the last code span or link starts in `plain`.
        var run = plain.count
        while index < end {
            let byte = joined[index]
            switch byte {
            case UInt8(ascii: "\\") where index + 1 < end && Inline.isASCIIPunctuation(joined[index + 1]):
                plain.append(joined[index + 1])
                index += 2
                continue
            case UInt8(ascii: "`"):
                var length = 0
                while index + length < end, joined[index + length] == UInt8(ascii: "`") { length += 1 }
                if let close = closingBackticks(from: index + length, length: length, end: end) {
                    plain += joined[Inline.codeSpanText(joined, (index + length)..<close)]
                    run = plain.count
                    index = close + length
                } else {
                    plain += repeatElement(UInt8(ascii: "`"), count: length)
                    index += length
                }
                continue
            case UInt8(ascii: "["):
                let isImage = index > range.lowerBound && joined[index - 1] == UInt8(ascii: "!")
                if let (text, after) = link(at: index, end: end) {
                    if isImage, plain.count > run { plain.removeLast() }
                    if !isImage { appendPlain(text) }
                    run = plain.count
                    index = after
                    continue
                }
            case UInt8(ascii: "<"):
                if let close = joined[index..<end].firstIndex(of: UInt8(ascii: ">")) {
                    let inner = joined[(index + 1)..<close]
                    if inner.starts(with: "http://".utf8) || inner.starts(with: "https://".utf8), !inner.contains(0x20)
                    {
                        plain += inner
                        run = plain.count
                        index = close + 1
                        continue
                    }
                }
            case UInt8(ascii: "*"), UInt8(ascii: "_"):
                // Emphasis markers are dropped from plain text; `_` inside a word (snake_case) and a lone
                // `*` between spaces stay.
                let previous = index > range.lowerBound ? joined[index - 1] : 0x20
                let next = index + 1 < end ? joined[index + 1] : 0x20
                if byte == UInt8(ascii: "_"), Self.isAlphanumeric(previous), Self.isAlphanumeric(next) { break }
                if byte == UInt8(ascii: "*"), previous == 0x20, next == 0x20 { break }
                index += 1
                continue
            default:
                break
            }
            plain.append(byte)
            index += 1
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        TextAnalyzer.isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte >= 0x80
    }

    private func closingBackticks(from start: Int, length: Int, end: Int) -> Int? {
        Inline.closingBackticks(joined, from: start, length: length, end: end)
    }

    /// `[text](destination "title")` at `start`: the range of its text and the index after it.
    private func link(at start: Int, end: Int) -> (text: Range<Int>, after: Int)? {
        Inline.linkBounds(joined, at: start, end: end).map { ((start + 1)..<$0.textEnd, $0.close + 1) }
    }
}
