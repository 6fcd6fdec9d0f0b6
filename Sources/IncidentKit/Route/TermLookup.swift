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

    /// What one route's fields hold: term counts and lengths per field kind, and adjacent word pairs.
    struct Analysis: Sendable {
        var counts: [Route.Field.Kind: [String: Int]] = [:]
        var lengths: [Route.Field.Kind: Int] = [:]
        var pairs: Set<String> = []
    }

    /// Analyses every route's text, on every core for large libraries, in route order.
    static func analyse(_ routes: [Route]) -> [Analysis] {
        @Sendable func analyse(_ route: Route) -> Analysis {
            var result = Analysis()
            for field in route.fields {
                var previous: String?
                TextAnalyzer.forEachTerm(in: field.text, keepCompounds: true) { term, _, isCompound in
                    result.counts[field.kind, default: [:]][term, default: 0] += 1
                    result.lengths[field.kind, default: 0] += 1
                    guard !isCompound, field.kind != .body, field.kind != .code else { return }
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
        var lengthSums: [Route.Field.Kind: Double] = [:]
        var lengthCounts: [Route.Field.Kind: Double] = [:]
        var analysed: [[Route.Field.Kind: [String: Int]]] = []
        var lengths: [[Route.Field.Kind: Int]] = []
        let perRoute = Self.analyse(routes)
        for (routeIndex, result) in perRoute.enumerated() {
            for (kind, length) in result.lengths {
                lengthSums[kind, default: 0] += Double(length)
                lengthCounts[kind, default: 0] += 1
            }
            analysed.append(result.counts)
            lengths.append(result.lengths)
            for pair in result.pairs { pairIndex[pair, default: []].append(Int32(routeIndex)) }
        }
        var table: [String: [(route: Int32, strength: Float)]] = [:]
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
            for keyword in routes[routeIndex].keywords {
                for term in TextAnalyzer.terms(keyword.text, keepCompounds: false) {
                    strengths[term, default: 0] += tuning.keywordWeight
                }
            }
            for (term, strength) in strengths {
                table[term, default: []].append((Int32(routeIndex), Float(strength)))
            }
        }
        self.table = table
        self.pairs = pairIndex
    }
}
