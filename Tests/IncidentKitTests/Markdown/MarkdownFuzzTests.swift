import Testing

@testable import IncidentKit

/// Random and mutated input must always load: no crash, no hang, every block with a line in range.
@Suite struct MarkdownFuzzTests {
    /// A small deterministic generator, so a failure reproduces.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    static let fragments: [String] = [
        "```", "~~~", "```bash\n", "# ", "## Step 1: ", "- ", "- [ ] ", "1) ", "2. ", "> ", "---\n", "| a | b |\n",
        "|---|---|\n", "**Keywords:** ", "**Route:** [x](", ")", "`", "[", "]", "(", "\n", "\n\n", "\t", "\r\n", "<!--",
        "-->", "<details>", "\u{FEFF}", "{{upstream}}", "→", "\\", "    ", "***", "===", "![i](", "<http://a", "é",
    ]

    @Test func randomBytesNeverCrash() {
        var generator = Generator(state: 42)
        for _ in 0..<1500 {
            let count = Int.random(in: 0..<400, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            check(MarkdownDocument(path: "fuzz.md", bytes: bytes), lines: bytes.count + 1)
        }
    }

    @Test func markdownShapedNoiseNeverCrashes() {
        var generator = Generator(state: 7)
        for _ in 0..<1500 {
            let count = Int.random(in: 0..<80, using: &generator)
            let text = (0..<count).map { _ in Self.fragments.randomElement(using: &generator)! }.joined()
            let document = MarkdownDocument(path: "fuzz.md", text: text)
            check(document, lines: text.utf8.count + 1)
            _ = document.blocks.flatMap(\.inlineTexts).map {
                Inline.plainText($0.0) + Inline.codeSpans(in: $0.0).joined()
            }
        }
    }

    @Test func mutatedCorpusFilesLoadRouteAndLint() throws {
        var generator = Generator(state: 2026)
        let root = Paths.prometheusCorpus + "/content/runbooks"
        let paths = FileSystem.files(under: root, suffix: ".md")
        try #require(paths.count > 50)
        for path in paths.prefix(60) {
            let original = try #require(FileSystem.read(root + "/" + path))
            for _ in 0..<10 {
                var bytes = original
                for _ in 0..<Int.random(in: 1...20, using: &generator) where !bytes.isEmpty {
                    let index = Int.random(in: 0..<bytes.count, using: &generator)
                    switch Int.random(in: 0..<3, using: &generator) {
                    case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
                    case 1: bytes.remove(at: index)
                    default:
                        bytes.insert(
                            contentsOf: Array(Self.fragments.randomElement(using: &generator)!.utf8), at: index)
                    }
                }
                let document = MarkdownDocument(path: path, bytes: bytes)
                check(document, lines: bytes.count + 1)
                let file = LibraryFile(path: "runbooks/" + path, document: document)
                _ = IncidentForm(file)
                _ = Checklist(file)
                _ = Workflow(file)
                _ = GateSet(file)
                _ = RouteIndex.route(for: file)
            }
        }
    }

    private func check(_ document: MarkdownDocument, lines: Int) {
        for block in document.allBlocks where block.line < 1 || block.line > lines {
            Issue.record("block line \(block.line) outside 1...\(lines)")
        }
    }
}
