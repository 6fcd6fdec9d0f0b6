/// One line of a markdown source, with its 1-based line number and the text without its line ending.
public struct SourceLine: Sendable, Hashable {
    public var number: Int
    public var text: Substring

    public init(number: Int, text: Substring) {
        self.number = number
        self.text = text
    }

    /// Whether the line holds only spaces and tabs.
    var isBlank: Bool { text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }

    /// The indentation in columns, tabs counted to the next multiple of four.
    var indent: Int {
        var column = 0
        for byte in text.utf8 {
            if byte == 0x20 {
                column += 1
            } else if byte == 0x09 {
                column += 4 - column % 4
            } else {
                break
            }
        }
        return column
    }

    /// The line with up to `columns` columns of leading white space removed.
    func removingIndent(_ columns: Int) -> SourceLine {
        var column = 0
        var index = text.startIndex
        while index < text.endIndex, column < columns {
            let character = text[index]
            if character == " " {
                column += 1
            } else if character == "\t" {
                let width = 4 - column % 4
                if column + width > columns {
                    // A tab wider than what is left: keep the remainder as spaces.
                    let rest = String(repeating: " ", count: column + width - columns)
                    return SourceLine(number: number, text: Substring(rest + text[text.index(after: index)...]))
                }
                column += width
            } else {
                break
            }
            index = text.index(after: index)
        }
        return SourceLine(number: number, text: text[index...])
    }

    /// The text with leading and trailing white space removed.
    var trimmed: Substring { text.trimmingWhitespace() }
}

extension Substring {
    /// The text with leading and trailing spaces and tabs removed. A blank that a neighbouring
    /// character joins (a combining mark after it, a prepended mark before it) is part of that character
    /// and stays.
    func trimmingWhitespace() -> Substring {
        // On bytes where the blanks meet ASCII (nearly always): a blank and an ASCII character are
        // always separate characters. Otherwise character by character.
        let bytes = utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
        guard start == end || start == bytes.startIndex || bytes[start] < 0x80 else { return trimmingCharacters() }
        while end > start {
            let before = bytes.index(before: end)
            guard bytes[before] == 0x20 || bytes[before] == 0x09 else { break }
            end = before
        }
        guard end == bytes.endIndex || bytes[bytes.index(before: end)] < 0x80 else { return trimmingCharacters() }
        return self[start..<end]
    }

    private func trimmingCharacters() -> Substring {
        var start = startIndex
        var end = endIndex
        while start < end, self[start] == " " || self[start] == "\t" { start = index(after: start) }
        while end > start {
            let before = index(before: end)
            guard self[before] == " " || self[before] == "\t" else { break }
            end = before
        }
        return self[start..<end]
    }
}

extension StringProtocol {
    /// The text with leading and trailing white space (spaces, tabs, newlines) removed.
    var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }
}

extension Collection where Element == UInt8 {
    /// Whether the bytes contain `needle`'s UTF-8 bytes in a row (a fast, Foundation-free substring test).
    func containsSequence(_ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard count > 0 else { return true }
        let first = needle.utf8Start[0]
        var index = startIndex
        while index != endIndex {
            if self[index] == first {
                var probe = index
                var matched = 0
                while matched < count, probe != endIndex, self[probe] == needle.utf8Start[matched] {
                    matched += 1
                    probe = self.index(after: probe)
                }
                if matched == count { return true }
            }
            index = self.index(after: index)
        }
        return false
    }
}
