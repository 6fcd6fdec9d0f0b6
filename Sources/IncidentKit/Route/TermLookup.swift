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

    /// Counts the terms of one route's fields, numbering them in its batch's numbering. It runs once
    /// per word of every runbook, so its counts are raw memory it owns, updated in place.
    final class Analyser {
        let numbering = TermNumbering()
        /// Each word's terms, so that a word seen before is not split and looked up piece by piece again.
        private let memo = WordMemo()
        /// Room to lowercase one word, and its CamelCase parts.
        private var scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        private var scratchCapacity = 256
        private var parts: [Range<Int>] = []
        /// Term number → its place in the current route's terms, or -1.
        private var place: UnsafeMutablePointer<Int32>
        private var placeCapacity = 1024
        /// The current route's terms, and each one's count per kind (eight counts a term).
        private var terms: UnsafeMutablePointer<Int32>
        private var counts: UnsafeMutablePointer<UInt16>
        private var termCount = 0
        private var termCapacity = 256
        private var lengths = SIMD8<Int32>.zero
        private var pairs: [UInt64] = []

        init() {
            place = .allocate(capacity: placeCapacity)
            place.initialize(repeating: -1, count: placeCapacity)
            terms = .allocate(capacity: termCapacity)
            counts = .allocate(capacity: termCapacity * 8)
        }

        deinit {
            place.deallocate()
            terms.deallocate()
            counts.deallocate()
            scratch.deallocate()
        }

        func add(_ kind: Route.Field.Kind, _ bytes: UnsafeBufferPointer<UInt8>) {
            var previous: Int32 = -1
            var length: Int32 = 0
            let ordinal = kind.ordinal
            let hasPairs = kind != .body && kind != .code
            func count(_ term: Int32, _ isCompound: Bool) {
                let number = Int(term)
                if number >= placeCapacity { growPlace(number + 1) }
                var local = Int(place[number])
                if local < 0 {
                    if termCount == termCapacity { growTerms() }
                    local = termCount
                    place[number] = Int32(local)
                    terms[local] = term
                    (counts + local * 8).initialize(repeating: 0, count: 8)
                    termCount += 1
                }
                let count = counts + local * 8 + ordinal
                if count.pointee < .max { count.pointee += 1 }
                length += 1
                guard !isCompound, hasPairs else { return }
                if previous >= 0 { pairs.append(UInt64(previous) << 32 | UInt64(term)) }
                previous = term
            }
            TextAnalyzer.forEachWord(in: bytes) { start, end in
                if end - start > scratchCapacity {
                    scratch.deallocate()
                    scratchCapacity = max(end - start, scratchCapacity * 2)
                    scratch = .allocate(capacity: scratchCapacity)
                }
                // A word whose pieces depend on its neighbours (`isn't`) is not remembered.
                guard !TextAnalyzer.dependsOnContext(bytes, start, end) else {
                    TextAnalyzer.forEachPiece(
                        ofWord: start..<end, in: bytes, keepCompounds: true, scratch: scratch, parts: &parts
                    ) { piece, _, isCompound in
                        if let term = numbering.term(for: piece, isCompound: isCompound) { count(term, isCompound) }
                    }
                    return
                }
                let terms = memo.terms(of: UnsafeBufferPointer(rebasing: bytes[start..<end])) { record in
                    TextAnalyzer.forEachPiece(
                        ofWord: start..<end, in: bytes, keepCompounds: true, scratch: scratch, parts: &parts
                    ) { piece, _, isCompound in
                        if let term = numbering.term(for: piece, isCompound: isCompound) { record(term, isCompound) }
                    }
                }
                for output in terms { count(output >> 1, output & 1 == 1) }
            }
            lengths[ordinal] += length
        }

        private func growPlace(_ needed: Int) {
            var capacity = placeCapacity * 2
            while capacity < needed { capacity *= 2 }
            place = place.reallocated(keeping: placeCapacity, capacity: capacity)
            (place + placeCapacity).initialize(repeating: -1, count: capacity - placeCapacity)
            placeCapacity = capacity
        }

        private func growTerms() {
            let capacity = termCapacity * 2
            terms = terms.reallocated(keeping: termCount, capacity: capacity)
            counts = counts.reallocated(keeping: termCount * 8, capacity: capacity * 8)
            termCapacity = capacity
        }

        /// The analysis of the route added since the last call, and a clean slate for the next.
        func finish() -> Analysis {
            var analysis = Analysis()
            analysis.terms = Array(UnsafeBufferPointer(start: terms, count: termCount))
            analysis.counts = (0..<termCount).map { local in
                let base = counts + local * 8
                return SIMD8(base[0], base[1], base[2], base[3], base[4], base[5], base[6], base[7])
            }
            analysis.lengths = lengths
            for local in 0..<termCount { place[Int(terms[local])] = -1 }
            termCount = 0
            lengths = .zero
            pairs.sort()
            var unique = 0
            for index in pairs.indices where unique == 0 || pairs[unique - 1] != pairs[index] {
                pairs[unique] = pairs[index]
                unique += 1
            }
            analysis.pairs = Array(pairs[0..<unique])
            pairs.removeAll(keepingCapacity: true)
            return analysis
        }
    }

    /// Analyses routes `0..<count` in batches, on every core for large libraries: `add` hands route
    /// `index`'s fields to the analyser and returns the route to keep, if any.
    private static func analyse(count: Int, _ add: @Sendable (_ index: Int, Analyser) -> Route?) -> [Batch] {
        // Each batch numbers its terms afresh: batches as large as keeps every core busy to the end.
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let size = count > 256 ? max(128, count / (2 * cores)) : max(1, count)
        let batches = stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
        return batches.concurrentMap(minimumCount: 1, chunk: 1) { range in
            let analyser = Analyser()
            var batch = Batch(terms: [], analyses: [])
            batch.analyses.reserveCapacity(range.count)
            for index in range {
                if let route = add(index, analyser) { batch.routes.append(route) }
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

    /// The postings of routes analysed in `batches`, with each route's index keywords. `routeCount` is
    /// the size of the library when the batches hold only the routes a search found (`RunbookSearch`):
    /// a term's rarity is judged against the whole library.
    init(batches: [Batch], keywords: [[Route.Keyword]], tuning: RouterTuning, routeCount: Int? = nil) {
        self.routeCount = routeCount ?? keywords.count
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
        let norms = FieldNorms(tuning: tuning)
        var pairIndex: [UInt64: [Int32]] = [:]
        var routeLengths: [Int32] = []
        routeLengths.reserveCapacity(keywords.count)
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

/// BM25F with per-field saturation: each field kind's length normalised against that kind's typical
/// length (`RouterTuning.typicalLengths`), and a term's strength in a route summed over the kinds it is in.
struct FieldNorms: Sendable {
    let averages: [Double]
    /// Each kind's weight, by ordinal (the lanes past the last kind are unused).
    let weights: SIMD8<Double>
    let tuning: RouterTuning

    init(tuning: RouterTuning) {
        averages = Route.Field.Kind.allCases.map { max(1, tuning.typicalLengths[$0, default: 1]) }
        var weights = SIMD8<Double>(repeating: 0)
        for (ordinal, kind) in Route.Field.Kind.allCases.enumerated() {
            weights[ordinal] = tuning.weights[kind, default: 1]
        }
        self.weights = weights
        self.tuning = tuning
    }

    /// Each kind's saturation constant for a route whose kinds hold `lengths` terms, by ordinal.
    func norms(_ lengths: SIMD8<Int32>) -> SIMD8<Double> {
        var norms = SIMD8<Double>(repeating: 1)
        for (ordinal, kind) in Route.Field.Kind.allCases.enumerated() {
            let b = kind == .body || kind == .code || kind == .summary ? tuning.bLong : tuning.bShort
            norms[ordinal] = tuning.k1 * (1 - b + b * Double(lengths[ordinal]) / averages[ordinal])
        }
        return norms
    }

    /// The strength of a term counted `counts` times per kind in a route with `norms`.
    func strength(_ counts: SIMD8<UInt16>, _ norms: SIMD8<Double>) -> Double {
        var strength = 0.0
        for ordinal in 0..<Self.kindCount where counts[ordinal] > 0 {
            let count = Double(counts[ordinal])
            strength += weights[ordinal] * count / (count + norms[ordinal])
        }
        return strength
    }

    private static let kindCount = Route.Field.Kind.allCases.count

    /// Whether a term counted `counts` times per kind names its route: it is in the title or alert name.
    static func isInName(_ counts: SIMD8<UInt16>) -> Bool {
        counts[Route.Field.Kind.title.ordinal] > 0 || counts[Route.Field.Kind.alert.ordinal] > 0
    }
}
