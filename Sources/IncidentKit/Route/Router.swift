import Foundation

/// Ranks the routes of an index for a symptom: BM25F over the routes' fields (keywords, titles, alert
/// names, headings, symptom sections, body, code), whole-keyword and phrase bonuses, synonyms at a lower
/// weight, and a confidence decision from how much of the symptom the best route accounts for.
public struct Router: Sendable {
    public let index: RouteIndex
    public let tuning: RouterTuning
    /// For each term, the routes that have it and how strongly: Σ over fields of weight × saturated tf.
    private let postings: [String: [(route: Int32, strength: Float)]]
    private let idf: [String: Double]
    private let unknownIDF: Double
    let keywordTerms: [[[String]]]
    /// Adjacent word pairs of titles, headings and summaries, each with the routes that have it.
    private let bigrams: [String: [Int32]]

    public init(index: RouteIndex, tuning: RouterTuning = RouterTuning()) {
        self.index = index
        self.tuning = tuning
        var keywordTerms: [[[String]]] = []
        var bigrams: [String: [Int32]] = [:]
        // Field lengths are normalised per kind against the average length of that kind.
        var lengthSums: [Route.Field.Kind: Double] = [:]
        var lengthCounts: [Route.Field.Kind: Double] = [:]
        var analysed: [[Route.Field.Kind: [String: Int]]] = []
        var lengths: [[Route.Field.Kind: Int]] = []
        for route in index.routes {
            var counts: [Route.Field.Kind: [String: Int]] = [:]
            var routeLengths: [Route.Field.Kind: Int] = [:]
            var pairs: Set<String> = []
            for field in route.fields {
                var previous: String?
                TextAnalyzer.forEachTerm(in: field.text, keepCompounds: true) { term, _, isCompound in
                    counts[field.kind, default: [:]][term, default: 0] += 1
                    routeLengths[field.kind, default: 0] += 1
                    guard !isCompound, field.kind != .body, field.kind != .code else { return }
                    if let previous { pairs.insert(previous + " " + term) }
                    previous = term
                }
            }
            for (kind, length) in routeLengths {
                lengthSums[kind, default: 0] += Double(length)
                lengthCounts[kind, default: 0] += 1
            }
            analysed.append(counts)
            lengths.append(routeLengths)
            keywordTerms.append(route.keywords.map { TextAnalyzer.terms($0.text, keepCompounds: false) })
            for pair in pairs { bigrams[pair, default: []].append(Int32(analysed.count - 1)) }
        }
        var postings: [String: [(route: Int32, strength: Float)]] = [:]
        for (routeIndex, perKind) in analysed.enumerated() {
            var strengths: [String: Double] = [:]
            for (kind, counts) in perKind {
                let average = max(1, lengthSums[kind, default: 1] / max(1, lengthCounts[kind, default: 1]))
                let b = kind == .body || kind == .code || kind == .summary ? tuning.bLong : tuning.bShort
                let norm = tuning.k1 * (1 - b + b * Double(lengths[routeIndex][kind, default: 0]) / average)
                let weight = tuning.weights[kind, default: 1]
                for (term, count) in counts {
                    strengths[term, default: 0] += weight * Double(count) / (Double(count) + norm)
                }
            }
            for keyword in keywordTerms[routeIndex] {
                for term in keyword { strengths[term, default: 0] += tuning.keywordWeight }
            }
            for (term, strength) in strengths {
                postings[term, default: []].append((Int32(routeIndex), Float(strength)))
            }
        }
        let count = Double(max(1, index.routes.count))
        var idf: [String: Double] = [:]
        for (term, list) in postings {
            let df = Double(list.count)
            idf[term] = log(1 + (count - df + 0.5) / (df + 0.5))
        }
        self.postings = postings
        self.idf = idf
        self.unknownIDF = log(1 + (count + 0.5) / 0.5)
        self.keywordTerms = keywordTerms
        self.bigrams = bigrams
    }

