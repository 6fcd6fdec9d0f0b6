/// Turns text into the terms the router compares: lowercase words, CamelCase and snake_case split, volatile
/// parts of pasted log lines dropped (timestamps, IPs, hex ids, pids, durations), stop words removed, and
/// each word stemmed. Status codes such as 502 are kept. Works on UTF-8 bytes: it runs over every word of
/// every runbook, so it must be fast.
public enum TextAnalyzer {
    /// The terms of `text`, in order. A CamelCase word also yields its joined form (`crashloopbackoff`),
    /// so a responder typing it in one piece still matches.
    public static func terms(_ text: String, keepCompounds: Bool = true) -> [String] {
        var terms: [String] = []
        forEachTerm(in: text, keepCompounds: keepCompounds) { term, _, _ in terms.append(term) }
        return terms
    }

    /// The terms of `text` with the words they came from, for explanations in the user's own words.
    public static func tokens(_ text: String, keepCompounds: Bool = true) -> [(term: String, word: String)] {
        var tokens: [(term: String, word: String)] = []
        forEachTerm(in: text, keepCompounds: keepCompounds) { term, word, _ in tokens.append((term, word)) }
        return tokens
    }

    /// Calls `body` with each term, the word it came from (empty unless `wantsWords`), and whether it is
    /// a joined compound.
    static func forEachTerm(
        in text: String, keepCompounds: Bool, wantsWords: Bool = true, _ body: (String, String, Bool) -> Void
    ) {
        var text = text
        text.withUTF8 { bytes in
            forEachPiece(in: bytes, keepCompounds: keepCompounds) { piece, source, isCompound in
                guard isTerm(piece, isCompound: isCompound) else { return }
                body(
                    Stemmer.stem(Array(piece)), wantsWords ? String(decoding: bytes[source], as: UTF8.self) : "",
                    isCompound)
            }
        }
    }

    /// Calls `body` with each piece of text the analyzer weighs, lowercased: the parts of every word
    /// (CamelCase split) and, with `keepCompounds`, a CamelCase word joined and its glued pairs
    /// (`KubeNodeNotReady` also yields `kubenodenotready` and `notready`, so a responder who types either
    /// form still matches). `source` is where the part, or a compound's whole word, stands in `bytes`.
    /// Whether a piece is a term at all is `isTerm`'s decision; its term is its stem. The piece is valid
    /// only during the call.
    static func forEachPiece(
        in bytes: UnsafeBufferPointer<UInt8>, keepCompounds: Bool,
        _ body: (_ piece: UnsafeBufferPointer<UInt8>, _ source: Range<Int>, _ isCompound: Bool) -> Void
    ) {
        guard !bytes.isEmpty else { return }
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        defer { scratch.deallocate() }
        var parts: [Range<Int>] = []
        forEachWord(in: bytes) { start, end in
            forEachPiece(
                ofWord: start..<end, in: bytes, keepCompounds: keepCompounds, scratch: scratch, parts: &parts, body)
        }
    }

