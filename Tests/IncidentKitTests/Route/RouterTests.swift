import Foundation
import Testing

@testable import IncidentKit

@Suite struct RouterTests {
    @Test func fieldKindOrdinalsIndexAllCases() {
        #expect(Route.Field.Kind.allCases.map(\.ordinal) == Array(Route.Field.Kind.allCases.indices))
        // The term lookup counts a term per kind in one SIMD8 lane each.
        #expect(Route.Field.Kind.allCases.count <= 8)
    }

    @Test func camelCaseAndVolatilePartsOfLogLines() {
        #expect(
            TextAnalyzer.terms("KubePodCrashLooping") == [
                "kube", "pod", "crash", "loop", "kubepodcrashloop", "kubepod", "podcrash", "crashloop",
            ])
        #expect(TextAnalyzer.terms("NodeRAIDDegraded", keepCompounds: false) == ["node", "raid", "degrad"])
        let line = """
            2026/01/05 10:30:12 [error] 1234#1234: *5678 connect() failed (111: Connection refused) while \
            connecting to upstream, client: 192.168.1.100, upstream: "http://127.0.0.1:8000/", took 1.5s, \
            request id 9f86d081884c7d65, pod api-7d9f8b6c5d-x2k4p
            """
        #expect(
            TextAnalyzer.terms(line, keepCompounds: false) == [
                "error", "connect", "fail", "111", "connection", "refus", "connect", "upstream", "client", "upstream",
                "http", "took", "request", "id", "pod", "api",
            ])
        #expect(TextAnalyzer.terms("HTTP 502 Bad Gateway") == ["http", "502", "bad", "gateway"])
    }

    @Test func negationsAreReadAsNot() {
        for typed in [
            "isn't", "isnt", "isn’t", "ISN'T", "doesn't", "didnt", "can't", "cannot", "won't", "wont", "shouldn't",
            "shouldnt", "shouldn’t", "wouldn't",
        ] {
            #expect(
                TextAnalyzer.terms("pod \(typed) ready", keepCompounds: false) == ["pod", "not", "ready"], "\(typed)")
        }
        // The word an explanation quotes is the one typed, apostrophe and all.
        #expect(TextAnalyzer.tokens("it isn't up").map(\.word) == ["isn't"])
        // Only a negated auxiliary is a negation: `don` alone, `want` and a quoted `'t'` are left as they are.
        #expect(TextAnalyzer.terms("don want 't' 'isnt", keepCompounds: false) == ["don", "want", "t", "not"])
        #expect(TextAnalyzer.terms("the pod's node", keepCompounds: false) == ["pod", "s", "node"])
    }

    @Test func pluralStatusCodesAreTheCodes() {
        #expect(TextAnalyzer.terms("lots of 503s and 404S", keepCompounds: false) == ["lot", "503", "404"])
        #expect(TextAnalyzer.terms("5xxs and 4XXs", keepCompounds: false) == ["5xx", "4xx"])
        // Other numbers with an `s` are durations, which a pasted log line's volatile parts drop.
        #expect(TextAnalyzer.terms("took 300s, then 45s, then 5030s", keepCompounds: false) == ["took"])
    }

    @Test func aStatusCodeFindsItsClass() throws {
        #expect(TextAnalyzer.terms("Ingress5xxErrors", keepCompounds: false) == ["ingress", "5xx", "error"])
        #expect(TextAnalyzer.terms("API4XXRate", keepCompounds: false) == ["api", "4xx", "rate"])
        // Only a class splits from the letters before it: other letters and digits stay together.
        #expect(
            TextAnalyzer.terms("x509 http2 ipv4 e2e h5xxa", keepCompounds: false) == [
                "x509", "http2", "ipv4", "e2e", "h5xxa",
            ])
        #expect(Synonyms.of("503") == ["5xx"])
        #expect(Synonyms.of("404") == ["4xx"])
        #expect(Synonyms.of("403") == ["4xx", Stemmer.stem("forbidden")])
        #expect(Synonyms.of("200").isEmpty && Synonyms.of("5030").isEmpty)
        let files = [
            ("i/Ingress5xxErrors.md", "# Ingress5xxErrors\n\n## Meaning\n\nThe router answers with server errors.\n"),
            ("i/IngressLatency.md", "# IngressLatency\n\n## Meaning\n\nThe router answers slowly.\n"),
        ].map { LibraryFile(path: $0.0, document: MarkdownDocument(path: $0.0, text: $0.1)) }
        let router = Router(index: RouteIndex(routes: files.map(RouteIndex.route(for:)), source: nil))
        let result = router.route("router returning a lot of 503s")
        let best = try #require(result.best)
        #expect(best.route.file == "i/Ingress5xxErrors.md")
        #expect(best.why.first?.contains(#""503s" (as "5xx")"#) == true, "\(best.why)")
    }

    @Test func stemmingMeetsInflections() {
        #expect(Set(["restart", "restarts", "restarting", "restarted"].map(Stemmer.stem)) == ["restart"])
        #expect(Stemmer.stem("pods") == "pod")
        #expect(Stemmer.stem("dns") == "dns")
        #expect(Stemmer.stem("readiness") == Stemmer.stem("ready"))
        #expect(Stemmer.stem("emptiness") == Stemmer.stem("empty"))
        #expect(Stemmer.stem("business") != Stemmer.stem("bus"))
    }

    @Test func fiveOhTwoRoutesToTheNginxFlowWithItsReason() throws {
        let library = try Library.load(root: Paths.packageRoot)
        let result = Router(index: library.index).route("502")
        let best = try #require(result.best)
        #expect(result.confident)
        #expect(best.route.title == "Nginx 502 / 504 bad gateway")
        #expect(best.route.targetPaths.contains("checklists/NGINX_502_EVIDENCE.md"))
        #expect(best.why.first?.hasPrefix("keyword \"502\" (runbooks/00_INDEX.md:") == true)
    }

    /// A route that scores says why: an index route matched on single words of its keywords names
    /// those keywords, and every reason points at a line that holds the keyword or field it quotes.
    @Test func everyMatchSaysWhyItMatched() throws {
        let library = try Library.load(root: Paths.packageRoot)
        let router = Router(index: library.index)
        let lines = try String(contentsOfFile: Paths.packageRoot + "/runbooks/00_INDEX.md", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let symptoms = [
            "worker crashed", "the site is slow",
            "connect() failed (111: Connection refused) while connecting to upstream",
            "disk full on the database host", "certificate expired", "502",
        ]
        for symptom in symptoms {
            for match in router.route(symptom, top: 5).matches {
                #expect(!match.why.isEmpty, "\(symptom): \(match.route.title) has no reason")
                for reason in match.why {
                    guard let quoted = reason.firstMatch(of: /the keyword "([^"]+)" \(runbooks\/00_INDEX\.md:(\d+)\)/)
                    else { continue }
                    let line = try #require(Int(quoted.2))
                    #expect(lines[line - 1].contains(quoted.1), "\(reason)")
                }
            }
        }
        let crashed = try #require(router.route("worker crashed").best)
        #expect(crashed.why.contains { $0.hasPrefix("\"worker\" in the keyword \"") })
    }

    @Test func aPastedNginxLineRoutesToNginx() throws {
        let library = try Library.load(root: Paths.packageRoot)
        let result = Router(index: library.index).route(
            "2026/01/05 10:30:12 [error] 1234#1234: *5678 connect() failed (111: Connection refused) while connecting to upstream"
        )
        #expect(result.best?.route.title == "Nginx 502 / 504 bad gateway")
        #expect(result.confident)
    }

    @Test func anUnrelatedSymptomIsNotConfidentAndNamesTheFallback() {
        let library = try? Library.load(root: Paths.packageRoot)
        let result = Router(index: library!.index).route("printer on floor three jams")
        #expect(!result.confident)
        #expect(result.fallback == "runbooks/INCIDENT_TRIAGE.md")
    }

    @Test func podsKeepRestartingFindsKubePodCrashLooping() throws {
        let library = try Library.load(root: Paths.prometheusCorpus)
        let result = Router(index: library.index).route("pods keep restarting")
        #expect(result.best?.route.file == "content/runbooks/kubernetes/KubePodCrashLooping.md")
        #expect(result.best?.why.isEmpty == false)
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let library = try Library.load(root: Paths.packageRoot)
        let json = RouteCommand.json(Router(index: library.index).route("502", top: 2)).rendered()
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["symptom"] as? String == "502")
        #expect(object["confident"] as? Bool == true)
        let matches = try #require(object["matches"] as? [[String: Any]])
        #expect(!matches.isEmpty)
        for match in matches {
            #expect(match["title"] is String)
            #expect(match["file"] as? String == "runbooks/00_INDEX.md")
            #expect(match["line"] is Int)
            #expect(match["targets"] is [String])
            #expect(match["score"] is Double || match["score"] is Int)
            #expect(match["why"] is [String])
            #expect(match["missingTargets"] as? [String] == [])
        }
    }

    @Test func jsonNamesTargetsThatLeadNowhere() throws {
        let root = try Scratch.folder("missing-target")
        try FileManager.default.createDirectory(atPath: root + "/runbooks", withIntermediateDirectories: true)
        try
            "# Index\n\n## Kafka consumer lag\n\n**Keywords:** kafka lag\n**Route:** [Kafka](KAFKA.md), [Triage](INCIDENT_TRIAGE.md)\n"
            .write(toFile: root + "/runbooks/00_INDEX.md", atomically: false, encoding: .utf8)
        try "# Triage\n".write(toFile: root + "/runbooks/INCIDENT_TRIAGE.md", atomically: false, encoding: .utf8)
        let library = try Library.load(root: root)
        let json = RouteCommand.json(Router(index: library.index).route("kafka lag")).rendered()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let match = try #require((object["matches"] as? [[String: Any]])?.first)
        #expect(match["targets"] as? [String] == ["runbooks/INCIDENT_TRIAGE.md"])
        #expect(match["missingTargets"] as? [String] == ["KAFKA.md"])
    }
}

