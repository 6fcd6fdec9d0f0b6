import Synchronization

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
    private let tables: TriggerTables

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
        tables = TriggerTables.shared(for: table)
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
        let (flags, pairs) = (tables.flags, tables.pairs)
        let lowest = SIMD16(repeating: tables.lowest)
        let span = SIMD16(repeating: tables.highest &- tables.lowest)
        var index = 0
        var checkedUpTo = 0  // bytes before this are looked at one by one
        while index < count {
            // Sixteen bytes at a time while none of them can begin a secret (the common case in
            // bulk output); otherwise byte by byte through those sixteen.
            if index >= checkedUpTo {
                guard index + 16 <= count else {
                    checkedUpTo = count
                    continue
                }
                let words = UnsafeRawPointer(base + index)
                // Bytes outside the range of trigger bytes (NULs, control bytes, blanks, most of
                // UTF-8) are ruled out sixteen at a time by one compare, sixty-four per branch.
                func inRange(_ offset: Int) -> SIMDMask<SIMD16<Int8>> {
                    words.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self) &- lowest .<= span
                }
                if index + 64 <= count, !Self.any(inRange(0) .| inRange(16) .| inRange(32) .| inRange(48)) {
                    index += 64
                    continue
                }
                if !Self.any(inRange(0)) {
                    index += 16
                    continue
                }
                let low = words.loadUnaligned(as: UInt64.self)
                let high = words.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                if Self.anyTrigger(low, pairs) | Self.anyTrigger(high, pairs) == 0 {
                    index += 16
                    continue
                }
                checkedUpTo = index + 16
            }
            let trigger = Trigger(rawValue: flags[Int(base[index])])
            if !trigger.isEmpty, let match = match(at: index, trigger, text) {
                found.append(match)
                index = max(match.range.upperBound, index + 1)
            } else {
                index += 1
            }
        }
        return found
    }

    /// Whether any lane is set, as two 64-bit tests (the standard library's `any` reduces lane by
    /// lane through a generic call here).
    @inline(__always)
    private static func any(_ mask: SIMDMask<SIMD16<Int8>>) -> Bool {
        let halves = unsafeBitCast(mask, to: (UInt64, UInt64).self)
        return halves.0 | halves.1 != 0
    }

    /// Non-zero when one of the eight bytes of `word` could begin a secret.
    @inline(__always)
    private static func anyTrigger(_ word: UInt64, _ pairs: UnsafeMutablePointer<UInt8>) -> UInt8 {
        pairs[Int(truncatingIfNeeded: word & 0xFFFF)] | pairs[Int(truncatingIfNeeded: (word >> 16) & 0xFFFF)]
            | pairs[Int(truncatingIfNeeded: (word >> 32) & 0xFFFF)] | pairs[Int(truncatingIfNeeded: word >> 48)]
    }

    /// Every occurrence of a declared secret value, left to right, not overlapping.
    private func secretMatches(in text: Text) -> [RedactionMatch] {
        var found: [RedactionMatch] = []
        var index = 0
        while index < text.count {
            if tables.flags[Int(text[index])] & Trigger.secret.rawValue != 0, let length = secretLength(at: index, text)
            {
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

/// The scanner's lookup tables, in memory of their own so that the hot loop reads them directly.
/// Immutable after `init`, hence safe to share between threads. A process makes a redactor for
/// every command and timeline entry but uses only a few distinct trigger sets, so tables are shared.
final class TriggerTables: @unchecked Sendable {
    private static let cache = Mutex<[[UInt16]: TriggerTables]>([:])

    /// The tables for `flags`, made once per distinct set (the cache is emptied past 32 sets).
    static func shared(for flags: [UInt16]) -> TriggerTables {
        cache.withLock { cache in
            if let tables = cache[flags] { return tables }
            if cache.count >= 32 { cache.removeAll() }
            let tables = TriggerTables(flags: flags)
            cache[flags] = tables
            return tables
        }
    }

    /// For every byte: the `SecretScanner.Trigger` flags of what could begin there.
    let flags: UnsafeMutablePointer<UInt16>
    /// For every pair of bytes (as a 16-bit index): 1 when either byte has a flag, so that eight
    /// bytes are ruled out with four lookups.
    let pairs: UnsafeMutablePointer<UInt8>
    /// The least and the greatest byte with a flag (both 0 when none has one).
    let lowest: UInt8
    let highest: UInt8

    private init(flags table: [UInt16]) {
        precondition(table.count == 256)
        lowest = UInt8(table.firstIndex { $0 != 0 } ?? 0)
        highest = UInt8(table.lastIndex { $0 != 0 } ?? 0)
        flags = .allocate(capacity: 256)
        flags.initialize(from: table, count: 256)
        pairs = .allocate(capacity: 65536)
        for pair in 0..<65536 {
            (pairs + pair).initialize(to: table[pair & 0xFF] | table[pair >> 8] != 0 ? 1 : 0)
        }
    }

    deinit {
        flags.deallocate()
        pairs.deallocate()
    }
}