    /// `forEachPiece` for the word at `word` in `bytes`, lowercasing into `scratch` (room for the word);
    /// `parts` is room for its CamelCase parts.
    static func forEachPiece(
        ofWord word: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, keepCompounds: Bool,
        scratch: UnsafeMutablePointer<UInt8>, parts: inout [Range<Int>],
        _ body: (_ piece: UnsafeBufferPointer<UInt8>, _ source: Range<Int>, _ isCompound: Bool) -> Void
    ) {
        let start = word.lowerBound
        let end = word.upperBound
        func lowered(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
            for index in range { scratch[index - range.lowerBound] = lower(bytes[index]) }
            return UnsafeBufferPointer(start: scratch, count: range.count)
        }
        // Only a word ending in `t`, `n` or (four bytes long) `s` can be rewritten.
        let last = bytes[end - 1] | 0x20
        switch last == 0x74 || last == 0x6E || last == 0x73 && end - start == 4 ? rewrite(bytes, start, end) : nil {
        case .negation?:
            scratch[0] = 0x6E  // n
            scratch[1] = 0x6F  // o
            scratch[2] = 0x74  // t
            // The source includes the `'t` of `isn't`, so an explanation quotes the whole word.
            let sourceEnd = end + 1 < bytes.count && bytes[end] == 0x27 ? end + 2 : end
            body(UnsafeBufferPointer(start: scratch, count: 3), start..<sourceEnd, false)
            return
        case .contractedT?:
            return
        case .statusCodes?:
            body(lowered(start..<(end - 1)), start..<end, false)
            return
        case nil:
            break
        }
        // Most words have no CamelCase boundary: one piece, no compounds. A boundary needs an
        // uppercase letter, or a 4 or 5 (`Ingress5xxErrors`); the word is lowered on the way.
        var mayBreak = false
        for index in start..<end {
            let byte = bytes[index]
            scratch[index - start] = lower(byte)
            mayBreak = mayBreak || isUpper(byte) || byte == 0x34 || byte == 0x35
        }
        guard mayBreak, (start..<(end - 1)).contains(where: { isCamelBoundary(bytes, $0, end) }) else {
            body(UnsafeBufferPointer(start: scratch, count: end - start), start..<end, false)
            return
        }
        var partStart = start
        parts.removeAll(keepingCapacity: true)
        for index in start..<end where index + 1 < end && isCamelBoundary(bytes, index, end) {
            parts.append(partStart..<(index + 1))
            partStart = index + 1
        }
        parts.append(partStart..<end)
        for part in parts { body(lowered(part), part, false) }
        guard parts.count > 1, keepCompounds else { return }
        body(lowered(start..<end), start..<end, true)
        guard parts.count > 2 else { return }
        for (first, second) in zip(parts, parts.dropFirst()) {
            body(lowered(first.lowerBound..<second.upperBound), start..<end, true)
        }
    }

    /// Whether the pieces of the word at `start..<end` depend on the bytes around it, not only on its own:
    /// the `n` of `isn't` before its `'t`, and that lone `t`.
    @inline(__always)
    static func dependsOnContext(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let last = bytes[end - 1] | 0x20
        return end - start == 1 && last == 0x74 || last == 0x6E && end < bytes.count && bytes[end] == 0x27
    }

    /// A word the analyzer reads as another before splitting it.
    enum Rewrite {
        /// `isn't`, `doesnt`, `can’t`, `cannot`: read as `not`, so "pod isn't ready" has the words of
        /// "pod not ready" (but not its glued `notready`, which the router makes from the words as typed).
        case negation
        /// The `t` after the apostrophe of `isn't`, which the negation already stands for.
        case contractedT
        /// `503s`, the plural of a 4xx or 5xx status code, read as `503` (Go prints 503 seconds as `8m23s`),
        /// and `5xxs` as `5xx`.
        case statusCodes
    }

    /// The negated auxiliaries before their `'t` or `t`, lowercase.
    static let negationStems: [[UInt8]] = [
        "isn", "aren", "wasn", "weren", "doesn", "didn", "don", "hasn", "haven", "hadn", "couldn", "shouldn",
        "wouldn", "won", "can", "ain", "mustn", "needn",
    ].map { Array($0.utf8) }
    private static let cannot = Array("cannot".utf8)

