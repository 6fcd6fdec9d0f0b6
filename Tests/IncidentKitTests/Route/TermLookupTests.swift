import Foundation
import Testing

@testable import IncidentKit

@Suite struct TermLookupTests {
    /// The number `numbering` gives `word` as the analyzer hands it over.
    private func number(_ word: String, _ numbering: inout TermNumbering, compound: Bool = false) -> Int32? {
        Array(word.utf8).withUnsafeBufferPointer { numbering.term(for: $0, isCompound: compound) }
    }

    /// The postings and pairs of `routes` computed the plain way: every term of every field made as a
    /// String by `TextAnalyzer.forEachTerm`, counted per field kind, then weighed.
    private func reference(_ routes: [Route], _ tuning: RouterTuning) -> (
        table: [String: [Int32: Float]], pairs: [String: [Int32]]
    ) {
        let kinds = Route.Field.Kind.allCases
        var counts: [[String: [Int]]] = []
        var lengths: [[Int]] = []
        var pairs: [String: [Int32]] = [:]
        for (routeIndex, route) in routes.enumerated() {
            var routeCounts: [String: [Int]] = [:]
            var routeLengths = [Int](repeating: 0, count: kinds.count)
            var routePairs: Set<String> = []
            for field in route.fields {
                let kind = kinds.firstIndex(of: field.kind)!
                var previous: String?
                TextAnalyzer.forEachTerm(in: field.text, keepCompounds: true) { term, _, isCompound in
                    routeCounts[term, default: [Int](repeating: 0, count: kinds.count)][kind] += 1
                    routeLengths[kind] += 1
                    guard !isCompound, field.kind != .body, field.kind != .code else { return }
                    if let previous { routePairs.insert(previous + " " + term) }
                    previous = term
                }
            }
            for pair in routePairs { pairs[pair, default: []].append(Int32(routeIndex)) }
            counts.append(routeCounts)
            lengths.append(routeLengths)
        }
        let averages = kinds.map { max(1, tuning.typicalLengths[$0, default: 1]) }
        var table: [String: [Int32: Float]] = [:]
        for (routeIndex, route) in routes.enumerated() {
            var keywordStrengths: [String: Double] = [:]
            for keyword in route.keywords {
                for term in TextAnalyzer.terms(keyword.text, keepCompounds: false) {
                    keywordStrengths[term, default: 0] += tuning.keywordWeight
                }
            }
            for term in Set(counts[routeIndex].keys).union(keywordStrengths.keys) {
                var strength = 0.0
                for (ordinal, kind) in kinds.enumerated() {
                    let count = Double(counts[routeIndex][term]?[ordinal] ?? 0)
                    guard count > 0 else { continue }
                    let b = kind == .body || kind == .code || kind == .summary ? tuning.bLong : tuning.bShort
                    let norm = tuning.k1 * (1 - b + b * Double(lengths[routeIndex][ordinal]) / averages[ordinal])
                    strength += tuning.weights[kind, default: 1] * count / (count + norm)
                }
                strength += keywordStrengths[term] ?? 0
                table[term, default: [:]][Int32(routeIndex)] = Float(strength)
            }
        }
        return (table, pairs)
    }

    /// Numbering terms in batches on several cores gives exactly the postings of a plain count: the 380
    /// corpus runbooks (several batches) and the default library's index (keywords, one batch).
    @Test(arguments: [Paths.corpora, Paths.packageRoot])
    func postingsEqualAPlainCountOfEveryTerm(root: String) throws {
        let library = try Library.load(root: root, scope: .routing)
        let routes = library.index.routes
        let tuning = RouterTuning()
        let lookup = InMemoryTermLookup(routes: routes, tuning: tuning)
        let expected = reference(routes, tuning)
        #expect(lookup.routeCount == routes.count)
        #expect(lookup.table.count == expected.table.count)
        #expect(lookup.table.count > 40)
        for (term, postings) in lookup.table {
            // Postings are in route order, one per route.
            #expect(postings.map(\.route) == postings.map(\.route).sorted(), "\(term)")
            let strengths = Dictionary(uniqueKeysWithValues: postings.map { ($0.route, $0.strength) })
            #expect(strengths == expected.table[term], "\(term)")
        }
        #expect(lookup.pairs == expected.pairs)
        #expect(!lookup.pairs.isEmpty)
    }

