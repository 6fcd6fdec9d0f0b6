/// Inline constructs inside block text: code spans, links, bold labels, and plain text without markup.
public enum Inline {
    /// A link `[text](destination)` or autolink `<https://...>`.
    public struct Link: Sendable, Hashable {
        public var text: String
        public var destination: String
    }

    /// The contents of the code spans in `text`, in order.
    public static func codeSpans(in text: String) -> [String] {
        var spans: [String] = []
        scan(text) { token in
            if case .code(let code) = token { spans.append(code) }
        }
        return spans
    }

    /// The links in `text`, in order. Images are not links.
    public static func links(in text: String) -> [Link] {
        var links: [Link] = []
        scan(text) { token in
            if case .link(let link) = token { links.append(link) }
        }
        return links
    }

    /// `text` without markup: code spans keep their content, links keep their text, emphasis marks go.
    public static func plainText(_ text: String) -> String {
        // Text without any markup byte is its own plain text (most headings, cells and many paragraphs).
        if !text.utf8.contains(where: isMarkup) { return text }
        var result = ""
        scan(text) { token in
            switch token {
            case .text(let value): result += value
            case .code(let code): result += code
            case .link(let link): result += link.text
            }
        }
        return result
    }

    enum Token {
        case text(String)
        case code(String)
        case link(Link)
    }

