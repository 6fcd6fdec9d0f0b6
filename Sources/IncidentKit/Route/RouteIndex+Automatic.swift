extension RouteIndex {
    /// Section names whose text describes the symptom itself; the router weighs them above the body.
    static let summarySections: Set<String> = [
        "meaning", "impact", "symptoms", "symptom", "summary", "description", "overview", "problem", "alert",
    ]

    /// One route per runbook file, for libraries that have no keyword index (the corpora, most teams'
    /// collections): titled by the file's heading, scored on its alert name, headings, sections and text.
    /// Made on every core for large collections, in path order.
    static func automatic(for library: Library) -> RouteIndex {
        let runbooks = library.paths.compactMap { library.files[$0] }.filter { $0.kind == .runbook }
        return RouteIndex(routes: runbooks.concurrentMap(route(for:)), source: nil)
    }

    static func route(for file: LibraryFile) -> Route {
        let document = file.document
        let stem = String(LibraryPath.fileName(of: file.path).dropLast(3))
        var fields: [Route.Field] = [Route.Field(kind: .alert, text: stem, line: 1)]
        var titleLine = 1
        var hasTitle = false
        if let entry = document.frontMatter?.entry("title"), !entry.value.text.isEmpty {
            fields.append(Route.Field(kind: .title, text: entry.value.text, line: entry.line))
            titleLine = entry.line
            hasTitle = true
        }
        // Without an H1 or a front-matter title, the first heading is the title shown
        // (`MarkdownDocument.title`), and weighs and names the route as one.
        hasTitle =
            hasTitle
            || document.blocks.contains { if case .heading(let heading) = $0 { heading.level == 1 } else { false } }
        var section = ""
        var sawTitle = false
        func add(_ blocks: [Block], topLevel: Bool) {
            for block in blocks {
                switch block {
                case .heading(let heading):
                    if !sawTitle && (heading.level == 1 || (!hasTitle && topLevel)) {
                        sawTitle = true
                        titleLine = heading.line
                        fields.append(
                            Route.Field(kind: .title, text: Inline.plainText(heading.text), line: heading.line))
                    } else {
                        fields.append(
                            Route.Field(kind: .heading, text: Inline.plainText(heading.text), line: heading.line))
                    }
                    section = Inline.plainText(heading.text)
                case .paragraph(let paragraph):
                    let kind: Route.Field.Kind = summarySections.contains(section.lowercased()) ? .summary : .body
                    fields.append(
                        Route.Field(
                            kind: kind, text: Inline.plainText(paragraph.text), line: paragraph.line, section: section))
                case .code(let code):
                    fields.append(Route.Field(kind: .code, text: code.content, line: code.line, section: section))
                case .list(let list):
                    for item in list.items { add(item.blocks, topLevel: false) }
                case .quote(let quote):
                    add(quote.blocks, topLevel: false)
                case .table:
                    for (text, line) in block.inlineTexts {
                        let kind: Route.Field.Kind = summarySections.contains(section.lowercased()) ? .summary : .body
                        fields.append(
                            Route.Field(kind: kind, text: Inline.plainText(text), line: line, section: section))
                    }
                case .thematicBreak, .html:
                    break
                }
            }
        }
        add(document.blocks, topLevel: true)
        let title = document.title ?? stem
        return Route(
            title: title, file: file.path, line: titleLine, keywords: [],
            targets: [Route.Target(destination: file.path, path: file.path, line: titleLine)], severity: nil,
            examples: [], fields: fields)
    }
}
