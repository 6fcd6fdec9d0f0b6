import Testing

@testable import IncidentKit

@Suite struct LinterPatternTests {
    @Test func brokenRegularExpressionsAreReportedWithTheirLines() throws {
        let library = try Library.load(root: Paths.fixtures + "/bad-patterns")
        #expect(
            Linter(library: library).run().map(\.description) == [
                "checklists/PATTERNS.md:10: error: error pattern /connect\\(\\) failed (111/ is not a valid regular expression; the pattern is skipped",
                "checklists/PATTERNS.md:11: error: error pattern /x*/ matches an empty line, so it would match every line; the pattern is skipped",
                "gates/GATES.md:3: error: gate \"Status code\" expects output matching an invalid regular expression `^[1-4][0-9][0-9$`",
            ])
    }
}
