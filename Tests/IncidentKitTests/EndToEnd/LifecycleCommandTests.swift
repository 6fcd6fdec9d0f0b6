import Foundation
import Testing

@testable import IncidentKit

/// status, resolve, postmortem and stats on a real incident: gates fail while nothing listens on the
/// upstream port, pass once a real server on loopback answers.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl"), "needs curl"))
struct LifecycleCommandTests {
    /// A scratch folder with an empty error log, the answers of the default library's 502 route (its
    /// upstream on a free loopback port) and a way to run `incident` there with `--out` set.
    struct Scenario {
        let folder: String
        let incidents: String
        let port: Int
        let answers: [String]

        init(_ name: String, env: String, impact: String) throws {
            folder = try Scratch.folder(name)
            incidents = folder + "/incidents"
            port = Processes.freePort()
            #expect(FileManager.default.createFile(atPath: folder + "/error.log", contents: Data()))
            answers = [
                "service=shop", "env=\(env)", "impact=\(impact)", "error_text=502 Bad Gateway",
                "upstream=127.0.0.1:\(port)", "public_url=http://127.0.0.1:\(port)", "error_log=\(folder)/error.log",
            ].flatMap { ["--set", $0] }
        }

        func incident(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
            Processes.runIncident(arguments + ["--out", incidents], directory: folder)
        }
    }