@Suite struct RouterNormalizationTests {
    @Test func structuredLogKeysAreDropped() {
        #expect(
            SymptomText.withoutLogKeys(#"level=error ts=2019 msg="Notify failed" {"caller":"x.go","err":"boom"}"#)
                == #"     =error   =2019    ="Notify failed" {"      ":"x.go","   ":"boom"}"#)
        #expect(SymptomText.withoutLogKeys("a = b, Reason: CrashLoopBackOff") == "a = b, Reason: CrashLoopBackOff")
    }

    @Test func camelCaseWordsAlsoYieldTheirGluedPairs() {
        #expect(
            TextAnalyzer.terms("KubeNodeNotReady") == [
                "kube", "node", "not", "ready", "kubenodenotready", "kubenod", "nodenot", "notready",
            ])
    }

    @Test func twoTypedWordsMatchALibraryCompound() throws {
        let text = "# KubeNodeNotReady\n\n## Meaning\n\nA node is not ready.\n"
        let other = "# DiskFull\n\n## Meaning\n\nThe disk is full on the node.\n"
        let files = [("a/KubeNodeNotReady.md", text), ("a/DiskFull.md", other)].map {
            LibraryFile(path: $0.0, document: MarkdownDocument(path: $0.0, text: $0.1))
        }
        let index = RouteIndex(routes: files.map(RouteIndex.route(for:)), source: nil)
        let result = Router(index: index).route("worker went notready")
        #expect(result.best?.route.file == "a/KubeNodeNotReady.md")
    }

