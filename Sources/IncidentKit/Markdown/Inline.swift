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

    /// Walks `text` once, reporting text runs, code spans and links. Never fails: anything unmatched is text.
    static func scan(_ text: String, _ visit: (Token) -> Void) {
        let characters = Array(text)
        var index = 0
        var run = ""
        func flush() {
            if !run.isEmpty { visit(.text(run)) }
            run = ""
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\" where index + 1 < characters.count && characters[index + 1].isPunctuation:
                run.append(characters[index + 1])
                index += 2
                continue
            case "`":
                var length = 0
                while index + length < characters.count, characters[index + length] == "`" { length += 1 }
                if let close = closingBackticks(characters, from: index + length, length: length) {
                    flush()
                    var code = String(characters[(index + length)..<close])
                    if code.count >= 2, code.first == " ", code.last == " ", code.contains(where: { $0 != " " }) {
                        code = String(code.dropFirst().dropLast())
                    }
                    visit(.code(code))
                    index = close + length
                } else {
                    run += String(repeating: "`", count: length)
                    index += length
                }
                continue
            case "[":
                let isImage = index > 0 && characters[index - 1] == "!"
                if let (link, end) = parseLink(characters, at: index) {
                    if isImage { run.removeLast() }
                    flush()
                    if !isImage { visit(.link(link)) }
                    index = end
                    continue
                }
            case "<":
                if let close = characters[index...].firstIndex(of: ">") {
                    let inner = String(characters[(index + 1)..<close])
                    if inner.hasPrefix("http://") || inner.hasPrefix("https://"), !inner.contains(" ") {
                        flush()
                        visit(.link(Link(text: inner, destination: inner)))
                        index = close + 1
                        continue
                    }
                }
            case "*", "_":
                // Emphasis markers are dropped from plain text; a lone `_` inside a word (snake_case) stays.
                let previous = index > 0 ? characters[index - 1] : " "
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                if character == "_", previous.isLetter || previous.isNumber, next.isLetter || next.isNumber {
                    break
                }
                if character == "*", previous == " ", next == " " { break }
                index += 1
                continue
            default:
                break
            }
            run.append(character)
            index += 1
        }
        flush()
    }

    private static func closingBackticks(_ characters: [Character], from start: Int, length: Int) -> Int? {
        var index = start
        while index < characters.count {
            if characters[index] == "`" {
                var run = 0
                while index + run < characters.count, characters[index + run] == "`" { run += 1 }
                if run == length { return index }
                index += run
            } else {
                index += 1
            }
        }
        return nil
    }

    /// Parses `[text](destination "title")` at `start`; returns the link and the index after it.
    private static func parseLink(_ characters: [Character], at start: Int) -> (Link, Int)? {
        var depth = 0
        var index = start
        var textEnd: Int?
        while index < characters.count {
            switch characters[index] {
            case "\\": index += 1
            case "[": depth += 1
            case "]":
                depth -= 1
                if depth == 0 { textEnd = index }
            case "`":
                // Brackets inside code spans do not count.
                var length = 0
                while index + length < characters.count, characters[index + length] == "`" { length += 1 }
                if let close = closingBackticks(characters, from: index + length, length: length) {
                    index = close + length - 1
                } else {
                    index += length - 1
                }
            default: break
            }
            if textEnd != nil { break }
            index += 1
        }
        guard let textEnd, textEnd + 1 < characters.count, characters[textEnd + 1] == "(" else { return nil }
        var close = textEnd + 2
        var parentheses = 1
        while close < characters.count {
            if characters[close] == "(" { parentheses += 1 }
            if characters[close] == ")" {
                parentheses -= 1
                if parentheses == 0 { break }
            }
            close += 1
        }
        guard close < characters.count else { return nil }
        var destination = String(characters[(textEnd + 2)..<close]).trimmed
        if let space = destination.firstIndex(of: " ") { destination = String(destination[..<space]) }
        if destination.hasPrefix("<"), destination.hasSuffix(">") { destination = String(destination.dropFirst().dropLast()) }
        let text = plainText(String(characters[(start + 1)..<textEnd]))
        return (Link(text: text, destination: destination), close + 1)
    }
}
