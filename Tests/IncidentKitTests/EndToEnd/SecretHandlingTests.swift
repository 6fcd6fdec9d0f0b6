import Foundation
import Testing

@testable import IncidentKit

/// Secrets given to a real run never reach a file of the incident or the screen: a variable the
/// runbook declares secret, and a credential pasted into an ordinary answer.
@Suite struct SecretHandlingTests {
    static let declared = "Zq7-vault-passphrase-81"
    static let pasted = "ghp_" + String(repeating: "a1B2c3D4e5", count: 3) + "f6G7h8"
    static let deploy = "glpat-" + String(repeating: "Xy9Zw8Vu7T", count: 2)

    /// The default library with a secret variable that an evidence command prints.
    static func library() throws -> String {
        let root = try TriageOptionsTests.libraryCopy()
        let path = root + "/checklists/NGINX_502_EVIDENCE.md"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "| `health_path` |",
            with: "| `api_token` | | Secret: token of the status API |\n| `health_path` |")
        text += "\n```bash\n# Status API token in use\nprintf 'token in use: %s\\n' {{api_token}}\n\n"
        text += "# Length of the deploy token\nprintf %s {{deploy_token}} | wc -c\n```\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return root
    }

    @Test func declaredAndPastedSecretsStayOutOfFilesAndOutput() throws {
        let library = try Self.library()
        let folder = try Scratch.folder("secrets")
        // The declared secret is also typed into the symptom and an answer; the pasted token is also the
        // value of a variable no runbook declares secret, which a command needs as it is.
        let answers = [
            "service=shop", "env=production", "impact=some users", "upstream=127.0.0.1:9",
            "public_url=http://127.0.0.1:9", "error_log=/nonexistent.log", "api_token=\(Self.declared)",
            "error_text=upstream said: 401 for Authorization: token \(Self.pasted) after \(Self.declared)",
            "deploy_token=\(Self.deploy)",
        ].flatMap { ["--set", $0] }
        let run = Processes.runIncident(
            [
                "triage", "502 since rotating \(Self.declared)", "--no-input", "--yes", "--json", "--library", library,
                "--out", folder + "/incidents",
            ] + answers, directory: folder)
        #expect([0, 1].contains(run.status), "\(run.errors)")
        for secret in [Self.declared, Self.pasted, Self.deploy] {
            #expect(!run.output.contains(secret))
            #expect(!run.errors.contains(secret))
        }
        let store = IncidentStore(root: folder + "/incidents")
        let id = try #require(store.ids().first)
        // --json prints the record as JSON a script can read, pretty-printed with real line breaks.
        let printed = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        #expect(printed?["id"] as? String == id, "\(run.output.prefix(200))")
        // The command ran with the real value: its output shows where the value was redacted.
        let record = try store.load(id)
        let item = try #require(record.evidence.first { $0.title == "Status API token in use" })
        #expect(item.status == .ran)
        #expect(item.lines.contains("token in use: [REDACTED:secret-value]"))
        #expect(record.answers["api_token"] == nil && record.variables["api_token"] == nil)
        #expect(record.secretKeys.contains("api_token"))
        #expect(
            record.answers["error_text"]
                == "upstream said: 401 for Authorization: token [REDACTED:github-token] after [REDACTED:secret-value]")
        #expect(record.symptom == "502 since rotating [REDACTED:secret-value]")
        #expect(record.redactions["github-token"] == 1)
        // The undeclared token reached its command whole (40 bytes), and is kept out of the record.
        let length = try #require(record.evidence.first { $0.title == "Length of the deploy token" })
        #expect(length.lines.map { $0.trimmingCharacters(in: .whitespaces) } == ["\(Self.deploy.utf8.count)"])
        #expect(record.secretKeys.contains("deploy_token") && record.variables["deploy_token"] == nil)

        for command in [["status", id], ["list", "--json"], ["show", id], ["postmortem", id], ["report", id]] {
            let output = Processes.runIncident(command + ["--out", folder + "/incidents"], directory: folder)
            #expect(!output.output.contains(Self.declared) && !output.errors.contains(Self.declared), "\(command)")
            #expect(!output.output.contains(Self.pasted) && !output.errors.contains(Self.pasted), "\(command)")
            #expect(!output.output.contains(Self.deploy) && !output.errors.contains(Self.deploy), "\(command)")
        }

        let shown = Processes.runIncident(["show", id, "--json", "--out", folder + "/incidents"], directory: folder)
        #expect(shown.status == 0)
        #expect(!shown.output.contains(Self.declared) && !shown.output.contains(Self.pasted))
        let shownObject = try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any]
        #expect(shownObject?["id"] as? String == id && shown.output.contains("\n  \""), "\(shown.output.prefix(200))")
        let files = FileSystem.files(under: store.folder(id), suffix: "")
        #expect(
            files.contains("state.json") && files.contains("timeline.jsonl") && files.contains("incident_report.md"))
        for file in files {
            let text = String(decoding: FileSystem.read(store.folder(id) + "/" + file) ?? [], as: UTF8.self)
            #expect(!text.contains(Self.declared), "\(file) holds the declared secret")
            #expect(!text.contains(Self.pasted), "\(file) holds the pasted token")
            #expect(!text.contains(Self.deploy), "\(file) holds the deploy token")
        }
        let report = try String(contentsOfFile: store.folder(id) + "/incident_report.md", encoding: .utf8)
        #expect(report.contains("github-token"))
    }

    @Test func aSecretWithATrailingNewlineAnOverrideAndAMalformedSetLeakNothing() throws {
        let library = try Self.library()
        let folder = try Scratch.folder("secrets-edges")
        let answers =
            #"{"api_token": "\#(Self.declared)\n", "service": "shop", "env": "production", "#
            + #""impact": "some users", "error_text": "502"}"#
        #expect(FileManager.default.createFile(atPath: folder + "/answers.json", contents: Data(answers.utf8)))
        let run = Processes.runIncident(
            [
                "triage", "502 since rotating \(Self.declared)", "--no-input", "--yes", "--library", library, "--out",
                folder + "/incidents", "--answers", folder + "/answers.json", "--set", "upstream=127.0.0.1:9",
                "--set", "public_url=http://127.0.0.1:9", "--set", "error_log=/nonexistent.log",
                "--override", "checked by hand with \(Self.pasted) and \(Self.declared)",
            ], directory: folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("Failing gates overridden: checked by hand with [REDACTED:github-token] and "))
        let malformed = Processes.runIncident(["triage", "502", "--set", Self.pasted], directory: folder)
        #expect(malformed.status == 64)
        #expect(malformed.errors.contains("--set needs KEY=VALUE, not '[REDACTED:github-token]'"))
        let store = IncidentStore(root: folder + "/incidents")
        let id = try #require(store.ids().first)
        // The command printed the value, which the runner redacted although it was given with "\n".
        let item = try #require(try store.load(id).evidence.first { $0.title == "Status API token in use" })
        #expect(item.lines.contains("token in use: [REDACTED:secret-value]"))
        for output in [run.output, run.errors, malformed.errors] {
            #expect(!output.contains(Self.declared) && !output.contains(Self.pasted))
        }
        for file in FileSystem.files(under: store.folder(id), suffix: "") {
            let text = String(decoding: FileSystem.read(store.folder(id) + "/" + file) ?? [], as: UTF8.self)
            #expect(!text.contains(Self.declared), "\(file) holds the declared secret")
            #expect(!text.contains(Self.pasted), "\(file) holds the pasted token")
        }
    }

    @Test func aRefusedChoiceDoesNotEchoACredential() throws {
        let folder = try Scratch.folder("choice")
        let run = Processes.runIncident(
            [
                "triage", "502", "--no-input", "--dry-run", "--library", Paths.packageRoot, "--set",
                "env=\(Self.pasted)",
            ],
            directory: folder)
        #expect(run.status == 64)
        #expect(run.errors.contains("--set env=[REDACTED:github-token]: '[REDACTED:github-token]' is not one of"))
        #expect(!run.errors.contains(Self.pasted))
        // A declared secret given under another key is not echoed either.
        let other = Processes.runIncident(
            [
                "triage", "502", "--no-input", "--dry-run", "--library", try Self.library(), "--set",
                "env=\(Self.declared)", "--set", "api_token=\(Self.declared)",
            ], directory: folder)
        #expect(other.status == 64)
        #expect(other.errors.contains("--set env=[REDACTED:secret-value]"))
        #expect(!other.errors.contains(Self.declared))
    }

    @Test func aStateFileForAnotherIncidentIsRefused() throws {
        let folder = try Scratch.folder("moved")
        let store = IncidentStore(root: folder)
        let first = try store.claimID(on: Date())
        let second = try store.claimID(on: Date())
        let record = IncidentRecord(
            id: first, symptom: "502", openedAt: Date(), library: "/lib",
            route: RouteChoice(title: "t", file: "f", line: 1, targets: [], confident: true, why: [], warning: nil))
        try store.save(record)
        try FileManager.default.copyItem(
            atPath: store.folder(first) + "/state.json", toPath: store.folder(second) + "/state.json")
        #expect(
            throws: IncidentError.failure(
                "'\(store.folder(second))/state.json' holds incident \(first), not \(second): it was copied or edited by hand"
            )
        ) {
            try store.load(second)
        }
        #expect(
            FileManager.default.createFile(
                atPath: store.folder(second) + "/state.json", contents: Data("{\"id\": 3".utf8)))
        #expect(
            throws: IncidentError.failure(
                "'\(store.folder(second))/state.json' is not a readable incident state: it is not valid JSON")
        ) {
            try store.load(second)
        }
        // A step number edited below 0 is refused by every command, never followed into a crash.
        var edited = record
        edited.phase = .workflow
        edited.nextStep = -1
        try store.save(edited)
        #expect(
            throws: IncidentError.failure(
                "'\(store.folder(first))/state.json' is not a readable incident state: the field 'nextStep' is not valid (-1)"
            )
        ) {
            try store.load(first)
        }
        let resumed = Processes.runIncident(["resume", first, "--out", folder, "--no-input"], directory: folder)
        #expect(
            resumed.status == 1 && resumed.errors.contains("the field 'nextStep' is not valid (-1)"),
            "\(resumed.errors)")
    }
}
