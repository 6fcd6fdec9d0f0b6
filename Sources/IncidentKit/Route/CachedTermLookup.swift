/// Postings read from the route cache. Nothing is decoded up front: a term is found by binary search
/// over each segment's sorted term table (`TermSegment`) and only its postings are read.
struct CachedTermLookup: TermLookup {
    /// A sorted table of keys, each with a run of fixed-size entries, laid out as `TermSegment` writes
    /// it: the key count, the length of the records, each record's offset, then the records (the key,
    /// the entry count, the entries). Only the table's place is read up front; every read after that is
    /// checked against the table's bounds, so a damaged cache finds nothing rather than crashing.
    struct Table: Sendable {
        var count = 0
        /// Where the record offsets start, and where the records start and end.
        var offsets = 0
        var records = 0
        var end = 0
        var entrySize = 0

        static func read(_ reader: inout BinaryReader, entrySize: Int) -> Table? {
            guard let count = reader.u32().map(Int.init), let length = reader.u32().map(Int.init) else { return nil }
            let offsets = reader.offset
            guard reader.skip(count * 4) else { return nil }
            let records = reader.offset
            guard reader.skip(length) else { return nil }
            return Table(count: count, offsets: offsets, records: records, end: reader.offset, entrySize: entrySize)
        }

        /// The key of record `index`, and where its entries start and how many there are; nil when the
        /// record does not fit in the table.
        private func record(_ index: Int, in bytes: [UInt8]) -> (key: Range<Int>, entries: Int, count: Int)? {
            let reader = BinaryReader(bytes)
            let start = records + Int(UInt32(bitPattern: reader.i32(at: offsets + index * 4)))
            // The offset is unsigned: the record cannot start before the records.
            guard start + 4 <= end else { return nil }
            let keyEnd = start + 4 + Int(UInt32(bitPattern: reader.i32(at: start)))
            guard keyEnd + 4 <= end else { return nil }
            let count = Int(UInt32(bitPattern: reader.i32(at: keyEnd)))
            guard keyEnd + 4 + count * entrySize <= end else { return nil }
            return ((start + 4)..<keyEnd, keyEnd + 4, count)
        }

        /// Where the entries of `wanted` start and how many there are, by binary search over the keys.
        func find(_ wanted: UnsafeBufferPointer<UInt8>, in bytes: [UInt8]) -> (entries: Int, count: Int)? {
            var low = 0
            var high = count
            while low < high {
                let middle = (low + high) / 2
                guard let record = record(middle, in: bytes) else { return nil }
                let order = Self.compare(bytes, record.key, wanted)
                if order == 0 { return (record.entries, record.count) }
                if order < 0 { low = middle + 1 } else { high = middle }
            }
            return nil
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

    /// A segment's three tables.
    struct Segment: Sendable {
        var terms: Table
        var pairs: Table
        var names: Table
    }

    let bytes: [UInt8]
    let routeCount: Int
    let lengths: [Int32]
    let segments: [Segment]

    func postings(_ term: String) -> [(route: Int32, strength: Float)]? {
        let reader = BinaryReader(bytes)
        var found = false
        var postings: [(route: Int32, strength: Float)] = []
        for (start, count) in positions(of: term, in: \.terms) {
            found = true
            // A damaged cache must not index outside the routes: such entries are dropped.
            for entry in 0..<count {
                let route = reader.i32(at: start + entry * 8)
                if route >= 0 && Int(route) < routeCount {
                    postings.append((route, reader.f32(at: start + entry * 8 + 4)))
                }
            }
        }
        return found ? postings : nil
    }

    func routeCount(of term: String) -> Int? {
        let found = positions(of: term, in: \.terms)
        return found.isEmpty ? nil : found.reduce(0) { $0 + $1.count }
    }

    func pairRoutes(_ pair: String) -> [Int32]? { routes(of: pair, in: \.pairs) }

    func nameRoutes(_ term: String) -> [Int32]? { routes(of: term, in: \.names) }

    /// Where the entries of `key` are in each segment's table that has it.
    private func positions(of key: String, in table: KeyPath<Segment, Table>) -> [(entries: Int, count: Int)] {
        var key = key
        return key.withUTF8 { wanted in segments.compactMap { $0[keyPath: table].find(wanted, in: bytes) } }
    }

    /// The routes listed under `key` in every segment's table of route lists.
    private func routes(of key: String, in table: KeyPath<Segment, Table>) -> [Int32]? {
        let found = positions(of: key, in: table)
        guard !found.isEmpty else { return nil }
        let reader = BinaryReader(bytes)
        return found.flatMap { start, count in
            (0..<count).compactMap {
                let route = reader.i32(at: start + $0 * 4)
                return route >= 0 && Int(route) < routeCount ? route : nil
            }
        }
    }
}
