import Foundation
import Testing

@testable import IncidentKit

@Suite struct ReportRendererTests {
    static let opened = SeedIncident.at("10:31:40")

    static var defaultTemplate: String {
        String(decoding: FileSystem.read(Paths.packageRoot + "/artifacts/incident_report.md") ?? [], as: UTF8.self)
    }

    static func emptyRecord() -> IncidentRecord {
        IncidentRecord(
            id: "INC-20260105-002", symptom: "", openedAt: opened, library: "",
            route: RouteChoice(title: "", file: "", line: 0, targets: [], confident: false, why: [], warning: nil))
    }

    static func render(
        _ template: String, _ record: IncidentRecord, timeline: [TimelineEvent] = [], workflow: Workflow? = nil
    ) -> String {
        ReportRenderer.render(
            template: template, record: record, timeline: timeline, workflow: workflow, now: SeedIncident.now)
    }

    static func tables(in markdown: String) -> [Table] {
        MarkdownDocument(path: "report.md", text: markdown).blocks.compactMap { block in
            if case .table(let table) = block { return table }
            return nil
        }
    }

    static func codeBlocks(in markdown: String) -> [CodeBlock] {
        MarkdownDocument(path: "report.md", text: markdown).blocks.compactMap { block in
            if case .code(let code) = block { return code }
            return nil
        }
    }

    /// A dry run's report says so under its title, with the default template; a real one does not.
    @Test func aDryRunsReportSaysItIsOne() {
        var record = Self.emptyRecord()
        #expect(!Self.render(Self.defaultTemplate, record).contains("**Dry run:**"))
        record.dryRun = true
        let lines = Self.render(Self.defaultTemplate, record).split(separator: "\n", omittingEmptySubsequences: false)
        let title = lines.firstIndex { $0.hasPrefix("# ") } ?? -1
        #expect(title >= 0 && lines[title + 2] == ReportRenderer.dryRunBanner.dropLast())
    }

    /// An evidence command that could not run says "unavailable" once, whether or not its note says it.
    @Test func anUnavailableEvidenceItemSaysSoOnce() {
        var item = EvidenceItem(title: "Unit", source: "c.md:1", command: "systemctl status x", status: .unavailable)
        item.note = "unavailable here: needs systemctl (this host does not run systemd)"
        #expect(ReportValues.result(of: item) == "unavailable here: needs systemctl (this host does not run systemd)")
        item.note = "needs systemctl"
        #expect(ReportValues.result(of: item) == "unavailable: needs systemctl")
    }

