/// Redacts a byte stream chunk by chunk, holding back just enough of the end to see secrets
/// that are split between two reads.
public struct StreamingRedactor: Sendable {
    private let scanner: SecretScanner
    /// Text not emitted yet, after `context` bytes already emitted that are kept only to look back
    /// into (the key before a separator, the character before a field).
    private var pending: [UInt8] = []
    private var context = 0
    /// Emitted bytes kept before the pending text: more than any look-behind of the scanner (a key
    /// of 64 bytes after at most 64 blanks).
    private let contextLimit = 256
    /// Bytes always held back between chunks: at least the longest secret minus one, and enough
    /// for the longest pattern (a JWT of three 8 KiB parts, a key and a 16 KiB value), so that a
    /// match that starts before the cut is seen whole before anything of it is emitted.
    public let holdback: Int
    /// Past this much pending text a match still open at the end is cut anyway, to bound memory.
    private let maxPending = 1 << 20
    /// Bytes gathered beyond the hold-back before a scan: a pipe is often read a few KiB at a
    /// time, and scanning each read with the hold-back before it would scan most bytes many times.
    private let batch = 128 * 1024
    /// How many secrets of each kind were replaced so far.
    public private(set) var counts: [RedactionKind: Int] = [:]

    init(scanner: SecretScanner) {
        self.scanner = scanner
        holdback = max(32 * 1024, scanner.longestSecret - 1)
    }

    /// Takes the next chunk; returns the redacted bytes that are now safe to emit.
    public mutating func feed(_ chunk: some Sequence<UInt8>) -> [UInt8] {
        pending.append(contentsOf: chunk)
        return drain()
    }

    /// Takes the next chunk from raw memory; returns the redacted bytes now safe to emit.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer) -> [UInt8] {
        pending.append(contentsOf: chunk)
        return drain()
    }

    /// Ends the stream; returns the rest, redacted.
    public mutating func finish() -> [UInt8] {
        var counts = self.counts
        let output = pending.withUnsafeBufferPointer { text in
            Redactor.apply(matches(in: text), to: text, from: context, upTo: text.count, counts: &counts)
        }
        self.counts = counts
        pending.removeAll()
        context = 0
        return output
    }

    private mutating func drain() -> [UInt8] {
        guard pending.count >= context + holdback + batch else { return [] }
        var counts = self.counts
        let (output, cut) = pending.withUnsafeBufferPointer { text in
            let matches = matches(in: text)
            let cut = safeCut(text, matches)
            return (Redactor.apply(matches, to: text, from: context, upTo: cut, counts: &counts), cut)
        }
        self.counts = counts
        let kept = min(cut, contextLimit)
        pending.removeFirst(cut - kept)
        context = kept
        return output
    }

    /// The matches in the pending text; the emitted context only informs them. A match that begins
    /// in the context (possible only after a forced cut) is redacted from the context's end.
    private func matches(in text: UnsafeBufferPointer<UInt8>) -> [RedactionMatch] {
        scanner.matches(in: text).compactMap { match in
            guard match.range.upperBound > context else { return nil }
            var clipped = match
            clipped.range = max(match.range.lowerBound, context)..<match.range.upperBound
            clipped.anchor = max(match.anchor, context)
            return clipped
        }
    }

    /// Where to split: `holdback` bytes before the end (at a line break when one is near), and
    /// never inside, or after the start of, a match that reaches into the held-back part.
    private func safeCut(_ text: UnsafeBufferPointer<UInt8>, _ matches: [RedactionMatch]) -> Int {
        var cut = text.count - holdback
        let window = max(context, cut - 4096)
        if let newline = Self.lastNewline(in: UnsafeBufferPointer(rebasing: text[window..<cut])) {
            cut = window + newline + 1
        }
        var forced = cut
        for match in matches.reversed() where match.range.upperBound > cut || match.isOpenEnded {
            cut = min(cut, match.anchor, match.range.lowerBound)
            forced = max(forced, match.range.upperBound)
        }
        // A match longer than the memory bound (a megabyte-long "password") is emitted redacted
        // as far as it was seen; what follows it is then scanned without its key.
        if cut <= context && text.count > maxPending { return min(forced, text.count) }
        return max(cut, context)
    }

    /// The offset of the last line feed in `bytes`, looking at eight bytes at a time.
    private static func lastNewline(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var end = bytes.count
        while end >= 8 {
            let word = UnsafeRawPointer(base + end - 8).loadUnaligned(as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
            if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { break }  // a line feed
            end -= 8
        }
        return bytes[..<end].lastIndex(of: 0x0A)
    }
}
