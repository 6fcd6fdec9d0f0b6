import Foundation
import Testing

@testable import IncidentKit

/// The report of seed 000's incident, rendered with the default template, against a golden file.
/// Run with `RECORD_GOLDEN=1` to write the file again after an intended change, then review its diff.
@Suite struct ReportGoldenTests {
    static let goldenPath = Paths.golden + "/incident_report.md"

    static func renderSeedReport() throws -> String {
        let template = try #require(FileSystem.read(Paths.packageRoot + "/artifacts/incident_report.md"))
        let library = try Library.load(root: Paths.packageRoot)
        let workflow = Workflow(try #require(library.files["workflows/nginx_502_504.md"]))
        return ReportRenderer.render(
            template: String(decoding: template, as: UTF8.self), record: SeedIncident.record,
            timeline: SeedIncident.timeline, workflow: workflow, now: SeedIncident.now)
    }

    @Test func seedReportMatchesTheGoldenFile() throws {
        let rendered = try Self.renderSeedReport()
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(atPath: Paths.golden, withIntermediateDirectories: true)
            try Data(rendered.utf8).write(to: URL(fileURLWithPath: Self.goldenPath))
            Issue.record("recorded \(Self.goldenPath); run again without RECORD_GOLDEN=1 to compare")
            return
        }
        guard let golden = FileSystem.read(Self.goldenPath) else {
            Issue.record("no golden file at \(Self.goldenPath): run with RECORD_GOLDEN=1 to record it")
            return
        }
        let expected = String(decoding: golden, as: UTF8.self)
        let identical = Array(rendered.utf8) == golden
        #expect(identical, "\(Self.firstDifference(rendered, expected))")
    }

    @Test func seedReportFillsEverySectionOfTheTemplate() throws {
        let rendered = try Self.renderSeedReport()
        #expect(!rendered.contains("{{"))
        for section in [
            "## Summary", "## Symptoms", "## Root Cause", "## Mitigation", "## Corrective Actions", "## Prevention",
            "## Gates", "## Timeline", "## Commands run", "## Redactions",
        ] {
            #expect(rendered.contains(section + "\n\n"), "missing \(section)")
        }
        #expect(!rendered.contains("not determined"))
        let tables = ReportRendererTests.tables(in: rendered)
        #expect(tables.map(\.rows.count) == [1, 5, 20, 10])
        for table in tables {
            #expect(table.rows.allSatisfy { $0.cells.count == table.header.count }, "\(table.header)")
        }
        #expect(ReportRendererTests.codeBlocks(in: rendered).count == 1)
        #expect(!rendered.contains("dpl_7Hq2xV9kLm3Rt8Zw"))
    }

    /// The first line where the two texts differ, for a readable failure.
    static func firstDifference(_ actual: String, _ expected: String) -> String {
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(actualLines.count, expectedLines.count) {
            let got = index < actualLines.count ? String(actualLines[index]) : "<end of file>"
            let want = index < expectedLines.count ? String(expectedLines[index]) : "<end of file>"
            if got != want {
                return
                    "line \(index + 1) differs (RECORD_GOLDEN=1 re-records):\n  golden:   \(want)\n  rendered: \(got)"
            }
        }
        return "the texts differ only in line endings"
    }
}
