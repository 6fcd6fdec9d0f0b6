import Foundation
import Synchronization
import Testing

@testable import IncidentKit

@Suite struct RouteCacheTests {
    /// A small library without an index, in a fresh folder, and a cache folder of its own.
    private func makeLibrary() throws -> (root: String, environment: [String: String]) {
        let base = Scratch.path("route-cache")
        let root = base + "/library"
        try FileManager.default.createDirectory(atPath: root + "/alerts", withIntermediateDirectories: true)
        for name in ["KubePodCrashLooping", "NodeFilesystemSpaceFillingUp", "etcdNoLeader"] {
            let source = try #require(
                FileManager.default.subpaths(atPath: Paths.prometheusCorpus)?.first { $0.hasSuffix("/\(name).md") })
            try FileManager.default.copyItem(
                atPath: Paths.prometheusCorpus + "/" + source, toPath: root + "/alerts/\(name).md")
        }
        return (root, ["XDG_CACHE_HOME": base + "/cache"])
    }

    @Test func secondRunReadsTheCacheAndRoutesTheSame() throws {
        let (root, environment) = try makeLibrary()
        let first = try RouterLoader.load(root: root, environment: environment)
        #expect(first.source == .runbooks)
        let second = try RouterLoader.load(root: root, environment: environment)
        #expect(second.source == .cache)
        for symptom in ["pods keep restarting", "disk filling up on node", "etcd has no leader"] {
            let fresh = first.router.route(symptom)
            let cached = second.router.route(symptom)
            #expect(fresh.matches.map(\.route.file) == cached.matches.map(\.route.file))
            #expect(fresh.matches.map(\.score) == cached.matches.map { $0.score })
            #expect(fresh.matches.map(\.why) == cached.matches.map(\.why))
            #expect(fresh.confident == cached.confident)
        }
    }

    /// The first run over a collection reads, routes and counts each runbook in one pass and keeps no
    /// text; it must route exactly as a router over the loaded library does, and so must the cache.
    /// The cache holds one segment per batch of runbooks (`TermSegment`); read back, its postings, pairs,
    /// names and lengths are those of the in-memory lookup of the loaded library, term by term.
    @Test func theSegmentedCacheHoldsEveryPostingOfTheLoadedLibrary() throws {
        let cache = Scratch.path("route-cache")
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let library = try Library.load(root: Paths.corpora, scope: .routing)
        let memory = InMemoryTermLookup(routes: library.index.routes, tuning: RouterTuning())
        let cold = try RouterLoader.load(root: Paths.corpora, environment: ["XDG_CACHE_HOME": cache])
        let lookup = try #require(cold.router.lookup as? CachedTermLookup)
        // 379 runbooks on any number of cores make at least three batches, each a segment.
        #expect(lookup.segments.count >= 3)
        #expect(lookup.routeCount == memory.routeCount)
        #expect(lookup.lengths == memory.lengths)
        #expect(memory.table.count > 4000)
        for (term, postings) in memory.table {
            let cached = try #require(lookup.postings(term), "\(term)")
            #expect(cached.map(\.route) == postings.map(\.route), "\(term)")
            #expect(cached.map(\.strength) == postings.map(\.strength), "\(term)")
            #expect(lookup.routeCount(of: term) == postings.count, "\(term)")
        }
        for (pair, routes) in memory.pairs { #expect(lookup.pairRoutes(pair) == routes, "\(pair)") }
        for (term, routes) in memory.names { #expect(lookup.nameRoutes(term) == routes, "\(term)") }
        for absent in ["", "zzzznotaterm", "pod zzzz", "\u{0}"] {
            #expect(
                lookup.postings(absent) == nil && lookup.pairRoutes(absent) == nil && lookup.nameRoutes(absent) == nil)
        }
    }

    @Test func theFirstRunAndTheCacheRouteAsTheLoadedLibraryDoes() throws {
        let cache = Scratch.path("route-cache")
        let environment = ["XDG_CACHE_HOME": cache]
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let library = try Library.load(root: Paths.corpora, scope: .routing)
        let loaded = Router(index: library.index)
        let first = try RouterLoader.load(root: Paths.corpora, environment: environment)
        let second = try RouterLoader.load(root: Paths.corpora, environment: environment)
        #expect(first.source == .runbooks)
        #expect(second.source == .cache)
        // The first run routes on the bytes it caches, as the second does.
        #expect(first.router.lookup is CachedTermLookup)
        #expect(second.router.lookup is CachedTermLookup)
        #expect(first.router.index.routes.count == 379)
        for router in [first.router, second.router] {
            #expect(router.index.routes.map(\.file) == library.index.routes.map(\.file))
            #expect(router.index.routes.map(\.title) == library.index.routes.map(\.title))
            #expect(router.index.routes.map(\.line) == library.index.routes.map(\.line))
        }
        for symptom in [
            "pods keep restarting", "etcd has no leader", "disk almost full on a worker", "x509 certificate expired",
            "level=error msg=\"Notify for alerts failed\" err=\"context deadline exceeded\"", "ceph osd near full",
            "virt-handler not ready", "502", "postgres replication lag",
        ] {
            let expected = loaded.route(symptom)
            #expect(!expected.matches.isEmpty, "\(symptom)")
            for result in [first.router.route(symptom), second.router.route(symptom)] {
                #expect(result.matches.map(\.route.file) == expected.matches.map(\.route.file), "\(symptom)")
                #expect(result.matches.map(\.score) == expected.matches.map(\.score), "\(symptom)")
                #expect(result.matches.map(\.coverage) == expected.matches.map(\.coverage), "\(symptom)")
                #expect(result.matches.map(\.why) == expected.matches.map(\.why), "\(symptom)")
                #expect(result.confident == expected.confident, "\(symptom)")
            }
        }
    }

    @Test func aTerminalIsToldWhyTheFirstRunOverManyRunbooksTakesAMoment() throws {
        let (root, environment) = try makeLibrary()
        let count = RouteCommand.progressThreshold
        for number in 0..<count {
            try "# Alert\(number)\n\n## Meaning\n\nSomething \(number) happened.\n".write(
                toFile: root + "/alerts/Generated\(number).md", atomically: false, encoding: .utf8)
        }
        var told: [Int] = []
        _ = try RouterLoader.load(root: root, environment: environment) { number, _ in told.append(number) }
        #expect(told == [count + 3], "the cold run says how many runbooks it reads")
        _ = try RouterLoader.load(root: root, environment: environment) { number, _ in told.append(number) }
        #expect(told == [count + 3], "a run that reads the cache says nothing")

        try FileManager.default.removeItem(atPath: environment["XDG_CACHE_HOME"]!)
        let terminal = CapturingConsole(errorsIsTerminal: true)
        let context = CommandContext(console: terminal, environment: environment, currentDirectory: root)
        #expect(IncidentCLI(context: context).run(["route", "something happened", "--library", root]) == 0)
        // Every runbook has the words: the search gives way to reading them all for the cache.
        let notes =
            "searching \(count + 3) runbooks…" + TerminalText.eraseLine
            + "reading \(count + 3) runbooks (cached for next time)…" + TerminalText.eraseLine
        #expect(terminal.errors == notes)
        // A symptom few runbooks have is routed from the search alone, and no cache is written.
        try FileManager.default.removeItem(atPath: environment["XDG_CACHE_HOME"]!)
        let rare = CapturingConsole(errorsIsTerminal: true)
        let rareContext = CommandContext(console: rare, environment: environment, currentDirectory: root)
        #expect(IncidentCLI(context: rareContext).run(["route", "pods crashlooping", "--library", root]) == 0)
        #expect(rare.errors == "searching \(count + 3) runbooks…" + TerminalText.eraseLine)
        #expect(rare.output.hasPrefix("KubePodCrashLooping (confident match)"), "\(rare.output)")
        #expect(!FileManager.default.fileExists(atPath: environment["XDG_CACHE_HOME"]!))
        // On a terminal both streams share the screen: the note is gone before the result is written.
        let screen = SharedScreen()
        let onScreen = CommandContext(console: screen, environment: environment, currentDirectory: root)
        for arguments in [
            ["route", "something happened", "--library", root], ["route", "something", "--library", root, "--json"],
        ] {
            try? FileManager.default.removeItem(atPath: environment["XDG_CACHE_HOME"]!)
            #expect(IncidentCLI(context: onScreen).run(arguments) == 0)
            #expect(screen.text.hasPrefix(notes), "\(screen.text.prefix(120))")
            #expect(screen.text.dropFirst(notes.count).first == (arguments.last == "--json" ? "{" : "N"))
            screen.clear()
        }
        // A terminal that cannot move the cursor gets no note it could not erase.
        try FileManager.default.removeItem(atPath: environment["XDG_CACHE_HOME"]!)
        let dumb = CapturingConsole(errorsIsTerminal: true)
        var dumbEnvironment = environment
        dumbEnvironment["TERM"] = "dumb"
        let dumbContext = CommandContext(console: dumb, environment: dumbEnvironment, currentDirectory: root)
        #expect(IncidentCLI(context: dumbContext).run(["route", "something happened", "--library", root]) == 0)
        #expect(dumb.errors.isEmpty)
        let pipe = CapturingConsole()
        try FileManager.default.removeItem(atPath: environment["XDG_CACHE_HOME"]!)
        let piped = CommandContext(console: pipe, environment: environment, currentDirectory: root)
        #expect(IncidentCLI(context: piped).run(["route", "something happened", "--library", root]) == 0)
        #expect(pipe.errors.isEmpty, "no progress note where it cannot be erased")
    }

    @Test func aChangedFileOrTuningRebuildsTheCache() throws {
        let (root, environment) = try makeLibrary()
        _ = try RouterLoader.load(root: root, environment: environment)
        let path = root + "/alerts/etcdNoLeader.md"
        try (String(contentsOfFile: path, encoding: .utf8) + "\nMore text.\n").write(
            toFile: path, atomically: true, encoding: .utf8)
        #expect(try RouterLoader.load(root: root, environment: environment).source == .runbooks)
        #expect(try RouterLoader.load(root: root, environment: environment).source == .cache)
        var tuning = RouterTuning()
        tuning.k1 = 2
        #expect(try RouterLoader.load(root: root, environment: environment, tuning: tuning).source == .runbooks)
        try FileManager.default.removeItem(atPath: path)
        let rebuilt = try RouterLoader.load(root: root, environment: environment)
        #expect(rebuilt.source == .runbooks)
        #expect(rebuilt.router.index.routes.count == 2)
    }

    /// Damage the checksum does not see (a forged or colliding one) still cannot make routing read out
    /// of bounds: every count, offset and route number read from the cache is checked. Found in review:
    /// the checksum had kept every mutation away from those checks.
    @Test func damageBehindAValidChecksumNeverTraps() throws {
        let (root, environment) = try makeLibrary()
        _ = try RouterLoader.load(root: root, environment: environment)
        let directory = try #require(RouteCache.directory(environment: environment))
        let bytes = try #require(FileSystem.read(RouteCache.path(for: root, in: directory)))
        let manifest = LibraryManifest.scan(root: root, paths: LibraryManifest.paths(root: root))
        var generator = MarkdownFuzzTests.Generator(state: 15)
        var decoded = 0
        for round in 0..<3000 {
            var damaged = bytes
            let start = RouteCache.checksumOffset + 8
            for _ in 0..<Int.random(in: 1...4, using: &generator) where damaged.count > start {
                let position = Int.random(in: start..<damaged.count, using: &generator)
                switch round % 3 {
                case 0: damaged[position] = UInt8.random(in: 0...255, using: &generator)
                case 1:
                    // A 32-bit count or offset made huge, negative or zero.
                    let value = [UInt32.max, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFF0, 0][round % 5]
                    for offset in 0..<4 where position + offset < damaged.count {
                        damaged[position + offset] = UInt8(truncatingIfNeeded: value >> (8 * offset))
                    }
                default: damaged = Array(damaged.prefix(position))
                }
            }
            // The checksum made valid again, so that the reading itself is tested.
            let checksum = ContentHash.checksum(damaged, from: min(start, damaged.count))
            guard damaged.count >= start else { continue }
            for index in 0..<8 {
                damaged[RouteCache.checksumOffset + index] = UInt8(truncatingIfNeeded: checksum >> (8 * index))
            }
            guard let cached = RouteCache.decode(damaged, root: root, manifest: manifest, tuning: RouterTuning()) else {
                continue
            }
            decoded += 1
            let router = Router(
                index: RouteIndex(routes: cached.routes, source: nil), tuning: RouterTuning(), lookup: cached.lookup,
                reload: nil)
            for symptom in ["pods keep restarting", "etcd has no leader", "disk full", "crash loop back off"] {
                _ = router.route(symptom, top: 3, explain: false)
            }
        }
        #expect(decoded > 100, "most damage should still decode, to exercise the reads")
    }

    @Test func aDamagedCacheIsRebuiltNotTrusted() throws {
        let (root, environment) = try makeLibrary()
        _ = try RouterLoader.load(root: root, environment: environment)
        let directory = try #require(RouteCache.directory(environment: environment))
        let file = RouteCache.path(for: root, in: directory)
        let bytes = try #require(FileSystem.read(file))
        for cut in [0, 10, bytes.count / 3, bytes.count / 2, bytes.count - 3] {
            #expect(FileSystem.writeAtomically(Array(bytes.prefix(cut)), to: file))
            #expect(try RouterLoader.load(root: root, environment: environment).source == .runbooks)
        }
        // One changed byte anywhere, in a count, a term, a posting or a route number that stays in range,
        // is noticed by the checksum: the cache is rebuilt, never trusted to rank.
        let cold = try RouterLoader.load(root: root, environment: [:]).router.route("pods keep restarting", top: 3)
        for position in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 250)) + [bytes.count - 1] {
            var damaged = bytes
            damaged[position] ^= 0x01
            #expect(FileSystem.writeAtomically(damaged, to: file))
            let loaded = try RouterLoader.load(root: root, environment: environment)
            #expect(loaded.source == .runbooks, "byte \(position) of \(bytes.count) changed")
            let routed = loaded.router.route("pods keep restarting", top: 3)
            #expect(routed.matches.map(\.route.file) == cold.matches.map(\.route.file))
            #expect(routed.matches.map(\.score) == cold.matches.map(\.score))
        }
        // Counts that promise more than the file holds (a huge route count) are rejected, not allocated.
        for position in stride(from: 0, to: bytes.count - 4, by: max(1, bytes.count / 300)) {
            var damaged = bytes
            for offset in 0..<4 { damaged[position + offset] = 0xFF }
            #expect(FileSystem.writeAtomically(damaged, to: file))
            _ = try RouterLoader.load(root: root, environment: environment).router.route("pods restarting")
        }
        // Flipped bytes anywhere: the load either rejects the cache or routes without crashing.
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<400 {
            var flipped = bytes
            for _ in 0..<4 { flipped[Int.random(in: 0..<bytes.count, using: &generator)] ^= 0xFF }
            #expect(FileSystem.writeAtomically(flipped, to: file))
            let loaded = try RouterLoader.load(root: root, environment: environment)
            _ = loaded.router.route("pods keep restarting on the node with etcd leader")
        }
    }

    /// A file name that is not UTF-8 cannot be opened by the name the listing gives it; that file is
    /// left out, and the rest of the library is still cached (only a runbook there but unreadable stops it).
    @Test func aFileNameThatIsNotUTF8DoesNotStopTheCache() throws {
        let (root, environment) = try makeLibrary()
        let name = Array((root + "/alerts/caf").utf8) + [0xE9] + Array(".md".utf8) + [0]
        let descriptor = name.withUnsafeBufferPointer { pointer in
            pointer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: name.count) {
                open($0, O_CREAT | O_WRONLY, 0o644)
            }
        }
        #expect(descriptor >= 0)
        close(descriptor)
        let first = try RouterLoader.load(root: root, environment: environment)
        #expect(first.source == .runbooks)
        let cached = try RouterLoader.load(root: root, environment: environment)
        #expect(cached.source == .cache)
        #expect(cached.router.route("pods keep restarting").best?.route.file == "alerts/KubePodCrashLooping.md")
        // Both runs name it, so that `route` can say why it is left out; lint reports it as an error.
        #expect(first.undecodable == ["alerts/caf\u{FFFD}.md"])
        #expect(cached.undecodable == ["alerts/caf\u{FFFD}.md"])
        let diagnostics = Linter(library: try Library.load(root: root)).run()
        #expect(
            diagnostics.map(\.description).contains(
                "alerts/caf\u{FFFD}.md:1: error: the file name is not valid UTF-8, so it cannot be read; rename it"))
        let route = Processes.sh(
            Processes.shell(
                ["env", "NO_COLOR=1", "XDG_CACHE_HOME=" + environment["XDG_CACHE_HOME"]!, Processes.incident]
                    + ["route", "pods keep restarting", "--library", root]))
        #expect(
            route.errors
                == "warning: cannot open alerts/caf\u{FFFD}.md: its file name is not valid UTF-8; rename it to route to it\n"
        )
    }

    @Test func withoutAHomeItStillRoutes() throws {
        let (root, _) = try makeLibrary()
        let loaded = try RouterLoader.load(root: root, environment: [:])
        #expect(loaded.source == .runbooks)
        #expect(loaded.router.route("pods keep restarting").best?.route.file == "alerts/KubePodCrashLooping.md")
    }
}

