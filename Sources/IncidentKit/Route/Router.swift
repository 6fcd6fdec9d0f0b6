import Foundation

/// Ranks the routes of an index for a symptom: BM25F over the routes' fields (keywords, titles, alert
/// names, headings, symptom sections, body, code), whole-keyword and phrase bonuses, synonyms at a lower
/// weight, and a confidence decision from how much of the symptom the best route accounts for.
public struct Router: Sendable {
    public let index: RouteIndex
    public let tuning: RouterTuning
    /// Postings and phrase pairs: built in memory from the routes, or read from the route cache.
    let lookup: any TermLookup
    let keywordTerms: [[[String]]]
    /// Reads a route's fields again when the routes came from the cache without them (for reasons).
    let reload: (@Sendable (Route) -> Route)?

    public init(index: RouteIndex, tuning: RouterTuning = RouterTuning()) {
        self.init(
            index: index, tuning: tuning, lookup: InMemoryTermLookup(routes: index.routes, tuning: tuning), reload: nil)
    }

    init(index: RouteIndex, tuning: RouterTuning, lookup: any TermLookup, reload: (@Sendable (Route) -> Route)?) {
        self.index = index
        self.tuning = tuning
        self.lookup = lookup
        self.reload = reload
        keywordTerms = index.routes.map { $0.keywords.map { TextAnalyzer.terms($0.text, keepCompounds: false) } }
    }

    /// The inverse document frequency of a term, nil when no route has it.
    func idf(_ term: String) -> Double? {
        guard let count = lookup.routeCount(of: term) else { return nil }
        let routes = Double(max(1, lookup.routeCount))
        return log(1 + (routes - Double(count) + 0.5) / (Double(count) + 0.5))
    }

    /// The weight of a word no route uses: the rarest possible.
    var unknownIDF: Double { log(1 + (Double(max(1, lookup.routeCount)) + 0.5) / 0.5) }

    /// Routes `symptom`, returning at most `top` matches, best first.
    public func route(_ symptom: String, top: Int = 3, explain: Bool = true) -> RoutingResult {
        let (tokens, gluedTerms) = Self.tokens(of: symptom, glue: tuning.glueWeight > 0) { lookup.postings($0) != nil }
        let ordered = tokens.map(\.term)
        var seen: Set<String> = []
        let terms = ordered.filter { seen.insert($0).inserted }
        var words: [String: String] = [:]
        for token in tokens where words[token.term] == nil { words[token.term] = token.word.lowercased() }
        let routeCount = index.routes.count
        var scores = [Double](repeating: 0, count: routeCount)
        var covered = [Double](repeating: 0, count: routeCount)
        var best = [Double](repeating: 0, count: routeCount)
        var shared = [Int](repeating: 0, count: routeCount)
        var touched: [Int] = []
        for term in terms {
            touched.removeAll(keepingCapacity: true)
            // A synonym is worth what the responder's own word is worth: a rare synonym of a common
            // word must not outrank the word itself.
            let ownIDF = idf(term)
            let own = gluedTerms.contains(term) ? tuning.glueWeight : 1.0
            for (expansion, factor) in [(term, own)] + Synonyms.of(term).map({ ($0, own * tuning.synonymWeight) }) {
                guard let list = lookup.postings(expansion), let expansionIDF = idf(expansion) else { continue }
                let termIDF = min(expansionIDF, ownIDF ?? expansionIDF)
                for (route, strength) in list {
                    let value = factor * termIDF * Double(strength)
                    let index = Int(route)
                    if best[index] == 0 { touched.append(index) }
                    if value > best[index] { best[index] = value }
                }
            }
            let termWeight = idf(term) ?? unknownIDF
            for index in touched {
                scores[index] += best[index]
                covered[index] += termWeight
                shared[index] += 1
                best[index] = 0
            }
        }
        var keywordHits: [Int: [Int]] = [:]
        for (route, keywords) in keywordTerms.enumerated() {
            for (keywordIndex, keyword) in keywords.enumerated()
            where !keyword.isEmpty && Self.contains(ordered, keyword) {
                scores[route] += tuning.keywordPhraseBonus * keyword.reduce(0) { $0 + (idf($1) ?? 0) }
                keywordHits[route, default: []].append(keywordIndex)
            }
        }
        let pairs = zip(ordered, ordered.dropFirst()).map { (pair: $0 + " " + $1, first: $0, second: $1) }
        for pair in pairs {
            guard let routes = lookup.pairRoutes(pair.pair) else { continue }
            let bonus = tuning.phraseBonus * ((idf(pair.first) ?? 0) + (idf(pair.second) ?? 0)) / 2
            for route in routes { scores[Int(route)] += bonus }
        }
        let termWeights = terms.map { idf($0) ?? unknownIDF }
        let totalWeight = termWeights.reduce(0, +)
        func coverage(_ route: Int) -> Double { totalWeight > 0 ? min(1, covered[route] / totalWeight) : 0 }
        let named = namedWeights(terms: terms, weights: termWeights)
        func nameCoverage(_ route: Int) -> Double { totalWeight > 0 ? min(1, named[route] / totalWeight) : 0 }
        func length(_ route: Int) -> Int { lookup.lengths.indices.contains(route) ? Int(lookup.lengths[route]) : 0 }
        // Evidence alone favours long runbooks that mention many of the words somewhere; in a runbook
        // collection, one that accounts for more of the symptom, in its name and in less text, comes first.
        var ranked = (0..<routeCount).filter { scores[$0] > 0 }
        var rankScores = scores
        if index.isAutomatic, tuning.rerank {
            for route in ranked {
                rankScores[route] =
                    (1 + scores[route])
                    * exp(tuning.rerankCoverage * coverage(route) + tuning.rerankName * nameCoverage(route))
                    / pow(1 + Double(max(0, length(route))), tuning.rerankLength)
            }
        }
        ranked.sort { rankScores[$0] != rankScores[$1] ? rankScores[$0] > rankScores[$1] : $0 < $1 }
        let matches = ranked.prefix(max(1, top)).map { route -> RouteMatch in
            RouteMatch(
                route: index.routes[route], score: rankScores[route], evidence: scores[route],
                length: length(route), nameCoverage: nameCoverage(route),
                why: explain
                    ? self.explain(route: route, terms: terms, words: words, keywordHits: keywordHits[route] ?? [])
                    : [],
                coverage: coverage(route))
        }
        // A near tie compares the scores shown; confidence weighs the evidence, what the symptom says of
        // the runbook, before the adjustments for coverage and length.
        let tied = ranked.isEmpty ? 1 : ranked.prefix { rankScores[$0] >= tuning.nearTie * rankScores[ranked[0]] }.count
        let nearTie = tied > 1
        var confident = false
        if let first = ranked.first, let bestMatch = matches.first {
            // One word that several runbooks share about equally ("etcd", "cpu") names a family, not a runbook.
            let sharesEnough =
                Double(shared[first]) >= min(tuning.minimumTerms, Double(terms.count)) && !(terms.count == 1 && nearTie)
            confident =
                keywordHits[first] != nil
                || (sharesEnough
                    && bestMatch.evidence / unknownIDF * bestMatch.coverage.squareRoot() >= tuning.minimumStrength)
        }
        return RoutingResult(
            symptom: symptom, terms: terms, matches: matches, confident: confident, tied: tied,
            fallback: index.fallback)
    }

