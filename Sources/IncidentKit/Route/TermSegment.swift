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
        var postings = [[(route: Int32, strength: Float)]](repeating: [], count: termCount)
        var names = [[Int32]](repeating: [], count: termCount)
        var pairs: [UInt64: [Int32]] = [:]
        var entries = 0
        // Routes are visited in order: every list is in route order, as `TermLookup` promises.
        for (offset, analysis) in batch.analyses.enumerated() {
            let route = firstRoute + Int32(offset)
            let routeNorms = norms.norms(analysis.lengths)
            for (term, counts) in zip(analysis.terms, analysis.counts) {
                postings[Int(term)].append((route, Float(norms.strength(counts, routeNorms))))
                if FieldNorms.isInName(counts) { names[Int(term)].append(route) }
            }
            for pair in analysis.pairs { pairs[pair, default: []].append(route) }
            entries += analysis.terms.count
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
            (0..<termCount).filter { !postings[$0].isEmpty }.sorted { precedes(spans[$0], spans[$1], in: arena) }
        }
        var rank = [Int](repeating: 0, count: termCount)
        for (position, term) in terms.enumerated() { rank[term] = position }
        // A term's bytes are all above the space that joins a pair, so pairs sort as their terms' ranks.
        let pairKeys = pairs.keys.sorted {
            (rank[Int($0 >> 32)], rank[Int($0 & 0xFFFF_FFFF)]) < (rank[Int($1 >> 32)], rank[Int($1 & 0xFFFF_FFFF)])
        }
        let nameTerms = terms.filter { !names[$0].isEmpty }

        var writer = BinaryWriter()
        writer.bytes.reserveCapacity(entries * 8 + arena.count * 2 + termCount * 24 + pairKeys.count * 40)
        table(&writer, count: terms.count) { index, writer in
            let term = terms[index]
            writer.u32(UInt32(spans[term].count))
            writer.bytes += arena[spans[term]]
            writer.u32(UInt32(postings[term].count))
            for posting in postings[term] {
                writer.i32(posting.route)
                writer.f32(posting.strength)
            }
        }
        table(&writer, count: pairKeys.count) { index, writer in
            let key = pairKeys[index]
            let first = spans[Int(key >> 32)]
            let second = spans[Int(key & 0xFFFF_FFFF)]
            writer.u32(UInt32(first.count + 1 + second.count))
            writer.bytes += arena[first]
            writer.bytes.append(0x20)
            writer.bytes += arena[second]
            let routes = pairs[key]!
            writer.u32(UInt32(routes.count))
            for route in routes { writer.i32(route) }
        }
        table(&writer, count: nameTerms.count) { index, writer in
            let term = nameTerms[index]
            writer.u32(UInt32(spans[term].count))
            writer.bytes += arena[spans[term]]
            writer.u32(UInt32(names[term].count))
            for route in names[term] { writer.i32(route) }
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
