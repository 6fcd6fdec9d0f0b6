/// A file that keeps the routing index of a library without a keyword index, so that routing over
/// thousands of runbooks does not parse them all on every run. It is checked against the library's
/// files (paths, sizes, modification times) and the router's tuning, and rebuilt when anything differs
/// or its checksum shows it damaged.
/// Lives in `$XDG_CACHE_HOME/incident` (else `~/.cache/incident`); never in the library.
enum RouteCache {
    static let magic = Array("INCIDENT-ROUTES\n".utf8)
    /// Changes whenever the analyzer or the file format changes, so older caches are rebuilt.
    static let formatVersion: UInt32 = 10
    /// Where the checksum of everything after it is written: after the magic and the format version.
    static let checksumOffset = magic.count + 4

    /// The cache folder for this environment, or nil when there is no home to keep one in.
    static func directory(environment: [String: String]) -> String? {
        if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") { return base + "/incident" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/incident" }
        return nil
    }

    /// The cache file of the library at `root`: a hash of its path, so each library has its own.
    static func path(for root: String, in directory: String) -> String {
        directory + "/routes-" + ContentHash.hex(root.utf8) + ".bin"
    }

    /// A description of everything that shapes the index, stored in the cache and compared on load.
    static func signature(_ tuning: RouterTuning) -> String {
        let weights = Route.Field.Kind.allCases.map { "\($0.rawValue)=\(tuning.weights[$0, default: 1])" }
        let lengths = Route.Field.Kind.allCases.map { "\($0.rawValue)~\(tuning.typicalLengths[$0, default: 1])" }
        return (weights + lengths + ["k1=\(tuning.k1)", "bLong=\(tuning.bLong)", "bShort=\(tuning.bShort)"])
            .joined(separator: ",")
    }

    /// The cache of a library: its manifest, its routes with their lengths, and the postings in
    /// `segments` (`TermSegment.encode`, in route order).
    static func encode(
        root: String, manifest: LibraryManifest, routes: [Route], lengths: [Int32], segments: [[UInt8]],
        tuning: RouterTuning
    ) -> [UInt8] {
        var writer = BinaryWriter()
        writer.bytes.reserveCapacity(
            segments.reduce(0) { $0 + $1.count } + 128 * (routes.count + manifest.entries.count) + 1024)
        writer.bytes += magic
        writer.u32(formatVersion)
        writer.i64(0)  // the checksum, written last
        writer.string(signature(tuning))
        writer.string(root)
        writer.u32(UInt32(manifest.entries.count))
        for entry in manifest.entries {
            writer.string(entry.path)
            writer.i64(entry.size)
            writer.i64(entry.modified)
        }
        writer.u32(UInt32(routes.count))
        for (route, length) in zip(routes, lengths) {
            writer.string(route.title)
            writer.string(route.file)
            writer.u32(UInt32(route.line))
            writer.u32(UInt32(bitPattern: length))
        }
        writer.u32(UInt32(segments.count))
        for segment in segments { writer.bytes += segment }
        writer.set(ContentHash.checksum(writer.bytes, from: checksumOffset + 8), at: checksumOffset)
        return writer.bytes
    }

    /// The routes and postings in `bytes`, or nil when the cache is damaged (its checksum differs), from
    /// another version or tuning, or does not match `manifest`.
    static func decode(_ bytes: [UInt8], root: String, manifest: LibraryManifest, tuning: RouterTuning)
        -> (routes: [Route], lookup: CachedTermLookup)?
    {
        guard bytes.count > magic.count, Array(bytes[0..<magic.count]) == magic else { return nil }
        var reader = BinaryReader(bytes)
        reader.offset = magic.count
        guard reader.u32() == formatVersion, let checksum = reader.i64(),
            UInt64(bitPattern: checksum) == ContentHash.checksum(bytes, from: reader.offset),
            reader.string() == signature(tuning), reader.string() == root,
            let fileCount = reader.u32(), Int(fileCount) == manifest.entries.count
        else { return nil }
        for entry in manifest.entries {
            guard let range = reader.stringRange(), bytes[range].elementsEqual(entry.path.utf8),
                reader.i64() == entry.size, reader.i64() == entry.modified
            else { return nil }
        }
        // Counts come from the file: check them against what is left before trusting them with memory.
        guard let routeCount = reader.u32(), Int(routeCount) * 16 <= bytes.count - reader.offset else { return nil }
        var routes: [Route] = []
        var lengths: [Int32] = []
        routes.reserveCapacity(Int(routeCount))
        lengths.reserveCapacity(Int(routeCount))
        for _ in 0..<routeCount {
            guard let title = reader.string(), let file = reader.string(), let line = reader.u32().map(Int.init),
                let length = reader.u32()
            else {
                return nil
            }
            lengths.append(Int32(bitPattern: length))
            routes.append(
                Route(
                    title: title, file: file, line: line, keywords: [],
                    targets: [Route.Target(destination: file, path: file, line: line)], severity: nil, examples: [],
                    fields: []))
        }
        guard let lookup = readSegments(&reader, routeCount: routes.count, lengths: lengths) else { return nil }
        return (routes, lookup)
    }

    /// The postings of a cache `encode` has just made, whose segments take its last `segmentBytes`: the
    /// cold run routes on the very bytes it caches, without reading its manifest and routes back.
    static func lookup(encoded bytes: [UInt8], segmentBytes: Int, routeCount: Int, lengths: [Int32])
        -> CachedTermLookup?
    {
        var reader = BinaryReader(bytes)
        reader.offset = bytes.count - segmentBytes - 4
        return readSegments(&reader, routeCount: routeCount, lengths: lengths)
    }

    /// The segments from `reader`'s offset to the end of its bytes, as the lookup of `routeCount` routes.
    private static func readSegments(_ reader: inout BinaryReader, routeCount: Int, lengths: [Int32])
        -> CachedTermLookup?
    {
        // Each segment takes at least a count and a length per table.
        guard let segmentCount = reader.u32(), Int(segmentCount) * 24 <= reader.bytes.count - reader.offset else {
            return nil
        }
        var segments: [CachedTermLookup.Segment] = []
        for _ in 0..<segmentCount {
            guard let terms = CachedTermLookup.Table.read(&reader, entrySize: 8),
                let pairs = CachedTermLookup.Table.read(&reader, entrySize: 4),
                let names = CachedTermLookup.Table.read(&reader, entrySize: 4)
            else { return nil }
            segments.append(CachedTermLookup.Segment(terms: terms, pairs: pairs, names: names))
        }
        guard reader.offset == reader.bytes.count else { return nil }
        return CachedTermLookup(bytes: reader.bytes, routeCount: routeCount, lengths: lengths, segments: segments)
    }
}
