import Testing

@testable import IncidentKit

/// Random markdown built from the pieces the reader, the analyzer and the projection treat specially:
/// the search must never miss a term the router reads. Seeded, so a failure replays.
@Suite struct RunbookSearchFuzzTests {
    /// Words, negations, numbers and separators, links and images, code spans, emphasis, escapes, blocks,
    /// CRLF, non-ASCII letters and combining marks.
    static let pieces: [String] = [
        "Not", "Ready", "isn", "'t", "t", "’t", "can", "Crash", "Loop", "502", "5xx", "s", "1", "2", ".", ":", "-",
        "/", "4ghz", "[", "]", "](u)", "](u", "(", ")", "![x](y)", "[](u)", "!", "`", "``", "*", "**", "_", "\\",
        "<", ">", "<https://a/Ready>", " ", "  ", "\n", "\n\n", "# ", "\n> ", "\n- ", "|", "\n|---|---|\n", "---\n",
        "title: ", "\n===\n", "\n```\n", "\t", "&amp;", "é", "É", "\u{301}", "\r\n", "\r", "\u{FEFF}", "\"", "ing",
        "ies", "ation", "Http", "HTTP",
    ]

    static func markdown(_ generator: inout SeededGenerator, pieces count: ClosedRange<Int>) -> String {
        (0..<Int.random(in: count, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            .joined()
    }

    @Test func randomMarkdownHidesNoTerm() {
        var generator = SeededGenerator(seed: 5)
        var misses: [String: [String]] = [:]
        for _ in 0..<15_000 {
            let markdown = Self.markdown(&generator, pieces: 1...14)
            let missed = RunbookSearchTests.missedTerms(path: "runbooks/x.md", bytes: Array(markdown.utf8))
            if !missed.isEmpty, misses.count < 10 { misses[markdown] = missed }
        }
        #expect(misses.isEmpty, "\(misses)")
    }

    /// From the symptom's side: whenever the router scores a one-runbook library for a symptom, the
    /// search for that symptom keeps the runbook.
    @Test func whatTheRouterScoresTheSearchKeeps() {
        let symptoms = [
            "not", "ready", "isn't", "can't", "crash", "loop", "crashloop", "502", "503", "5xx", "2.4ghz", "http",
            "not ready", "crash loop", "é", "doesn’t", "readiness", "tries",
        ]
        var generator = SeededGenerator(seed: 7)
        var misses: [String] = []
        for _ in 0..<3_000 {
            let markdown = Self.markdown(&generator, pieces: 1...10)
            let symptom = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                symptoms.randomElement(using: &generator)!
            }.joined(separator: " ")
            if RunbookSearchTests.score(markdown, symptom) > 0, !RunbookSearchTests.mayMatch(markdown, symptom),
                misses.count < 10
            {
                misses.append("\(String(reflecting: markdown)) / \(symptom)")
            }
        }
        #expect(misses.isEmpty, "\(misses)")
    }

    /// The projection eight bytes at a time equals the projection byte by byte: over every real runbook,
    /// and over random markdown with every byte the table acts on at every offset of the eight.
    @Test func eightBytesAtATimeProjectAsOneByOne() throws {
        /// Whether both ways give the same text and the same findings.
        func agree(_ bytes: [UInt8]) -> Bool {
            let both = [true, false].map { eightAtATime in
                var output = [UInt8](repeating: 0, count: max(1, bytes.count))
                let projection = bytes.withUnsafeBufferPointer { bytes in
                    output.withUnsafeMutableBufferPointer {
                        RunbookSearch.project(bytes, into: $0.baseAddress!, eightAtATime: eightAtATime)
                    }
                }
                return (text: Array(output[..<projection.count]), projection: projection)
            }
            return both[0].text == both[1].text && both[0].projection == both[1].projection
        }
        var checked = 0
        for root in [Paths.corpora, Paths.packageRoot] {
            for path in LibraryManifest.paths(root: root) where LibraryFile.Kind(path: path) == .runbook {
                let bytes = try #require(FileSystem.read(root + "/" + path))
                let agreed = agree(bytes)
                #expect(agreed, "\(path)")
                checked += 1
            }
        }
        #expect(checked > 380)
        // Runs of plain bytes (any length, so that each byte after them falls at every offset of the eight),
        // each followed by a byte the table acts on or any byte at all.
        var generator = SeededGenerator(seed: 11)
        let plain = Array("abcXYZ 09.'\n".utf8)
        // Parentheses most: a `(` the eight-byte path let by uncounted shows only a few pieces later.
        let acted = "()*<>[\\]_`(()))".utf8.map { [$0] } + [Array("](".utf8), Array("](".utf8), [0x80], [0xC3], [0xFF]]
        for _ in 0..<20_000 {
            var markdown: [UInt8] = []
            for _ in 0..<Int.random(in: 1...12, using: &generator) {
                for _ in 0..<Int.random(in: 0...19, using: &generator) {
                    markdown.append(plain.randomElement(using: &generator)!)
                }
                markdown +=
                    Bool.random(using: &generator)
                    ? acted.randomElement(using: &generator)! : [UInt8.random(in: 0...255, using: &generator)]
            }
            let agreed = agree(markdown)
            #expect(agreed, "\(String(decoding: markdown, as: UTF8.self))")
            if !agreed { break }
        }
    }

    /// Every byte value at every offset of the eight, at every alignment, inside an open destination
    /// (from a second review): eight at a time projects as one by one.
    @Test func everyByteAtEveryOffsetOfTheEight() {
        func projection(_ bytes: [UInt8], _ eight: Bool) -> ([UInt8], RunbookSearch.Projection) {
            var output = [UInt8](repeating: 0, count: max(1, bytes.count))
            let projection = bytes.withUnsafeBufferPointer { bytes in
                output.withUnsafeMutableBufferPointer {
                    RunbookSearch.project(bytes, into: $0.baseAddress!, eightAtATime: eight)
                }
            }
            return (Array(output[..<projection.count]), projection)
        }
        // ASCII bytes the table writes (lowercased or not).
        let plain = (0..<0x80).map { UInt8($0) }.filter { !Array("()*<>[\\]_`".utf8).contains($0) }
        var generator = SeededGenerator(seed: 99)
        var failures: [String] = []
        for prefixLength in 0..<8 {
            for offset in 0..<8 {
                for value in 0...255 {
                    for _ in 0..<6 {
                        // `[](` opens a destination, then `prefixLength` plain bytes align the eight.
                        var bytes = Array("[](".utf8)
                        for _ in 0..<prefixLength { bytes.append(plain.randomElement(using: &generator)!) }
                        for _ in 0..<offset { bytes.append(plain.randomElement(using: &generator)!) }
                        bytes.append(UInt8(value))
                        for _ in (offset + 1)..<9 {
                            bytes.append(
                                Bool.random(using: &generator)
                                    ? plain.randomElement(using: &generator)!
                                    : UInt8.random(in: 0...255, using: &generator))
                        }
                        bytes += Array("))a".utf8)
                        let eight = projection(bytes, true)
                        let one = projection(bytes, false)
                        if eight.0 != one.0 || eight.1 != one.1, failures.count < 10 {
                            failures.append("\(bytes)")
                        }
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// `contains`, with a search per key for a few keys and the pairs table for many, finds what a plain
    /// substring search finds.
    @Test func containsFindsWhatAPlainSearchFinds() {
        var generator = SeededGenerator(seed: 13)
        let alphabet = Array("abn't\u{2019}x0".utf8)
        func word(_ length: ClosedRange<Int>) -> [UInt8] {
            (0..<Int.random(in: length, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
        }
        for _ in 0..<20_000 {
            let terms = (0..<Int.random(in: 1...9, using: &generator)).map { _ in
                String(decoding: word(1...4), as: UTF8.self)
            }
            let text = word(0...20)
            let expected = terms.flatMap(RunbookSearch.keys(of:)).contains { key in
                key.count <= text.count
                    && (0...(text.count - key.count)).contains { Array(text[$0..<($0 + key.count)]) == key }
            }
            let found = text.withUnsafeBufferPointer { RunbookSearch(terms: terms).contains($0) }
            #expect(found == expected, "\(terms) in \(String(decoding: text, as: UTF8.self))")
            if found != expected { break }
        }
    }
}
