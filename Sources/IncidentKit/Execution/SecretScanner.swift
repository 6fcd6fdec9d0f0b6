/// Finds secrets in UTF-8 bytes in one left-to-right pass, without regular expressions.
///
/// Each byte is looked up in a table of "could a secret start (or be recognized) here" flags, so
/// bytes that begin nothing (the common case) cost one load and a compare.
struct SecretScanner: Sendable {
    typealias Text = UnsafeBufferPointer<UInt8>

    struct Trigger: OptionSet, Sendable {
        let rawValue: UInt16
        static let aws = Trigger(rawValue: 1 << 0)
        static let gitToken = Trigger(rawValue: 1 << 1)
        static let slackToken = Trigger(rawValue: 1 << 2)
        static let slackHook = Trigger(rawValue: 1 << 3)
        static let bearer = Trigger(rawValue: 1 << 4)
        static let jwt = Trigger(rawValue: 1 << 5)
        static let pem = Trigger(rawValue: 1 << 6)
        static let separator = Trigger(rawValue: 1 << 7)
        static let secret = Trigger(rawValue: 1 << 8)
    }

    /// Declared secret values, longest first, as bytes.
    let secrets: [[UInt8]]
    /// Whether the built-in patterns run (declared secrets always do).
    let usesPatterns: Bool
    private let triggers: [UInt16]

    init(secrets: [String], usesPatterns: Bool = true) {
        let unique = Set(secrets.filter { !$0.isEmpty }.map { Array($0.utf8) })
        self.secrets = unique.sorted {
            $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1)
        }
        self.usesPatterns = usesPatterns
        var table = [UInt16](repeating: 0, count: 256)
        func mark(_ characters: String, _ trigger: Trigger) {
            for byte in characters.utf8 { table[Int(byte)] |= trigger.rawValue }
        }
        if usesPatterns {
            mark("A", .aws)
            mark("g", .gitToken)
            mark("x", .slackToken)
            mark("h", .slackHook)
            mark("Bb", .bearer)
            mark("e", .jwt)
            mark("-", .pem)
            mark("=:", .separator)
        }
        for secret in self.secrets { table[Int(secret[0])] |= Trigger.secret.rawValue }
        self.triggers = table
    }

    /// The longest declared secret in bytes.
    var longestSecret: Int { secrets.first?.count ?? 0 }

    /// Every secret in `text`, in order, not overlapping.
    func matches(in text: Text) -> [RedactionMatch] {
        guard !secrets.isEmpty else { return scan(text) }
        // A declared value wins over a pattern that covers only part of it (`PASSWORD=abc;rest-of-it`
        // ends the assignment at `;`, inside the secret), and a pattern that runs past a declared value
        // (a whole private key, `api_key=sk-SECRET-more`) must not be cut short by it: overlapping
        // matches are merged into one that covers both.
        let declared = secretMatches(in: text)
        guard !declared.isEmpty else { return scan(text) }
        let all = (scan(text) + declared).sorted {
            $0.range.lowerBound != $1.range.lowerBound
                ? $0.range.lowerBound < $1.range.lowerBound : $0.kind == .secretValue
        }
        var merged: [RedactionMatch] = []
        for match in all {
            if var last = merged.last, last.range.overlaps(match.range) {
                last.range = last.range.lowerBound..<max(last.range.upperBound, match.range.upperBound)
                last.anchor = min(last.anchor, match.anchor)
                last.isOpenEnded = last.isOpenEnded || match.isOpenEnded
                merged[merged.count - 1] = last
            } else {
                merged.append(match)
            }
        }
        return merged
    }

    /// Every secret in `text` found in one pass, in order, not overlapping.
    private func scan(_ text: Text) -> [RedactionMatch] {
        var found: [RedactionMatch] = []
        guard let base = text.baseAddress else { return found }
        let count = text.count
        triggers.withUnsafeBufferPointer { table in
            let table = table.baseAddress!
            var index = 0
            func step() {
                let flags = Trigger(rawValue: table[Int(base[index])])
                if !flags.isEmpty, let match = match(at: index, flags, text) {
                    found.append(match)
                    index = max(match.range.upperBound, index + 1)
                } else {
                    index += 1
                }
            }
            // Eight bytes at a time while none of them can begin a secret (the common case in
            // bulk output); otherwise byte by byte through those eight.
            while index + 8 <= count {
                let word = base + index
                let any =
                    table[Int(word[0])] | table[Int(word[1])] | table[Int(word[2])] | table[Int(word[3])]
                    | table[Int(word[4])] | table[Int(word[5])] | table[Int(word[6])] | table[Int(word[7])]
                if any == 0 {
                    index += 8
                    continue
                }
                let end = index + 8
                while index < end { step() }
            }
            while index < count { step() }
        }
        return found
    }

    /// Every occurrence of a declared secret value, left to right, not overlapping.
    private func secretMatches(in text: Text) -> [RedactionMatch] {
        var found: [RedactionMatch] = []
        var index = 0
        while index < text.count {
            if triggers[Int(text[index])] & Trigger.secret.rawValue != 0, let length = secretLength(at: index, text) {
                found.append(RedactionMatch(range: index..<index + length, anchor: index, kind: .secretValue))
                index += length
            } else {
                index += 1
            }
        }
        return found
    }

    private func match(at index: Int, _ flags: Trigger, _ text: Text) -> RedactionMatch? {
        if flags.contains(.secret), let length = secretLength(at: index, text) {
            return RedactionMatch(range: index..<index + length, anchor: index, kind: .secretValue)
        }
        if flags.contains(.separator) {
            return urlPassword(at: index, text) ?? assignment(at: index, text)
        }
        if flags.contains(.pem) { return privateKey(at: index, text) }
        if flags.contains(.bearer) { return bearer(at: index, text) }
        return token(at: index, text)
    }

    private func secretLength(at index: Int, _ text: Text) -> Int? {
        let available = text.count - index
        for secret in secrets where secret.count <= available && secret[0] == text[index] {
            var offset = 1
            while offset < secret.count && secret[offset] == text[index + offset] { offset += 1 }
            if offset == secret.count { return offset }
        }
        return nil
    }

    /// True when `text` has `literal` at `index` (ASCII, case-sensitive unless `ignoringCase`).
    static func has(_ literal: StaticString, at index: Int, in text: Text, ignoringCase: Bool = false) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index >= 0, index + count <= text.count else { return false }
        let bytes = literal.utf8Start
        for offset in 0..<count {
            let byte = ignoringCase ? ByteClass.lower(text[index + offset]) : text[index + offset]
            if byte != bytes[offset] { return false }
        }
        return true
    }

    /// The end of the run of bytes satisfying `accept` that starts at `index`.
    static func runEnd(from index: Int, in text: Text, limit: Int = 4096, _ accept: (UInt8) -> Bool) -> Int {
        var end = index
        let stop = min(text.count, index + limit)
        while end < stop && accept(text[end]) { end += 1 }
        return end
    }

    /// The first index at or after `start` where `needle` occurs (ASCII), or nil.
    static func find(_ needle: StaticString, in text: Text, from start: Int) -> Int? {
        let first = needle.utf8Start[0]
        var index = start
        while index < text.count {
            if text[index] == first && has(needle, at: index, in: text) { return index }
            index += 1
        }
        return nil
    }
}
