/// What the router looks up per symptom word: which routes have a term and how strongly, and which
/// routes have a pair of adjacent words in a title, heading or summary.
protocol TermLookup: Sendable {
    var routeCount: Int { get }
    /// The routes having `term`, in increasing route order, with the term's strength in each.
    func postings(_ term: String) -> [(route: Int32, strength: Float)]?
    /// The routes having the adjacent pair `first second`.
    func pairRoutes(_ pair: String) -> [Int32]?
}

/// Postings built in memory from routes: BM25F with per-field saturation, precomputed per route so a
/// query only adds numbers up.
struct InMemoryTermLookup: TermLookup {
    let routeCount: Int
    let table: [String: [(route: Int32, strength: Float)]]
    let pairs: [String: [Int32]]

    func postings(_ term: String) -> [(route: Int32, strength: Float)]? { table[term] }

    /// What one route's fields hold: each term's count per field kind and each kind's length (both
    /// indexed by `Route.Field.Kind.ordinal`), and adjacent word pairs.
    struct Analysis: Sendable {
        var counts: [String: SIMD8<Int32>] = [:]
        var lengths = [Int](repeating: 0, count: Route.Field.Kind.allCases.count)
        var pairs: Set<String> = []
    }

    /// Analyses every route's text, on every core for large libraries, in route order.
    static func analyse(_ routes: [Route]) -> [Analysis] {
        @Sendable func analyse(_ route: Route) -> Analysis {
            var result = Analysis()
            for field in route.fields {
                var previous: String?
                let kind = field.kind.ordinal
                let pairs = field.kind != .body && field.kind != .code
                TextAnalyzer.forEachTerm(in: field.text, keepCompounds: true, wantsWords: false) {
                    term, _, isCompound in
                    result.counts[term, default: .zero][kind] += 1
                    result.lengths[kind] += 1
                    guard !isCompound, pairs else { return }
                    if let previous { result.pairs.insert(previous + " " + term) }
                    previous = term
                }
            }
            return result
        }
        return routes.concurrentMap(analyse)
    }
    func pairRoutes(_ pair: String) -> [Int32]? { pairs[pair] }

    init(routes: [Route], tuning: RouterTuning) {
        routeCount = routes.count
        var pairIndex: [String: [Int32]] = [:]
        // Field lengths are normalised per kind against the average length of that kind.
        let kinds = Route.Field.Kind.allCases
        var lengthSums = [Double](repeating: 0, count: kinds.count)
        var lengthCounts = [Double](repeating: 0, count: kinds.count)
        let perRoute = Self.analyse(routes)
        for (routeIndex, result) in perRoute.enumerated() {
            for ordinal in kinds.indices where result.lengths[ordinal] > 0 {
                lengthSums[ordinal] += Double(result.lengths[ordinal])
                lengthCounts[ordinal] += 1
            }
            for pair in result.pairs { pairIndex[pair, default: []].append(Int32(routeIndex)) }
        }
        var table: [String: [(route: Int32, strength: Float)]] = [:]
        let weights = kinds.map { tuning.weights[$0, default: 1] }
        for (routeIndex, result) in perRoute.enumerated() {
            let norms = kinds.indices.map { ordinal in
                let average = max(1, lengthSums[ordinal] / max(1, lengthCounts[ordinal]))
                let kind = kinds[ordinal]
                let b = kind == .body || kind == .code || kind == .summary ? tuning.bLong : tuning.bShort
                return tuning.k1 * (1 - b + b * Double(result.lengths[ordinal]) / average)
            }
            var keywordStrengths: [String: Double] = [:]
            for keyword in routes[routeIndex].keywords {
                for term in TextAnalyzer.terms(keyword.text, keepCompounds: false) {
                    keywordStrengths[term, default: 0] += tuning.keywordWeight
                }
            }
            for (term, counts) in result.counts {
                var strength = 0.0
                for ordinal in kinds.indices where counts[ordinal] > 0 {
                    let count = Double(counts[ordinal])
                    strength += weights[ordinal] * count / (count + norms[ordinal])
                }
                strength += keywordStrengths.removeValue(forKey: term) ?? 0
                table[term, default: []].append((Int32(routeIndex), Float(strength)))
            }
            for (term, strength) in keywordStrengths {
                table[term, default: []].append((Int32(routeIndex), Float(strength)))
            }
        }
        self.table = table
        self.pairs = pairIndex
    }
}
