import Foundation
import Testing

@testable import IncidentKit

/// The search must never miss a runbook that has one of the symptom's terms: a runbook it misses would
/// be left out of the ranking, and the first run would route otherwise than every later one.
@Suite struct RunbookSearchTests {
    /// The terms the router counts for the runbook at `path` with `bytes`, as the cold run analyses it.
    static func terms(path: String, bytes: [UInt8]) -> [String] {
        let batches = InMemoryTermLookup.analyse(runbooks: 1) { _ in (path, RunbookFields(path: path, bytes: bytes)) }
        return batches.flatMap { batch in batch.analyses.flatMap { $0.terms.map { batch.terms[Int($0)] } } }
    }

    /// The terms of the runbook that the search, looking for each term alone, would not find.
    static func missedTerms(path: String, bytes: [UInt8]) -> [String] {
        var scratch = [UInt8](repeating: 0, count: max(1, bytes.count))
        return bytes.withUnsafeBufferPointer { bytes in
            scratch.withUnsafeMutableBufferPointer { output in
                let projection = RunbookSearch.project(bytes, into: output.baseAddress!)
                let text = UnsafeBufferPointer(start: output.baseAddress, count: projection.count)
                return Self.terms(path: path, bytes: Array(bytes)).filter { term in
                    !RunbookSearch(terms: [term]).mayMatch(path: path, bytes: bytes, projection: projection, text: text)
                }
            }
        }
    }

    static func mayMatch(_ markdown: String, path: String = "runbooks/x.md", _ symptom: String) -> Bool {
        var scratch: [UInt8] = []
        return Array(markdown.utf8).withUnsafeBufferPointer {
            RunbookSearch(symptom: symptom, tuning: RouterTuning()).mayMatch(path: path, bytes: $0, scratch: &scratch)
        }
    }

    /// Every term of every runbook of both corpora and of the default library, looked for alone, finds
    /// its runbook: real markdown with links, code spans, emphasis, tables, front matter and non-ASCII
    /// text.
    @Test func everyTermOfEveryRealRunbookFindsItsRunbook() throws {
        var checked = 0
        var termsChecked = 0
        for root in [Paths.corpora, Paths.packageRoot] {
            for path in LibraryManifest.paths(root: root) where LibraryFile.Kind(path: path) == .runbook {
                let bytes = try #require(FileSystem.read(root + "/" + path))
                #expect(Self.missedTerms(path: path, bytes: bytes) == [], "\(path)")
                termsChecked += Self.terms(path: path, bytes: bytes).count
                checked += 1
            }
        }
        #expect(checked > 380)
        #expect(termsChecked > 35_000)
    }

    /// Markdown whose text the reader joins across markup, or reads otherwise than its bytes: every term
    /// is still found.
    @Test(arguments: [
        "Pods **Crash**Looping here",
        "A `` Crash ``Loop",
        "Crash` Loop `",
        "Crash`Loop`",
        "See [Crash](http://a.example/x)Loop",
        "See [Crash](u)**Loop**",
        "See [Crash](u)` Loop`",
        "Crash![image](x.png)Loop",
        "See [Not](https://e.example/a_(b))Ready",
        "(a [Not](u))Ready and [Not](u \"t(x)\")Ready",
        "`(` then [Not](v(w))**Ready**",
        "[Not](\nu)` Ready`",
        // A link or image glued to the `'t` of a negation, or to a separator and a digit (one word).
        "The pod isn[](u)'t ready",
        "The pod doesn![icon](i.png)'t start",
        "The pod isn[](u)\\'t ready",
        "The pod isn[](u)`'t` ready",
        "The pod isn[](u)*'t* ready",
        "The radio uses 2[](u).4ghz",
        "Release v1[](u).2.3abc",
        "Crash\\_Loop",
        "Crash<br>Loop",
        "<https://example.com/CrashLoop>",
        "---\ntitle: \"DiskFull\"\n---\n\nBody",
        "the pod isn't ready, it doesnt start, it can’t connect, it cannot bind, they aren't",
        "503s and 5xxs",
        "configurations, readiness, retries, tries, flies, rotated, normalization, abled, supplies, happily, stopped",
        "| a | b |\n|---|---|\n| Crash**Loop** | x |\n",
        "Crash\nLoop\n====\n\nSetext *Heading*\n---\n",
        "> quoted **Not**Ready\n\n- item `Crash`Loop\n\n    indented\tcode CrashLoop\n",
        "e\u{301}tcd and ca\u{301}fe",
        "Ingress5xxErrors, KubeNodeNotReady, RAIDDegraded, x509 http2",
        "\u{FEFF}# Title with BOM\n\nCrashLoop",
    ])
    func markupInsideWordsDoesNotHideThem(markdown: String) {
        #expect(Self.missedTerms(path: "alerts/SomeAlertName.md", bytes: Array(markdown.utf8)) == [])
    }

