import Dispatch
import Synchronization

/// Makes the router for a library: from its keyword index when it has one (only the index is read),
/// else from the route cache when it matches the library's files, else by reading every runbook and
/// writing the cache for next time.
public enum RouterLoader {
    /// How the router was made, for tests and benchmarks.
    public enum Source: Sendable, Equatable {
        case keywordIndex, cache, runbooks
    }

    /// Makes the router for the library at `root`, using the route cache where `environment` puts it.
    ///
    /// `reading` is told how many runbooks are about to be read when there is no valid cache, and
    /// whether a cache will be written for next time, so that a terminal can say why the first run over
    /// a large collection takes a moment. `unreadable` lists the runbooks that are there but could not
    /// be read (no permission): they route as empty, and no cache is written while they remain.
    public static func load(
        root: String, environment: [String: String], tuning: RouterTuning = RouterTuning(),
        reading: ((_ count: Int, _ caching: Bool) -> Void)? = nil
    ) throws(IncidentError) -> (router: Router, source: Source, unreadable: [String], undecodable: [String]) {
        guard FileSystem.isDirectory(root) else {
            throw .usage("library folder '\(root)' does not exist or is not a folder")
        }
        if Library.indexPaths.contains(where: { FileSystem.isFile(root + "/" + $0) }) {
            let library = try Library.load(root: root, scope: .routing)
            return (Router(index: library.index, tuning: tuning), .keywordIndex, [], [])
        }
        let cacheFile = RouteCache.directory(environment: environment).map { RouteCache.path(for: root, in: $0) }
        let reload: @Sendable (Route) -> Route = { route in
            RunbookFields(path: route.file, bytes: FileSystem.read(root + "/" + route.file) ?? []).route(
                path: route.file)
        }
        // A cache is checked against every file's size and time; without one there is nothing to check,
        // and each runbook's size and time are taken as it is read.
        let listed = LibraryManifest.paths(root: root)
        // A name that is not UTF-8 is listed with U+FFFD in it and cannot be opened by that name: the
        // caller warns, and the file stays out of the manifest (renaming it changes the manifest).
        let undecodable = listed.filter(LibraryPath.isUndecodable)
        var scanned: LibraryManifest?
        if let cacheFile, let bytes = FileSystem.read(cacheFile) {
            let manifest = LibraryManifest.scan(root: root, paths: listed)
            if let cached = RouteCache.decode(bytes, root: root, manifest: manifest, tuning: tuning) {
                let index = RouteIndex(routes: cached.routes, source: nil)
                return (
                    Router(index: index, tuning: tuning, lookup: cached.lookup, reload: reload), .cache, [], undecodable
                )
            }
            scanned = manifest
        }
        let paths = scanned?.entries.map(\.path) ?? listed
        reading?(paths.count, cacheFile != nil)
        // The runbooks `Library.load` would read, each read, parsed, routed and counted in one pass on
        // every core; only the counts and each route's title stay in memory (reasons re-read a file).
        let runbooks = paths.indices.filter { LibraryFile.Kind(path: paths[$0]) == .runbook }
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
        let norms = FieldNorms(batches: batches, tuning: tuning)
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
        return (Router(index: index, tuning: tuning, lookup: lookup, reload: reload), .runbooks, unread, undecodable)
    }
}