    /// Walks `text` once, reporting text runs, code spans and links. Never fails: anything unmatched is
    /// text. Scans UTF-8 bytes: every markup character is ASCII, and this runs over every line of a library.
    static func scan(_ text: String, _ visit: (Token) -> Void) {
        let bytes = Array(text.utf8)
        var index = 0
        var run: [UInt8] = []
        func flush() {
            if !run.isEmpty { visit(.text(String(decoding: run, as: UTF8.self))) }
            run.removeAll(keepingCapacity: true)
        }
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte >= 0x80
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\") where index + 1 < bytes.count && isASCIIPunctuation(bytes[index + 1]):
                run.append(bytes[index + 1])
                index += 2
                continue
            case UInt8(ascii: "`"):
                var length = 0
                while index + length < bytes.count, bytes[index + length] == UInt8(ascii: "`") { length += 1 }
                if let close = closingBackticks(bytes, from: index + length, length: length) {
                    flush()
                    let code = codeSpanText(bytes, (index + length)..<close)
                    visit(.code(String(decoding: bytes[code], as: UTF8.self)))
                    index = close + length
                } else {
                    run += repeatElement(UInt8(ascii: "`"), count: length)
                    index += length
                }
                continue
            case UInt8(ascii: "["):
                let isImage = index > 0 && bytes[index - 1] == UInt8(ascii: "!")
                if let (link, end) = parseLink(bytes, at: index) {
                    if isImage, !run.isEmpty { run.removeLast() }
                    flush()
                    if !isImage { visit(.link(link)) }
                    index = end
                    continue
                }
            case UInt8(ascii: "<"):
                if let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")) {
                    let inner = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
                    if inner.hasPrefix("http://") || inner.hasPrefix("https://"), !inner.utf8.contains(0x20) {
                        flush()
                        visit(.link(Link(text: inner, destination: inner)))
                        index = close + 1
                        continue
                    }
                }
            case UInt8(ascii: "*"), UInt8(ascii: "_"):
                // Emphasis markers are dropped from plain text; `_` inside a word (snake_case) and a lone
                // `*` between spaces stay.
                let previous = index > 0 ? bytes[index - 1] : 0x20
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0x20
                if byte == UInt8(ascii: "_"), isAlphanumeric(previous), isAlphanumeric(next) { break }
                if byte == UInt8(ascii: "*"), previous == 0x20, next == 0x20 { break }
                index += 1
                continue
            default:
                break
            }
            run.append(byte)
            index += 1
        }
        flush()
    }

    /// The bytes `scan` may treat as other than text.
    static func isMarkup(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "`") || byte == UInt8(ascii: "[")
            || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_")
    }

    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40) || (byte >= 0x5B && byte <= 0x60)
            || (byte >= 0x7B && byte <= 0x7E)
    }

    /// The text of a code span whose content is `content`: one space is stripped from each side when
    /// both sides have one and the content is not all spaces.
    static func codeSpanText(_ bytes: [UInt8], _ content: Range<Int>) -> Range<Int> {
        guard content.count >= 2, bytes[content.lowerBound] == 0x20, bytes[content.upperBound - 1] == 0x20,
            bytes[content].contains(where: { $0 != 0x20 })
        else { return content }
        return (content.lowerBound + 1)..<(content.upperBound - 1)
    }

    /// Where the run of `length` backticks that closes a code span starts, searching `bytes[start..<end]`.
    static func closingBackticks(_ bytes: [UInt8], from start: Int, length: Int, end: Int? = nil) -> Int? {
        let end = end ?? bytes.count
        var index = start
        while index < end {
            if bytes[index] == UInt8(ascii: "`") {
                var run = 0
                while index + run < end, bytes[index + run] == UInt8(ascii: "`") { run += 1 }
                if run == length { return index }
                index += run
            } else {
                index += 1
            }
        }
        return nil
    }

    /// The bounds of a link `[text](destination "title")` at `start` in `bytes[..<end]`: where its text
    /// ends (the `]`) and where it closes (the `)`).
    static func linkBounds(_ bytes: [UInt8], at start: Int, end: Int) -> (textEnd: Int, close: Int)? {
        var depth = 0
        var index = start
        var textEnd: Int?
        while index < end {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 1
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { textEnd = index }
            case UInt8(ascii: "`"):
                // Brackets inside code spans do not count.
                var length = 0
                while index + length < end, bytes[index + length] == UInt8(ascii: "`") { length += 1 }
                if let close = closingBackticks(bytes, from: index + length, length: length, end: end) {
                    index = close + length - 1
                } else {
                    index += length - 1
                }
            default: break
            }
            if textEnd != nil { break }
            index += 1
        }
        guard let textEnd, textEnd + 1 < end, bytes[textEnd + 1] == UInt8(ascii: "(") else { return nil }
        var close = textEnd + 2
        var parentheses = 1
        while close < end {
            if bytes[close] == UInt8(ascii: "(") { parentheses += 1 }
            if bytes[close] == UInt8(ascii: ")") {
                parentheses -= 1
                if parentheses == 0 { break }
            }
            close += 1
        }
        guard close < end else { return nil }
        return (textEnd, close)
    }

    /// The quoted page of a Hugo `{{< ref "page" >}}` or `{{% relref "page" %}}` destination.
    private static func hugoReference(_ destination: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        guard destination.starts(with: Array("{{<".utf8)) || destination.starts(with: Array("{{%".utf8)),
            let open = destination.firstIndex(of: UInt8(ascii: "\"")),
            let close = destination[(open + 1)...].firstIndex(of: UInt8(ascii: "\"")), close > open + 1
        else { return nil }
        return destination[(open + 1)..<close]
    }

    /// Parses `[text](destination "title")` at `start`; returns the link and the index after it.
    private static func parseLink(_ bytes: [UInt8], at start: Int) -> (Link, Int)? {
        guard let (textEnd, close) = linkBounds(bytes, at: start, end: bytes.count) else { return nil }
        var destination = bytes[(textEnd + 2)..<close].drop { $0 == 0x20 }
        if let page = hugoReference(destination) {
            // Hugo sites link pages with a shortcode: `({{< ref "./Other.md" >}})`. The page is the target.
            destination = page
        } else if let space = destination.firstIndex(of: 0x20) {
            destination = destination[..<space]
        }
        if destination.first == UInt8(ascii: "<"), destination.last == UInt8(ascii: ">") {
            destination = destination.dropFirst().dropLast()
        }
        let text = plainText(String(decoding: bytes[(start + 1)..<textEnd], as: UTF8.self))
        return (Link(text: text, destination: String(decoding: destination, as: UTF8.self)), close + 1)
    }
}
