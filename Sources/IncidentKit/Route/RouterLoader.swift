import Dispatch
import Synchronization

/// Makes the router for a library: from its keyword index when it has one (only the index is read),
/// else from the route cache when it matches the library's files, else by reading every runbook and
/// writing the cache for next time.
public enum RouterLoader {
    /// How the router was made, for tests and benchmarks.
    public enum Source: Sendable, Equatable {
        case keywordIndex, cache, runbooks
        /// Only the runbooks that may hold the symptom's words were analysed (`RunbookSearch`).
        case search
    }

    /// The router and how it was made.
    public struct Loaded {
        public var router: Router
        public var source: Source
        /// Runbooks that are there but could not be read (no permission): they route as empty.
        public var unreadable: [String]
        /// Files whose names are not UTF-8, which cannot be opened by them.
        public var undecodable: [String]
        /// Entries named like runbooks that are not files (a link to a file that is gone, a FIFO).
        public var leftOut: [String] = []
        /// How many runbooks the library has: the router's routes are only those a search found.
        public var runbookCount: Int
    }

    /// A symptom whose words are in at most this share of a library's runbooks is routed by analysing
    /// those alone, without writing the cache; a broader one reads every runbook and writes the cache,
    /// so that it and every later symptom route from it.
    public static let searchShare = 0.1

    /// Makes the router for the library at `root`, using the route cache where `environment` puts it.
    ///
    /// `reading` is told how many runbooks are about to be read when there is no valid cache, and
    /// whether a cache will be written for next time, so that a terminal can say why the first run over
    /// a large collection takes a moment. `unreadable` lists the runbooks that are there but could not
    /// be read (no permission): they route as empty, and no cache is written while they remain.
    ///
    /// With `symptom`, and no valid cache, the runbooks that may hold its words are found first: when
    /// they are few (`searchShare`), or no cache can be written, only they are analysed.
    public static func load(
        root: String, environment: [String: String], tuning: RouterTuning = RouterTuning(), symptom: String? = nil,
        reading: ((_ count: Int, _ caching: Bool) -> Void)? = nil
    ) throws(IncidentError) -> Loaded {
        guard FileSystem.isDirectory(root) else {
            throw .usage("library folder '\(root)' does not exist or is not a folder")
        }
        if Library.indexPaths.contains(where: { FileSystem.isFile(root + "/" + $0) }) {
            let library = try Library.load(root: root, scope: .routing)
            return Loaded(
                router: Router(index: library.index, tuning: tuning), source: .keywordIndex, unreadable: [],
                undecodable: [], runbookCount: library.index.routes.count)
        }
        let cacheFile = RouteCache.directory(environment: environment).map { RouteCache.path(for: root, in: $0) }
        let reload: @Sendable (Route) -> Route = { route in
            RunbookFields(path: route.file, bytes: FileSystem.read(root + "/" + route.file) ?? []).route(
                path: route.file)
        }
        // A cache is checked against every file's size and time; without one there is nothing to check,
        // and each runbook's size and time are taken as it is read.
        let listing = LibraryManifest.listing(root: root)
        let listed = listing.files
        // A name that is not UTF-8 is listed with U+FFFD in it and cannot be opened by that name: the
        // caller warns, and the file stays out of the manifest (renaming it changes the manifest).
        let undecodable = listed.filter(LibraryPath.isUndecodable)
        var scanned: LibraryManifest?
        if let cacheFile, let bytes = FileSystem.read(cacheFile) {
            let manifest = LibraryManifest.scan(root: root, paths: listed)
            if let cached = RouteCache.decode(bytes, root: root, manifest: manifest, tuning: tuning) {
                let index = RouteIndex(routes: cached.routes, source: nil)
                return Loaded(
                    router: Router(index: index, tuning: tuning, lookup: cached.lookup, reload: reload), source: .cache,
                    unreadable: [], undecodable: undecodable, leftOut: listing.leftOut,
                    runbookCount: cached.routes.count)
            }
            scanned = manifest
        }
        let paths = scanned?.entries.map(\.path) ?? listed
        // The runbooks `Library.load` would read.
        let runbooks = paths.indices.filter { LibraryFile.Kind(path: paths[$0]) == .runbook }
        if let symptom {
            reading?(paths.count, false)
            let limit = cacheFile == nil ? runbooks.count : Int(Double(runbooks.count) * searchShare)
            if let found = search(
                RunbookSearch(symptom: symptom, tuning: tuning), root: root, paths: runbooks.map { paths[$0] },
                limit: limit)
            {
                let batches = InMemoryTermLookup.analyse(runbooks: found.runbooks.count) { number in
                    let runbook = found.runbooks[number]
                    return (runbook.path, RunbookFields(path: runbook.path, bytes: runbook.bytes))
                }
                let routes = batches.flatMap(\.routes)
                let lookup = InMemoryTermLookup(
                    batches: batches, keywords: Array(repeating: [], count: routes.count), tuning: tuning,
                    routeCount: runbooks.count)
                return Loaded(
                    router: Router(
                        index: RouteIndex(routes: routes, source: nil), tuning: tuning, lookup: lookup, reload: reload),
                    source: .search, unreadable: found.unreadable, undecodable: undecodable,
                    leftOut: listing.leftOut, runbookCount: runbooks.count)
            }
        }
        reading?(paths.count, cacheFile != nil)
        // Each runbook read, parsed, routed and counted in one pass on every core; only the counts and
        // each route's title stay in memory (reasons re-read a file).
        let stamps = Mutex([(size: Int64, modified: Int64)?](repeating: nil, count: paths.count))
        let unreadable = Mutex<[String]>([])
        let batches = InMemoryTermLookup.analyse(runbooks: runbooks.count) { number in
            let path = paths[runbooks[number]]
            let file = FileSystem.readStamped(root + "/" + path)
            let stamp = file.map { ($0.size, $0.modified) } ?? FileSystem.stamp(root + "/" + path)
            stamps.withLock { $0[runbooks[number]] = stamp }
            // There but not readable (no permission); a file gone since it was listed, or a name that is not
            // UTF-8 and so cannot be opened by it, stays out of the manifest too and does not stop caching.
            if file == nil, stamp != nil { unreadable.withLock { $0.append(path) } }
            return (path, RunbookFields(path: path, bytes: file?.bytes ?? []))
        }
        let routes = batches.flatMap(\.routes)
        let manifest = stamps.withLock { stamps in
            LibraryManifest(
                entries: paths.indices.compactMap { index in
                    (stamps[index] ?? FileSystem.stamp(root + "/" + paths[index])).map {
                        LibraryManifest.Entry(path: paths[index], size: $0.size, modified: $0.modified)
                    }
                })
        }
        // Each batch's postings are weighed and encoded on its own core; the cold run routes on the very
        // bytes it caches, so that it routes as every later run will.
        let norms = FieldNorms(tuning: tuning)
        let firstRoutes = batches.reduce(into: [Int32(0)]) { $0.append($0.last! + Int32($1.analyses.count)) }
        let segments = Array(batches.indices).concurrentMap(minimumCount: 1, chunk: 1) {
            TermSegment.encode(batches[$0], firstRoute: firstRoutes[$0], norms: norms)
        }
        let lengths = batches.flatMap { $0.analyses.map(\.length) }
        let bytes = RouteCache.encode(
            root: root, manifest: manifest, routes: routes, lengths: lengths, segments: segments, tuning: tuning)
        // A runbook that could not be read (no permission) routes as empty this time; cached, it would
        // stay empty after `chmod` fixed it, since a change of mode changes neither size nor time.
        let unread = unreadable.withLock { $0.sorted() }
        // The cache is written while the cold run reads it back. Best effort: a library that cannot be
        // cached still routes, only more slowly. The cache is checked on every load (its checksum), so it
        // is not forced to disk.
        let writing = DispatchGroup()
        if let cacheFile, unread.isEmpty, FileSystem.makeDirectories(LibraryPath.directory(of: cacheFile)) {
            DispatchQueue.global().async(group: writing) {
                _ = FileSystem.writeAtomically(bytes, to: cacheFile, durable: false)
            }
        }
        let segmentBytes = segments.reduce(0) { $0 + $1.count }
        let lookup: any TermLookup =
            RouteCache.lookup(encoded: bytes, segmentBytes: segmentBytes, routeCount: routes.count, lengths: lengths)
            ?? InMemoryTermLookup(batches: batches, keywords: Array(repeating: [], count: routes.count), tuning: tuning)
        let index = RouteIndex(routes: routes, source: nil)
        writing.wait()
        return Loaded(
            router: Router(index: index, tuning: tuning, lookup: lookup, reload: reload), source: .runbooks,
            unreadable: unread, undecodable: undecodable, leftOut: listing.leftOut, runbookCount: routes.count)
    }

