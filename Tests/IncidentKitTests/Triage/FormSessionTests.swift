import Foundation
import Testing

@testable import IncidentKit

@Suite struct FormSessionTests {
    private func keeper() throws -> RecordKeeper {
        let store = IncidentStore(root: try Scratch.folder("form"))
        let id = try store.claimID(on: Date())
        let record = IncidentRecord(
            id: id, symptom: "502", openedAt: Date(), library: Paths.packageRoot,
            route: RouteChoice(title: "t", file: "f", line: 1, targets: [], confident: true, why: [], warning: nil))
        return RecordKeeper(record: record, store: store, clock: { Date() })
    }

    private var form: IncidentForm {
        get throws {
            let library = try Library.load(root: Paths.packageRoot)
            return IncidentForm(try #require(library.files["forms/INCIDENT_MIN.md"]))
        }
    }

    @Test(arguments: [
        ("prod", "production"), ("PRODUCTION", "production"), ("staging", "staging"), ("s", "staging"),
        ("unknown", "unknown"),
    ])
    func choicesAcceptAUniquePrefixInAnyCase(typed: String, expected: String) {
        #expect(FormSession.validate(typed, choices: ["dev", "staging", "production", "unknown"]) == expected)
    }

    @Test func choicesKeepTheDetailAfterTheChoice() {
        let choices = ["deploy", "config", "db", "code", "unknown"]
        #expect(FormSession.validate("deploy 30 minutes ago", choices: choices) == "deploy 30 minutes ago")
        #expect(FormSession.validate("Deploy: v2.3 at 10:00", choices: choices) == "deploy: v2.3 at 10:00")
        #expect(FormSession.validate("d", choices: choices) == nil)  // deploy or db
        #expect(FormSession.validate("prodx", choices: ["dev", "production"]) == nil)
    }

    @Test func typedAnswersInvalidChoiceAgainMultiLineAndDefaults() throws {
        let keeper = try keeper()
        try keeper.update { $0.answers["symptom"] = "502" }
        let prompter = ScriptedPrompter([
            "shop",  // service
            "prodx", "prod",  // env: invalid, then valid
            "line one", "line two", "",  // error text, ended by an empty line
            "",  // started_at: default
            "deploy 30 minutes ago",  // last change
            "All users, complete outage",  // impact
            "",  // links: optional, skipped
        ])
        try FormSession(form: try form, prompter: prompter, keeper: keeper).run()
        let answers = keeper.record.answers
        #expect(answers["service"] == "shop")
        #expect(answers["env"] == "production")
        #expect(answers["error_text"] == "line one\nline two")
        #expect(answers["started_at"] == "now")
        #expect(answers["last_change"] == "deploy 30 minutes ago")
        #expect(answers["links"] == nil)
        #expect(prompter.shown.contains("   'prodx' is not one of: dev, staging, production, unknown."))
        #expect(prompter.unused == 0)
        let saved = try keeper.store.load(keeper.record.id)
        #expect(saved.answers == answers)
        // Six answers given here (the symptom was pre-filled, the optional links skipped).
        #expect(keeper.store.timeline(keeper.record.id).filter { $0.kind == "answer" }.count == 6)
    }

    @Test func endOfInputKeepsWhatWasTyped() throws {
        let keeper = try keeper()
        try keeper.update { $0.answers["symptom"] = "502" }
        let prompter = ScriptedPrompter(["shop", "dev", "partial line", nil])
        #expect(throws: IncidentError.interrupted("input ended")) {
            try FormSession(form: try form, prompter: prompter, keeper: keeper).run()
        }
        let saved = try keeper.store.load(keeper.record.id)
        #expect(saved.answers["service"] == "shop")
        #expect(saved.drafts["error_text"] == "partial line")
    }

    @Test func withoutATerminalMissingAnswersAreNamedWithTheirSet() throws {
        let keeper = try keeper()
        try keeper.update { $0.answers["symptom"] = "502" }
        let prompter = ScriptedPrompter([], interactive: false)
        let form = try form
        do throws(IncidentError) {
            try FormSession(form: form, prompter: prompter, keeper: keeper).run()
            Issue.record("expected missing answers")
        } catch {
            #expect(error.exitCode == .usage)
            #expect(
                error.description == """
                    missing answers for the incident form (forms/INCIDENT_MIN.md), and nothing may be asked (--no-input, or no terminal):
                      1) App/Service name: --set service=VALUE
                      2) ENV (dev/staging/production/unknown): --set env=VALUE
                      4) Exact error text (copy/paste 3–10 lines): --set error_text=VALUE
                      7) Impact (users affected?): --set impact=VALUE
                    supply them with --set or --answers FILE, or run on a terminal without --no-input
                    """)
        }
        #expect(keeper.record.answers["started_at"] == "now")
        #expect(keeper.record.answers["last_change"] == "unknown")
    }

    @Test func answersFromSetAndJSON() throws {
        var answers = FormAnswers()
        try answers.add(sets: ["service=shop", "2=production", "note=a=b"])
        #expect(answers.values == ["service": "shop", "2": "production", "note": "a=b"])
        #expect(throws: IncidentError.usage("--set needs KEY=VALUE, not 'service'")) {
            try answers.add(sets: ["service"])
        }
        let file = try Scratch.folder("answers") + "/answers.json"
        try #"{"impact": "all users", "retries": 3}"#.write(toFile: file, atomically: true, encoding: .utf8)
        try answers.add(file: file)
        #expect(answers.values["impact"] == "all users")
        #expect(answers.values["retries"] == "3")
        try "[1, 2]".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: IncidentError.self) { try answers.add(file: file) }
    }
}
