#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Numbers the terms of many texts without making a String per word, for indexing large libraries: each
/// distinct lowercased piece (`TextAnalyzer.forEachPiece`) is judged and stemmed once, then found again by
/// its bytes in an open-addressing table.
struct TermNumbering {
    /// The terms, by number.
    private(set) var terms: [String] = []
    private var numbers: [String: Int32] = [:]
    /// Every distinct piece's bytes, one after another; slots point into them.
    private var pieceBytes: [UInt8] = []
    private var slots = [Slot](repeating: Slot(), count: 1024)
    private var used = 0

    private struct Slot {
        var hash: UInt32 = 0
        /// Where the piece starts in `pieceBytes`; -1 for an empty slot.
        var start: Int32 = -1
        var length: Int32 = 0
        /// The piece's term number; -1 when the piece is not a term (volatile, a stop word).
        var term: Int32 = -1
    }

    /// The number of `piece`'s term, nil when the piece is not a term.
    mutating func term(for piece: UnsafeBufferPointer<UInt8>, isCompound: Bool) -> Int32? {
        let hash = Self.hash(piece, isCompound)
        let mask = slots.count - 1
        var index = Int(hash) & mask
        while slots[index].start >= 0 {
            let slot = slots[index]
            if slot.hash == hash, Int(slot.length) == piece.count + 1, matches(slot, piece, isCompound) {
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
        slots[index] = Slot(hash: hash, start: Int32(pieceBytes.count), length: Int32(piece.count + 1), term: term)
        pieceBytes.append(isCompound ? 1 : 0)
        pieceBytes.append(contentsOf: piece)
        used += 1
        if used * 2 > slots.count { grow() }
        return term >= 0 ? term : nil
    }

    private func matches(_ slot: Slot, _ piece: UnsafeBufferPointer<UInt8>, _ isCompound: Bool) -> Bool {
        pieceBytes.withUnsafeBufferPointer { stored in
            let start = Int(slot.start)
            guard stored[start] == (isCompound ? 1 : 0) else { return false }
            return piece.isEmpty || memcmp(stored.baseAddress! + start + 1, piece.baseAddress!, piece.count) == 0
        }
    }

    private mutating func grow() {
        var larger = [Slot](repeating: Slot(), count: slots.count * 2)
        let mask = larger.count - 1
        for slot in slots where slot.start >= 0 {
            var index = Int(slot.hash) & mask
            while larger[index].start >= 0 { index = (index + 1) & mask }
            larger[index] = slot
        }
        slots = larger
    }

    /// FNV-1a over the piece and whether it is a compound.
    private static func hash(_ piece: UnsafeBufferPointer<UInt8>, _ isCompound: Bool) -> UInt32 {
        var hash: UInt32 = isCompound ? 0x811C_9DC5 ^ 0xA5 : 0x811C_9DC5
        for byte in piece { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        return hash
    }
}