    @Test func aRareSynonymDoesNotOutweighTheTypedWord() throws {
        // "restarting" is common in both files; "crashloop" is rare. The synonym must count at the
        // typed word's weight, so the file that says "restart" in its title wins.
        let files = [
            ("r/PodRestarting.md", "# PodRestarting\n\n## Meaning\n\nThe pod keeps restarting.\n"),
            ("r/Other.md", "# Other\n\n## Meaning\n\nSomething restarting, with a crashloop mention.\n"),
            ("r/Third.md", "# Third\n\n## Meaning\n\nRestarting nodes.\n"),
        ].map { LibraryFile(path: $0.0, document: MarkdownDocument(path: $0.0, text: $0.1)) }
        let index = RouteIndex(routes: files.map(RouteIndex.route(for:)), source: nil)
        #expect(Router(index: index).route("pod restarting").best?.route.file == "r/PodRestarting.md")
    }

    @Test func aShortRunbookThatCoversTheSymptomComesBeforeALongOne() throws {
        // The long guide names both words, so its evidence is higher; the short runbook says both too, in
        // far less text, and comes first once length and coverage are weighed.
        let filler = (1...300).map { "word\($0)" }.joined(separator: " ")
        let files = [
            (
                "s/Guide.md",
                "# Disk full guide\n\n## Disk full\n\n## Meaning\n\nA disk is full.\n\n## Notes\n\n\(filler)\n"
            ),
            ("s/Disk.md", "# Disk\n\n## Meaning\n\nThe disk is full.\n"),
        ].map { LibraryFile(path: $0.0, document: MarkdownDocument(path: $0.0, text: $0.1)) }
        let index = RouteIndex(routes: files.map(RouteIndex.route(for:)), source: nil)
        var evidenceOnly = RouterTuning()
        evidenceOnly.rerank = false
        let plain = Router(index: index, tuning: evidenceOnly).route("disk full")
        #expect(plain.matches.map(\.route.file) == ["s/Guide.md", "s/Disk.md"])
        let result = Router(index: index).route("disk full")
        #expect(result.matches.map(\.route.file) == ["s/Disk.md", "s/Guide.md"])
        // Re-ranking moves routes; it does not change what each route's evidence is.
        #expect(result.matches.map(\.evidence).sorted() == plain.matches.map(\.evidence).sorted())
        #expect(result.matches.map(\.coverage) == [1, 1])
        #expect(result.matches.map(\.nameCoverage).sorted() == [result.matches[0].nameCoverage, 1])
        #expect(result.matches[0].nameCoverage < 1)
    }

