#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One batch of runbooks' postings in the route cache, encoded on its own: the route cache of a large
/// library is a run of segments, each made on its own core from its batch's numbering, so that no
/// numbering of the whole library is ever merged. A term's postings are its postings in every segment,
/// one after another (segments hold consecutive routes).
enum TermSegment {
    /// Three tables of `CachedTermLookup.Table` form: the terms with their postings (route, strength),
    /// the adjacent pairs (`first second`) with their routes, and the name terms with their routes.
    /// Routes are numbered from `firstRoute`, the batch's first route in the library.
    static func encode(_ batch: InMemoryTermLookup.Batch, firstRoute: Int32, norms: FieldNorms) -> [UInt8] {
        let termCount = batch.terms.count
        // Postings laid out flat by term: term t's are at starts[t]..<starts[t + 1], in route order.
        var starts = [Int](repeating: 0, count: termCount + 1)
        var pairCount = 0
        for analysis in batch.analyses {
            for term in analysis.terms { starts[Int(term) + 1] += 1 }
            pairCount += analysis.pairs.count
        }
        for term in 0..<termCount { starts[term + 1] += starts[term] }
        var filled = starts
        var routes = [Int32](repeating: 0, count: starts[termCount])
        var strengths = [Float](repeating: 0, count: starts[termCount])
        var isName = [Bool](repeating: false, count: starts[termCount])
        var nameCounts = [Int](repeating: 0, count: termCount)
        var pairKeys: [UInt64] = []
        var pairRoutes: [Int32] = []
        pairKeys.reserveCapacity(pairCount)
        pairRoutes.reserveCapacity(pairCount)
        for (offset, analysis) in batch.analyses.enumerated() {
            let route = firstRoute + Int32(offset)
            let routeNorms = norms.norms(analysis.lengths)
            for (term, counts) in zip(analysis.terms, analysis.counts) {
                let slot = filled[Int(term)]
                filled[Int(term)] += 1
                routes[slot] = route
                strengths[slot] = Float(norms.strength(counts, routeNorms))
                if FieldNorms.isInName(counts) {
                    isName[slot] = true
                    nameCounts[Int(term)] += 1
                }
            }
            pairKeys.append(contentsOf: analysis.pairs)
            pairRoutes.append(contentsOf: repeatElement(route, count: analysis.pairs.count))
        }
        // The terms' bytes side by side, sorted by them as `CachedTermLookup.Table.find` searches.
        var arena: [UInt8] = []
        var spans: [Range<Int>] = []
        spans.reserveCapacity(termCount)
        for var term in batch.terms {
            let start = arena.count
            term.withUTF8 { arena.append(contentsOf: $0) }
            spans.append(start..<arena.count)
        }
        let terms = arena.withUnsafeBufferPointer { arena in
            (0..<termCount).filter { starts[$0] < starts[$0 + 1] }.sorted { precedes(spans[$0], spans[$1], in: arena) }
        }
        var rank = [Int](repeating: 0, count: termCount)
        for (position, term) in terms.enumerated() { rank[term] = position }
        // A term's bytes are all above the space that joins a pair, so pairs sort as their terms' ranks;
        // within a pair, by route (the order they were added in, which the sort keeps).
        for index in pairKeys.indices {
            let key = pairKeys[index]
            pairKeys[index] = UInt64(rank[Int(key >> 32)]) << 32 | UInt64(rank[Int(key & 0xFFFF_FFFF)])
        }
        sortPairs(&pairKeys, &pairRoutes, rankCount: terms.count)
        var pairStarts: [Int] = []
        for index in pairKeys.indices where index == 0 || pairKeys[index] != pairKeys[index - 1] {
            pairStarts.append(index)
        }
        pairStarts.append(pairKeys.count)
        let nameTerms = terms.filter { nameCounts[$0] > 0 }

        func write(_ writer: inout RawWriter) {
            writer.table(count: terms.count) { index, writer in
                let term = terms[index]
                writer.key(spans[term])
                writer.u32(UInt32(starts[term + 1] - starts[term]))
                for slot in starts[term]..<starts[term + 1] {
                    writer.u32(UInt32(bitPattern: routes[slot]))
                    writer.u32(strengths[slot].bitPattern)
                }
            }
            writer.table(count: pairStarts.count - 1) { index, writer in
                let key = pairKeys[pairStarts[index]]
                writer.key(spans[terms[Int(key >> 32)]], spans[terms[Int(key & 0xFFFF_FFFF)]])
                writer.u32(UInt32(pairStarts[index + 1] - pairStarts[index]))
                for slot in pairStarts[index]..<pairStarts[index + 1] {
                    writer.u32(UInt32(bitPattern: pairRoutes[slot]))
                }
            }
            writer.table(count: nameTerms.count) { index, writer in
                let term = nameTerms[index]
                writer.key(spans[term])
                writer.u32(UInt32(nameCounts[term]))
                for slot in starts[term]..<starts[term + 1] where isName[slot] {
                    writer.u32(UInt32(bitPattern: routes[slot]))
                }
            }
        }
        return arena.withUnsafeBufferPointer { arena in
            // A first pass only measures, so the bytes are written once, into a buffer of their size.
            var measure = RawWriter(buffer: nil, arena: arena)
            write(&measure)
            return [UInt8](unsafeUninitializedCapacity: measure.position) { buffer, initialized in
                var writer = RawWriter(buffer: UnsafeMutableRawBufferPointer(buffer), arena: arena)
                write(&writer)
                initialized = writer.position
            }
        }
    }

