import Testing

@testable import IncidentKit

@Suite struct FindingMatcherTests {
    static let checklistPath = "checklists/NGINX_502_EVIDENCE.md"
    static let nginxLine =
        #"2026/01/05 10:30:12 [error] 1234#1234: *5678 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: _, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:8000/", host: "127.0.0.1""#
    static let curlLine =
        "curl: (7) Failed to connect to 127.0.0.1 port 8000 after 0 ms: Couldn't connect to server"
    static let systemdLine = "System has not been booted with systemd as init system (PID 1). Can't operate."

    static func defaultPatterns() throws -> [ErrorPattern] {
        let library = try Library.load(root: Paths.packageRoot)
        return Checklist(try #require(library.files[checklistPath])).patterns
    }

    static func ran(_ title: String, _ lines: [String]) -> EvidenceItem {
        var item = EvidenceItem(title: title, source: "\(checklistPath):1", command: "true", status: .ran)
        item.lines = lines
        return item
    }

    @Test func theSeedScenarioFindsTheUpstreamNotRunning() throws {
        let patterns = try Self.defaultPatterns()
        let evidence = [
            Self.ran("nginx unit state", [Self.systemdLine]),
            Self.ran("Upstream answers directly, bypassing nginx", [Self.curlLine]),
            Self.ran("nginx error log, last 50 lines", [Self.nginxLine, Self.nginxLine]),
        ]
        let findings = FindingMatcher.findings(
            patterns: patterns, patternFile: Self.checklistPath, evidence: evidence, errorText: nil)
        let refusedLine = try #require(
            patterns.first { $0.pattern == "connect() failed (111: Connection refused)" }?.line)
        let top = try #require(findings.first)
        #expect(top.meaning == "Upstream not running: nothing accepts connections on the upstream address")
        #expect(top.pattern == "connect() failed (111: Connection refused)")
        #expect(top.patternSource == "\(Self.checklistPath):\(refusedLine)")
        #expect(top.evidenceLine == Self.nginxLine)
        #expect(top.command == "nginx error log, last 50 lines")
        #expect(top.matches == 2)
        #expect(top.score == FindingMatcher.score(specificity: 42, matches: 2, fromCommand: true))
        // `curl: (7) Failed to connect` and `Connection refused` mean the same: one finding, three lines.
        #expect(findings.count == 2)
        let closed = findings[1]
        #expect(closed.meaning == "Upstream port closed: nothing listens on the upstream port")
        #expect(closed.pattern == "curl: (7) Failed to connect")
        #expect(closed.evidenceLine == Self.curlLine)
        #expect(closed.command == "Upstream answers directly, bypassing nginx")
        #expect(closed.matches == 3)
    }