    @Test func anIncidentIsResolvedThenWrittenUpAndCounted() throws {
        let scenario = try Scenario("lifecycle", env: "production", impact: "all users")
        let (folder, incidents, answers, port) = (scenario.folder, scenario.incidents, scenario.answers, scenario.port)
        let incident = scenario.incident
        let triage = incident(["triage", "502", "--no-input", "--yes", "--library", Paths.packageRoot] + answers)
        #expect(triage.status == 1, "nothing listens yet: the gates fail\n\(triage.errors)")
        let store = IncidentStore(root: incidents)
        let id = try #require(store.ids().first)

        #expect(incident(["status", id.lowercased()]).output.contains(id), "an ID typed in lowercase names it")
        let open = incident(["status", id])
        #expect(open.status == 1)
        #expect(
            open.output.contains(
                "  next:      fix, then 'incident resolve \(id) --fixed \"what you did\"' to check the gates again\n"))
        #expect(open.output.contains("  gates:     "))
        let failing = incident(["resolve", id, "--no-input", "--yes"])
        #expect(failing.status == 1)
        #expect(failing.output.contains("Incident \(id) at gates: checking its gates now"))
        #expect(failing.output.contains("Not mitigated: a required gate fails."))
        #expect(
            failing.output.contains("run 'incident resolve \(id) --fixed \"what you did\"' to check the gates again"))

        let server = Processes.startServer(
            ["python3", "-m", "http.server", String(port), "--bind", "127.0.0.1"], directory: folder)
        defer { Processes.stopServer(server) }
        #expect(Processes.waitForListener(port))
        let resolved = incident(["resolve", id, "--no-input", "--yes"])
        #expect(resolved.status == 0, "\(resolved.output)\n\(resolved.errors)")
        let record = try store.load(id)
        #expect(record.mitigatedAt != nil && record.override == nil)
        #expect(record.phase == .done)
        #expect(record.gateRuns.count == 3)
        #expect(store.timeline(id).contains { $0.kind == "resolve" })
        let done = incident(["status", id, "--json"])
        #expect(done.status == 0)
        let status = try #require(try JSONSerialization.jsonObject(with: Data(done.output.utf8)) as? [String: Any])
        #expect(status["mitigated"] as? Bool == true)
        #expect(status["next"] as? String == "incident postmortem \(id)")

        let written = incident(["postmortem", id])
        #expect(written.status == 0, "\(written.errors)")
        let path = store.folder(id) + "/postmortem.md"
        #expect(written.output == path + "\n")
        let postmortem = try String(contentsOfFile: path, encoding: .utf8)
        #expect(postmortem.hasPrefix("# Postmortem: \(id) "))
        #expect(postmortem.contains("| production |"))
        #expect(postmortem.contains("Upstream accepts connections"))
        #expect(postmortem.contains("## Timeline\n\n| Time"))
        let template = try String(contentsOfFile: Paths.packageRoot + "/artifacts/postmortem.md", encoding: .utf8)
        let names = ReportRenderer.placeholders(in: template)
        #expect(names.count > 10)
        for name in names { #expect(!postmortem.contains("{{\(name)}}"), "{{\(name)}} is filled") }
        #expect(written.errors.isEmpty, "no placeholder of the template is unknown")
        try (postmortem + "\nNotes from the review.\n").write(toFile: path, atomically: true, encoding: .utf8)
        let again = incident(["postmortem", id])
        #expect(again.status == 1)
        #expect(again.errors.contains("\(path) exists and may hold edits; pass --force to write it again"))
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix("Notes from the review.\n"))
        #expect(incident(["postmortem", id, "--force"]).status == 0)

        let dryRun = incident(["triage", "502", "--no-input", "--dry-run", "--library", Paths.packageRoot] + answers)
        #expect(dryRun.status == 0)
        let stats = incident(["stats"])
        #expect(stats.status == 0)
        #expect(stats.output.hasPrefix("1 incident in \(incidents) (dry runs are not counted)\n"))
        #expect(stats.output.contains("  mitigated:         1 (100%); open: 0\n"))
        #expect(stats.output.contains("  by route:          Nginx 502 / 504 bad gateway 1\n"))
        let json = incident(["stats", "--json"])
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(figures["incidents"] as? Int == 1)
        #expect((figures["medianSecondsToMitigate"] as? Double ?? -1) > 0)
    }

    /// A dry run is marked as one wherever the incident is listed, and resuming it for real collects the
    /// evidence it only showed, instead of going on to the gates the dry run stopped before.
    /// An upstream error logged after the incident opened keeps the log gate failing however often the
    /// gates are checked again with nothing changed: a failed run does not move the gate's window.
    @Test func checkingAgainWithNothingChangedDoesNotPassAFailedLogGate() throws {
        let scenario = try Scenario("recheck", env: "production", impact: "all users")
        let triage = scenario.incident(
            ["triage", "502", "--no-input", "--yes", "--library", Paths.packageRoot] + scenario.answers)
        #expect(triage.status == 1, "\(triage.output)\n\(triage.errors)")
        let id = try #require(IncidentStore(root: scenario.incidents).ids().first)
        // (Logs stamp whole seconds: the line is written in a later second than the triage's gate run.)
        Thread.sleep(forTimeInterval: 1.1)
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy/MM/dd HH:mm:ss"
        formatter.timeZone = .current
        let line =
            "\(formatter.string(from: Date())) [error] 7#7: *9 connect() failed (111: Connection refused) "
            + "while connecting to upstream, client: 127.0.0.1\n"
        try line.write(toFile: scenario.folder + "/error.log", atomically: true, encoding: .utf8)
        let server = Processes.startServer(
            ["python3", "-m", "http.server", String(scenario.port), "--bind", "127.0.0.1"], directory: scenario.folder)
        defer { Processes.stopServer(server) }
        #expect(Processes.waitForListener(scenario.port))
        for attempt in 1...2 {
            let again = scenario.incident(["resolve", id, "--no-input", "--yes"])
            #expect(again.status == 1, "attempt \(attempt)\n\(again.output)")
            #expect(again.output.contains("FAIL  No new upstream errors"), "attempt \(attempt)\n\(again.output)")
            Thread.sleep(forTimeInterval: 1.2)
        }
        #expect(try IncidentStore(root: scenario.incidents).load(id).mitigatedAt == nil)
        // Told of the fix, the log gate counts only lines written after it.
        let fixed = scenario.incident(["resolve", id, "--no-input", "--yes", "--fixed", "started the upstream"])
        #expect(fixed.status == 0, "\(fixed.output)\n\(fixed.errors)")
        #expect(fixed.output.contains("PASS  No new upstream errors"), "\(fixed.output)")
        let store = IncidentStore(root: scenario.incidents)
        #expect(try store.load(id).mitigatedAt != nil)
        #expect(store.timeline(id).contains { $0.kind == "mitigation" && $0.message.contains("started the upstream") })
    }

    @Test func aDryRunResumedForRealStartsAtTheEvidence() throws {
        let scenario = try Scenario("dry-resume", env: "staging", impact: "some users")
        let (incidents, answers, incident) = (scenario.incidents, scenario.answers, scenario.incident)
        let dry = incident(["triage", "502", "--no-input", "--dry-run", "--library", Paths.packageRoot] + answers)
        #expect(dry.status == 0, "\(dry.errors)")
        let store = IncidentStore(root: incidents)
        let id = try #require(store.ids().first)
        let shown = try store.load(id).evidence
        #expect(shown.contains { $0.status == .dryRun } && !shown.contains { $0.status == .ran })

        let status = incident(["status", id])
        #expect(
            status.output.contains("  state:     a dry run, stopped at gates: no command has run\n"), "\(status.output)"
        )
        #expect(status.output.contains("  next:      incident resume \(id) to run it for real, from the evidence on\n"))
        #expect(incident(["list"]).output.contains("\(id)  SEV3 dry run   "), "\(incident(["list"]).output)")

        let resumed = incident(["resume", id, "--no-input", "--yes"])
        #expect(resumed.output.contains("\(id) was a dry run and no command has run: collecting the evidence now."))
        #expect(resumed.output.contains("== Evidence"), "\(resumed.output)")
        let record = try store.load(id)
        #expect(!record.dryRun)
        #expect(!record.evidence.isEmpty && !record.evidence.contains { $0.status == .dryRun })
        #expect(record.evidence.contains { $0.status == .ran })
    }

    /// Incident IDs and --out as people type them: a folder name the shell completed names its incident;
    /// a path, an empty --out or one that is a file is a usage error that says what to pass.
    @Test func idsAndOutFoldersAsTyped() throws {
        let folder = try Scratch.folder("ids")
        let store = IncidentStore(root: folder + "/incidents")
        let id = try store.claimID(on: Date())
        try store.save(
            IncidentRecord(
                id: id, symptom: "502", openedAt: Date(), library: "/lib",
                route: RouteChoice(title: "t", file: "f", line: 1, targets: [], confident: true, why: [], warning: nil))
        )
        func incident(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
            Processes.runIncident(arguments, directory: folder)
        }
        let completed = incident(["status", id + "/", "--out", folder + "/incidents"])
        #expect(completed.output.hasPrefix("\(id)  t: 502\n"), "\(completed.errors)")
        let path = incident(["show", "../incidents/" + id, "--out", folder + "/incidents"])
        #expect(path.status == 64)
        #expect(path.errors.hasPrefix("incident: error: '../incidents/\(id)' is not an incident ID such as "))
        let empty = incident(["list", "--out", ""])
        #expect(
            empty.status == 64 && empty.errors.hasPrefix("incident: error: --out needs a folder, not an empty value"))
        #expect(FileManager.default.createFile(atPath: folder + "/afile", contents: Data("x".utf8)))
        let file = incident(["list", "--out", folder + "/afile"])
        #expect(file.status == 64)
        #expect(
            file.errors.hasPrefix("incident: error: the incidents folder '\(folder)/afile' is a file, not a folder"))
        let device = incident(["list", "--out", "/dev/null"])
        #expect(device.status == 64)
        #expect(
            device.errors.hasPrefix(
                "incident: error: the incidents folder '/dev/null' is a device or other special file, not a folder: pass --out"
            ))
        #expect(
            FileManager.default.createFile(atPath: store.folder(id) + "/state.json", contents: Data("{\"id\"".utf8)))
        let broken = incident(["list", "--out", folder + "/incidents"])
        #expect(broken.output == "No readable incidents in \(folder)/incidents: 1 could not be read (see above).\n")
        #expect(broken.errors.contains("is not a readable incident state: it is not valid JSON"))
    }

    @Test func statsCountsSeveritiesRoutesAndRepeats() {
        func record(_ id: String, minutes: Double?, route: String, level: String?) -> IncidentRecord {
            var record = IncidentRecord(
                id: id, symptom: "x", openedAt: Date(timeIntervalSince1970: 1_000_000 + Double(id.suffix(1))! * 10_000),
                library: "/lib",
                route: RouteChoice(
                    title: route, file: "f", line: 1, targets: [], confident: true, why: [], warning: nil))
            record.mitigatedAt = minutes.map { record.openedAt.addingTimeInterval($0 * 60) }
            record.severity = level.map {
                SeverityDecision(level: $0, condition: "", response: "", escalateTo: "", reason: "")
            }
            return record
        }
        var overridden = record("INC-1", minutes: 30, route: "Disk full", level: "SEV3")
        overridden.override = "checked by hand"
        let stats = IncidentStats([
            record("INC-3", minutes: nil, route: "Nginx 502", level: nil), overridden,
            record("INC-2", minutes: 10, route: "Nginx 502", level: "SEV2"),
            record("INC-4", minutes: 5, route: "Nginx 502", level: "SEV2"),
        ])
        #expect((stats.total, stats.mitigated, stats.overridden, stats.open, stats.repeats) == (4, 3, 1, 1, 2))
        #expect(stats.timesToMitigate == [1800, 600, 300])
        #expect(stats.medianTimeToMitigate == 600)
        #expect(stats.meanTimeToMitigate == 900)
        #expect(stats.bySeverity.map { "\($0.level) \($0.count)" } == ["SEV2 2", "SEV3 1", "not classified 1"])
        #expect(stats.byRoute.map { "\($0.route) \($0.count)" } == ["Nginx 502 3", "Disk full 1"])
        #expect(IncidentStats([]).medianTimeToMitigate == nil)
    }
}
