import Testing

@testable import IncidentKit

@Suite struct MarkdownReaderTests {
    private func read(_ text: String) -> MarkdownDocument {
        MarkdownDocument(path: "doc.md", text: text)
    }

    @Test func atxHeadingsKeepLevelTextAndLine() {
        let document = read("intro\n\n## Nginx 502 ##\n###### six\n####### seven\n#nospace\n")
        let headings = document.blocks.compactMap { block -> Heading? in
            if case .heading(let heading) = block { return heading }
            return nil
        }
        #expect(headings == [Heading(level: 2, text: "Nginx 502", line: 3), Heading(level: 6, text: "six", line: 4)])
    }

    @Test func setextHeadings() {
        let document = read("Title\n=====\n\nSub\n---\n")
        #expect(
            document.blocks == [
                .heading(Heading(level: 1, text: "Title", line: 1)), .heading(Heading(level: 2, text: "Sub", line: 4)),
            ])
    }

    @Test(arguments: ["```", "~~~", "````"])
    func fencedCodeKeepsInfoAndContent(fence: String) throws {
        let document = read("text\n\(fence)bash timeout=5s\n# check\ncurl -I x\n\(fence)\nafter\n")
        let code = try #require(
            document.blocks.compactMap { block -> CodeBlock? in
                if case .code(let code) = block { return code }
                return nil
            }.first)
        #expect(code.info == "bash timeout=5s")
        #expect(code.language == "bash")
        #expect(code.content == "# check\ncurl -I x")
        #expect(code.line == 2)
        #expect(code.lines.map(\.number) == [3, 4])
        #expect(code.isClosed)
        #expect(document.diagnostics.isEmpty)
    }

    @Test func unterminatedFenceIsADiagnostic() {
        let document = read("# T\n\n```bash\nls\n")
        #expect(
            document.diagnostics.map(\.description) == [
                "doc.md:3: error: unterminated code fence: '```' is never closed"
            ])
    }

    @Test func orderedListsWithBothDelimitersAndNestedAttributes() throws {
        let document = read("1) App/Service name `service`\n   - Hint: the unit\n2) ENV (dev/prod)\n\n1. a\n2. b\n")
        let lists = document.blocks.compactMap { block -> ListBlock? in
            if case .list(let list) = block { return list }
            return nil
        }
        try #require(lists.count == 2)
        #expect(lists[0].isOrdered)
        #expect(lists[0].items.map(\.title) == ["App/Service name `service`", "ENV (dev/prod)"])
        #expect(lists[0].items.map(\.line) == [1, 3])
        guard case .list(let nested)? = lists[0].items[0].blocks.last else {
            Issue.record("expected a nested list")
            return
        }
        #expect(nested.items.map(\.title) == ["Hint: the unit"])
        #expect(nested.items[0].line == 2)
        #expect(lists[1].items.map(\.number) == [1, 2])
    }

    @Test func taskLists() {
        let document = read("- [ ] open\n- [x] done\n- plain\n")
        guard case .list(let list)? = document.blocks.first else {
            Issue.record("expected a list")
            return
        }
        #expect(list.items.map(\.task) == [.open, .done, nil])
        #expect(list.items.map(\.title) == ["open", "done", "plain"])
    }

    @Test func fenceInsideListItem() {
        let document = read("1. Restart\n   ```bash\n   systemctl restart x\n   ```\n2. Verify\n")
        guard case .list(let list)? = document.blocks.first else {
            Issue.record("expected a list")
            return
        }
        #expect(list.items.count == 2)
        guard case .code(let code)? = list.items[0].blocks.last else {
            Issue.record("expected code in the first item")
            return
        }
        #expect(code.content == "systemctl restart x")
        #expect(code.line == 2)
    }

    @Test func tablesWithAlignmentEscapesAndCodeSpans() throws {
        let document = read(
            "| Pattern | Meaning |\n|:---|---:|\n| `a|b` | pipe in code |\n| x \\| y | escaped |\n| short |\n")
        guard case .table(let table)? = document.blocks.first else {
            Issue.record("expected a table")
            return
        }
        #expect(table.header == ["Pattern", "Meaning"])
        #expect(table.rows.map(\.cells) == [["`a|b`", "pipe in code"], ["x | y", "escaped"], ["short", ""]])
        #expect(table.rows.map(\.line) == [3, 4, 5])
        #expect(table.column(named: "meaning") == 1)
    }

    @Test func blockQuotesThematicBreaksAndParagraphs() {
        let document = read("> **Note:** quoted\n> more\n\n***\n\npara one\npara two\n")
        #expect(document.blocks.count == 3)
        guard case .quote(let quote) = document.blocks[0], case .paragraph(let inner)? = quote.blocks.first else {
            Issue.record("expected a quote holding a paragraph")
            return
        }
        #expect(inner.text == "**Note:** quoted\nmore")
        #expect(document.blocks[1] == .thematicBreak(line: 4))
        guard case .paragraph(let paragraph) = document.blocks[2] else {
            Issue.record("expected a paragraph")
            return
        }
        #expect(paragraph.line == 6)
        #expect(paragraph.text == "para one\npara two")
    }

    /// Markers are recognised on bytes: a marker character followed by a combining mark, a look-alike
    /// dash, or other text around a fence does not count, and blanks around markers are trimmed.
    @Test func markersNextToNonASCIIText() {
        #expect(MarkdownReader.isThematicBreak("- - -"))
        #expect(MarkdownReader.isThematicBreak("_\t_ _"))
        #expect(!MarkdownReader.isThematicBreak("—-—"))
        #expect(!MarkdownReader.isThematicBreak("---\u{301}"))
        #expect(!MarkdownReader.isThematicBreak("-- é"))
        #expect(" \t é \t".dropFirst(0).trimmingWhitespace() == "é")
        #expect("\u{3000}x\u{3000}".dropFirst(0).trimmingWhitespace() == "\u{3000}x\u{3000}")
        let fence = read("```\nline\n``` é\n```\u{301}\n```\nafter\n")
        guard case .code(let code)? = fence.blocks.first else {
            Issue.record("expected a code block")
            return
        }
        #expect(code.lines.map(\.text) == ["line", "``` é", "```\u{301}"])
        #expect(code.isClosed)
        #expect(read("Title\n=\u{301}\n").blocks.count == 1)  // not a setext underline: one paragraph
        #expect(read("Title\n==\n").blocks == [.heading(Heading(level: 1, text: "Title", line: 1))])
        #expect(read("–\titem\n").blocks.first.map { if case .list = $0 { true } else { false } } == false)
        #expect(read("  12) item\n").blocks.first.map { if case .list = $0 { true } else { false } } == true)
    }

    /// A marker character that a combining mark (or a variation selector) joins is another character:
    /// it opens no quote, fence or HTML block, and a blank it joins is not trimmed. The first reader to
    /// recognise markers on bytes looped forever on `>` + U+0301 (review of stop 9).
    @Test(arguments: [
        ">\u{301}", ">\u{FE0F} text", "~\u{338}~\u{338}~\u{338}", "`\u{301}`\u{301}`\u{301}",
        "<\u{301}div> memory leak",
        "#\u{301} title", "-\u{301} item",
    ])
    func markerJoinedByACombiningMarkIsText(line: String) {
        let document = read("# T\n\n\(line)\nmemory\n")
        #expect(document.diagnostics.isEmpty)
        #expect(document.blocks.count == 2)
        guard case .paragraph(let paragraph)? = document.blocks.last else {
            Issue.record("expected a paragraph")
            return
        }
        #expect(paragraph.text == line + "\nmemory")
    }

    @Test func trimmingKeepsBlanksThatAreJoinedToACharacter() {
        #expect(" \u{301}Disk full ".dropFirst(0).trimmingWhitespace() == " \u{301}Disk full")
        #expect("Disk full\u{600} ".dropFirst(0).trimmingWhitespace() == "Disk full\u{600} ")
        #expect("\t Disk\u{301} \t".dropFirst(0).trimmingWhitespace() == "Disk\u{301}")
        #expect(" é ".dropFirst(0).trimmingWhitespace() == "é")
        #expect(" \t ".dropFirst(0).trimmingWhitespace() == "")
        #expect(read("---\ntitle: \u{301}Disk full\n---\n").frontMatter?["title"]?.text == " \u{301}Disk full")
        #expect(read("#  \u{301}Disk full\n").title == " \u{301}Disk full")
    }

    @Test func frontMatterWithValuesAndLists() throws {
        let document = read(
            "---\ntitle: Kube Pod Crash Looping\nweight: 20\ntags: [k8s, pods]\nowners:\n  - sre\n  - platform\n---\n# KubePodCrashLooping\n"
        )
        let front = try #require(document.frontMatter)
        #expect(front["title"] == .text("Kube Pod Crash Looping"))
        #expect(front["tags"] == .list(["k8s", "pods"]))
        #expect(front["owners"] == .list(["sre", "platform"]))
        #expect(document.blocks == [.heading(Heading(level: 1, text: "KubePodCrashLooping", line: 9))])
        #expect(document.title == "KubePodCrashLooping")
    }

    @Test func boldLabels() throws {
        let document = read("**Keywords:** 502, bad gateway\n**Route**: [flow](a.md)\n  continues\n**not a label\n")
        guard case .paragraph(let paragraph)? = document.blocks.first else {
            Issue.record("expected a paragraph")
            return
        }
        let labels = BoldLabel.labels(in: paragraph)
        #expect(labels.map(\.name) == ["Keywords", "Route"])
        #expect(labels.map(\.line) == [1, 2])
        #expect(labels[1].value == "[flow](a.md)\ncontinues\n**not a label")
    }

    @Test func inlineCodeSpansLinksAndPlainText() {
        let text =
            "Run `kubectl get pods` then see [the docs](https://k8s.io/x \"t\") and ![img](a.png) <https://a.b/c>"
        #expect(Inline.codeSpans(in: text) == ["kubectl get pods"])
        #expect(Inline.links(in: text).map(\.destination) == ["https://k8s.io/x", "https://a.b/c"])
        #expect(Inline.plainText("**Bold** and _em_ and snake_case `co*de`") == "Bold and em and snake_case co*de")
        #expect(Inline.codeSpans(in: "``a ` b``") == ["a ` b"])
    }

    /// Plain text skips the scan when a text has no markup byte; over every text of the corpora it must
    /// equal what the scan gives.
    @Test func plainTextEqualsTheScanOverTheCorpora() throws {
        let library = try Library.load(root: Paths.corpora)
        var texts = ["", "no markup at all: é, ü, 中文 (x) ! # ~ = | > 502", "a!b(c)d"]
        for file in library.files.values {
            for block in file.document.allBlocks { texts += block.inlineTexts.map(\.0) }
        }
        var plain = 0
        for text in texts {
            var scanned = ""
            Inline.scan(text) { token in
                switch token {
                case .text(let value), .code(let value): scanned += value
                case .link(let link): scanned += link.text
                }
            }
            #expect(Inline.plainText(text) == scanned)
            if scanned == text { plain += 1 }
        }
        #expect(texts.count > 5000)
        #expect(plain > 1000 && plain < texts.count)
    }

    @Test func crlfTabsBomAndInvalidUTF8() {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array("# Title\r\n\r\n-\tone\r\n".utf8)
        bytes += [0xFF, 0xFE, 0x41, 0x0A]
        let document = MarkdownDocument(path: "x.md", bytes: bytes)
        #expect(document.title == "Title")
        #expect(document.blocks.count == 2)
        guard case .list(let list) = document.blocks[1] else {
            Issue.record("expected a list")
            return
        }
        #expect(list.items[0].text == "one\n\u{FFFD}\u{FFFD}A")
        #expect(document.lineCount == 4)
    }

    @Test func unknownConstructsBecomeParagraphs() {
        let document = read("{{< hint info >}}\n<device-name> crossed 80%\n    indented text\n")
        guard case .paragraph(let paragraph)? = document.blocks.first else {
            Issue.record("expected a paragraph")
            return
        }
        #expect(paragraph.lines.count == 3)
    }

    @Test func htmlCommentsAndDetailsAreKeptApart() {
        let document = read("<!-- a\ncomment -->\n<details>\n<summary>x</summary>\n\ntext\n")
        #expect(document.blocks.count == 3)
        #expect(document.blocks[0] == .html(HTMLBlock(text: "<!-- a\ncomment -->", line: 1)))
    }

    @Test func deepNestingDoesNotExhaustTheStack() {
        let document = read(
            String(repeating: ">", count: 5000) + " deep\n" + String(repeating: "- ", count: 3000) + "x\n")
        #expect(!document.blocks.isEmpty)
    }
}
