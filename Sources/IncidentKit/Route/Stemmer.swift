/// A light suffix stemmer (plural, -ing, -ed, -ly and a few derivational endings), enough that `restarts`,
/// `restarting` and `restarted` meet. Words of three letters or fewer are left alone; four-letter words
/// only lose a plural `s`. Works on lowercase ASCII bytes; other words are returned as they are.
enum Stemmer {
    static func stem(_ word: String) -> String { stem(Array(word.utf8)) }

    static func stem(_ word: [UInt8]) -> String {
        guard word.count > 3, word.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else {
            return String(decoding: word, as: UTF8.self)
        }
        var stem = word
        if word.count == 4 {
            if isPlural(stem) { stem.removeLast() }
            return String(decoding: stem, as: UTF8.self)
        }
        if ends(stem, "sses") {
            stem.removeLast(2)
        } else if ends(stem, "ies") {
            stem.removeLast(3)
            stem.append(UInt8(ascii: "y"))
        } else if isPlural(stem) {
            stem.removeLast()
        }
        for suffix: StaticString in ["ingly", "edly", "ing", "ed", "ly"]
        where ends(stem, suffix) && stem.count - suffix.utf8CodeUnitCount >= 3 {
            let baseCount = stem.count - suffix.utf8CodeUnitCount
            guard stem[..<baseCount].contains(where: isVowel) else { break }
            stem.removeLast(suffix.utf8CodeUnitCount)
            // running -> run, stopped -> stop; but keep "fill", "pass", "buzz".
            let last = stem[stem.count - 1]
            if stem[stem.count - 2] == last, last != UInt8(ascii: "l"), last != UInt8(ascii: "s"),
                last != UInt8(ascii: "z")
            {
                stem.removeLast()
            } else if ends(stem, "at") || ends(stem, "bl") || ends(stem, "iz") {
                stem.append(UInt8(ascii: "e"))
            }
            break
        }
        for (suffix, replacement): (StaticString, StaticString) in [
            ("ational", "ate"), ("ization", "ize"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"),
            // readiness -> ready, as Porter's stemmer meets them (both `readi`).
            ("iness", "y"),
            ("ation", "ate"), ("ness", ""), ("ment", ""),
        ] where ends(stem, suffix) && stem.count - suffix.utf8CodeUnitCount >= 3 {
            stem.removeLast(suffix.utf8CodeUnitCount)
            stem.append(
                contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            break
        }
        if stem.count > 4, stem[stem.count - 1] == UInt8(ascii: "e") { stem.removeLast() }
        return String(decoding: stem, as: UTF8.self)
    }

    @inline(__always) private static func isVowel(_ byte: UInt8) -> Bool {
        byte == 0x61 || byte == 0x65 || byte == 0x69 || byte == 0x6F || byte == 0x75 || byte == 0x79
    }

    /// A plural `s`, but not the `ss`, `us` or `is` of class, status, analysis.
    private static func isPlural(_ word: [UInt8]) -> Bool {
        guard let last = word.last, last == UInt8(ascii: "s"), word.count >= 2 else { return false }
        let before = word[word.count - 2]
        return before != UInt8(ascii: "s") && before != UInt8(ascii: "u") && before != UInt8(ascii: "i")
    }

    private static func ends(_ word: [UInt8], _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard word.count >= count else { return false }
        let start = suffix.utf8Start
        for offset in 0..<count where word[word.count - count + offset] != start[offset] { return false }
        return true
    }
}