    @Test func withoutAnH1TheFirstHeadingIsTheTitleItIsShownAs() throws {
        let files = [
            ("n/runbook-17.md", "Written by the storage team.\n\n## Disk pressure on nodes\n\nSee the dashboard.\n"),
            ("n/notes.md", "# Notes\n\n## Meaning\n\nNodes report disk pressure after upgrades.\n"),
        ].map { LibraryFile(path: $0.0, document: MarkdownDocument(path: $0.0, text: $0.1)) }
        let route = RouteIndex.route(for: files[0])
        #expect(route.title == "Disk pressure on nodes")
        #expect(route.line == 3)
        #expect(route.fields.filter { $0.kind == .title }.map(\.text) == ["Disk pressure on nodes"])
        #expect(!route.fields.contains { $0.kind == .heading })
        let index = RouteIndex(routes: files.map(RouteIndex.route(for:)), source: nil)
        let result = Router(index: index).route("disk pressure")
        #expect(result.best?.route.file == "n/runbook-17.md")
        #expect(result.best?.nameCoverage == 1)
        #expect(result.best?.why.first?.contains("n/runbook-17.md:3") == true)
        // A front-matter title, or an H1 anywhere after other headings, keeps the first heading a heading.
        let titled = LibraryFile(
            path: "n/t.md", document: MarkdownDocument(path: "n/t.md", text: "---\ntitle: Disk\n---\n\n## Pressure\n"))
        #expect(RouteIndex.route(for: titled).fields.filter { $0.kind == .title }.map(\.text) == ["Disk"])
        // The route and its reasons point at the `title:` line, not at the `---` above it.
        #expect(RouteIndex.route(for: titled).line == 2)
        #expect(RouteIndex.route(for: titled).fields.first { $0.kind == .title }?.line == 2)
        let late = LibraryFile(path: "n/l.md", document: MarkdownDocument(path: "n/l.md", text: "## First\n\n# Real\n"))
        #expect(RouteIndex.route(for: late).fields.filter { $0.kind == .title }.map(\.text) == ["Real"])
    }

    @Test func theScoreShownIsTheDocumentedFormula() throws {
        let library = try Library.load(root: Paths.corpora)
        let tuning = RouterTuning()
        // Every candidate is re-ranked, not only the first few, so the scores shown stay in order.
        let result = Router(index: library.index).route("alertmanager cannot send notifications to slack", top: 60)
        #expect(result.matches.count == 60)
        for match in result.matches {
            let expected =
                (1 + match.evidence)
                * exp(tuning.rerankCoverage * match.coverage + tuning.rerankName * match.nameCoverage)
                / pow(1 + Double(match.length), tuning.rerankLength)
            #expect(abs(match.score - expected) < 1e-9 * expected)
            #expect(match.length > 0)
        }
        #expect(result.matches.map(\.score) == result.matches.map(\.score).sorted(by: >))
        // A keyword index is ranked by its evidence alone.
        let keyworded = try Library.load(root: Paths.packageRoot)
        for match in Router(index: keyworded.index).route("502 bad gateway").matches {
            #expect(match.score == match.evidence)
        }
    }

