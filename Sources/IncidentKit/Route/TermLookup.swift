import Foundation

/// What the router looks up per symptom word: which routes have a term and how strongly, and which
/// routes have a pair of adjacent words in a title, heading or summary.
protocol TermLookup: Sendable {
    var routeCount: Int { get }
    /// Each route's length: how many terms its fields hold, all kinds together.
    var lengths: [Int32] { get }
    /// The routes having `term`, in increasing route order, with the term's strength in each.
    func postings(_ term: String) -> [(route: Int32, strength: Float)]?
    /// How many routes have `term`, nil when none does: what `postings(term)?.count` says (of an
    /// undamaged cache), without reading the postings.
    func routeCount(of term: String) -> Int?
    /// The routes having the adjacent pair `first second`.
    func pairRoutes(_ pair: String) -> [Int32]?
    /// The routes whose names (title or alert name) have `term`, in increasing route order.
    func nameRoutes(_ term: String) -> [Int32]?
}

/// Postings built in memory from routes: BM25F with per-field saturation, precomputed per route so a
/// query only adds numbers up.
struct InMemoryTermLookup: TermLookup {
    let routeCount: Int
    let lengths: [Int32]
    let table: [String: [(route: Int32, strength: Float)]]
    let pairs: [String: [Int32]]
    let names: [String: [Int32]]

    func postings(_ term: String) -> [(route: Int32, strength: Float)]? { table[term] }

    func routeCount(of term: String) -> Int? { table[term]?.count }

    /// What one route's fields hold, by term number: each term's count per field kind and each kind's
    /// length (both indexed by `Route.Field.Kind.ordinal`), and adjacent word pairs.
    struct Analysis: Sendable {
        var terms: [Int32] = []
        /// Each term's count per kind; a count stops at 65,535, where saturation has long made more moot.
        var counts: [SIMD8<UInt16>] = []
        var lengths = SIMD8<Int32>.zero
        /// Each adjacent pair of term numbers once (first << 32 | second), in increasing order.
        var pairs: [UInt64] = []
    }

    /// A run of routes analysed together, with the numbering their term numbers refer to.
    struct Batch: Sendable {
        var terms: [String]
        var analyses: [Analysis]
        /// The batch's routes, when they were read for the analysis (`analyse(runbooks:_:)`).
        var routes: [Route] = []
    }

    /// Analyses every route's text in batches, on every core for large libraries, in route order.
    static func analyse(_ routes: [Route]) -> [Batch] {
        analyse(count: routes.count) { index, analyser in
            for field in routes[index].fields {
                var text = field.text
                text.withUTF8 { analyser.add(field.kind, $0) }
            }
            return nil
        }
    }

    /// Reads runbooks `0..<count` with `read` and analyses them in batches, on every core for large
    /// libraries; each batch keeps its routes, without their fields (the text is dropped as soon as it
    /// is counted).
    static func analyse(runbooks count: Int, _ read: @Sendable (Int) -> (path: String, fields: RunbookFields))
        -> [Batch]
    {
        analyse(count: count) { index, analyser in
            let (path, fields) = read(index)
            fields.plain.withUnsafeBufferPointer { plain in
                for field in fields.fields {
                    analyser.add(field.kind, UnsafeBufferPointer(rebasing: plain[field.text]))
                }
            }
            return fields.route(path: path, withFields: false)
        }
    }

    /// Counts the terms of one route's fields into `analysis`, numbering them in its batch's numbering.
    struct Analyser {
        var numbering = TermNumbering()
        /// Term number → its place in the current route's `terms`, or -1.
        var place: [Int32] = []
        var analysis = Analysis()