    /// Sorts pairs by key, keeping each key's routes in the order given: two stable counting sorts, by
    /// the second term's rank and then the first's (ranks are below `rankCount`), instead of comparing.
    static func sortPairs(_ keys: inout [UInt64], _ routes: inout [Int32], rankCount: Int) {
        guard keys.count > 1 else { return }
        var sortedKeys = [UInt64](repeating: 0, count: keys.count)
        var sortedRoutes = [Int32](repeating: 0, count: keys.count)
        var starts = [Int](repeating: 0, count: rankCount + 1)
        for shift in [UInt64(0), 32] {
            for index in starts.indices { starts[index] = 0 }
            for key in keys { starts[Int((key >> shift) & 0xFFFF_FFFF) + 1] += 1 }
            for rank in 0..<rankCount { starts[rank + 1] += starts[rank] }
            for index in keys.indices {
                let rank = Int((keys[index] >> shift) & 0xFFFF_FFFF)
                sortedKeys[starts[rank]] = keys[index]
                sortedRoutes[starts[rank]] = routes[index]
                starts[rank] += 1
            }
            swap(&keys, &sortedKeys)
            swap(&routes, &sortedRoutes)
        }
    }

    /// Writes little-endian tables into a buffer sized for them beforehand, or without a buffer only
    /// counts the bytes they take. Every write is checked against the buffer.
    private struct RawWriter {
        let buffer: UnsafeMutableRawBufferPointer?
        /// The terms' bytes, which keys are ranges of.
        let arena: UnsafeBufferPointer<UInt8>
        var position = 0

        mutating func u32(_ value: UInt32) {
            store(value, at: position)
            position += 4
        }

        private func store(_ value: UInt32, at offset: Int) {
            guard let buffer else { return }
            precondition(offset + 4 <= buffer.count)
            buffer.storeBytes(of: value.littleEndian, toByteOffset: offset, as: UInt32.self)
        }

        /// A key's length and bytes: one term, or two joined by a space.
        mutating func key(_ first: Range<Int>, _ second: Range<Int>? = nil) {
            u32(UInt32(first.count + (second.map { 1 + $0.count } ?? 0)))
            append(first)
            if let second {
                if let buffer {
                    precondition(position < buffer.count)
                    buffer[position] = 0x20
                }
                position += 1
                append(second)
            }
        }

        private mutating func append(_ range: Range<Int>) {
            if let buffer, !range.isEmpty {
                precondition(position + range.count <= buffer.count)
                (buffer.baseAddress! + position).copyMemory(
                    from: arena.baseAddress! + range.lowerBound, byteCount: range.count)
            }
            position += range.count
        }

        /// A table of `count` records: the count, the records' length, each record's offset from the
        /// first, then the records `record` writes.
        mutating func table(count: Int, _ record: (Int, inout RawWriter) -> Void) {
            u32(UInt32(count))
            let length = position
            position += 4
            let offsets = position
            position += count * 4
            let records = position
            for index in 0..<count {
                store(UInt32(position - records), at: offsets + index * 4)
                record(index, &self)
            }
            store(UInt32(position - records), at: length)
        }
    }

    /// Whether the bytes at `left` come before those at `right`, byte by byte.
    private static func precedes(_ left: Range<Int>, _ right: Range<Int>, in arena: UnsafeBufferPointer<UInt8>) -> Bool
    {
        let order = memcmp(
            arena.baseAddress! + left.lowerBound, arena.baseAddress! + right.lowerBound, min(left.count, right.count))
        return order != 0 ? order < 0 : left.count < right.count
    }
}
