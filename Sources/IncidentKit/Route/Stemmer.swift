/// A light suffix stemmer (plural, -ing, -ed, -ly and a few derivational endings), enough that `restarts`,
/// `restarting` and `restarted` meet. Words of three letters or fewer are left alone.
enum Stemmer {
    static func stem(_ word: String) -> String {
        guard word.count > 3, word.allSatisfy({ $0.isASCII && $0.isLetter }) else { return word }
        var stem = word
        if word.count == 4 {
            // Short plurals only: pods, logs, jobs.
            if stem.hasSuffix("s"), !stem.hasSuffix("ss"), !stem.hasSuffix("us"), !stem.hasSuffix("is") { stem.removeLast() }
            return stem
        }
        if stem.hasSuffix("sses") {
            stem.removeLast(2)
        } else if stem.hasSuffix("ies") {
            stem.removeLast(3)
            stem += "y"
        } else if stem.hasSuffix("s"), !stem.hasSuffix("ss"), !stem.hasSuffix("us"), !stem.hasSuffix("is") {
            stem.removeLast()
        }
        for suffix in ["ingly", "edly", "ing", "ed", "ly"] where stem.hasSuffix(suffix) && stem.count - suffix.count >= 3 {
            let base = String(stem.dropLast(suffix.count))
            guard base.contains(where: { "aeiouy".contains($0) }) else { break }
            stem = base
            // running -> run, stopped -> stop; but keep "fill", "pass".
            if let last = stem.last, stem.count >= 3, stem.dropLast().last == last, !"lsz".contains(last) {
                stem.removeLast()
            } else if ["at", "bl", "iz"].contains(where: { stem.hasSuffix($0) }) {
                stem += "e"
            }
            break
        }
        for (suffix, replacement) in [("ational", "ate"), ("ization", "ize"), ("iveness", "ive"), ("fulness", "ful"),
            ("ousness", "ous"), ("ation", "ate"), ("ness", ""), ("ment", "")]
        where stem.hasSuffix(suffix) && stem.count - suffix.count >= 3 {
            stem = String(stem.dropLast(suffix.count)) + replacement
            break
        }
        if stem.hasSuffix("e"), stem.count > 4 { stem.removeLast() }
        return stem
    }
}