    /// How the word at `start..<end` of `bytes` is rewritten, nil for most words.
    static func rewrite(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Rewrite? {
        let count = end - start
        guard count >= 1, count <= 11 else { return nil }
        let last = lower(bytes[end - 1])
        if count == 4, bytes[start] == 0x34 || bytes[start] == 0x35, last == 0x73,
            isDigit(bytes[start + 1]) && isDigit(bytes[start + 2])
                || lower(bytes[start + 1]) == 0x78 && lower(bytes[start + 2]) == 0x78
        {
            return .statusCodes
        }
        if last == 0x74 {  // t
            if count == 1 {
                let afterApostrophe = start >= 2 && bytes[start - 1] == 0x27 && isWordByte(bytes[start - 2])
                return afterApostrophe ? .contractedT : nil
            }
            // `isn’t` is one word: the curly apostrophe's bytes are word bytes.
            if count >= 7, bytes[end - 4] == 0xE2, bytes[end - 3] == 0x80, bytes[end - 2] == 0x99,
                isNegationStem(bytes, start, end - 4)
            {
                return .negation
            }
            if isNegationStem(bytes, start, end - 1) { return .negation }
            if count == 6, (0..<6).allSatisfy({ lower(bytes[start + $0]) == cannot[$0] }) { return .negation }
            return nil
        }
        if last == 0x6E, end + 1 < bytes.count, bytes[end] == 0x27, lower(bytes[end + 1]) == 0x74,
            end + 2 == bytes.count || !isWordByte(bytes[end + 2]), isNegationStem(bytes, start, end)
        {
            return .negation
        }
        return nil
    }

    private static func isNegationStem(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let count = end - start
        guard count >= 3, count <= 7, lower(bytes[end - 1]) == 0x6E else { return false }
        return negationStems.contains { stem in
            stem.count == count && (0..<count).allSatisfy { lower(bytes[start + $0]) == stem[$0] }
        }
    }

    /// Whether a lowercased piece is a term: not a volatile part of a log line, and for a word's part
    /// not a stop word (a compound such as `notready` is kept though `not` alone is not).
    static func isTerm(_ piece: UnsafeBufferPointer<UInt8>, isCompound: Bool) -> Bool {
        !isVolatile(piece) && (isCompound || !StopWords.contains(piece))
    }

    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
    @inline(__always) static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    @inline(__always) static func isLowerLetter(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    /// Letters, digits, and every byte of a non-ASCII character (so accented words stay whole).
    @inline(__always) static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
    }

    /// A CamelCase boundary after `index`: `dP` in `podPending`, or `DD` followed by a lowercase letter in
    /// `RAIDDegraded`. Letters and digits are not split apart (`x509`, `http2`), except before a class of
    /// status codes: `Ingress5xxErrors` gives `ingress 5xx errors`.
    private static func isCamelBoundary(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Bool {
        let current = bytes[index]
        let following = bytes[index + 1]
        if isLowerLetter(current), isUpper(following) { return true }
        if isUpper(current), isUpper(following), index + 2 < end { return isLowerLetter(bytes[index + 2]) }
        if isLowerLetter(current) || isUpper(current), following == 0x34 || following == 0x35, index + 3 < end,
            lower(bytes[index + 2]) == 0x78, lower(bytes[index + 3]) == 0x78
        {
            return index + 4 == end || !isLowerLetter(bytes[index + 4])
        }
        return false
    }

    /// Calls `body` with the byte range of each run of letters and digits. Punctuation separates words,
    /// except that `.`, `:`, `/` and `-` between digits join (IPs, times, dates, versions), so such a
    /// word can be recognised as volatile as a whole.
    static func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Int) -> Void) {
        var start = -1
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if isWordByte(byte) {
                if start < 0 { start = index }
            } else if start >= 0 {
                if byte == 0x2E || byte == 0x3A || byte == 0x2F || byte == 0x2D, index + 1 < count,
                    isDigit(bytes[index + 1]), isDigit(bytes[index - 1])
                {
                    index += 1
                    continue
                }
                body(start, index)
                start = -1
            }
            index += 1
        }
        if start >= 0 { body(start, count) }
    }

    /// Whether a lowercased word is a volatile part of a log line rather than a meaningful term.
    static func isVolatile(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0
        var letters = 0
        var hexLetters = 0
        var separators = 0
        var runs = 0
        var previousIsDigit: Bool?
        for byte in word {
            let digit = isDigit(byte)
            if digit {
                digits += 1
            } else if byte == 0x2E || byte == 0x3A || byte == 0x2F || byte == 0x2D {
                separators += 1
                continue
            } else {
                letters += 1
                if byte >= 0x61 && byte <= 0x66 { hexLetters += 1 }
            }
            if previousIsDigit != digit { runs += 1 }
            previousIsDigit = digit
        }
        if separators > 0, letters == 0 { return true }  // IPs, times, dates, versions
        if letters == 0 { return digits > 3 }  // pids, ports, years; keep 502, 111
        if digits == 0 { return false }
        if letters == hexLetters, word.count >= 7 { return true }  // hex ids, hashes
        if separators > 0 { return digits >= letters }  // 1.5s, 10:30:12z
        if letters <= 2, isDuration(word) { return true }
        return runs >= 4  // pod hashes such as x2k4p
    }

    /// `1500ms`, `30s`, `5m`: digits then a time unit.
    private static func isDuration(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let unit = word.drop { isDigit($0) }
        guard unit.count < word.count else { return false }
        return [[0x6D, 0x73], [0x73], [0x6D], [0x68], [0x75, 0x73], [0x6E, 0x73], [0x64]].contains {
            unit.elementsEqual($0)
        }
    }

    /// Whether a lowercased word (given as a String) is volatile; for tests and callers outside the analyzer.
    static func isVolatile(_ word: String) -> Bool { Array(word.utf8).withUnsafeBufferPointer(isVolatile) }
}
