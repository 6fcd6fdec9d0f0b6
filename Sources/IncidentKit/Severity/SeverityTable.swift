/// A library's severity decision table (`runbooks/SEVERITY.md`): one row per level, most severe first,
/// with the phrases of an impact answer that select it.
public struct SeverityTable: Sendable, Hashable {
    /// One level of the table.
    public struct Row: Sendable, Hashable {
        /// "Complete outage".
        public var condition: String
        /// "SEV1".
        public var level: String
        /// "Immediate", "15 min".
        public var response: String
        public var escalateTo: String
        /// The phrases that select the row, as written in its Matches column (the condition when the table
        /// has no Matches column).
        public var phrases: [String]
        public var line: Int
    }

    /// The library path of the file the table is in.
    public var path: String
    /// The line of the table's header row.
    public var line: Int
    public var rows: [Row]

    /// The form field whose answer is classified.
    public static let impactKey = "impact"

    static let conditionNames = ["condition", "conditions", "description", "impact", "criteria", "definition"]
    static let levelNames = ["severity", "level", "severity level", "sev", "priority"]
    static let responseNames = ["response", "response time", "response target", "time to respond"]
    static let escalationNames = ["escalate to", "escalate", "escalation", "notify"]
    static let matchesNames = ["matches", "match", "keywords", "phrases"]

    /// The first table of `file` that has a Condition column and a Severity (or Level) column; nil when
    /// there is none. Headers compare ignoring case; Response may be written "Response time".
    public static func load(from file: LibraryFile) -> SeverityTable? {
        for block in file.document.allBlocks {
            guard case .table(let table) = block,
                let conditionColumn = column(of: table, conditionNames),
                let levelColumn = column(of: table, levelNames)
            else { continue }
            let responseColumn = column(of: table, responseNames)
            let escalationColumn = column(of: table, escalationNames)
            let matchesColumn = column(of: table, matchesNames)
            func cell(_ row: Table.Row, _ column: Int?) -> String {
                guard let column, column < row.cells.count else { return "" }
                return Inline.plainText(row.cells[column]).trimmed
            }
            let rows = table.rows.compactMap { row -> Row? in
                let level = cell(row, levelColumn)
                guard !level.isEmpty else { return nil }
                let condition = cell(row, conditionColumn)
                let phrases =
                    matchesColumn == nil
                    ? [condition]
                    : cell(row, matchesColumn).split(whereSeparator: { $0 == "," || $0 == ";" }).map {
                        $0.trimmed.strippingQuotes
                    }
                return Row(
                    condition: condition, level: level, response: cell(row, responseColumn),
                    escalateTo: cell(row, escalationColumn), phrases: phrases.filter { !$0.isEmpty }, line: row.line)
            }
            return SeverityTable(path: file.path, line: table.line, rows: rows)
        }
        return nil
    }

    /// The severity table of `library`: the one linked by a `**Severity table:**` label of `flow` (a
    /// triage flow's path), else of any file; else the first file, those named like `*severity*` before
    /// the others, each in path order, that has one.
    public static func find(in library: Library, flow: String? = nil) -> SeverityTable? {
        let paths = library.paths
        let flows = (flow.map { [$0] } ?? []) + paths.filter { $0 != flow }
        for path in flows {
            guard let file = library.files[path] else { continue }
            for case .paragraph(let paragraph) in file.document.allBlocks {
                for label in BoldLabel.labels(in: paragraph) where label.name.lowercased() == "severity table" {
                    for link in Inline.links(in: label.value) {
                        if let target = library.resolve(link.destination, from: path),
                            let linked = library.files[target], let table = load(from: linked)
                        {
                            return table
                        }
                    }
                }
            }
        }
        let named = paths.filter { LibraryPath.fileName(of: $0).lowercased().contains("severity") }
        for path in named + paths.filter({ !named.contains($0) }) {
            if let file = library.files[path], let table = load(from: file) { return table }
        }
        return nil
    }

    /// The severity proposed for these form answers: the first row, from the top, with a phrase that
    /// occurs in the impact answer as whole words (ignoring case and punctuation, so `total` matches
    /// "Total outage" but not "totally fine", and `sign-in` matches "sign in"). Without a match, the
    /// `fallback` level (a route's `**Severity:**`) with the reason "route default"; else nil.
    public func classify(answers: [String: String], fallback: String?) -> SeverityDecision? {
        let impact =
            answers[Self.impactKey]
            ?? answers.first { $0.key.lowercased() == Self.impactKey }?.value ?? ""
        let words = PhraseMatcher.words(of: impact)
        for row in rows {
            for phrase in row.phrases {
                if let range = PhraseMatcher.find(phrase, in: words) {
                    let said = String(impact[range])
                    return decision(row, reason: "\"\(said)\" in the impact answer")
                }
            }
        }
        guard let fallback = fallback?.trimmed, !fallback.isEmpty else { return nil }
        return decision(forLevel: fallback, reason: "route default")
            ?? SeverityDecision(level: fallback, condition: "", response: "", escalateTo: "", reason: "route default")
    }

    /// The row for a level given by hand (`--set severity=SEV2`): `SEV2`, `sev2`, `SEV-2`, `Sev 2` and `2`
    /// all select the row whose Severity is `SEV2`, and a condition ("Major feature down") selects its row.
    /// Nil when no row has that level.
    public func decision(forLevel level: String, reason: String) -> SeverityDecision? {
        let wanted = Self.levelKey(level)
        guard !wanted.isEmpty else { return nil }
        let isNumber = wanted.allSatisfy(\.isNumber)
        let row =
            rows.first { Self.levelKey($0.level) == wanted }
            ?? rows.first { isNumber && Self.levelKey($0.level).filter(\.isNumber) == wanted }
            ?? rows.first { Self.levelKey($0.condition) == wanted }
        return row.map { decision($0, reason: reason) }
    }

    private func decision(_ row: Row, reason: String) -> SeverityDecision {
        SeverityDecision(
            level: row.level, condition: row.condition, response: row.response, escalateTo: row.escalateTo,
            reason: reason)
    }

    /// Letters and digits only, lowercased: `SEV-2` and `sev 2` both give `sev2`.
    static func levelKey(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    private static func column(of table: Table, _ names: [String]) -> Int? {
        table.header.firstIndex { names.contains(Inline.plainText($0).trimmed.lowercased()) }
    }
}

extension String {
    /// The text without the quotation marks around it.
    fileprivate var strippingQuotes: String {
        let quotes: Set<Character> = ["\"", "'", "“", "”"]
        var text = Substring(self)
        while let first = text.first, quotes.contains(first) { text = text.dropFirst() }
        while let last = text.last, quotes.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
