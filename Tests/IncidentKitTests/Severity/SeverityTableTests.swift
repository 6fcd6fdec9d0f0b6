import Testing

@testable import IncidentKit

@Suite struct SeverityTableTests {
    static func defaultTable() throws -> SeverityTable {
        let library = try Library.load(root: Paths.packageRoot)
        return try #require(SeverityTable.find(in: library))
    }

    @Test func theDefaultLibraryHasTheSeedTable() throws {
        let table = try Self.defaultTable()
        #expect(table.path == "runbooks/SEVERITY.md")
        #expect(table.rows.map(\.level) == ["SEV1", "SEV2", "SEV3", "SEV4"])
        #expect(
            table.rows.map(\.condition) == [
                "Complete outage", "Major feature down", "Partial degradation", "Minor issue",
            ])
        #expect(table.rows.map(\.response) == ["Immediate", "15 min", "1 hour", "4 hours"])
        #expect(table.rows[0].phrases.prefix(3) == ["all users", "every user", "everyone"])
        #expect(table.rows[0].line == table.line + 2)
    }

    @Test func theFlowsSeverityTableLabelLeadsToTheTable() throws {
        let library = try Library.load(root: Paths.packageRoot)
        #expect(SeverityTable.find(in: library, flow: "runbooks/INCIDENT_TRIAGE.md")?.path == "runbooks/SEVERITY.md")
        let seedLike = try Library.load(root: Paths.fixtures + "/severity-library")
        #expect(SeverityTable.find(in: seedLike)?.path == "runbooks/LEVELS.md")
        let priorities = try #require(SeverityTable.find(in: seedLike, flow: "runbooks/OTHER_FLOW.md"))
        #expect(priorities.path == "runbooks/P_LEVELS.md")
        let decision = priorities.classify(answers: ["impact": "The database down since 03:00"], fallback: nil)
        #expect(decision?.level == "P0")
        #expect(decision?.response == "< 5 min")
        #expect(priorities.decision(forLevel: "p2", reason: "set")?.condition == "Degraded")
    }

    @Test func theSeedAnswerIsASEV1() throws {
        let decision = try #require(
            try Self.defaultTable().classify(answers: ["impact": "All users, complete outage"], fallback: "SEV2"))
        #expect(
            decision
                == SeverityDecision(
                    level: "SEV1", condition: "Complete outage", response: "Immediate",
                    escalateTo: "Incident commander, engineering manager, VP engineering",
                    reason: "\"All users\" in the impact answer"))
    }

    @Test(arguments: [
        ("Checkout fails for some users", "SEV2", "\"Checkout\" in the impact answer"),
        ("Only the admin page is slow; totally fine otherwise", "SEV3", "\"slow\" in the impact answer"),
        ("TOTAL OUTAGE since 10:30", "SEV1", "\"TOTAL OUTAGE\" in the impact answer"),
        ("users cannot sign in", "SEV2", "\"sign in\" in the impact answer"),
        ("Cosmetic: a misaligned footer", "SEV4", "\"Cosmetic\" in the impact answer"),
    ])
    func rowsAreTriedTopToBottomWithWholeWords(impact: String, level: String, reason: String) throws {
        let decision = try Self.defaultTable().classify(answers: ["impact": impact], fallback: nil)
        #expect(decision?.level == level)
        #expect(decision?.reason == reason)
    }

    @Test func withoutAMatchTheRouteDefaultApplies() throws {
        let table = try Self.defaultTable()
        let answers = ["impact": "unclear so far", "service": "all users"]
        let fallback = try #require(table.classify(answers: answers, fallback: "SEV2"))
        #expect(fallback.level == "SEV2")
        #expect(fallback.response == "15 min")
        #expect(fallback.reason == "route default")
        #expect(table.classify(answers: answers, fallback: nil) == nil)
        #expect(table.classify(answers: [:], fallback: " ") == nil)
        #expect(
            table.classify(answers: [:], fallback: "P2")
                == SeverityDecision(level: "P2", condition: "", response: "", escalateTo: "", reason: "route default"))
    }

    @Test(arguments: ["SEV2", "sev2", "SEV-2", "Sev 2", "2", " 2 ", "major feature down"])
    func aLevelSetByHandSelectsItsRow(level: String) throws {
        let decision = try Self.defaultTable().decision(forLevel: level, reason: "set with --set severity=\(level)")
        #expect(decision?.level == "SEV2")
        #expect(decision?.condition == "Major feature down")
        #expect(decision?.reason == "set with --set severity=\(level)")
    }

    @Test(arguments: ["SEV7", "", "-", "sev", "22"])
    func anUnknownLevelSelectsNothing(level: String) throws {
        #expect(try Self.defaultTable().decision(forLevel: level, reason: "x") == nil)
    }

    @Test func headersAreReadLeniently() throws {
        let file = LibraryFile(
            path: "runbooks/LEVELS.md",
            document: MarkdownDocument(
                path: "runbooks/LEVELS.md",
                text: """
                    # Levels

                    | Trigger | Escalate To |
                    |---|---|
                    | SEV1 | Engineering Manager, VP |

                    | LEVEL | Description | Response Time |
                    |-------|-------------|---------------|
                    | SEV-1 | Total outage | Immediate |
                    | SEV-2 | Major degradation | 15 min |
                    |  | no level, skipped | |
                    """))
        let table = try #require(SeverityTable.load(from: file))
        #expect(table.line == 7)
        #expect(table.rows.map(\.level) == ["SEV-1", "SEV-2"])
        #expect(table.rows.map(\.response) == ["Immediate", "15 min"])
        #expect(table.rows.map(\.phrases) == [["Total outage"], ["Major degradation"]])
        let decision = table.classify(answers: ["impact": "a total outage of the API"], fallback: nil)
        #expect(decision?.level == "SEV-1")
        #expect(decision?.escalateTo == "")
        #expect(table.decision(forLevel: "sev2", reason: "set")?.level == "SEV-2")
    }

    @Test func aFileWithoutATableHasNone() throws {
        let library = try Library.load(root: Paths.packageRoot)
        #expect(SeverityTable.load(from: try #require(library.files["artifacts/incident_report.md"])) == nil)
        #expect(SeverityTable.load(from: try #require(library.files["runbooks/INCIDENT_TRIAGE.md"])) == nil)
    }
}