    /// The runbooks among `paths` (in order, with their bytes) that `search` says may hold the
    /// symptom's terms, and those that could not be read; nil as soon as more than `limit` may.
    static func search(_ search: RunbookSearch, root: String, paths: [String], limit: Int) -> (
        runbooks: [(path: String, bytes: [UInt8])], unreadable: [String]
    )? {
        let found = Atomic<Int>(0)
        let parts = stride(from: 0, to: paths.count, by: 64).map { $0..<min(paths.count, $0 + 64) }
        let results = parts.concurrentMap(minimumCount: 1, chunk: 1) { part in
            var buffer: [UInt8] = []
            var scratch: [UInt8] = []
            var runbooks: [(path: String, bytes: [UInt8])] = []
            var unreadable: [String] = []
            for index in part {
                guard found.load(ordering: .relaxed) <= limit else { break }
                let path = paths[index]
                guard let count = FileSystem.read(root + "/" + path, into: &buffer) else {
                    // There but not readable (no permission): it routes as empty, as it would from the cache.
                    if FileSystem.stamp(root + "/" + path) != nil { unreadable.append(path) }
                    continue
                }
                let matches = buffer.withUnsafeBufferPointer { bytes in
                    search.mayMatch(
                        path: path, bytes: UnsafeBufferPointer(rebasing: bytes[..<count]), scratch: &scratch)
                }
                if matches {
                    runbooks.append((path, Array(buffer[..<count])))
                    found.add(1, ordering: .relaxed)
                }
            }
            return (runbooks, unreadable)
        }
        guard found.load(ordering: .relaxed) <= limit else { return nil }
        return (results.flatMap(\.0), results.flatMap(\.1).sorted())
    }
}
