#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds, without analysing them, the runbooks that may hold any of a symptom's terms, so that a symptom
/// whose words few runbooks use is routed by analysing those alone, as grep would find them.
///
/// A runbook can hold a term only if its file name, or its text lowercased and without the bytes inline
/// markup may put inside a word, contains the term's key: the stem without a final `e` or `y`, the only
/// bytes the stemmer adds to a word's beginning. Removing more bytes than the markdown reader does only
/// joins words, so a key in the reader's text is found here too. Runbooks the search cannot judge this
/// way are always searched: a link or image glued to the text after it, and text the markdown reader
/// reads by characters rather than bytes.
struct RunbookSearch: Sendable {
    /// The keys, lowercase; none contains another.
    let keys: [[UInt8]]
    /// Whether a key holds U+FFFD, which decoding puts where a runbook's bytes are not UTF-8.
    private let hasReplacementKey: Bool
    /// For many keys: which keys start with each pair of bytes (`first << 8 | second`), a bit per pair
    /// that some key starts with (checked first, on every byte of the text), and the keys of one byte.
    private let pairs: [UInt16: [Int]]
    private let pairBits: [UInt64]
    private let singles: [Bool]

    /// The search for every term routing `symptom` may look up.
    init(symptom: String, tuning: RouterTuning) {
        self.init(terms: Router.lookedUpTerms(of: symptom, tuning: tuning))
    }

