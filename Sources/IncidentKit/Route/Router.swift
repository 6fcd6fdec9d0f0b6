import Foundation

/// Ranks the routes of an index for a symptom: BM25F over the routes' fields (keywords, titles, alert
/// names, headings, symptom sections, body, code), whole-keyword and phrase bonuses, synonyms at a lower
/// weight, and a confidence decision from how much of the symptom the best route accounts for.
public struct Router: Sendable {
    /// Field weights: where a word is found matters more than how often.
    static let weights: [Route.Field.Kind: Double] = [
        .title: 5, .alert: 5, .heading: 2, .summary: 2, .body: 1, .code: 0.5, .example: 3,
    ]
    static let keywordWeight = 6.0
    static let k1 = 1.2
    static let synonymWeight = 0.5

    public let index: RouteIndex
    private let postings: [String: [(route: Int, weight: Double)]]
    private let idf: [String: Double]
    private let unknownIDF: Double
    let keywordTerms: [[[String]]]
    private let bigrams: [Set<String>]

    public init(index: RouteIndex) {
        self.index = index
        var termWeights: [[String: Double]] = []
        var keywordTerms: [[[String]]] = []
        var bigrams: [Set<String>] = []
        // Field lengths are normalised per kind against the average length of that kind.
        var lengthSums: [Route.Field.Kind: Double] = [:]
        var lengthCounts: [Route.Field.Kind: Double] = [:]
        var analysed: [[(Route.Field.Kind, [String])]] = []
        for route in index.routes {
            var perKind: [Route.Field.Kind: [String]] = [:]
            for field in route.fields { perKind[field.kind, default: []] += TextAnalyzer.terms(field.text) }
            for (kind, terms) in perKind {
                lengthSums[kind, default: 0] += Double(terms.count)
                lengthCounts[kind, default: 0] += 1
            }
            analysed.append(perKind.map { ($0.key, $0.value) })
            keywordTerms.append(route.keywords.map { TextAnalyzer.terms($0.text, keepCompounds: false) })
            var pairs: Set<String> = []
            for field in route.fields where field.kind != .body && field.kind != .code {
                let terms = TextAnalyzer.terms(field.text, keepCompounds: false)
                for (first, second) in zip(terms, terms.dropFirst()) { pairs.insert(first + " " + second) }
            }
            bigrams.append(pairs)
        }
        for (routeIndex, perKind) in analysed.enumerated() {
            var weights: [String: Double] = [:]
            for (kind, terms) in perKind {
                let average = max(1, lengthSums[kind, default: 1] / max(1, lengthCounts[kind, default: 1]))
                let b = kind == .body || kind == .code || kind == .summary ? 0.75 : 0.3
                let norm = 1 - b + b * Double(terms.count) / average
                let weight = Self.weights[kind, default: 1] / norm
                for term in terms { weights[term, default: 0] += weight }
            }
            for keyword in keywordTerms[routeIndex] {
                for term in keyword { weights[term, default: 0] += Self.keywordWeight }
            }
            termWeights.append(weights)
        }
        var postings: [String: [(route: Int, weight: Double)]] = [:]
        for (routeIndex, weights) in termWeights.enumerated() {
            for (term, weight) in weights { postings[term, default: []].append((routeIndex, weight)) }
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
    public func route(_ symptom: String, top: Int = 3) -> RoutingResult {
        let tokens = TextAnalyzer.tokens(symptom)
        let ordered = tokens.map(\.term)
        var seen: Set<String> = []
        let terms = ordered.filter { seen.insert($0).inserted }
        var words: [String: String] = [:]
        for token in tokens where words[token.term] == nil { words[token.term] = token.word.lowercased() }
        var scores: [Int: Double] = [:]
        var matched: [Int: Set<String>] = [:]
        for term in terms {
            var best: [Int: Double] = [:]
            for (expansion, factor) in [(term, 1.0)] + Synonyms.of(term).map({ ($0, Self.synonymWeight) }) {
                guard let list = postings[expansion], let termIDF = idf[expansion] else { continue }
                for (route, weight) in list {
                    let value = factor * termIDF * weight / (Self.k1 + weight)
                    if value > best[route, default: 0] { best[route] = value }
                }
            }
            for (route, value) in best {
                scores[route, default: 0] += value
                matched[route, default: []].insert(term)
            }
        }
        var keywordHits: [Int: [Int]] = [:]
        for (route, keywords) in keywordTerms.enumerated() {
            for (keywordIndex, keyword) in keywords.enumerated()
            where !keyword.isEmpty && Self.contains(ordered, keyword) {
                scores[route, default: 0] += 2 * keyword.reduce(0) { $0 + (idf[$1] ?? 0) }
                keywordHits[route, default: []].append(keywordIndex)
            }
        }
        let pairs = zip(ordered, ordered.dropFirst()).map { $0 + " " + $1 }
        for route in scores.keys {
            for pair in pairs where bigrams[route].contains(pair) {
                let parts = pair.split(separator: " ").map(String.init)
                scores[route, default: 0] += 0.5 * ((idf[parts[0]] ?? 0) + (idf[parts[1]] ?? 0)) / 2
            }
        }
        let totalWeight = terms.reduce(0) { $0 + (idf[$1] ?? unknownIDF) }
        let ranked = scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let matches = ranked.prefix(max(1, top)).map { route, score -> RouteMatch in
            let covered = matched[route, default: []].reduce(0) { $0 + (idf[$1] ?? 0) }
            return RouteMatch(
                route: index.routes[route], score: score,
                why: explain(route: route, terms: terms, words: words, keywordHits: keywordHits[route] ?? []),
                coverage: totalWeight > 0 ? min(1, covered / totalWeight) : 0)
        }
        let first = ranked.first
        let nearTie = ranked.count > 1 && first.map { ranked[1].value >= 0.85 * $0.value } ?? false
        var confident = false
        if let first, let best = matches.first {
            confident = keywordHits[first.key] != nil || best.coverage >= 0.5
        }
        return RoutingResult(
            symptom: symptom, terms: terms, matches: matches, confident: confident, nearTie: nearTie,
            fallback: index.fallback)
    }

    static func contains(_ terms: [String], _ phrase: [String]) -> Bool {
        guard phrase.count <= terms.count else { return false }
        for start in 0...(terms.count - phrase.count) where Array(terms[start..<(start + phrase.count)]) == phrase {
            return true
        }
        return false
    }
}
