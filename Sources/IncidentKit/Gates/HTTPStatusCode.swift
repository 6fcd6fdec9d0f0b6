/// The HTTP status code a gate's check printed, and whether it is one the gate expects.
enum HTTPStatusCode {
    /// The status code in `output`: the output itself when it is three digits (`curl -w '%{http_code}'`),
    /// else the code after the first `HTTP/...` word (`HTTP/1.1 502 Bad Gateway`, `HTTP/2 200`).
    static func find(in output: String) -> String? {
        let words = output.split(whereSeparator: \.isWhitespace)
        func isCode(_ word: Substring) -> Bool { word.count == 3 && word.allSatisfy(\.isASCIIDigit) }
        if let first = words.first, isCode(first) { return String(first) }
        guard let http = words.firstIndex(where: { $0.uppercased().hasPrefix("HTTP/") }), http + 1 < words.count,
            isCode(words[http + 1])
        else { return nil }
        return String(words[http + 1])
    }

    /// Whether `code` (`502`) is `expected`: a code (`200`) or a class (`2xx`, `2XX`).
    static func matches(_ code: String, _ expected: String) -> Bool {
        let pattern = Array(expected.lowercased())
        let digits = Array(code)
        guard pattern.count == 3, digits.count == 3 else { return false }
        return zip(pattern, digits).allSatisfy { $0 == "x" || $0 == $1 }
    }
}

extension Character {
    /// Whether the character is one of the ASCII digits 0 to 9.
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
