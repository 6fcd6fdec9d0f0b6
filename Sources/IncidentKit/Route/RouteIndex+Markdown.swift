extension RouteIndex {
    static let keywordLabels: Set<String> = ["keywords", "keyword", "trigger keywords", "trigger keyword", "triggers"]
    static let routeLabels: Set<String> = ["route", "routes", "route to", "flow", "flows", "runbook", "runbooks"]
    static let fallbackLabels: Set<String> = ["fallback", "default route", "default"]

    /// Reads a router-pack index: one route per heading whose section has a `**Keywords:**` label, or one
    /// per row of a table with a keywords column and a route column.
    static func parse(_ file: LibraryFile, in library: Library) -> RouteIndex {
        var routes: [Route] = []
        var fallback: String?
        var current: Route?
        var awaitingExamples = false

        func finish() {
            if let route = current, !route.keywords.isEmpty || !route.targets.isEmpty { routes.append(route) }
            current = nil
        }
        func targets(in value: String, line: Int) -> [Route.Target] {
            var destinations = Inline.links(in: value).map(\.destination)
            if destinations.isEmpty {
                // Router packs also name their flows as code spans or bare paths: `flows/TRIAGE.md`.
                destinations =
                    (Inline.codeSpans(in: value)
                    + value.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init))
                    .filter { $0.lowercased().hasSuffix(".md") }
            }
            var seen: Set<String> = []
            return destinations.filter { seen.insert($0).inserted && !LibraryPath.isExternal($0) }.map {
                Route.Target(destination: $0, path: library.resolve($0, from: file.path), line: line)
            }
        }

        /// Applies one label to a route; true when it opens an `**Examples:**` list.
        func apply(_ label: BoldLabel, to route: inout Route) -> Bool {
            let name = label.name.lowercased()
            if keywordLabels.contains(name) {
                route.keywords += keywords(in: label.value, line: label.line)
            } else if routeLabels.contains(name) {
                route.targets += targets(in: label.value, line: label.line)
            } else if name == "severity" {
                route.severity = Inline.plainText(label.value).trimmed
            } else if name == "examples" || name == "example" {
                let value = Inline.plainText(label.value).trimmed
                if value.isEmpty { return true }
                route.examples.append(Route.Example(text: value, line: label.line))
            }
            return false
        }

        for block in file.document.blocks {
            switch block {
            case .heading(let heading):
                finish()
                awaitingExamples = false
                current = Route(
                    title: Inline.plainText(heading.text), file: file.path, line: heading.line, keywords: [],
                    targets: [], severity: nil, examples: [], fields: [])
            case .paragraph(let paragraph):
                awaitingExamples = false
                for label in BoldLabel.labels(in: paragraph) {
                    if fallbackLabels.contains(label.name.lowercased()) {
                        fallback = targets(in: label.value, line: label.line).first?.path
                    } else if current != nil {
                        awaitingExamples = apply(label, to: &current!) || awaitingExamples
                    }
                }
            case .list(let list) where awaitingExamples && current != nil:
                current!.examples += list.items.map {
                    Route.Example(text: Inline.plainText($0.text).unquoted, line: $0.line)
                }
                awaitingExamples = false
            case .list(let list) where current != nil:
                // Labels written as list items: `- **Keywords:** ...`.
                for item in list.items {
                    guard case .paragraph(let paragraph)? = item.blocks.first else { continue }
                    for label in BoldLabel.labels(in: paragraph) { _ = apply(label, to: &current!) }
                }
            case .table(let table):
                guard let keywordColumn = table.column(named: "keywords", "keyword", "triggers", "trigger keywords"),
                    let routeColumn = table.column(named: "route", "route to", "flow", "runbook")
                else { break }
                finish()
                let titleColumn = table.column(named: "category", "type", "incident", "symptom", "name") ?? 0
                for row in table.rows {
                    routes.append(
                        Route(
                            title: Inline.plainText(row.cells[titleColumn]), file: file.path, line: row.line,
                            keywords: keywords(in: row.cells[keywordColumn], line: row.line),
                            targets: targets(in: row.cells[routeColumn], line: row.line), severity: nil, examples: [],
                            fields: []))
                }
            default:
                break
            }
        }
        finish()
        // Examples are not scored: they are the route's test cases, which lint checks.
        for index in routes.indices {
            routes[index].fields = [Route.Field(kind: .title, text: routes[index].title, line: routes[index].line)]
        }
        if fallback == nil {
            // Looked for on disk too: loaded for routing, the library holds only the index.
            fallback = ["runbooks/INCIDENT_TRIAGE.md", "flows/INCIDENT_TRIAGE.md"].first {
                library.files[$0] != nil || FileSystem.isFile(library.root + "/" + $0)
            }
        }
        return RouteIndex(routes: routes, source: file.path, fallback: fallback)
    }

    /// The comma- or semicolon-separated keywords of a label value, without quotes and code marks.
    static func keywords(in value: String, line: Int) -> [Route.Keyword] {
        Inline.plainText(value).split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" }).compactMap {
            let text = String($0).trimmed.unquoted
            return text.isEmpty ? nil : Route.Keyword(text: text, line: line)
        }
    }
}

extension String {
    /// The string without one pair of surrounding quotes.
    var unquoted: String {
        for (open, close) in [("\"", "\""), ("'", "'"), ("“", "”")]
        where count >= 2 && hasPrefix(open) && hasSuffix(close) {
            return String(dropFirst().dropLast())
        }
        return self
    }
}