    @Test func numberingFindsEachPieceAgainAndJudgesPartsAndCompoundsApart() throws {
        var numbering = TermNumbering()
        let restarting = number("restarting", &numbering)
        #expect(restarting != nil)
        #expect(number("restarts", &numbering) == restarting)  // one stem
        #expect(numbering.terms[Int(restarting!)] == "restart")
        // A stop word is not a term as a word's part, but the same bytes glued from a CamelCase word are.
        #expect(number("the", &numbering) == nil)
        #expect(number("the", &numbering, compound: true) != nil)
        #expect(number("the", &numbering) == nil)
        #expect(number("10.0.0.1", &numbering) == nil)  // volatile
        // Far more pieces than the first table holds: every one keeps its number as the table grows.
        var numbers: [String: Int32] = [:]
        for index in 0..<5000 {
            let word =
                "word" + String(UnicodeScalar(UInt8(97 + index % 26))) + String(repeating: "x", count: index / 26)
            guard let given = number(word, &numbering) else {
                Issue.record("no number for \(word)")
                continue
            }
            numbers[word] = given
        }
        for (word, given) in numbers {
            #expect(number(word, &numbering) == given)
            #expect(numbering.terms[Int(given)] == Stemmer.stem(word))
        }
    }

    /// Pieces are compared eight bytes at a time, then byte by byte: pieces that share their first 8 or
    /// 16 bytes, or differ only in length or in being a compound, are told apart.
    @Test func numberingTellsApartPiecesThatShareLongPrefixes() throws {
        var numbering = TermNumbering()
        let words = [
            "replicationlag", "replicationlagging", "replicatio", "replicationlah", "certificateexpiring",
            "certificateexpiringsoon", "certificateexpiringsoom", "certificat", "kubeapiserver", "kubeapiservers",
        ]
        var given: [String: Int32] = [:]
        for word in words {
            let value: Int32 = try #require(number(word, &numbering))
            given[word] = value
        }
        for word in words {
            #expect(number(word, &numbering) == given[word])
            #expect(numbering.terms[Int(given[word]!)] == Stemmer.stem(word))
        }
        let compound = try #require(number("replicationlag", &numbering, compound: true))
        #expect(number("replicationlag", &numbering, compound: true) == compound)
        #expect(numbering.terms[Int(compound)] == Stemmer.stem("replicationlag"))
    }

    /// The segment's pairs are sorted by counting, not by comparing: the order is that of a comparison
    /// sort by key, each key's routes in the order they were added.
    @Test func pairsSortAsAComparisonSortWouldKeepingRouteOrder() {
        var generator = SystemRandomNumberGenerator()
        for rankCount in [1, 2, 7, 300] {
            var keys: [UInt64] = []
            var routes: [Int32] = []
            for route in 0..<2000 {
                for _ in 0..<Int.random(in: 0...3, using: &generator) {
                    let first = UInt64.random(in: 0..<UInt64(rankCount), using: &generator)
                    let second = UInt64.random(in: 0..<UInt64(rankCount), using: &generator)
                    keys.append(first << 32 | second)
                    routes.append(Int32(route))
                }
            }
            let expected = zip(keys, routes).enumerated().sorted {
                $0.element.0 != $1.element.0 ? $0.element.0 < $1.element.0 : $0.offset < $1.offset
            }
            TermSegment.sortPairs(&keys, &routes, rankCount: rankCount)
            #expect(keys == expected.map(\.element.0))
            #expect(routes == expected.map(\.element.1))
        }
    }

    /// Counts per kind stop at 65,535 instead of overflowing: a runbook that repeats a word 70,000
    /// times still routes, as strongly as saturation allows.
    @Test func aWordRepeatedBeyondTheCountsLimitStillCounts() throws {
        let text = String(repeating: "disk ", count: 70_000)
        let route = Route(
            title: "Disk", file: "runbooks/disk.md", line: 1, keywords: [], targets: [], severity: nil, examples: [],
            fields: [Route.Field(kind: .body, text: text, line: 2)])
        let lookup = InMemoryTermLookup(routes: [route], tuning: RouterTuning())
        let postings = try #require(lookup.postings("disk"))
        #expect(postings.count == 1)
        #expect(postings[0].strength > 0.99 && postings[0].strength <= 1)
        #expect(lookup.lengths == [70_000])
    }
}