    /// Markdown an adversarial review tried without finding a miss: kept so that it stays so.
    @Test(arguments: [
        "&amp;Crash &#78;ot N&#111;t Loop&#x41;",
        "<http://a.example/NotReady> and <https://x/isn't>",
        "[Crash][ref] loop\n\n[ref]: https://example.com \"Title NotReady\"",
        "[Crash](<u v>)Loop and [x](u (title))Ready",
        "Not<span class=\"x\">Ready</span> and <img alt=\"CrashLoop\">",
        "crash_loop_back_off and _Not_Ready and Not_Ready_",
        "# Heading Not # \n\n## Closed ##\n\n### Crash#Loop ###",
        "| a \\| Not | b\\|Ready |\n|---|---|\n| Crash\\|Loop | `x|y` |",
        "Hard  \nbreak\\\nNext line Crash\nLoop",
        "Http5xx HTTP502Errors Ingress4xxRate NGINX5XX 503s 5xxs 404s ABC5xxDef",
        "CRLF\r\nNot\r\nReady\rLone CR\r\n",
        "---\ntitle: \"Kube**Node**\"\nalert: DiskFull\n---\n\n# H",
        "---\ntitle:\n  - Crash\n  - Loop\n---\n",
        "isn't can’t CAN'T ISN’T cannot CANNOT doesnt Won't ain't mustn't needn't",
        "10.0.0.1 0xdeadbeef 2024-01-01T10:00:00Z 1500ms x2k4p abcdef1234 v1.2.3",
        "ÉCHEC Échec ÄRGER Straße İstanbul ΣΊΓΜΑ ＡＢＣ",
        "zero\u{200B}width soft\u{00AD}hyphen nb\u{00A0}sp",
        "Crash```Loop``` and ``Not` Ready``",
        "> quote\n>Not\nlazy Ready",
        "<!-- NotReady -->\n\n<div>\nHidden Crash\n</div>\n\nVisible",
        "word [link [nested] text](u(v))Ready and [a](u))x",
        "{{< ref \"Other.md\" >}} and [x]({{< ref \"CrashLoop.md\" >}})",
        "A\\*B\\_C \\[D\\] \\`E\\`",
    ])
    func markdownAReviewTriedStaysFound(markdown: String) {
        #expect(Self.missedTerms(path: "runbooks/x.md", bytes: Array(markdown.utf8)) == [])
    }

    /// Links a second review tried, after the search began counting a destination's parentheses: links
    /// across container lines, table cells and setext headings, escapes, titles and `<...>` destinations,
    /// chains of links and images, and what may follow a `)`.
    @Test(arguments: [
        "> 1) [Not](u\n> x)Ready",
        "- [Not](u\n  x)Ready",
        "- a\n\t[Not](u\n\tx)Ready",
        "| a | b |\n|---|---|\n| [Not](u | x)Ready | c |",
        "| a |\n|---|\n| [Not](u \\| x)Ready | extra) | more |",
        "Crash[](u\n)Loop\n===",
        "Crash[](u\r)Loop",
        "Crash[](u\r\n)Loop",
        "# Crash[](u #)Loop ##",
        "[a](b) c](u)Ready [Not](u)Ready",
        "[`](`Not](u)Ready",
        "[\\](x) Not](u)Ready",
        "Not[](u)![x](y)Ready",
        "isn[](u)'![](v)t ready",
        "isn[](u)'[](v)t ready",
        "2[](u).[](v)4ghz",
        "2[](u)\\-4ghz",
        "isn[](u)` 't ` ready",
        "isn[](u)`'t` ready",
        "Not[](u)<https://x/Ready>",
        "Crash[](u)_Loop",
        "[Not](a\\)\\)b)Ready",
        "[Not](u \"t)\")Ready",
        "[Not](<a)b>)Ready",
        "![Not](<a)b>)Ready",
        "> [Not](u\n>> x)Ready",
        "- [ ] [Not](u)Ready",
        "- [ ](u)Ready",
        "1. Crash[](u\n2) x)Loop",
        "Crash[](u\n    x)Loop",
        "    Crash[](u)Loop",
        "---\ntitle: \"Crash[](u)Loop\"\n---\n",
        "---\ntitle: [isn, 't]\n---\n",
        "\u{FEFF}Crash[](u)Loop",
        "Crash\u{FF}[](u)Loop",
        "é Crash[](u)Loop",
        "[Crash![x](y)Loop](u)",
        "[a [Not](u)Ready](v)",
        "Crash[](u)``Loop``",
        "Crash[](u)` `Loop",
        "Crash[](u)\\\nLoop",
        "5xx[](u)s 503[](u)s",
        "can[](u)not",
        "isn[](u)'T ready",
        "isn[](u)\u{2019}t ready",
    ])
    func linkCornersASecondReviewTriedStayFound(markdown: String) {
        #expect(Self.missedTerms(path: "runbooks/x.md", bytes: Array(markdown.utf8)) == [], "\(markdown)")
    }

