extension Router {
    /// The reasons a route matched, in words: whole keywords first, then each field that holds symptom
    /// words, strongest field first, with `file:line`.
    func explain(route routeIndex: Int, terms: [String], words: [String: String], keywordHits: [Int]) -> [String] {
        var route = index.routes[routeIndex]
        if route.fields.isEmpty, let reload { route = reload(route) }
        // Longer keywords first: "connect() failed" says more than "upstream".
        let ordered = keywordHits.sorted { keywordTerms[routeIndex][$0].count > keywordTerms[routeIndex][$1].count }
        var reasons: [String] = ordered.map { hit in
            let keyword = route.keywords[hit]
            return "keyword \"\(keyword.text)\" (\(route.file):\(keyword.line))"
        }
        let keywordTermSet = Set(keywordHits.flatMap { keywordTerms[routeIndex][$0] })
        var remaining = matchedTerms(of: routeIndex, among: terms).filter { !keywordTermSet.contains($0) }
        // Where the words stand: the fields, and an index route's keywords, which score word by word
        // too ("worker crashed" has the words of the keyword "worker crash"); strongest first.
        let places =
            route.fields.map {
                Place(
                    text: $0.text, description: Self.describe($0), line: $0.line, weight: tuning.weights[$0.kind] ?? 0)
            }
            + route.keywords.map {
                Place(
                    text: $0.text, description: "the keyword \"\($0.text)\"", line: $0.line,
                    weight: tuning.keywordWeight)
            }
        for field in places.sorted(by: { $0.weight > $1.weight }) where !remaining.isEmpty {
            let fieldTerms = Set(TextAnalyzer.terms(field.text))
            var direct: [String] = []
            var viaSynonym: [(term: String, word: String, synonym: String)] = []
            for term in remaining {
                if fieldTerms.contains(term) {
                    direct.append(term)
                } else if let synonym = Synonyms.of(term).first(where: { fieldTerms.contains($0) }) {
                    // The word as the runbook writes it where it stands alone; a term that exists only
                    // glued from pieces of a CamelCase name (crashloop from CrashLooping) is shown as its stem.
                    var surface = synonym
                    TextAnalyzer.forEachTerm(in: field.text, keepCompounds: true) { term, word, isCompound in
                        if surface == synonym, term == synonym, !isCompound { surface = word.lowercased() }
                    }
                    viaSynonym.append((term, words[term] ?? term, surface))
                }
            }
            guard !direct.isEmpty || !viaSynonym.isEmpty else { continue }
            let shown =
                (direct.map { "\"\(words[$0] ?? $0)\"" } + viaSynonym.map { "\"\($0.word)\" (as \"\($0.synonym)\")" })
                .joined(separator: ", ")
            reasons.append("\(shown) in \(field.description) (\(route.file):\(field.line))")
            let used = Set(direct + viaSynonym.map(\.term))
            remaining.removeAll { used.contains($0) }
            if reasons.count >= 4 { break }
        }
        return reasons
    }

    /// A text of the route a reason can point at.
    private struct Place {
        var text: String
        var description: String
        var line: Int
        var weight: Double
    }

    static func describe(_ field: Route.Field) -> String {
        switch field.kind {
        case .title: "the title \"\(field.text)\""
        case .alert: "the alert name \(field.text)"
        case .heading: "the heading \"\(field.text)\""
        case .example: "the example \"\(field.text)\""
        case .summary, .body: field.section.isEmpty ? "the text" : "section \(field.section)"
        case .code: field.section.isEmpty ? "a command" : "a command in section \(field.section)"
        }
    }
}
