import Foundation
import Testing

@testable import IncidentKit

#if canImport(Glibc)
    import Glibc
#endif

/// Seed 000 for real: nginx on loopback proxying to an upstream port where nothing listens.
@Suite(
    .serialized,
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/sbin/nginx"), "needs nginx (.ci/run installs it)"))
struct NginxScenarioTests {
    struct Scenario {
        var folder: String
        var nginxPort: Int
        var upstreamPort: Int
        var errorLog: String { folder + "/error.log" }
        var nginx: Int32?
    }

    func startNginx() throws -> Scenario {
        let folder = try Scratch.folder("nginx-502")
        let nginxPort = Processes.freePort()
        var upstreamPort = Processes.freePort()
        while upstreamPort == nginxPort { upstreamPort = Processes.freePort() }
        let temp = folder + "/tmp"
        try FileManager.default.createDirectory(atPath: temp, withIntermediateDirectories: true)
        let configuration = """
            daemon off;
            worker_processes 1;
            pid \(folder)/nginx.pid;
            error_log \(folder)/error.log error;
            \(getuid() == 0 ? "user root;" : "")
            events { worker_connections 64; }
            http {
                access_log off;
                client_body_temp_path \(temp)/body;
                proxy_temp_path \(temp)/proxy;
                fastcgi_temp_path \(temp)/fastcgi;
                uwsgi_temp_path \(temp)/uwsgi;
                scgi_temp_path \(temp)/scgi;
                upstream backend { server 127.0.0.1:\(upstreamPort); }
                server {
                    listen 127.0.0.1:\(nginxPort);
                    location / { proxy_pass http://backend; }
                }
            }
            """
        try configuration.write(toFile: folder + "/nginx.conf", atomically: true, encoding: .utf8)
        let nginx = Processes.startServer(
            ["/usr/sbin/nginx", "-p", folder, "-c", folder + "/nginx.conf", "-e", folder + "/error.log"],
            directory: folder)
        guard Processes.waitForListener(nginxPort) else {
            Processes.stopServer(nginx)
            throw TestFailure("nginx did not start on 127.0.0.1:\(nginxPort)")
        }
        return Scenario(folder: folder, nginxPort: nginxPort, upstreamPort: upstreamPort, nginx: nginx)
    }

    struct TestFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    @Test(.timeLimit(.minutes(3))) func fiveOhTwoIsTriagedThenResolvedByStartingTheUpstream() throws {
        let scenario = try startNginx()
        defer { Processes.stopServer(scenario.nginx) }
        // Users hit the site before anyone is paged: nginx answers 502 and logs why.
        let hit = Processes.sh("curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:\(scenario.nginxPort)/")
        #expect(hit.output == "502")
        let incidents = scenario.folder + "/incidents"
        let sets = [
            "service=shop", "env=production", "impact=All users, complete outage",
            "error_text=502 Bad Gateway from nginx", "last_change=deploy 30 minutes ago",
            "upstream=127.0.0.1:\(scenario.upstreamPort)", "public_url=http://127.0.0.1:\(scenario.nginxPort)",
            "error_log=\(scenario.errorLog)", "health_path=/",
        ].flatMap { ["--set", $0] }
        let first = Processes.runIncident(
            ["triage", "502", "--no-input", "--yes", "--library", Paths.packageRoot, "--out", incidents] + sets,
            directory: scenario.folder)
        #expect(first.status == 1, "gates must fail while the upstream is down\n\(first.output)\n\(first.errors)")
        let store = IncidentStore(root: incidents)
        let id = try #require(store.ids().first)
        let record = try store.load(id)
        #expect(record.route.title == "Nginx 502 / 504 bad gateway")
        #expect(record.severity?.level == "SEV1")
        let evidenceLines = record.evidence.flatMap(\.lines)
        #expect(evidenceLines.contains { $0.contains("connect() failed (111: Connection refused)") })
        #expect(evidenceLines.contains { $0.contains("curl: (7)") && $0.contains("\(scenario.upstreamPort)") })
        let top = try #require(record.findings.first)
        #expect(top.meaning.hasPrefix("Upstream not running"))
        #expect(top.evidenceLine.contains("connect() failed (111: Connection refused)"))
        let systemd = record.evidence.filter { $0.source.hasPrefix("checklists/") && $0.command.contains("systemctl") }
        #expect(!systemd.isEmpty)
        let gates = try #require(record.gateRuns.last)
        #expect(!gates.passed)
        #expect(gates.results.contains { $0.title == "Upstream accepts connections" && $0.status == .fail })
        #expect(record.mitigatedAt == nil)

        let upstream = Processes.startServer(
            ["python3", "-m", "http.server", String(scenario.upstreamPort), "--bind", "127.0.0.1"],
            directory: scenario.folder)
        defer { Processes.stopServer(upstream) }
        #expect(Processes.waitForListener(scenario.upstreamPort))
        // nginx stamps its log in whole seconds; an engineer takes longer than this to start a service.
        sleep(2)
        let second = Processes.runIncident(
            ["resume", id, "--no-input", "--yes", "--fixed", "started the upstream", "--out", incidents],
            directory: scenario.folder)
        #expect(second.status == 0, "gates must pass once the upstream answers\n\(second.output)\n\(second.errors)")
        let resolved = try store.load(id)
        let passing = try #require(resolved.gateRuns.last)
        #expect(passing.passed)
        #expect(resolved.mitigatedAt != nil)
        let report = try String(contentsOfFile: store.folder(id) + "/incident_report.md", encoding: .utf8)
        for name in ReportRenderer.knownPlaceholders {
            #expect(!report.contains("{{\(name)}}"), "{{\(name)}} left in the report")
        }
        #expect(report.contains("SEV1"))
        #expect(report.contains("All users, complete outage"))
        for section in [
            "## Summary", "## Symptoms", "## Root Cause", "## Mitigation", "## Corrective Actions", "## Prevention",
            "## Gates", "## Timeline", "## Commands run", "## Redactions",
        ] {
            #expect(report.contains(section), "report lacks \(section)")
        }
        #expect(report.contains("Upstream not running"))
        #expect(report.contains("connect() failed (111: Connection refused)"))
        let timeline = store.timeline(id).map(\.kind)
        #expect(timeline.first == "declared")
        #expect(timeline.contains("resumed"))
        #expect(timeline.contains("report"))
    }
}
