/// Postings read from the route cache. Nothing is decoded up front: a term is found by binary search
/// over the sorted term table and only its postings are read.
struct CachedTermLookup: TermLookup {
    /// A sorted table of keys, each with a run of fixed-size entries.
    struct Table: Sendable {
        var keyRanges: [Range<Int>] = []
        var entryOffsets: [Int] = []
        var entryCounts: [Int] = []

        static func read(_ reader: inout BinaryReader, entrySize: Int) -> Table? {
            // Each entry takes at least 8 bytes: a count larger than the rest of the file is damage.
            guard let count = reader.u32(), Int(count) * 8 <= reader.bytes.count - reader.offset else { return nil }
            var table = Table()
            table.keyRanges.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let key = reader.stringRange(), let entries = reader.u32().map(Int.init) else { return nil }
                table.keyRanges.append(key)
                table.entryOffsets.append(reader.offset)
                table.entryCounts.append(entries)
                guard reader.skip(entries * entrySize) else { return nil }
            }
            return table
        }

        /// The position of `key` in the table, by binary search over the raw bytes.
        func find(_ key: String, in bytes: [UInt8]) -> Int? {
            var key = key
            return key.withUTF8 { wanted -> Int? in
                var low = 0
                var high = keyRanges.count
                while low < high {
                    let middle = (low + high) / 2
                    let order = Self.compare(bytes, keyRanges[middle], wanted)
                    if order == 0 { return middle }
                    if order < 0 { low = middle + 1 } else { high = middle }
                }
                return nil
            }
        }

        private static func compare(_ bytes: [UInt8], _ range: Range<Int>, _ wanted: UnsafeBufferPointer<UInt8>) -> Int
        {
            let length = min(range.count, wanted.count)
            for offset in 0..<length {
                let left = bytes[range.lowerBound + offset]
                let right = wanted[offset]
                if left != right { return left < right ? -1 : 1 }
            }
            return range.count == wanted.count ? 0 : (range.count < wanted.count ? -1 : 1)
        }
    }

    let bytes: [UInt8]
    let routeCount: Int
    let lengths: [Int32]
    let terms: Table
    let pairs: Table
    let names: Table

    func postings(_ term: String) -> [(route: Int32, strength: Float)]? {
        guard let index = terms.find(term, in: bytes) else { return nil }
        let reader = BinaryReader(bytes)
        let start = terms.entryOffsets[index]
        // A damaged cache must not index outside the routes: such entries are dropped.
        return (0..<terms.entryCounts[index]).compactMap { entry in
            let route = reader.i32(at: start + entry * 8)
            return route >= 0 && Int(route) < routeCount ? (route, reader.f32(at: start + entry * 8 + 4)) : nil
        }
    }

    func routeCount(of term: String) -> Int? { terms.find(term, in: bytes).map { terms.entryCounts[$0] } }

    func pairRoutes(_ pair: String) -> [Int32]? { routes(of: pair, in: pairs) }

    func nameRoutes(_ term: String) -> [Int32]? { routes(of: term, in: names) }

    /// The routes listed under `key` in a table of route lists.
    private func routes(of key: String, in table: Table) -> [Int32]? {
        guard let index = table.find(key, in: bytes) else { return nil }
        let reader = BinaryReader(bytes)
        let start = table.entryOffsets[index]
        return (0..<table.entryCounts[index]).compactMap {
            let route = reader.i32(at: start + $0 * 4)
            return route >= 0 && Int(route) < routeCount ? route : nil
        }
    }
}
