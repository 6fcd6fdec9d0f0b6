/// Turns text into the terms the router compares: lowercase words, CamelCase and snake_case split, volatile
/// parts of pasted log lines dropped (timestamps, IPs, hex ids, pids, durations), stop words removed, and
/// each word stemmed. Status codes such as 502 are kept.
public enum TextAnalyzer {
    /// The terms of `text`, in order. A CamelCase word also yields its joined form (`crashloopbackoff`),
    /// so a responder typing it in one piece still matches.
    public static func terms(_ text: String, keepCompounds: Bool = true) -> [String] {
        tokens(text, keepCompounds: keepCompounds).map(\.term)
    }

    /// The terms of `text` with the words they came from, for explanations in the user's own words.
    public static func tokens(_ text: String, keepCompounds: Bool = true) -> [(term: String, word: String)] {
        var tokens: [(term: String, word: String)] = []
        forEachWord(in: text) { word in
            let parts = splitCamelCase(word)
            for part in parts { append(part, to: &tokens) }
            if parts.count > 1, keepCompounds {
                let joined = parts.map { $0.lowercased() }.joined()
                if !isVolatile(joined) { tokens.append((Stemmer.stem(joined), String(word))) }
            }
        }
        return tokens
    }

    private static func append(_ part: Substring, to tokens: inout [(term: String, word: String)]) {
        let lower = part.lowercased()
        guard !isVolatile(lower), !StopWords.contains(lower) else { return }
        tokens.append((Stemmer.stem(lower), String(part)))
    }

    /// Calls `body` with each run of letters and digits. Punctuation, including `_`, `-`, `.`, `/` and `:`,
    /// separates words, except that dotted and colon-joined numbers (IPs, times, versions) stay one word so
    /// they can be recognised as volatile.
    static func forEachWord(in text: String, _ body: (Substring) -> Void) {
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let isWordCharacter = character.isLetter || character.isNumber
            if isWordCharacter {
                if start == nil { start = index }
            } else if let wordStart = start {
                // Keep `10.0.0.1`, `10:30:12`, `2026/01/05`, `1.5s` together when digits surround the separator.
                let next = text.index(after: index)
                if character == "." || character == ":" || character == "/" || character == "-", next < text.endIndex,
                    text[next].isNumber,
                    text[text.index(before: index)].isNumber
                {
                    index = next
                    continue
                }
                body(text[wordStart..<index])
                start = nil
            }
            index = text.index(after: index)
        }
        if let wordStart = start { body(text[wordStart...]) }
    }

    /// Splits `KubePodCrashLooping` into `Kube`, `Pod`, `Crash`, `Looping` and `NodeRAIDDegraded` into
    /// `Node`, `RAID`, `Degraded`. Letters and digits are not split apart (`x509`, `http2`).
    static func splitCamelCase(_ word: Substring) -> [Substring] {
        var parts: [Substring] = []
        var start = word.startIndex
        var index = word.startIndex
        while index < word.endIndex {
            let next = word.index(after: index)
            if next < word.endIndex {
                let current = word[index]
                let following = word[next]
                var boundary = current.isLowercase && following.isUppercase
                if current.isUppercase, following.isUppercase {
                    let afterNext = word.index(after: next)
                    boundary = afterNext < word.endIndex && word[afterNext].isLowercase
                }
                if boundary {
                    parts.append(word[start..<next])
                    start = next
                }
            }
            index = next
        }
        parts.append(word[start...])
        return parts
    }

    /// Whether a lowercased word is a volatile part of a log line rather than a meaningful term.
    static func isVolatile(_ word: String) -> Bool {
        let utf8 = word.utf8
        var digits = 0
        var letters = 0
        var hexLetters = 0
        var separators = 0
        var runs = 0
        var previousIsDigit: Bool?
        for byte in utf8 {
            let isDigit = byte >= 0x30 && byte <= 0x39
            if isDigit {
                digits += 1
            } else if byte == 0x2E || byte == 0x3A || byte == 0x2F || byte == 0x2D {
                separators += 1
                continue
            } else {
                letters += 1
                if byte >= 0x61 && byte <= 0x66 { hexLetters += 1 }
            }
            if previousIsDigit != isDigit { runs += 1 }
            previousIsDigit = isDigit
        }
        if separators > 0, letters == 0 { return true }  // IPs, times, dates, versions
        if letters == 0 { return digits > 3 }  // pids, ports, years; keep 502, 111
        if digits == 0 { return false }
        if letters == hexLetters, utf8.count >= 7 { return true }  // hex ids, hashes
        if separators > 0 { return digits >= letters }  // 1.5s, 10:30:12z
        if letters <= 2, digits >= 1, isDuration(word) { return true }
        return runs >= 4  // pod hashes such as x2k4p
    }

    private static func isDuration(_ word: String) -> Bool {
        let unit = word.drop { $0.isNumber }
        return ["ms", "s", "m", "h", "us", "ns", "d"].contains(String(unit)) && unit.count < word.count
    }
}