    init(terms: some Sequence<String>) {
        var all = Set<[UInt8]>()
        for term in terms { all.formUnion(Self.keys(of: term)) }
        // A text holding a key holds every key inside it: only the shortest are searched for.
        let sorted = all.sorted { $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1) }
        var keys: [[UInt8]] = []
        for key in sorted where !keys.contains(where: { Self.find($0, in: key) }) { keys.append(key) }
        self.keys = keys
        hasReplacementKey = keys.contains { Self.find([0xEF, 0xBF, 0xBD], in: $0) }
        var pairs: [UInt16: [Int]] = [:]
        var singles = [Bool](repeating: false, count: 256)
        for (index, key) in keys.enumerated() {
            if key.count == 1 {
                singles[Int(key[0])] = true
            } else {
                pairs[UInt16(key[0]) << 8 | UInt16(key[1]), default: []].append(index)
            }
        }
        var pairBits = [UInt64](repeating: 0, count: 1024)
        for pair in pairs.keys { pairBits[Int(pair >> 6)] |= 1 << UInt64(pair & 63) }
        self.pairs = pairs
        self.pairBits = pairBits
        self.singles = singles
    }

    /// What a runbook holding `term` contains. A term is a word's stem, and the stemmer only removes
    /// endings, then may add an `e` or a `y` (`tries` → `try`); `not` also stands for the negations the
    /// analyzer reads as it (`isn't`, `doesnt`, `can’t`).
    static func keys(of term: String) -> [[UInt8]] {
        var key = Array(term.utf8)
        if key.count > 1, key.allSatisfy({ $0 &- 0x61 < 26 }), key.last == 0x65 || key.last == 0x79 {
            key.removeLast()
        }
        guard term == "not" else { return [key] }
        return [key, Array("n't".utf8), Array("n\u{2019}t".utf8)]
            + TextAnalyzer.negationStems.map { $0 + [0x74] }
    }

    /// Whether the runbook at `path` (library-relative) whose bytes are `bytes` may hold one of the
    /// terms. `scratch` is room for the projection, reused from call to call.
    func mayMatch(path: String, bytes: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8]) -> Bool {
        if keys.isEmpty { return false }
        // At least one byte, so that an empty runbook's projection has somewhere to go.
        if scratch.count < max(1, bytes.count) { scratch = [UInt8](repeating: 0, count: max(1, bytes.count)) }
        return scratch.withUnsafeMutableBufferPointer { output in
            let projection = Self.project(bytes, into: output.baseAddress!)
            return mayMatch(
                path: path, bytes: bytes, projection: projection,
                text: UnsafeBufferPointer(start: output.baseAddress, count: projection.count))
        }
    }

    /// `mayMatch` once the runbook's bytes are projected into `text`.
    func mayMatch(
        path: String, bytes: UnsafeBufferPointer<UInt8>, projection: Projection, text: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        if contains(text) { return true }
        // The file's name is the alert name, and the title of a runbook without one.
        var name = Array(LibraryPath.fileName(of: path).utf8)
        for index in name.indices { name[index] = TextAnalyzer.lower(name[index]) }
        if name.withUnsafeBufferPointer({ contains($0) }) { return true }
        // What the projection cannot judge, checked last: decoding a runbook costs more than searching it.
        if projection.gluedLink { return true }
        guard !projection.isASCII else { return false }
        return hasReplacementKey || RunbookFields.joinsCharacters(Array(String(decoding: bytes, as: UTF8.self).utf8))
    }

    /// Whether `text` (lowercase) contains one of the keys.
    func contains(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress, !text.isEmpty else { return false }
        // A few keys: one search per key, skipping to each occurrence of its first byte with the C
        // library's `memchr`, is the quickest.
        if keys.count <= 4 {
            return keys.contains { key in
                key.withUnsafeBufferPointer { key in
                    var start = 0
                    while text.count - start >= key.count {
                        guard let hit = memchr(base + start, Int32(key[0]), text.count - start - key.count + 1) else {
                            return false
                        }
                        let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                        if memcmp(base + offset + 1, key.baseAddress! + 1, key.count - 1) == 0 { return true }
                        start = offset + 1
                    }
                    return false
                }
            }
        }
        var index = 0
        while index < text.count {
            let byte = text[index]
            if singles[Int(byte)] { return true }
            let pair = index + 1 < text.count ? Int(byte) << 8 | Int(text[index + 1]) : 0
            if pair != 0, pairBits[pair >> 6] & (1 << UInt64(pair & 63)) != 0, let candidates = pairs[UInt16(pair)] {
                for candidate in candidates {
                    let key = keys[candidate]
                    if index + key.count <= text.count,
                        key.indices.allSatisfy({ text[index + $0] == key[$0] })
                    {
                        return true
                    }
                }
            }
            index += 1
        }
        return false
    }

    /// What `project` found besides the text.
    struct Projection: Equatable {
        var count = 0
        /// Whether a link or image may be glued to the word after it (`[Not](u)Ready` reads as
        /// `NotReady`), which the projection does not follow: a word after a `)` that may close a link's
        /// destination.
        var gluedLink = false
        /// Without bytes past ASCII, the markdown reader reads the bytes as they are. Other text is
        /// decoded first (bytes that are not UTF-8 become U+FFFD), and text whose characters join their
        /// neighbours (`RunbookFields.joinsCharacters`) is read by another reader.
        var isASCII = true
    }

    /// `bytes` with ASCII letters lowercased and without `*`, `_`, `\`, `[`, `]`, `<`, `>`, backticks
    /// and the blanks next to a backtick (a code span's padding), written to `output` (room for
    /// `bytes.count`). `eightAtATime` false takes every byte through the table, for tests to compare.
    static func project(
        _ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>, eightAtATime: Bool = true
    ) -> Projection {
        var projection = Projection()
        var count = 0
        var index = 0
        let end = bytes.count
        // How many parentheses are open since the first `](` not yet closed. The reader ends a link's
        // destination at the `)` that balances its `(`, counting every parenthesis in between, so such a
        // `)` is always met here with `depth` above zero: only those are checked for a word after them.
        var depth = 0
        while index < end {
            // Eight bytes at a time while none of them needs more than lowercasing (most markdown), up to
            // the first that does.
            if eightAtATime, end - index >= 8 {
                let word = UInt64(
                    littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
                UnsafeMutableRawPointer(output + count).storeBytes(
                    of: (word | inRange(word, UInt8(ascii: "A"), 26) >> 2).littleEndian, as: UInt64.self)
                let special = needsMore(word)
                if special == 0 {
                    index += 8
                    count += 8
                    continue
                }
                let skipped = special.trailingZeroBitCount / 8
                index += skipped
                count += skipped
            }
            let byte = bytes[index]
            index += 1
            // Most bytes are written, an uppercase letter lowercased: one table gives the byte to write.
            let entry = table[Int(byte)]
            if entry < 0x100 {
                output[count] = UInt8(truncatingIfNeeded: entry)
                count += 1
                continue
            }
            switch entry >> 8 {
            case 3:
                // A backtick: the blanks before it (already written) and after it go too.
                while count > 0, isBlank(output[count - 1]) { count -= 1 }
                while index < end, isBlank(bytes[index]) { index += 1 }
            case 4:
                output[count] = byte
                count += 1
                if depth > 0 {
                    depth -= 1
                    if !projection.gluedLink, wordFollows(bytes, index) { projection.gluedLink = true }
                }
            case 5:
                if index < end, bytes[index] == UInt8(ascii: "(") {
                    output[count] = UInt8(ascii: "(")
                    count += 1
                    index += 1
                    depth += 1
                }
            case 6:
                output[count] = byte
                count += 1
                projection.isASCII = false
            case 7:
                output[count] = byte
                count += 1
                if depth > 0 { depth += 1 }
            default:
                break
            }
        }
        projection.count = count
        return projection
    }

    /// Per byte: the byte to write (an uppercase letter lowercased), or an action times 256: 2 dropped,
    /// 3 a backtick, 4 `)`, 5 `]` (dropped), 6 past ASCII (written as it is), 7 `(`.
    private static let table: [UInt16] = (0..<256).map { value in
        let byte = UInt8(value)
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return UInt16(byte | 0x20)
        case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "\\"), UInt8(ascii: "["), UInt8(ascii: "<"),
            UInt8(ascii: ">"):
            return 2 << 8
        case UInt8(ascii: "`"): return 3 << 8
        case UInt8(ascii: ")"): return 4 << 8
        case UInt8(ascii: "]"): return 5 << 8
        case UInt8(ascii: "("): return 7 << 8
        case 0x80...: return 6 << 8
        default: return UInt16(byte)
        }
    }

    /// The bytes of `word` (eight, the first lowest) that the table gives an action rather than a byte
    /// to write, each marked by its high bit: `(`, `)`, `*`, `<`, `>`, `[`, `\`, `]`, `_`, a backtick,
    /// and bytes past ASCII. Exact for ASCII bytes, which is all that matters up to the first mark.
    @inline(__always) private static func needsMore(_ word: UInt64) -> UInt64 {
        // `<` and `>` differ only in the bit 0x02: with it cleared, a byte of `<` is a zero byte of the
        // XOR, found as the lowest such (the classic zero-byte test can mark bytes above a zero, not below).
        let angle = word & 0xFDFD_FDFD_FDFD_FDFD ^ 0x3C3C_3C3C_3C3C_3C3C
        return word & highBits | (angle &- lowBits) & ~angle & highBits
            | inRange(word, UInt8(ascii: "("), 3) | inRange(word, UInt8(ascii: "["), 3)
            | inRange(word, UInt8(ascii: "_"), 2)
    }

    /// The ASCII bytes of `word` from `first` up to `first + count`, each marked by its high bit.
    @inline(__always) private static func inRange(_ word: UInt64, _ first: UInt8, _ count: UInt8) -> UInt64 {
        // With each byte's high bit set, subtracting a byte below 0x80 borrows from no neighbour: the high
        // bit stays set exactly where the byte is at least the one subtracted.
        let raised = word | highBits
        return (raised &- lowBits &* UInt64(first)) & ~(raised &- lowBits &* UInt64(first + count)) & highBits
    }

    private static let lowBits: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether what follows a link's `)` at `start` of `bytes`, once the bytes the projection drops are
    /// gone, joins the text before the link: a word (`)**Ready`, ``)` Ready` ``), the `'t` of a negation
    /// (`isn[](u)'t`), or a separator before a digit (`2[](u).4ghz` is one word).
    private static func wordFollows(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        guard let index = kept(bytes, from: start) else { return false }
        let byte = bytes[index]
        if TextAnalyzer.isWordByte(byte) { return true }
        guard let next = kept(bytes, from: index + 1) else { return false }
        switch byte {
        case UInt8(ascii: "'"): return bytes[next] | 0x20 == UInt8(ascii: "t")
        case UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "-"):
            return TextAnalyzer.isDigit(bytes[next])
        default: return false
        }
    }

    /// The first byte of `bytes` from `start` on that the projection keeps: not dropped markup, nor a code
    /// span's padding.
    private static func kept(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            switch table[Int(bytes[index])] >> 8 {
            case 2, 5:
                index += 1
            case 3:
                index += 1
                while index < bytes.count, isBlank(bytes[index]) { index += 1 }
            default:
                return index
            }
        }
        return nil
    }

    @inline(__always) private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Whether `needle` occurs in `haystack`.
    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in
            needle.indices.allSatisfy { haystack[start + $0] == needle[$0] }
        }
    }
}