    @Test func aLineMatchingNothingGivesNoFindings() throws {
        let evidence = [Self.ran("Free disk space", ["Filesystem      Size  Used Avail Use% Mounted on"])]
        let findings = FindingMatcher.findings(
            patterns: try Self.defaultPatterns(), patternFile: Self.checklistPath, evidence: evidence,
            errorText: "everything looks fine")
        #expect(findings.isEmpty)
        #expect(
            FindingMatcher.findings(patterns: [], patternFile: "x.md", evidence: evidence, errorText: nil).isEmpty)
    }

    @Test func onlyCommandsThatRanCount() throws {
        var skipped = Self.ran("nginx error log, last 50 lines", [Self.nginxLine])
        skipped.status = .skippedMissingVariables
        let findings = FindingMatcher.findings(
            patterns: try Self.defaultPatterns(), patternFile: Self.checklistPath, evidence: [skipped],
            errorText: nil)
        #expect(findings.isEmpty)
    }

    @Test func thePastedErrorTextIsEvidenceToo() throws {
        let findings = FindingMatcher.findings(
            patterns: try Self.defaultPatterns(), patternFile: Self.checklistPath, evidence: [],
            errorText: "502 Bad Gateway\r\nnginx/1.24.0 (Ubuntu)\n")
        #expect(findings.count == 1)
        #expect(findings.first?.command == FindingMatcher.pastedTextCommand)
        #expect(findings.first?.command == "form: error text")
        #expect(findings.first?.evidenceLine == "502 Bad Gateway")
        #expect(findings.first?.score == FindingMatcher.score(specificity: 15, matches: 1, fromCommand: false))
    }

    @Test func aCommandsLineIsQuotedBeforeThePastedOne() throws {
        let findings = FindingMatcher.findings(
            patterns: try Self.defaultPatterns(), patternFile: Self.checklistPath,
            evidence: [Self.ran("nginx error log, last 50 lines", [Self.nginxLine])], errorText: Self.nginxLine)
        #expect(findings.first?.command == "nginx error log, last 50 lines")
        #expect(findings.first?.matches == 2)
    }

    @Test func regularExpressionsMatchIgnoringCase() {
        let document = MarkdownDocument(
            path: "c.md",
            text: """
                ## Common Error Patterns

                - `/upstream timed out \\(110: [a-z ]+\\)/` → Upstream too slow
                - `/status=[0-9]+\\/KILL/` → Killed
                - `/(unclosed/` → Never matches: invalid
                - `/x*/` → Would match everything
                """)
        let patterns = ErrorPattern.patterns(in: document)
        #expect(patterns.map(\.isRegex) == [true, true, true, true])
        let line =
            "2026/01/05 10:31:40 [error] 1234#1234: *5701 upstream timed out (110: Connection timed out) while reading response header from upstream"
        let findings = FindingMatcher.findings(
            patterns: patterns, patternFile: "c.md",
            evidence: [
                Self.ran("log", [line, "Main process exited, code=killed, status=9/KILL", "nothing here"])
            ], errorText: nil)
        #expect(findings.map(\.meaning) == ["Upstream too slow", "Killed"])
        #expect(findings.map(\.pattern) == ["/upstream timed out \\(110: [a-z ]+\\)/", "/status=[0-9]+\\/KILL/"])
        #expect(findings.map(\.patternSource) == ["c.md:3", "c.md:4"])
        #expect(findings.first?.evidenceLine == line)
        let exact = ErrorPattern(pattern: "(?-i)ERROR", isRegex: true, meaning: "Upper case only", line: 9)
        let lower = FindingMatcher.findings(
            patterns: [exact], patternFile: "c.md", evidence: [Self.ran("log", ["error: lower"])], errorText: nil)
        #expect(lower.isEmpty)
        let upper = FindingMatcher.findings(
            patterns: [exact], patternFile: "c.md", evidence: [Self.ran("log", ["ERROR: upper"])], errorText: nil)
        #expect(upper.map(\.meaning) == ["Upper case only"])
    }

    @Test(arguments: [
        ("connect\\(\\) failed", 16), ("status=[0-9]+/KILL", 12), ("^\\d{3}$", 0), ("(?i)no live upstreams", 17),
        ("refused|timed out", 7), ("a.b*c+", 3), ("[", 0), ("\\", 0), ("(", 0), ("\\p{L}+ error", 6),
    ])
    func regexSpecificityIsItsLiteralLength(pattern: String, length: Int) {
        #expect(CompiledPattern.literalLength(ofRegex: pattern) == length)
    }

    @Test func moreSpecificThenMoreLinesThenCommands() {
        func pattern(_ text: String, _ meaning: String, _ line: Int) -> ErrorPattern {
            ErrorPattern(pattern: text, isRegex: false, meaning: meaning, line: line)
        }
        let patterns = [
            pattern("refused", "A", 1), pattern("Too many open files", "B", 2), pattern("timeout", "C", 3),
            pattern("kill -9", "D", 4),
        ]
        let findings = FindingMatcher.findings(
            patterns: patterns, patternFile: "p.md",
            evidence: [
                Self.ran("one", ["accept4() failed (24: Too many open files)", "refused", "refused", "kill -9 1234"])
            ],
            errorText: "TIMEOUT")
        // Equally specific: more lines first, then a command's line before the pasted text's.
        #expect(findings.map(\.meaning) == ["B", "A", "D", "C"])
        #expect(findings.map(\.matches) == [1, 2, 1, 1])
        #expect(findings.map(\.command) == ["one", "one", "one", "form: error text"])
    }

    @Test func sameMeaningMergesAndCountsEachLineOnce() {
        let patterns = [
            ErrorPattern(pattern: "Connection refused", isRegex: false, meaning: "Port closed", line: 1),
            ErrorPattern(pattern: "curl: (7)", isRegex: false, meaning: "port closed.", line: 2),
        ]
        let line = "curl: (7) Failed to connect to 127.0.0.1 port 8000 after 0 ms: Connection refused"
        let findings = FindingMatcher.findings(
            patterns: patterns, patternFile: "p.md", evidence: [Self.ran("curl", [line, "Connection refused"])],
            errorText: nil)
        #expect(findings.count == 1)
        #expect(findings.first?.pattern == "Connection refused")
        #expect(findings.first?.matches == 2)
    }

    @Test func longLinesAreQuotedAroundTheMatch() throws {
        let line =
            String(repeating: "x", count: 500) + " connect() failed (111: Connection refused) " + "y"
            + String(repeating: "z", count: 500)
        let findings = FindingMatcher.findings(
            patterns: try Self.defaultPatterns(), patternFile: Self.checklistPath,
            evidence: [Self.ran("log", ["   " + line])], errorText: nil)
        let quote = try #require(findings.first?.evidenceLine)
        #expect(quote.count == 300)
        #expect(quote.hasPrefix("…") && quote.hasSuffix("…"))
        #expect(quote.contains("connect() failed (111: Connection refused)"))
        let short = FindingMatcher.findings(
            patterns: try Self.defaultPatterns(), patternFile: Self.checklistPath,
            evidence: [Self.ran("log", ["  \(Self.nginxLine)\t"])], errorText: nil)
        #expect(short.first?.evidenceLine == Self.nginxLine)
    }

    @Test func randomLinesNeverCrashTheMatcher() throws {
        var generator = SeededGenerator(seed: 0x5EED)
        let patterns =
            try Self.defaultPatterns() + [
                ErrorPattern(pattern: "(?:[0-9]{1,3}\\.){3}[0-9]{1,3}", isRegex: true, meaning: "IP", line: 1),
                ErrorPattern(pattern: "é\u{301}", isRegex: false, meaning: "combining", line: 2),
                ErrorPattern(pattern: "[unclosed", isRegex: true, meaning: "invalid", line: 3),
            ]
        let pieces = [
            Self.nginxLine, Self.curlLine, Self.systemdLine, "\u{0}", "\u{FFFD}", "é", "\r", "\t", " ", "(", ")",
            "connect() failed", "Connection", "refused", "status=9/KILL", "🙂", "\u{301}",
        ]
        for _ in 0..<300 {
            var lines: [String] = []
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                var line = ""
                for _ in 0..<Int.random(in: 0...8, using: &generator) {
                    if Bool.random(using: &generator), let piece = pieces.randomElement(using: &generator) {
                        line += piece
                    } else {
                        let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                            UInt8.random(in: 0...255, using: &generator)
                        }
                        line += String(decoding: bytes, as: UTF8.self)
                    }
                }
                if Int.random(in: 0..<50, using: &generator) == 0 { line += String(repeating: "a", count: 5_000) }
                lines.append(line)
            }
            let findings = FindingMatcher.findings(
                patterns: patterns, patternFile: "p.md", evidence: [Self.ran("random", lines)],
                errorText: lines.joined(separator: "\n"))
            for finding in findings {
                #expect(finding.matches >= 1)
                #expect(finding.evidenceLine.count <= FindingMatcher.quoteLimit)
            }
            #expect(findings.map(\.score) == findings.map(\.score).sorted(by: >))
            #expect(!findings.contains { $0.meaning == "invalid" })
        }
    }
}
