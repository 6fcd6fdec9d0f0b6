/// Helpers that put arbitrary text into markdown without letting it change the document's structure:
/// code spans and fences longer than any backtick run inside them, table cells that cannot split,
/// lines that cannot start a block.
enum MarkdownText {
    /// What a line break inside a code span shows (a code span renders a newline as a plain space).
    static let lineBreakMark = " ⏎ "

    /// `text` as a code span: delimited by a backtick run longer than any inside it, padded with a
    /// space where it starts or ends with a backtick; line breaks become `⏎`.
    static func codeSpan(_ text: String) -> String {
        let content = lines(of: text).joined(separator: lineBreakMark)
        guard !content.isEmpty else { return "` `" }
        let delimiter = String(repeating: "`", count: longestRun(of: "`", in: content) + 1)
        let padded = content.first == "`" || content.last == "`" ? " " + content + " " : content
        return delimiter + padded + delimiter
    }

    /// `text` as the content of a GFM table cell: every `|` escaped, line breaks as `<br>`.
    static func tableCell(_ text: String) -> String {
        var cell = ""
        var backslashes = 0
        for character in lines(of: text).joined(separator: "<br>") {
            // A pipe is escaped by an odd number of backslashes before it; add one where it is even.
            if character == "|", backslashes % 2 == 0 { cell.append("\\") }
            backslashes = character == "\\" ? backslashes + 1 : 0
            cell.append(character)
        }
        return cell
    }

    /// `text` on one line: its lines, trimmed, joined by spaces.
    static func oneLine(_ text: String) -> String {
        lines(of: text).map(\.trimmed).filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// `text` made safe to stand at the start of a line: a start that would open a block (heading,
    /// quote, table, list item, fence, setext underline) is backslash-escaped.
    static func lineStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        let rest = text.dropFirst()
        let opensBlock: Bool
        switch first {
        case "#", ">", "|": opensBlock = true
        case "-", "+", "*":
            opensBlock = rest.isEmpty || rest.first == " " || rest.allSatisfy { $0 == first || $0 == " " }
        case "`", "~": opensBlock = longestRun(of: first, in: String(text.prefix(3))) == 3
        case "=": opensBlock = rest.allSatisfy { $0 == "=" || $0 == " " }
        default: opensBlock = false
        }
        if opensBlock { return "\\" + text }
        // `2. text` or `2) text` would start an ordered list: escape the delimiter.
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let after = text.dropFirst(digits.count)
        if !digits.isEmpty, let delimiter = after.first, delimiter == "." || delimiter == ")",
            after.dropFirst().first.map({ $0 == " " }) ?? true
        {
            return digits + "\\" + after
        }
        return text
    }

    /// A fence of `character` longer than any run of it in `content`, and at least `minimum` long.
    static func fence(for content: String, character: Character = "`", minimum: Int = 3) -> String {
        String(repeating: character, count: max(minimum, longestRun(of: character, in: content) + 1))
    }

    /// The length of the longest run of `character` in `text`.
    static func longestRun(of character: Character, in text: String) -> Int {
        var longest = 0
        var current = 0
        for each in text {
            current = each == character ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }

    /// The lines of `text`, split at LF, CRLF and CR.
    static func lines(of text: String) -> [String] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }.map(String.init)
    }
}