    /// Routes `symptom`, returning at most `top` matches, best first.
    public func route(_ symptom: String, top: Int = 3, explain: Bool = true) -> RoutingResult {
        var tokens: [(term: String, word: String)] = []
        var gluedTerms: Set<String> = []
        var previousWord: String?
        TextAnalyzer.forEachTerm(in: SymptomText.withoutLogKeys(symptom), keepCompounds: true) {
            term, word, isCompound in
            tokens.append((term, word))
            guard !isCompound else { return }
            // Two words the library writes as one ("not ready" for NotReady, "crash loop" for CrashLoop).
            if let previousWord {
                let glued = Stemmer.stem(Array((previousWord + word).lowercased().utf8))
                if tuning.glueWeight > 0, postings[glued] != nil, glued != term {
                    tokens.append((glued, previousWord + " " + word))
                    gluedTerms.insert(glued)
                }
            }
            previousWord = word
        }
        let ordered = tokens.map(\.term)
        var seen: Set<String> = []
        let terms = ordered.filter { seen.insert($0).inserted }
        var words: [String: String] = [:]
        for token in tokens where words[token.term] == nil { words[token.term] = token.word.lowercased() }
        let routeCount = index.routes.count
        var scores = [Double](repeating: 0, count: routeCount)
        var covered = [Double](repeating: 0, count: routeCount)
        var best = [Double](repeating: 0, count: routeCount)
        var touched: [Int] = []
        for term in terms {
            touched.removeAll(keepingCapacity: true)
            // A synonym is worth what the responder's own word is worth: a rare synonym of a common
            // word must not outrank the word itself.
            let ownIDF = idf[term]
            let own = gluedTerms.contains(term) ? tuning.glueWeight : 1.0
            for (expansion, factor) in [(term, own)] + Synonyms.of(term).map({ ($0, own * tuning.synonymWeight) }) {
                guard let list = postings[expansion], let expansionIDF = idf[expansion] else { continue }
                let termIDF = min(expansionIDF, ownIDF ?? expansionIDF)
                for (route, strength) in list {
                    let value = factor * termIDF * Double(strength)
                    let index = Int(route)
                    if best[index] == 0 { touched.append(index) }
                    if value > best[index] { best[index] = value }
                }
            }
            let termWeight = idf[term] ?? unknownIDF
            for index in touched {
                scores[index] += best[index]
                covered[index] += termWeight
                best[index] = 0
            }
        }
        var keywordHits: [Int: [Int]] = [:]
        for (route, keywords) in keywordTerms.enumerated() {
            for (keywordIndex, keyword) in keywords.enumerated()
            where !keyword.isEmpty && Self.contains(ordered, keyword) {
                scores[route] += tuning.keywordPhraseBonus * keyword.reduce(0) { $0 + (idf[$1] ?? 0) }
                keywordHits[route, default: []].append(keywordIndex)
            }
        }
        let pairs = zip(ordered, ordered.dropFirst()).map { (pair: $0 + " " + $1, first: $0, second: $1) }
        for pair in pairs {
            guard let routes = bigrams[pair.pair] else { continue }
            let bonus = tuning.phraseBonus * ((idf[pair.first] ?? 0) + (idf[pair.second] ?? 0)) / 2
            for route in routes { scores[Int(route)] += bonus }
        }
        let totalWeight = terms.reduce(0) { $0 + (idf[$1] ?? unknownIDF) }
        let ranked = (0..<routeCount).filter { scores[$0] > 0 }.sorted {
            scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1
        }
        let matches = ranked.prefix(max(1, top)).map { route -> RouteMatch in
            RouteMatch(
                route: index.routes[route], score: scores[route],
                why: explain
                    ? self.explain(route: route, terms: terms, words: words, keywordHits: keywordHits[route] ?? [])
                    : [],
                coverage: totalWeight > 0 ? min(1, covered[route] / totalWeight) : 0)
        }
        let nearTie = ranked.count > 1 && scores[ranked[1]] >= tuning.nearTie * scores[ranked[0]]
        var confident = false
        if let first = ranked.first, let bestMatch = matches.first {
            confident =
                keywordHits[first] != nil
                || (bestMatch.coverage >= tuning.minimumCoverage && bestMatch.score >= tuning.minimumScore * unknownIDF)
        }
        return RoutingResult(
            symptom: symptom, terms: terms, matches: matches, confident: confident, nearTie: nearTie,
            fallback: index.fallback)
    }

    /// The symptom terms (or their synonyms) a route has, found by binary search in the sorted postings.
    func matchedTerms(of route: Int, among terms: [String]) -> [String] {
        terms.filter { term in
            ([term] + Synonyms.of(term)).contains { candidate in
                guard let list = postings[candidate] else { return false }
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