    /// A command that could not run says why once: the note names the missing tool.
    @Test func anUnavailableActionSaysWhyOnce() {
        var action = WorkflowAction(
            step: 1, stepTitle: "Check", command: "systemctl status 'shop'", mutating: false, decision: .unavailable,
            at: SeedIncident.at("10:41:12"))
        action.note = "unavailable here: needs systemctl (this host does not run systemd)"
        #expect(
            ReportValues.describe(action)
                == "Check (step 1): `systemctl status 'shop'`: not run: unavailable here: needs systemctl (this host "
                + "does not run systemd)")
        action.decision = .skipped
        action.note = "declined"
        #expect(ReportValues.describe(action) == "Check (step 1): `systemctl status 'shop'`: skipped (declined)")
    }

    @Test func keyLogLinesCannotBreakOutOfTheFence() throws {
        var record = Self.emptyRecord()
        record.answers["error_text"] = "first line\n```\n# not a heading\n`````\nlast line"
        let rendered = Self.render(Self.defaultTemplate, record)
        #expect(rendered.contains("\n``````text\nfirst line\n```\n# not a heading\n`````\nlast line\n``````\n"))
        let blocks = Self.codeBlocks(in: rendered)
        #expect(blocks.count == 1)
        #expect(blocks.first?.content == "first line\n```\n# not a heading\n`````\nlast line")
        #expect(
            !MarkdownDocument(path: "r.md", text: rendered).blocks.contains { block in
                if case .heading(let heading) = block { return heading.text == "not a heading" }
                return false
            })
    }

    @Test func fenceIsKeptWhenTheContentHasNoLongBacktickRun() {
        var record = Self.emptyRecord()
        record.answers["error_text"] = "uses `code` and ``two``"
        let rendered = Self.render("```text\n{{key_log_lines}}\n```\n", record)
        #expect(rendered == "```text\nuses `code` and ``two``\n```\n")
    }

    @Test func tildeFencesAreLengthenedByTildes() {
        var record = Self.emptyRecord()
        record.answers["error_text"] = "~~~\n```"
        let rendered = Self.render("  ~~~\n  {{key_log_lines}}\n  ~~~\n", record)
        #expect(rendered == "  ~~~~\n  ~~~\n  ```\n  ~~~~\n")
    }

    @Test func tableCellsEscapePipesAndLineBreaks() throws {
        var record = Self.emptyRecord()
        record.gateRuns = [
            GateRun(
                at: Self.opened,
                results: [
                    GateResult(
                        title: "Pipes | in title", required: true, expectation: "output matches `a|b`",
                        status: .unknown,
                        detail: "curl is not installed\nsecond line \\| already escaped", command: nil)
                ])
        ]
        record.answers["service"] = "web | api"
        let timeline = [TimelineEvent(kind: "note", at: Self.opened, message: "a | b\nc")]
        let rendered = Self.render(Self.defaultTemplate, record, timeline: timeline)
        #expect(
            rendered.contains(
                "| Pipes \\| in title | yes | output matches `a\\|b` | UNKNOWN | curl is not installed<br>second line \\| already escaped |"
            ))
        #expect(rendered.contains("| 10:31:40 | note | a \\| b<br>c |"))
        #expect(rendered.contains("| web \\| api | not given | not classified |"))
        let tables = Self.tables(in: rendered)
        #expect(tables.count == 3)
        for table in tables {
            #expect(table.rows.allSatisfy { $0.cells.count == table.header.count }, "\(table.header)")
        }
    }

    @Test func commandsWithPipesStayInOneCell() throws {
        var record = Self.emptyRecord()
        var item = EvidenceItem(
            title: "Errors", source: "checklists/X.md:3", command: "grep -E 'a|b' log | tail -n 5\necho done",
            status: .ran)
        item.exitCode = 1
        item.durationMilliseconds = 1_250
        record.evidence = [item]
        let rendered = Self.render("{{commands_table}}", record)
        #expect(
            rendered == """
                | Phase | What | Command | Result | Duration |
                |---|---|---|---|---|
                | evidence | Errors | `grep -E 'a\\|b' log \\| tail -n 5 ⏎ echo done` | exit 1 | 1.2 s |
                """)
    }

    @Test func unknownPlaceholdersStayAsWrittenAndAreReported() {
        let template =
            "# {{incident.id}} for {{team.oncall}}\n\nOwner: {{ team.owner }}, {{team.oncall}}, {{ service }}\n{{not a placeholder}} {{}}\n"
        var record = Self.emptyRecord()
        record.answers["service"] = "eye-donation"
        let report = ReportRenderer.renderReport(
            template: template, record: record, timeline: [], workflow: nil, now: SeedIncident.now)
        #expect(
            report.text
                == "# INC-20260105-002 for {{team.oncall}}\n\nOwner: {{ team.owner }}, {{team.oncall}}, eye-donation\n{{not a placeholder}} {{}}\n"
        )
        #expect(report.unknownPlaceholders == ["team.oncall", "team.owner"])
        #expect(ReportRenderer.placeholders(in: template) == ["incident.id", "team.oncall", "team.owner", "service"])
    }

    @Test func defaultTemplateUsesOnlyKnownPlaceholders() {
        let names = ReportRenderer.placeholders(in: Self.defaultTemplate)
        #expect(names.count == 21)
        #expect(names.allSatisfy(ReportRenderer.knownPlaceholders.contains))
    }

    @Test func everyKnownPlaceholderHasAValue() {
        let values = ReportValues(
            record: Self.emptyRecord(), timeline: [], workflow: nil, now: SeedIncident.now, clean: { $0 })
        for name in ReportRenderer.knownPlaceholders {
            #expect(values.value(named: name) != nil, "\(name)")
        }
    }

    @Test func emptyRecordSaysWhatIsMissing() {
        let rendered = Self.render(Self.defaultTemplate, Self.emptyRecord())
        #expect(!rendered.contains("{{"))
        for phrase in [
            "# Incident Report: INC-20260105-002 untitled incident",
            "| not given | not given | not classified | 2026-01-05 10:31:40 UTC | 2026-01-05 10:31:40 UTC | not mitigated |",
            "- What happened? root cause not determined", "Errors observed: not given", "```text\nnone\n```",
            "- Technical root cause: not determined: no error pattern matched the evidence", "- Evidence: none",
            "Actions taken:\n\nnone\n", "## Corrective Actions\n\nnone: no fix workflow was followed\n",
            "## Gates\n\ngates not run\n", "## Timeline\n\nno events recorded\n", "no commands\n",
            "## Redactions\n\nnone",
        ] {
            #expect(rendered.contains(phrase), "\(phrase)")
        }
    }

    @Test func secretAnswersAreNeitherShownNorLeaked() {
        let secret = "hunter2-Very-Secret"
        var record = SeedIncident.record
        record.answers["db_password"] = secret
        record.answers["impact"] = "All users; token " + secret
        record.variables["api_token"] = "tok_Q8v3Lw2Zx"
        record.secretKeys = ["db_password", "impact", "api_token"]
        // A value that escaped redaction upstream is still caught.
        record.evidence[0].command = "curl -H 'X-Token: tok_Q8v3Lw2Zx' http://127.0.0.1:8000/"
        record.findings[0].evidenceLine = "login failed for password " + secret
        let timeline = [TimelineEvent(kind: "answer", at: Self.opened, message: "db_password: " + secret)]
        let rendered = Self.render(Self.defaultTemplate + "\n{{db_password}}\n", record, timeline: timeline)
        #expect(!rendered.contains(secret))
        #expect(!rendered.contains("hunter2"))
        #expect(!rendered.contains("tok_Q8v3Lw2Zx"))
        #expect(rendered.contains("- Impact (users/services): [REDACTED:secret-value]\n"))
        #expect(rendered.contains("`curl -H 'X-Token: [REDACTED:secret-value]' http://127.0.0.1:8000/`"))
        #expect(rendered.contains("login failed for password [REDACTED:secret-value]"))
        #expect(rendered.contains("| answer | db_password: [REDACTED:secret-value] |"))
        #expect(rendered.hasSuffix("\n{{db_password}}\n"))
    }

    @Test func renderingAddsNothingThatIsNotInTheRecord() {
        var record = Self.emptyRecord()
        record.secretKeys = ["db_password"]
        record.variables["db_password"] = "not-in-any-answer"
        let rendered = Self.render(Self.defaultTemplate, record)
        #expect(!rendered.contains("not-in-any-answer"))
        #expect(!rendered.contains("REDACTED"))
    }

    @Test func overrideIsShownWithMitigationAndGates() {
        var record = SeedIncident.record
        record.gateRuns = [record.gateRuns[0]]
        record.override = "upstream healthy, error log rotated late"
        let rendered = Self.render(Self.defaultTemplate, record)
        #expect(
            rendered.contains(
                "- End time / mitigation time: 2026-01-05 10:45:10 UTC, not verified: gates overridden (reason: upstream healthy, error log rotated late)\n"
            ))
        #expect(rendered.contains("Last run, 2026-01-05 10:43:20 UTC (run 1 of 1): 3 required gates did not pass.\n"))
        #expect(
            rendered.contains(
                "\n\nOverride: the incident was called mitigated without passing gates (reason: upstream healthy, error log rotated late).\n"
            ))
        #expect(!rendered.contains("Earlier runs"))
    }

    @Test func notMitigatedWithoutOverride() {
        var record = SeedIncident.record
        record.mitigatedAt = nil
        let rendered = Self.render("{{mitigated_at}} / {{time_to_mitigate}} / {{generated_at}}", record)
        #expect(rendered == "not mitigated / not mitigated; open for 20 min 20 s / 2026-01-05 10:52:00 UTC")
    }

    @Test func valuesFitWhereTheyStand() {
        var record = Self.emptyRecord()
        record.answers["error_text"] = "a ``` b\nsecond"
        record.answers["impact"] = "# all users\nof the site"
        let template =
            "{{key_log_lines}}\n\nInline: {{key_log_lines}}\n\n| {{key_log_lines}} |\n\n{{impact}}\n  {{impact}} here\n"
        let rendered = Self.render(template, record)
        #expect(
            rendered
                == "````text\na ``` b\nsecond\n````\n\nInline: ````a ``` b```` `second`\n\n| ````a ``` b````<br>`second` |\n\n\\# all users of the site\n  # all users of the site here\n"
        )
    }

    @Test func blockValuesKeepTheLinesIndentation() {
        let rendered = Self.render("- Actions:\n\n  {{actions_taken}}\n", SeedIncident.record)
        #expect(
            rendered == """
                - Actions:

                  1. Fix the cause (step 2): `/opt/eye-donation/venv/bin/pip install flask-limiter`, mutating: ran, exit 0, 8.4 s
                  2. Restart the upstream service (step 3): `sudo systemctl restart eye-donation`, mutating: ran, exit 0, 1.3 s

                """)
    }

    @Test func findingsAreRankedByScore() {
        var record = SeedIncident.record
        record.findings.reverse()
        let rendered = Self.render("{{root_cause}}\n{{summary}}\n\n{{findings}}", record)
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "Upstream not running: nothing accepts connections on the upstream address")
        #expect(
            lines[1]
                == "Users seeing 502 Bad Gateway: Upstream not running (nothing accepts connections on the upstream address)"
        )
        #expect(
            lines[3].hasPrefix(
                "1. Upstream not running (nothing accepts connections on the upstream address): `2026/01/05"))
        #expect(
            lines[4].hasPrefix(
                "2. Missing dependency after deploy (a package the code imports is not installed): `Jan 05"))
        #expect(lines.count == 7)
    }

    @Test func followUpsWithoutSubsectionsAreCorrectiveActions() {
        let path = "workflows/fix.md"
        let workflow = Workflow(
            LibraryFile(
                path: path,
                document: MarkdownDocument(
                    path: path, text: "# Fix\n\n## Follow-ups\n\n- Pin `flask-limiter`.\n  Soon.\n")))
        let rendered = Self.render("{{corrective_actions}}\n\n{{prevention}}", Self.emptyRecord(), workflow: workflow)
        #expect(rendered == "- Pin `flask-limiter`.\n  Soon.\n\nnone listed in the workflow")
    }

    @Test(arguments: [
        (EvidenceItem.Status.skippedMissingVariables, "skipped: missing upstream, service"),
        (.unavailable, "unavailable: needs ss"), (.mutatingNotRun, "not run: mutating"), (.dryRun, "not run: dry run"),
        (.unsafe, "not run: unsafe: needs ss"), (.pending, "not run: interrupted before it ran"),
    ])
    func commandsNotRunSayWhy(status: EvidenceItem.Status, result: String) {
        var item = EvidenceItem(title: "t", source: "s", command: "ss -ltn", status: status)
        item.missing = ["upstream", "service"]
        item.note = "needs ss"
        #expect(ReportValues.result(of: item) == result)
    }

    @Test func timedOutAndSignalledCommands() {
        var item = EvidenceItem(title: "t", source: "s", command: "sleep 60", status: .ran)
        item.timedOut = true
        item.signal = 15
        #expect(ReportValues.result(of: item) == "timed out, killed by signal 15")
        item.timedOut = false
        #expect(ReportValues.result(of: item) == "killed by signal 15")
    }

    @Test func timelineSpanningDaysShowsDates() {
        let timeline = [
            TimelineEvent(kind: "declared", at: Self.opened, message: "opened"),
            TimelineEvent(kind: "resumed", at: Self.opened.addingTimeInterval(86_400), message: "resumed"),
        ]
        let rendered = Self.render("{{timeline_table}}", Self.emptyRecord(), timeline: timeline.reversed())
        #expect(
            rendered == """
                | Time (UTC) | Event | Message |
                |---|---|---|
                | 2026-01-05 10:31:40 | declared | opened |
                | 2026-01-06 10:31:40 | resumed | resumed |
                """)
    }

    @Test func redactionsAreCountsByKindOnly() {
        var record = Self.emptyRecord()
        record.redactions = ["secret-value": 2, "bearer-token": 1, "jwt": 0, "Bad Kind|x": 3]
        #expect(Self.render("{{redactions}}", record) == "1 bearer-token, 3 other, 2 secret-value")
    }

    @Test func renderingIsDeterministic() throws {
        let first = try ReportGoldenTests.renderSeedReport()
        let second = try ReportGoldenTests.renderSeedReport()
        #expect(first == second)
    }

    @Test func crlfTemplatesRenderWithLF() {
        var record = Self.emptyRecord()
        record.answers["service"] = "api"
        #expect(Self.render("a\r\n{{service}}\r\n", record) == "a\napi\n")
    }
}
