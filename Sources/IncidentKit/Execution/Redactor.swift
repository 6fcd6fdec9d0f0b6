/// Replaces secrets with `[REDACTED:kind]` before anything is printed or written.
///
/// It recognizes common credential shapes (cloud keys, tokens, JWTs, private keys, passwords in
/// URLs and in key/value pairs) and every value declared secret. It leaves ordinary log lines alone:
/// timestamps, UUIDs, commit hashes, IP addresses, image digests and pod names do not match.
public struct Redactor: Sendable {
    let scanner: SecretScanner

    /// A redactor for the built-in patterns plus these declared secret values.
    ///
    /// Each value is also redacted in its shell-quoted form, as it appears in a printed command.
    public init(secrets: [String] = [], patterns: Bool = true) {
        var all = secrets.filter { !$0.isEmpty }
        all += all.map(ShellQuote.word).filter { !secrets.contains($0) }
        scanner = SecretScanner(secrets: all, usesPatterns: patterns)
    }

    /// The declared secret values (including their shell-quoted forms).
    public var secrets: [String] { scanner.secrets.map { String(decoding: $0, as: UTF8.self) } }

    /// A redactor that also redacts these values.
    public func adding(secrets more: [String]) -> Redactor {
        let known = Set(secrets)
        let new = more.filter { !$0.isEmpty && !known.contains($0) }
        guard !new.isEmpty else { return self }
        return Redactor(secrets: secrets + new, patterns: scanner.usesPatterns)
    }

    /// The longest declared secret in bytes (the streaming redactor holds back at least this much).
    public var maxSecretLength: Int { scanner.longestSecret }

    /// Redacts a whole text.
    public func redact(_ text: String) -> RedactedText {
        let (bytes, counts) = redact(bytes: Array(text.utf8))
        return RedactedText(text: String(decoding: bytes, as: UTF8.self), counts: counts)
    }

    /// Redacts whole bytes (of any encoding; secrets are matched as UTF-8).
    public func redact(bytes: [UInt8]) -> (bytes: [UInt8], counts: [RedactionKind: Int]) {
        var counts: [RedactionKind: Int] = [:]
        let output = bytes.withUnsafeBufferPointer { text in
            let matches = scanner.matches(in: text)
            return Self.apply(matches, to: text, upTo: text.count, counts: &counts)
        }
        return (output, counts)
    }

    /// A redactor for a stream that arrives in chunks (secrets split between chunks are still found).
    public func streaming() -> StreamingRedactor {
        StreamingRedactor(scanner: scanner)
    }

    /// `text[start..<end]` with each match that ends by `end` replaced (matches start at `start` or
    /// later); counts the replacements.
    static func apply(
        _ matches: [RedactionMatch], to text: UnsafeBufferPointer<UInt8>, from start: Int = 0, upTo end: Int,
        counts: inout [RedactionKind: Int]
    ) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(end - start + matches.count * 24)
        var copied = start
        // A marker left by an earlier pass is not a secret: redacting twice changes nothing. A match
        // that only partly is one (`password: hunter2 and [REDACTED:jwt]`) still hides a secret.
        let markers = matches.isEmpty ? [] : markerSpans(in: text, upTo: end)
        for match in matches where match.range.upperBound <= end {
            if isCovered(match.range, by: markers) { continue }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<match.range.lowerBound]))
            output.append(contentsOf: match.kind.replacement.utf8)
            counts[match.kind, default: 0] += 1
            copied = match.range.upperBound
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<end]))
        return output
    }

    /// Whether `range` lies wholly inside markers (sorted, not overlapping).
    private static func isCovered(_ range: Range<Int>, by markers: [Range<Int>]) -> Bool {
        var position = range.lowerBound
        for marker in markers where marker.lowerBound <= position && marker.upperBound > position {
            position = marker.upperBound
            if position >= range.upperBound { return true }
        }
        return false
    }

    private static let markerPrefix = Array("[REDACTED:".utf8)

    /// The ranges of `[REDACTED:kind]` markers in the text.
    private static func markerSpans(in text: UnsafeBufferPointer<UInt8>, upTo end: Int) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var index = 0
        while index + markerPrefix.count <= end {
            if text[index] == markerPrefix[0],
                (0..<markerPrefix.count).allSatisfy({ text[index + $0] == markerPrefix[$0] })
            {
                var close = index + markerPrefix.count
                while close < end, close - index < 64, text[close] != UInt8(ascii: "]") { close += 1 }
                if close < end, text[close] == UInt8(ascii: "]") {
                    spans.append(index..<(close + 1))
                    index = close + 1
                    continue
                }
            }
            index += 1
        }
        return spans
    }
}