/// A terminal on which standard output and standard error are written to one screen, in order.
private final class SharedScreen: Console {
    private let screen = Mutex("")
    let colorsOutput = false
    let colorsErrors = false
    let errorsIsTerminal = true

    func write(_ text: String) { screen.withLock { $0 += text } }
    func error(_ text: String) { screen.withLock { $0 += text } }
    var text: String { screen.withLock { $0 } }
    func clear() { screen.withLock { $0 = "" } }
}

/// A runbook `chmod 000` made unreadable, for a process that cannot read it. Root can, so as root the
/// binary runs as `nobody` (setpriv), copied into a scratch folder that `nobody` can reach.
@Suite struct UnreadableRunbookTests {
    /// The words that run a copy of `incident` in `folder` as a user to whom `chmod 000` applies, nil when
    /// this machine has no such way (root without setpriv, or a toolchain `nobody` cannot load).
    static func unprivileged(copyingInto folder: String) -> [String]? {
        let binary = folder + "/incident"
        guard (try? FileManager.default.copyItem(atPath: Processes.incident, toPath: binary)) != nil,
            (try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)) != nil
        else { return nil }
        guard geteuid() == 0 else { return [binary] }
        let words = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", binary]
        guard Processes.sh(Processes.shell(words + ["--version"])).status == 0 else {
            try? FileManager.default.removeItem(atPath: folder)
            return nil
        }
        return words
    }

    static let folder: String = {
        let path = Scratch.path("unreadable")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()
    static let incident = unprivileged(copyingInto: folder)

    @Test(
        .enabled(
            if: incident != nil,
            "needs a user chmod 000 applies to (not root, or root with setpriv) and a temporary folder it may search"
        ))
    func aRunbookThatCouldNotBeReadIsNotCachedAsEmpty() throws {
        let base = Self.folder
        defer { try? FileManager.default.removeItem(atPath: base) }
        let root = base + "/library"
        try FileManager.default.createDirectory(atPath: root + "/alerts", withIntermediateDirectories: true)
        try "# Vault sealed\n\n## Meaning\n\nThe secret store is sealed; nothing can read a secret.\n".write(
            toFile: root + "/alerts/VaultSealed.md", atomically: false, encoding: .utf8)
        try "# Disk full\n\n## Meaning\n\nA disk is full.\n".write(
            toFile: root + "/alerts/DiskFull.md", atomically: false, encoding: .utf8)
        for path in [root, root + "/alerts"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
        let cache = base + "/cache"
        try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: cache)
        let runbook = root + "/alerts/VaultSealed.md"
        let command = Processes.shell(
            ["env", "NO_COLOR=1", "XDG_CACHE_HOME=" + cache] + (Self.incident ?? [])
                + ["route", "vault sealed secret store", "--library", root, "--top", "1"])

        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: runbook)
        let unreadable = Processes.sh(command)
        #expect(unreadable.status == 0, "\(unreadable.errors)")
        #expect(!unreadable.output.contains("Vault sealed (confident match)"), "the runbook could not be read")
        #expect(
            unreadable.errors
                == "warning: cannot read alerts/VaultSealed.md; it routes as empty, and no route cache is kept until it can be read\n"
        )
        #expect((try? FileManager.default.contentsOfDirectory(atPath: cache + "/incident"))?.isEmpty ?? true)

        // chmod changes neither the size nor the time the cache checks: nothing may be cached to go stale.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: runbook)
        let readable = Processes.sh(command)
        #expect(readable.output.hasPrefix("Vault sealed (confident match)"), "\(readable.output)")
        #expect(readable.errors.isEmpty)
        let cached = Processes.sh(command)
        #expect(cached.output == readable.output)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache + "/incident").count == 1)

        // lint says so too, instead of checking the file as empty.
        let lint = Processes.shell(["env", "NO_COLOR=1"] + (Self.incident ?? []) + ["lint", "--library", root])
        #expect(Processes.sh(lint).output.contains("warning: cannot read") == false)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: runbook)
        #expect(
            Processes.sh(lint).output.contains(
                "alerts/VaultSealed.md:1: warning: cannot read this file (check its permissions); it counts as empty"))
    }
}