    @Test func confidenceNeedsAStrongEnoughMatch() throws {
        let library = try Library.load(root: Paths.corpora)
        let router = Router(index: library.index)
        #expect(router.route("etcd database space exceeded, writes rejected").confident)
        #expect(!router.route("stripe webhook signature verification failed").confident)
        // Strength is score times the square root of coverage: a long paste whose rare words a runbook
        // has is confident; a symptom that shares only its common words with the best route is not.
        #expect(
            router.route(
                #"{"level":"warn","ts":"2020-05-26T06:52:20.826-0400","msg":"retrying of unary invoker failed","#
                    + #""error":"rpc error: code = ResourceExhausted desc = etcdserver: mvcc: database space exceeded"}"#
            ).confident)
        let partial = router.route("mysql replica sql thread stopped with duplicate key error")
        #expect(!partial.confident)
        let best = try #require(partial.best)
        #expect(best.coverage < 0.5, "the best route accounts for little of the symptom")
    }

    @Test func oneSharedWordIsNotEnoughToBeSure() throws {
        let files = [
            ("q/QueueFull.md", "# QueueFull\n\n## Meaning\n\nThe notification queue is full.\n"),
            ("q/NodeDown.md", "# NodeDown\n\n## Meaning\n\nA node is down; check its disk and network.\n"),
            ("q/ApiLatency.md", "# ApiLatency\n\n## Meaning\n\nRequests are slow.\n"),
            ("q/EtcdMembersDown.md", "# EtcdMembersDown\n\n## Meaning\n\netcd members are down.\n"),
            ("q/EtcdNoLeader.md", "# EtcdNoLeader\n\n## Meaning\n\netcd has no leader.\n"),
        ].map { LibraryFile(path: $0.0, document: MarkdownDocument(path: $0.0, text: $0.1)) }
        let index = RouteIndex(routes: files.map(RouteIndex.route(for:)), source: nil)
        var loose = RouterTuning()
        loose.minimumTerms = 1
        // "full" alone decides the best route; "disk" is elsewhere. Strong enough by score, but a guess.
        let guess = Router(index: index).route("disk full")
        #expect(guess.best?.route.file == "q/QueueFull.md")
        #expect(Router(index: index, tuning: loose).route("disk full").confident)
        #expect(!guess.confident)
        // A one-word symptom that two runbooks share about equally is a near tie, not a decision.
        let family = Router(index: index).route("etcd")
        #expect(family.nearTie)
        #expect(family.tied == 2)
        #expect(!family.confident)
        #expect(Router(index: index).route("queue full").confident)
    }

    /// The routes that tie are those, from the first, that score at least the near-tie share of the first.
    @Test(arguments: ["etcd", "cpu", "disk", "pod not ready", "alertmanager", "node", "memory", "certificate"])
    func theTiedRoutesAreThoseScoringAlmostAsHighAsTheFirst(symptom: String) throws {
        let router = Router(index: try Library.load(root: Paths.corpora).index)
        let result = router.route(symptom, top: 5)
        let share = RouterTuning().nearTie
        let best = try #require(result.matches.first).score
        #expect(result.matches.prefix(result.tied).allSatisfy { $0.score >= share * best })
        if result.tied < result.matches.count { #expect(result.matches[result.tied].score < share * best) }
    }

    @Test func synonymGroupsAreDistinct() {
        // A stem in two groups would join them; a group whose words all stem alike would add nothing.
        var group: [String: Int] = [:]
        for (index, words) in Synonyms.groups.enumerated() {
            let stems = Set(words.map(Stemmer.stem))
            #expect(stems.count > 1, "\(words) all stem to \(stems)")
            for stem in stems {
                #expect(
                    group[stem] == nil, "\(stem) is in \(words) and in \(group[stem].map { Synonyms.groups[$0] } ?? [])"
                )
                group[stem] = index
            }
        }
    }

    @Test func everySynonymGroupIsDocumented() throws {
        let format = try String(contentsOfFile: Paths.packageRoot + "/docs/FORMAT.md", encoding: .utf8)
        let lines = Set(format.split(separator: "\n").map(String.init))
        // The synonym list: the bullet lines right after the sentence that introduces it.
        let introduction = try #require(format.range(of: "line is one group, words before stemming):\n\n"))
        let listed = format[introduction.upperBound...].split(separator: "\n").prefix { $0.hasPrefix("- ") }
            .map { String($0.dropFirst(2)) }
        #expect(
            listed == Synonyms.groups.map { $0.joined(separator: ", ") },
            "docs/FORMAT.md lists the groups as the code has them")
        for group in Synonyms.groups {
            #expect(lines.contains("- " + group.joined(separator: ", ")), "docs/FORMAT.md lists \(group)")
            for word in group {
                #expect(!StopWords.contains(word), "\(word) is a stop word: it never reaches the synonym table")
            }
        }
    }
}
