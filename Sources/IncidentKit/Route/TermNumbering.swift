#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Numbers the terms of many texts without making a String per word, for indexing large libraries: each
/// distinct lowercased piece (`TextAnalyzer.forEachPiece`) is judged and stemmed once, then found again by
/// its bytes in an open-addressing table. It runs once per word of every runbook, so its storage is raw
/// memory it owns: no copy-on-write or bounds checks on the way.
final class TermNumbering {
    /// The terms, by number.
    private(set) var terms: [String] = []
    private var numbers: [String: Int32] = [:]
    /// Every distinct piece's bytes, one after another; slots point into them.
    private var pieces: UnsafeMutablePointer<UInt8>
    private var piecesCount = 0
    private var piecesCapacity = 1 << 14
    private var slots: UnsafeMutablePointer<Slot>
    private var slotCount = 1024
    private var used = 0

    private struct Slot {
        var hash: UInt32 = 0
        /// Where the piece starts in `pieces`; -1 for an empty slot.
        var start: Int32 = -1
        /// The piece's length times two, plus one for a compound.
        var key: Int32 = 0
        /// The piece's term number; -1 when the piece is not a term (volatile, a stop word).
        var term: Int32 = -1
    }

    init() {
        pieces = .allocate(capacity: piecesCapacity)
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: Slot(), count: slotCount)
    }

    deinit {
        pieces.deallocate()
        slots.deallocate()
    }

    /// The number of `piece`'s term, nil when the piece is not a term.
    func term(for piece: UnsafeBufferPointer<UInt8>, isCompound: Bool) -> Int32? {
        let hash = Self.hash(piece, isCompound)
        let key = Int32(piece.count) << 1 | (isCompound ? 1 : 0)
        let mask = slotCount - 1
        var index = Int(hash) & mask
        while slots[index].start >= 0 {
            let slot = slots[index]
            if slot.hash == hash, slot.key == key, Self.equal(pieces + Int(slot.start), piece) {
                return slot.term >= 0 ? slot.term : nil
            }
            index = (index + 1) & mask
        }
        var term: Int32 = -1
        if TextAnalyzer.isTerm(piece, isCompound: isCompound) {
            let stem = Stemmer.stem(Array(piece))
            if let known = numbers[stem] {
                term = known
            } else {
                term = Int32(terms.count)
                numbers[stem] = term
                terms.append(stem)
            }
        }
        if piecesCount + piece.count > piecesCapacity { growPieces(piecesCount + piece.count) }
        if let base = piece.baseAddress { (pieces + piecesCount).update(from: base, count: piece.count) }
        slots[index] = Slot(hash: hash, start: Int32(piecesCount), key: key, term: term)
        piecesCount += piece.count
        used += 1
        if used * 2 > slotCount { growSlots() }
        return term >= 0 ? term : nil
    }

    /// Whether the bytes at `stored` begin with `piece` (whose length the slot's key matched).
    @inline(__always)
    static func equal(_ stored: UnsafePointer<UInt8>, _ piece: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = piece.baseAddress else { return true }
        var offset = 0
        while offset + 8 <= piece.count {
            let left = UnsafeRawPointer(stored + offset).loadUnaligned(as: UInt64.self)
            let right = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            guard left == right else { return false }
            offset += 8
        }
        while offset < piece.count {
            guard stored[offset] == base[offset] else { return false }
            offset += 1
        }
        return true
    }

    private func growPieces(_ needed: Int) {
        var capacity = piecesCapacity * 2
        while capacity < needed { capacity *= 2 }
        pieces = pieces.reallocated(keeping: piecesCount, capacity: capacity)
        piecesCapacity = capacity
    }

    private func growSlots() {
        slots = slots.rehashed(count: slotCount, empty: Slot(), isUsed: { $0.start >= 0 }, hash: \.hash)
        slotCount *= 2
    }

    /// A hash of the piece and whether it is a compound, eight bytes at a time.
    @inline(__always)
    static func hash(_ piece: UnsafeBufferPointer<UInt8>, _ isCompound: Bool) -> UInt32 {
        var hash: UInt64 = isCompound ? 0x9E37_79B9_7F4A_7C15 : 0x243F_6A88_85A3_08D3
        guard let base = piece.baseAddress else { return UInt32(truncatingIfNeeded: hash) }
        var offset = 0
        while offset + 8 <= piece.count {
            hash = (hash ^ UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            offset += 8
        }
        var tail = UInt64(piece.count)
        var shift: UInt64 = 8
        while offset < piece.count {
            tail |= UInt64(base[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return UInt32(truncatingIfNeeded: hash ^ hash >> 29)
    }
}

/// The terms each word of a batch's runbooks gives, found again by the word's bytes as written: a word
/// seen before (most words of a library are) skips lowercasing, CamelCase splitting and a lookup per
/// piece. Its terms are kept in the order the pieces give them, each as `term << 1 | isCompound`.
final class WordMemo {
    private var words: UnsafeMutablePointer<UInt8>
    private var wordsCount = 0
    private var wordsCapacity = 1 << 14
    private var outputs: UnsafeMutablePointer<Int32>
    private var outputsCount = 0
    private var outputsCapacity = 1 << 12
    private var slots: UnsafeMutablePointer<Slot>
    private var slotCount = 1024
    private var used = 0

    private struct Slot {
        var hash: UInt32 = 0
        /// Where the word starts in `words`; -1 for an empty slot.
        var start: Int32 = -1
        var length: Int32 = 0
        /// Where its terms start in `outputs`, and how many there are.
        var first: Int32 = 0
        var count: Int32 = 0
    }

    init() {
        words = .allocate(capacity: wordsCapacity)
        outputs = .allocate(capacity: outputsCapacity)
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: Slot(), count: slotCount)
    }

    deinit {
        words.deallocate()
        outputs.deallocate()
        slots.deallocate()
    }

    /// The terms of `word`, made by `make` (which hands each term to its argument) the first time. The
    /// buffer is valid until the next call.
    func terms(
        of word: UnsafeBufferPointer<UInt8>, _ make: ((_ term: Int32, _ isCompound: Bool) -> Void) -> Void
    ) -> UnsafeBufferPointer<Int32> {
        let hash = TermNumbering.hash(word, false)
        let mask = slotCount - 1
        var index = Int(hash) & mask
        while slots[index].start >= 0 {
            let slot = slots[index]
            if slot.hash == hash, Int(slot.length) == word.count, TermNumbering.equal(words + Int(slot.start), word) {
                return UnsafeBufferPointer(start: outputs + Int(slot.first), count: Int(slot.count))
            }
            index = (index + 1) & mask
        }
        let first = outputsCount
        make { term, isCompound in
            if outputsCount == outputsCapacity {
                outputsCapacity *= 2
                outputs = outputs.reallocated(keeping: outputsCount, capacity: outputsCapacity)
            }
            outputs[outputsCount] = term << 1 | (isCompound ? 1 : 0)
            outputsCount += 1
        }
        if wordsCount + word.count > wordsCapacity {
            var capacity = wordsCapacity * 2
            while capacity < wordsCount + word.count { capacity *= 2 }
            words = words.reallocated(keeping: wordsCount, capacity: capacity)
            wordsCapacity = capacity
        }
        if let base = word.baseAddress { (words + wordsCount).update(from: base, count: word.count) }
        slots[index] = Slot(
            hash: hash, start: Int32(wordsCount), length: Int32(word.count), first: Int32(first),
            count: Int32(outputsCount - first))
        wordsCount += word.count
        used += 1
        if used * 2 > slotCount { growSlots() }
        return UnsafeBufferPointer(start: outputs + first, count: outputsCount - first)
    }

    private func growSlots() {
        slots = slots.rehashed(count: slotCount, empty: Slot(), isUsed: { $0.start >= 0 }, hash: \.hash)
        slotCount *= 2
    }
}

extension UnsafeMutablePointer {
    /// An open-addressing table twice this one's `count` slots, holding its used slots at their hashes'
    /// places (probing forward); this table is freed.
    func rehashed(count: Int, empty: Pointee, isUsed: (Pointee) -> Bool, hash: (Pointee) -> UInt32)
        -> UnsafeMutablePointer
    {
        let larger = UnsafeMutablePointer.allocate(capacity: count * 2)
        larger.initialize(repeating: empty, count: count * 2)
        let mask = count * 2 - 1
        for old in 0..<count where isUsed(self[old]) {
            var index = Int(hash(self[old])) & mask
            while isUsed(larger[index]) { index = (index + 1) & mask }
            larger[index] = self[old]
        }
        deallocate()
        return larger
    }

    /// A new allocation of `capacity` elements holding this one's first `count`, which are moved
    /// there; this allocation is freed.
    func reallocated(keeping count: Int, capacity: Int) -> UnsafeMutablePointer {
        let larger = UnsafeMutablePointer.allocate(capacity: capacity)
        larger.moveInitialize(from: self, count: count)
        deallocate()
        return larger
    }
}
