import IncidentKit

/// How the confidence decision holds in libraries of other sizes than the one labelled: subsets of the
/// library, each holding a right runbook of one answerable row (drawn at random) and other runbooks drawn
/// at random. Over a subset every row is answerable when a runbook it expects is in the subset, and a
/// `NONE` row otherwise, so small subsets measure above all how often a symptom the library does not
/// cover is still taken with confidence.
enum LibrarySizes {
    static func tallies(
        rows: [Row], routes: [Route], tuning: RouterTuning, sizes: [Int], samples: Int
    ) -> [(size: Int, tally: Tally)] {
        let answerable = rows.filter { !$0.expected.isEmpty }
        return sizes.filter { $0 < routes.count }.map { size in
            var tally = Tally()
            var generator = SeededGenerator(seed: UInt64(size))
            for _ in 0..<samples {
                guard let anchor = answerable.randomElement(using: &generator),
                    let right = routes.indices.filter({ anchor.expected.contains(routes[$0].file) })
                        .randomElement(using: &generator)
                else { continue }
                let others = routes.indices.filter { $0 != right }.shuffled(using: &generator).prefix(size - 1)
                let subset = ([right] + others).sorted().map { routes[$0] }
                let files = Set(subset.map(\.file))
                let router = Router(index: RouteIndex(routes: subset, source: nil), tuning: tuning)
                for row in rows {
                    let result = router.route(row.symptom, top: 3, explain: false)
                    tally.add(
                        Row(symptom: row.symptom, expected: row.expected.intersection(files), source: row.source),
                        ranked: result.matches.map(\.route.file), confident: result.confident)
                }
            }
            return (size, tally)
        }
    }
}