    /// The terms of `symptom` in order, each with the word it came from, and which of them are two
    /// adjacent words glued together: with `glue`, a pair the library writes as one word ("not ready"
    /// for NotReady, "crash loop" for CrashLoop) when `isKnown` says the library has it.
    static func tokens(of symptom: String, glue: Bool, isKnown: (String) -> Bool) -> (
        tokens: [(term: String, word: String)], glued: Set<String>
    ) {
        var tokens: [(term: String, word: String)] = []
        var glued: Set<String> = []
        var previousWord: String?
        TextAnalyzer.forEachTerm(in: SymptomText.withoutLogKeys(symptom), keepCompounds: true) {
            term, word, isCompound in
            tokens.append((term, word))
            guard !isCompound else { return }
            if let previousWord {
                let pair = Stemmer.stem(Array((previousWord + word).lowercased().utf8))
                if glue, pair != term, isKnown(pair) {
                    tokens.append((pair, previousWord + " " + word))
                    glued.insert(pair)
                }
            }
            previousWord = word
        }
        return (tokens, glued)
    }

    /// Every term routing `symptom` can look up in any library: its terms, every pair of adjacent words
    /// glued together, and their synonyms.
    static func lookedUpTerms(of symptom: String, tuning: RouterTuning) -> Set<String> {
        let terms = tokens(of: symptom, glue: tuning.glueWeight > 0) { _ in true }.tokens.map(\.term)
        return Set(terms + terms.flatMap(Synonyms.of))
    }

    /// For each route, the weight of the symptom terms its names (titles and alert name) have, directly
    /// or by a synonym; each term counts once per route.
    func namedWeights(terms: [String], weights: [Double]) -> [Double] {
        var named = [Double](repeating: 0, count: index.routes.count)
        var lastTerm = [Int](repeating: -1, count: index.routes.count)
        for (position, (term, weight)) in zip(terms, weights).enumerated() {
            for candidate in [term] + Synonyms.of(term) {
                for route in lookup.nameRoutes(candidate) ?? [] where lastTerm[Int(route)] != position {
                    lastTerm[Int(route)] = position
                    named[Int(route)] += weight
                }
            }
        }
        return named
    }

    /// The symptom terms (or their synonyms) a route has, found by binary search in the sorted postings.
    func matchedTerms(of route: Int, among terms: [String]) -> [String] {
        terms.filter { term in
            ([term] + Synonyms.of(term)).contains { candidate in
                guard let list = lookup.postings(candidate) else { return false }
                var low = 0
                var high = list.count
                while low < high {
                    let middle = (low + high) / 2
                    if Int(list[middle].route) < route { low = middle + 1 } else { high = middle }
                }
                return low < list.count && Int(list[low].route) == route
            }
        }
    }

    static func contains(_ terms: [String], _ phrase: [String]) -> Bool {
        guard phrase.count <= terms.count else { return false }
        for start in 0...(terms.count - phrase.count) where Array(terms[start..<(start + phrase.count)]) == phrase {
            return true
        }
        return false
    }
}
