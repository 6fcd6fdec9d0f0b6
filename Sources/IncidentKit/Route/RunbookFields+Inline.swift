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
        guard joined[range].contains(where: Self.isMarkup) else {
            plain += joined[range]
            return
        }
        var index = range.lowerBound
        // Where the text since the last code span or link starts in `plain`.
        var run = plain.count
        while index < end {
            let byte = joined[index]
            switch byte {
            case UInt8(ascii: "\\") where index + 1 < end && Self.isASCIIPunctuation(joined[index + 1]):
                plain.append(joined[index + 1])
                index += 2
                continue
            case UInt8(ascii: "`"):
                var length = 0
                while index + length < end, joined[index + length] == UInt8(ascii: "`") { length += 1 }
                if let close = closingBackticks(from: index + length, length: length, end: end) {
                    var code = (index + length)..<close
                    if code.count >= 2, joined[code.lowerBound] == 0x20, joined[code.upperBound - 1] == 0x20,
                        joined[code].contains(where: { $0 != 0x20 })
                    {
                        code = (code.lowerBound + 1)..<(code.upperBound - 1)
                    }
                    plain += joined[code]
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

    private static func isMarkup(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "`") || byte == UInt8(ascii: "[")
            || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_")
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        TextAnalyzer.isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte >= 0x80
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40) || (byte >= 0x5B && byte <= 0x60)
            || (byte >= 0x7B && byte <= 0x7E)
    }

    private func closingBackticks(from start: Int, length: Int, end: Int) -> Int? {
        var index = start
        while index < end {
            if joined[index] == UInt8(ascii: "`") {
                var run = 0
                while index + run < end, joined[index + run] == UInt8(ascii: "`") { run += 1 }
                if run == length { return index }
                index += run
            } else {
                index += 1
            }
        }
        return nil
    }

    /// `[text](destination "title")` at `start`: the range of its text and the index after it.
    private func link(at start: Int, end: Int) -> (text: Range<Int>, after: Int)? {
        var depth = 0
        var index = start
        var textEnd: Int?
        while index < end {
            switch joined[index] {
            case UInt8(ascii: "\\"): index += 1
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { textEnd = index }
            case UInt8(ascii: "`"):
                // Brackets inside code spans do not count.
                var length = 0
                while index + length < end, joined[index + length] == UInt8(ascii: "`") { length += 1 }
                if let close = closingBackticks(from: index + length, length: length, end: end) {
                    index = close + length - 1
                } else {
                    index += length - 1
                }
            default: break
            }
            if textEnd != nil { break }
            index += 1
        }
        guard let textEnd, textEnd + 1 < end, joined[textEnd + 1] == UInt8(ascii: "(") else { return nil }
        var close = textEnd + 2
        var parentheses = 1
        while close < end {
            if joined[close] == UInt8(ascii: "(") { parentheses += 1 }
            if joined[close] == UInt8(ascii: ")") {
                parentheses -= 1
                if parentheses == 0 { break }
            }
            close += 1
        }
        guard close < end else { return nil }
        return ((start + 1)..<textEnd, close + 1)
    }
}
