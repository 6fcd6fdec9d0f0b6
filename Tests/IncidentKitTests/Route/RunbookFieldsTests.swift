import Testing

@testable import IncidentKit

/// `RunbookFields` reads a runbook's routing fields from its bytes; `RouteIndex.route(for:)` makes them
/// from the parsed document. Both must agree field for field, on real runbooks and on noise.
@Suite struct RunbookFieldsTests {
    private func parsed(_ path: String, _ bytes: [UInt8]) -> Route {
        RouteIndex.route(for: LibraryFile(path: path, document: MarkdownDocument(path: path, bytes: bytes)))
    }

    private func expectSameRoute(_ path: String, _ bytes: [UInt8]) {
        let fast = RunbookFields(path: path, bytes: bytes).route(path: path)
        let reference = parsed(path, bytes)
        guard fast != reference else { return }
        let firstDifference = zip(fast.fields, reference.fields).first { $0 != $1 }
        Issue.record(
            """
            \(path): title \(fast.title == reference.title ? "same" : "'\(fast.title)' vs '\(reference.title)'"), \
            line \(fast.line) vs \(reference.line), \(fast.fields.count) vs \(reference.fields.count) fields; \
            first difference: \(firstDifference.map { "\($0.0) vs \($0.1)" } ?? "none")
            """)
    }

    @Test func everyCorpusRunbookReadsAsTheMarkdownReaderReadsIt() throws {
        var count = 0
        for root in [Paths.corpora, Paths.packageRoot + "/runbooks", Paths.fixtures] {
            for path in FileSystem.files(under: root, suffix: ".md") {
                let bytes = try #require(FileSystem.read(root + "/" + path))
                expectSameRoute(path, bytes)
                count += 1
            }
        }
        #expect(count > 380)
    }

    /// Pieces of nested markdown beside the fuzz tests' own: indented items and fences, tasks, tables,
    /// summary sections, setext underlines, HTML and escapes.
    static let fragments =
        MarkdownFuzzTests.fragments + [
            "\n  - ", "\n    - ", "\n   ```\n", "\n\t```sh\n", "\n\t- ", " [x] ", "- [X]", "\n## Meaning\n",
            "\n## Impact\n", "Summary\n---\n", "Title\n===\n", "| a \\| b | `c|d` |\n", "|:-:|--|\n", "<div>\n",
            "</div>", "<p>x", "<br/>", "_snake_case_", " * ", "**bold**", "`` a ` b ``", "[a [b]](c)", "\\*", "#####",
            "####### x", "# T #", "10. ", "1234567890. ", ">> ", "\n\n    code", "~~~~\n", "\u{00A0}", "e\u{301}",
            "\u{301}", "\u{2003}",
            // Found in review: characters equal to ASCII ones, and a Prepend character before a blank.
            "\u{1FEF}\u{1FEF}\u{1FEF}\n", "<\u{212A}bd>", "\u{037E}", "x\u{0D4E} ", "\u{0D4E} #",
        ]

    @Test func markdownShapedNoiseReadsAsTheMarkdownReaderReadsIt() {
        var generator = MarkdownFuzzTests.Generator(state: 11)
        for _ in 0..<10000 {
            let count = Int.random(in: 0..<60, using: &generator)
            let text = (0..<count).map { _ in Self.fragments.randomElement(using: &generator)! }.joined()
            expectSameRoute("runbooks/Noise.md", Array(text.utf8))
        }
    }

    @Test func randomBytesReadAsTheMarkdownReaderReadsThem() {
        var generator = MarkdownFuzzTests.Generator(state: 5)
        for _ in 0..<3000 {
            let count = Int.random(in: 0..<300, using: &generator)
            // Mostly markdown's ASCII punctuation, blanks and line ends, with invalid UTF-8 among them.
            let alphabet = Array("#-*_`~>|<[]()!\\ \t\r\n1.a".utf8) + [0xC3, 0xA9, 0xCC, 0x81, 0xEF, 0xBB, 0xBF, 0xFF]
            expectSameRoute("runbooks/Bytes.md", (0..<count).map { _ in alphabet.randomElement(using: &generator)! })
        }
    }

    @Test func asciiIsTellingEveryByteBelow128() {
        for count in 0..<20 {
            let ascii = [UInt8](repeating: 0x7F, count: count)
            #expect(RunbookFields.isASCII(ascii))
            for position in 0..<count {
                var bytes = ascii
                bytes[position] = 0x80
                #expect(!RunbookFields.isASCII(bytes), "\(count) \(position)")
            }
        }
    }

    /// Found in review: the markdown reader decides by characters where these differ from their bytes.
    @Test func charactersThatReadAsOthersGoThroughTheParsedDocument() {
        for text in [
            "# T\n\n\u{1FEF}\u{1FEF}\u{1FEF}\ndisk full\n```\n\nafter text\n",
            "# T\n\n<\u{212A}bd>disk full words\n\nafter\n", "# Disk full\u{0D4E} \n", "# Disk full\u{0D4E} #\n",
        ] {
            #expect(RunbookFields.joinsCharacters(Array(text.utf8)), "\(text)")
            expectSameRoute("runbooks/Review.md", Array(text.utf8))
        }
        #expect(!RunbookFields.joinsCharacters(Array("# Café déjà vu — “quoted”\n".utf8)))
    }
}