        mutating func add(_ kind: Route.Field.Kind, _ bytes: UnsafeBufferPointer<UInt8>) {
            var previous: Int32 = -1
            let ordinal = kind.ordinal
            let pairs = kind != .body && kind != .code
            TextAnalyzer.forEachPiece(in: bytes, keepCompounds: true) { piece, _, isCompound in
                guard let term = numbering.term(for: piece, isCompound: isCompound) else { return }
                let number = Int(term)
                if number >= place.count {
                    place.append(contentsOf: repeatElement(-1, count: number + 1 - place.count))
                }
                if place[number] < 0 {
                    place[number] = Int32(analysis.terms.count)
                    analysis.terms.append(term)
                    analysis.counts.append(.zero)
                }
                let place = Int(place[number])
                if analysis.counts[place][ordinal] < .max { analysis.counts[place][ordinal] += 1 }
                analysis.lengths[ordinal] += 1
                guard !isCompound, pairs else { return }
                if previous >= 0 { analysis.pairs.append(UInt64(previous) << 32 | UInt64(term)) }
                previous = term
            }
        }

        /// The analysis of the route added since the last call, and a clean slate for the next.
        mutating func finish() -> Analysis {
            for term in analysis.terms { place[Int(term)] = -1 }
            analysis.pairs.sort()
            var unique = 0
            for index in analysis.pairs.indices where unique == 0 || analysis.pairs[unique - 1] != analysis.pairs[index]
            {
                analysis.pairs[unique] = analysis.pairs[index]
                unique += 1
            }
            analysis.pairs.removeLast(analysis.pairs.count - unique)
            defer { analysis = Analysis() }
            return analysis
        }
    }

    /// Analyses routes `0..<count` in batches, on every core for large libraries: `add` hands route
    /// `index`'s fields to the analyser and returns the route to keep, if any.
    private static func analyse(count: Int, _ add: @Sendable (_ index: Int, inout Analyser) -> Route?) -> [Batch] {
        // Each batch numbers its terms afresh: batches as large as keeps every core busy to the end.
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let size = count > 256 ? max(128, count / (2 * cores)) : max(1, count)
        let batches = stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
        return batches.concurrentMap(minimumCount: 1, chunk: 1) { range in
            var analyser = Analyser()
            var batch = Batch(terms: [], analyses: [])
            batch.analyses.reserveCapacity(range.count)
            for index in range {
                if let route = add(index, &analyser) { batch.routes.append(route) }
                batch.analyses.append(analyser.finish())
            }
            batch.terms = analyser.numbering.terms
            return batch
        }
    }

    func pairRoutes(_ pair: String) -> [Int32]? { pairs[pair] }

    func nameRoutes(_ term: String) -> [Int32]? { names[term] }

    init(routes: [Route], tuning: RouterTuning) {
        self.init(batches: Self.analyse(routes), keywords: routes.map(\.keywords), tuning: tuning)
    }