    /// The review's miss end to end: the router scores the runbook for the symptom, so the search keeps it.
    @Test func aLinkGluedToANegationOrANumberKeepsItsRunbook() {
        for (markdown, symptom) in [
            ("# Pod\n\nThe pod isn![](i.png)'t ready.", "isn't"), ("# Pod\n\nThe pod isn[](u)'t ready.", "not"),
            ("# Radio\n\nThe radio uses 2[](u).4ghz.", "2.4ghz"),
        ] {
            #expect(Self.score(markdown, symptom) > 0, "\(markdown)")
            #expect(Self.mayMatch(markdown, symptom), "\(markdown)")
        }
    }

    /// The router's best score for `symptom` over a library of this one runbook, made as the loader makes it.
    static func score(_ markdown: String, path: String = "runbooks/x.md", _ symptom: String) -> Double {
        let bytes = Array(markdown.utf8)
        let batches = InMemoryTermLookup.analyse(runbooks: 1) { _ in (path, RunbookFields(path: path, bytes: bytes)) }
        let lookup = InMemoryTermLookup(batches: batches, keywords: [[]], tuning: RouterTuning(), routeCount: 1)
        let router = Router(
            index: RouteIndex(routes: batches.flatMap(\.routes), source: nil), tuning: RouterTuning(), lookup: lookup,
            reload: nil)
        return router.route(symptom, top: 1, explain: false).matches.first?.evidence ?? 0
    }

    @Test func bytesThatAreNotUTF8DoNotHideTheirWords() {
        var bytes = Array("Not".utf8) + [0xFF] + Array("Ready and more".utf8)
        #expect(Self.missedTerms(path: "a.md", bytes: bytes) == [])
        bytes = [0xC3] + Array(" lone lead byte".utf8)
        #expect(Self.missedTerms(path: "a.md", bytes: bytes) == [])
    }

    /// An empty runbook, first or after others: nothing to find in it, and no crash.
    @Test func anEmptyRunbookIsSearchedLikeAnyOther() {
        #expect(!Self.mayMatch("", path: "alerts/Empty.md", "502"))
        #expect(Self.mayMatch("", path: "alerts/Http502.md", "502"))
        #expect(Self.missedTerms(path: "alerts/Empty.md", bytes: []) == [])
    }

    /// Many keys (a pasted line) take the pairs table instead of one search per key.
    @Test func manyKeysFindWhatFewKeysFind() {
        let symptom = "upstream timed out while reading response header from upstream, client: 10.0.0.1"
        #expect(RunbookSearch(symptom: symptom, tuning: RouterTuning()).keys.count > 4)
        #expect(Self.mayMatch("# Slow\n\nThe backend sends no **head**ers.", symptom))
        #expect(!Self.mayMatch("# Disk\n\nThe disk is full.", symptom))
        #expect(Self.mayMatch("# Disk\n\nThe disk is full.", "\(symptom) disk"))
    }

    @Test func theFileNameIsSearchedAsTheAlertName() {
        #expect(Self.mayMatch("Nothing here.", path: "alerts/KubeNodeNotReady.md", "node not ready"))
        #expect(!Self.mayMatch("Nothing here.", path: "alerts/KubeNodeNotReady.md", "disk full"))
    }

    /// The search is worth its while only if it leaves most runbooks out.
    @Test func runbooksWithoutTheWordsAreLeftOut() {
        #expect(!Self.mayMatch("# Disk full\n\nThe **disk** is full; see [docs](https://x).", "502"))
        #expect(!Self.mayMatch("# Etcd\n\nNo leader.", "bad gateway"))
        #expect(Self.mayMatch("# Upstream\n\nnginx answers 502 Bad Gateway.", "502"))
        // A status code also finds its class, as the router's synonyms do.
        #expect(Self.mayMatch("# Upstream\n\nMany 5xx answers.", "502"))
        // A link glued to the next word cannot be judged by the projection: searched always.
        #expect(Self.mayMatch("See [the docs](https://x)here.", "502"))
        #expect(Self.mayMatch("See [the docs](https://x/(v2))here.", "502"))
        // Only a `)` that may end a link's destination: not one in a code span or in text.
        #expect(!Self.mayMatch("See [docs](https://x) and `(99% CPU usage)` or (re-)start it.", "502"))
    }

