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
        var pairs: [(key: UInt64, route: Int32)] = []
        pairs.reserveCapacity(pairCount)
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
            for pair in analysis.pairs { pairs.append((pair, route)) }
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
        // within a pair, by route.
        pairs = pairs.map {
            (UInt64(rank[Int($0.key >> 32)]) << 32 | UInt64(rank[Int($0.key & 0xFFFF_FFFF)]), $0.route)
        }
        pairs.sort { $0.key != $1.key ? $0.key < $1.key : $0.route < $1.route }
        var pairStarts: [Int] = []
        for index in pairs.indices where index == 0 || pairs[index].key != pairs[index - 1].key {
            pairStarts.append(index)
        }
        pairStarts.append(pairs.count)
        let nameTerms = terms.filter { nameCounts[$0] > 0 }

        var writer = BinaryWriter()
        writer.bytes.reserveCapacity(
            starts[termCount] * 12 + arena.count * 2 + termCount * 24 + pairs.count * 4 + pairStarts.count * 40)
        table(&writer, count: terms.count) { index, writer in
            let term = terms[index]
            writer.u32(UInt32(spans[term].count))
            writer.bytes += arena[spans[term]]
            writer.u32(UInt32(starts[term + 1] - starts[term]))
            for slot in starts[term]..<starts[term + 1] {
                writer.i32(routes[slot])
                writer.f32(strengths[slot])
            }
        }
        table(&writer, count: pairStarts.count - 1) { index, writer in
            let key = pairs[pairStarts[index]].key
            let first = spans[terms[Int(key >> 32)]]
            let second = spans[terms[Int(key & 0xFFFF_FFFF)]]
            writer.u32(UInt32(first.count + 1 + second.count))
            writer.bytes += arena[first]
            writer.bytes.append(0x20)
            writer.bytes += arena[second]
            writer.u32(UInt32(pairStarts[index + 1] - pairStarts[index]))
            for slot in pairStarts[index]..<pairStarts[index + 1] { writer.i32(pairs[slot].route) }
        }
        table(&writer, count: nameTerms.count) { index, writer in
            let term = nameTerms[index]
            writer.u32(UInt32(spans[term].count))
            writer.bytes += arena[spans[term]]
            writer.u32(UInt32(nameCounts[term]))
            for slot in starts[term]..<starts[term + 1] where isName[slot] { writer.i32(routes[slot]) }
        }
        return writer.bytes
    }

    /// Writes a table of `count` records: the count, the records' length, each record's offset from
    /// the first, then the records `record` writes.
    private static func table(_ writer: inout BinaryWriter, count: Int, _ record: (Int, inout BinaryWriter) -> Void) {
        writer.u32(UInt32(count))
        let length = writer.bytes.count
        writer.u32(0)
        let offsets = writer.bytes.count
        writer.bytes.append(contentsOf: repeatElement(0, count: count * 4))
        let records = writer.bytes.count
        for index in 0..<count {
            writer.set(UInt32(writer.bytes.count - records), at: offsets + index * 4)
            record(index, &writer)
        }
        writer.set(UInt32(writer.bytes.count - records), at: length)
    }

    /// Whether the bytes at `left` come before those at `right`, byte by byte.
    private static func precedes(_ left: Range<Int>, _ right: Range<Int>, in arena: UnsafeBufferPointer<UInt8>) -> Bool
    {
        let order = memcmp(
            arena.baseAddress! + left.lowerBound, arena.baseAddress! + right.lowerBound, min(left.count, right.count))
        return order != 0 ? order < 0 : left.count < right.count
    }
}