    /// The postings of routes analysed in `batches`, with each route's index keywords.
    init(batches: [Batch], keywords: [[Route.Keyword]], tuning: RouterTuning) {
        routeCount = keywords.count
        // One numbering for the whole library: each batch's term numbers are mapped to it once.
        var terms: [String] = []
        var numbers: [String: Int32] = [:]
        func number(_ term: String) -> Int32 {
            if let known = numbers[term] { return known }
            let new = Int32(terms.count)
            numbers[term] = new
            terms.append(term)
            return new
        }
        // Each batch's term numbers in the library's numbering.
        let global = batches.map { $0.terms.map(number) }
        let norms = FieldNorms(batches: batches, tuning: tuning)
        var pairIndex: [UInt64: [Int32]] = [:]
        var routeLengths: [Int32] = []
        routeLengths.reserveCapacity(routeCount)
        var routeIndex: Int32 = 0
        for (batch, toLibrary) in zip(batches, global) {
            for result in batch.analyses {
                routeLengths.append(result.length)
                for pair in result.pairs {
                    let first = UInt64(UInt32(toLibrary[Int(pair >> 32)]))
                    pairIndex[first << 32 | UInt64(UInt32(toLibrary[Int(pair & 0xFFFF_FFFF)])), default: []].append(
                        routeIndex)
                }
                routeIndex += 1
            }
        }
        lengths = routeLengths
        var postings: [[(route: Int32, strength: Float)]] = Array(repeating: [], count: terms.count)
        var nameLists: [[Int32]] = Array(repeating: [], count: terms.count)
        routeIndex = 0
        for (batch, toLibrary) in zip(batches, global) {
            for result in batch.analyses {
                let routeNorms = norms.norms(result.lengths)
                var keywordStrengths: [Int32: Double] = [:]
                for keyword in keywords[Int(routeIndex)] {
                    for term in TextAnalyzer.terms(keyword.text, keepCompounds: false) {
                        keywordStrengths[number(term), default: 0] += tuning.keywordWeight
                    }
                }
                if postings.count < terms.count {
                    postings.append(contentsOf: repeatElement([], count: terms.count - postings.count))
                    nameLists.append(contentsOf: repeatElement([], count: terms.count - nameLists.count))
                }
                for (local, counts) in zip(result.terms, result.counts) {
                    let term = toLibrary[Int(local)]
                    var strength = norms.strength(counts, routeNorms)
                    strength += keywordStrengths.removeValue(forKey: term) ?? 0
                    postings[Int(term)].append((routeIndex, Float(strength)))
                    if FieldNorms.isInName(counts) { nameLists[Int(term)].append(routeIndex) }
                }
                for (term, strength) in keywordStrengths {
                    postings[Int(term)].append((routeIndex, Float(strength)))
                }
                routeIndex += 1
            }
        }
        table = Dictionary(uniqueKeysWithValues: zip(terms, postings).filter { !$0.1.isEmpty })
        names = Dictionary(uniqueKeysWithValues: zip(terms, nameLists).filter { !$0.1.isEmpty })
        pairs = Dictionary(
            uniqueKeysWithValues: pairIndex.map { key, routes in
                (terms[Int(key >> 32)] + " " + terms[Int(key & 0xFFFF_FFFF)], routes)
            })
    }
}

extension InMemoryTermLookup.Analysis {
    /// How many terms the route's fields hold, all kinds together.
    var length: Int32 { Int32(clamping: (0..<8).reduce(0) { $0 + Int(lengths[$1]) }) }
}

/// BM25F with per-field saturation: each field kind's length normalised against that kind's average
/// over the library, and a term's strength in a route summed over the kinds it is in.
struct FieldNorms: Sendable {
    let averages: [Double]
    let weights: [Double]
    let tuning: RouterTuning

    init(batches: [InMemoryTermLookup.Batch], tuning: RouterTuning) {
        let kinds = Route.Field.Kind.allCases
        var sums = [Double](repeating: 0, count: kinds.count)
        var counts = [Double](repeating: 0, count: kinds.count)
        for batch in batches {
            for analysis in batch.analyses {
                for ordinal in kinds.indices where analysis.lengths[ordinal] > 0 {
                    sums[ordinal] += Double(analysis.lengths[ordinal])
                    counts[ordinal] += 1
                }
            }
        }
        averages = kinds.indices.map { max(1, sums[$0] / max(1, counts[$0])) }
        weights = kinds.map { tuning.weights[$0, default: 1] }
        self.tuning = tuning
    }

    /// Each kind's saturation constant for a route whose kinds hold `lengths` terms.
    func norms(_ lengths: SIMD8<Int32>) -> [Double] {
        Route.Field.Kind.allCases.enumerated().map { ordinal, kind in
            let b = kind == .body || kind == .code || kind == .summary ? tuning.bLong : tuning.bShort
            return tuning.k1 * (1 - b + b * Double(lengths[ordinal]) / averages[ordinal])
        }
    }

    /// The strength of a term counted `counts` times per kind in a route with `norms`.
    func strength(_ counts: SIMD8<UInt16>, _ norms: [Double]) -> Double {
        var strength = 0.0
        for ordinal in norms.indices where counts[ordinal] > 0 {
            let count = Double(counts[ordinal])
            strength += weights[ordinal] * count / (count + norms[ordinal])
        }
        return strength
    }

    /// Whether a term counted `counts` times per kind names its route: it is in the title or alert name.
    static func isInName(_ counts: SIMD8<UInt16>) -> Bool {
        counts[Route.Field.Kind.title.ordinal] > 0 || counts[Route.Field.Kind.alert.ordinal] > 0
    }
}