    /// A rare symptom is routed from the search and writes no cache; a broad one reads every runbook
    /// and writes it; the rare symptom then routes from the cache, exactly as it did from the search.
    @Test func aRareSymptomIsRoutedFromTheSearchAndABroadOneWritesTheCache() throws {
        let cache = Scratch.path("route-search")
        let environment = ["XDG_CACHE_HOME": cache]
        let searched = try RouterLoader.load(root: Paths.corpora, environment: environment, symptom: "502 bad gateway")
        #expect(searched.source == .search)
        #expect(searched.runbookCount > 370)
        #expect(searched.router.index.routes.count < searched.runbookCount / 10)
        #expect(!FileManager.default.fileExists(atPath: cache))
        let broad = try RouterLoader.load(root: Paths.corpora, environment: environment, symptom: "pod not ready")
        #expect(broad.source == .runbooks)
        #expect(FileManager.default.fileExists(atPath: RouteCache.path(for: Paths.corpora, in: cache + "/incident")))
        let cached = try RouterLoader.load(root: Paths.corpora, environment: environment, symptom: "502 bad gateway")
        #expect(cached.source == .cache)
        let fromSearch = searched.router.route("502 bad gateway", top: 5)
        let fromCache = cached.router.route("502 bad gateway", top: 5)
        #expect(fromSearch.matches.count == 5)
        #expect(fromSearch.matches.map(\.route.file) == fromCache.matches.map(\.route.file))
        #expect(fromSearch.matches.map(\.score) == fromCache.matches.map(\.score))
        #expect(fromSearch.confident == fromCache.confident)
        // A symptom no runbook has: a library with runbooks and nothing to rank, not an empty library.
        let nothing = try RouterLoader.load(root: Paths.corpora, environment: [:], symptom: "zzqx")
        #expect(nothing.router.route("zzqx").matches.isEmpty)
        #expect(nothing.runbookCount > 370)
    }

    @Test func keysAreStemsWithoutWhatTheStemmerAdds() {
        #expect(RunbookSearch.keys(of: "ready") == [Array("read".utf8)])
        #expect(RunbookSearch.keys(of: "configurat") == [Array("configurat".utf8)])
        #expect(RunbookSearch.keys(of: "502") == [Array("502".utf8)])
        #expect(RunbookSearch.keys(of: "not").contains(Array("n't".utf8)))
        // A key inside another makes it redundant.
        #expect(RunbookSearch(terms: ["crash", "crashloop"]).keys == [Array("crash".utf8)])
    }

    /// Routing from the runbooks a search found ranks and scores exactly as routing over the whole
    /// loaded library: real symptoms from the labelled set, over both corpora.
    @Test func routingFromTheSearchedRunbooksIsRoutingOverTheLibrary() throws {
        let library = try Library.load(root: Paths.corpora, scope: .routing)
        let whole = Router(index: library.index)
        let labels = try String(contentsOfFile: Paths.packageRoot + "/bench/route-eval/labels.tsv", encoding: .utf8)
        let symptoms = labels.split(separator: "\n").filter { !$0.hasPrefix("#") }.enumerated()
            .filter { $0.offset % 9 == 0 }.map { String($0.element.split(separator: "\t")[0]) }
        #expect(symptoms.count >= 35)
        for symptom in symptoms + ["zzqx nothing matches this", "502"] {
            // Without a cache folder the loader always routes from the runbooks the search finds.
            let loaded = try RouterLoader.load(root: Paths.corpora, environment: [:], symptom: symptom)
            #expect(loaded.source == .search)
            #expect(loaded.runbookCount == library.index.routes.count)
            let expected = whole.route(symptom, top: 5)
            let actual = loaded.router.route(symptom, top: 5)
            #expect(actual.matches.map(\.route.file) == expected.matches.map(\.route.file), "\(symptom)")
            #expect(actual.matches.map(\.score) == expected.matches.map(\.score), "\(symptom)")
            #expect(actual.matches.map(\.why) == expected.matches.map(\.why), "\(symptom)")
            #expect(actual.confident == expected.confident, "\(symptom)")
            #expect(actual.nearTie == expected.nearTie, "\(symptom)")
        }
        // A status code leaves most runbooks out (a pasted log line has words most runbooks use).
        let code = try RouterLoader.load(root: Paths.corpora, environment: [:], symptom: "502")
        #expect(code.router.index.routes.count < library.index.routes.count / 10)
    }
}
