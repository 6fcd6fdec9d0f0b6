import Foundation

@testable import IncidentKit

/// Seed 000's incident as a complete record: eye-donation behind nginx answers 502 after a deploy that
/// added `flask_limiter` without installing it; the dependency is installed, the service restarted,
/// the gates fail once while it boots and then pass.
enum SeedIncident {
    /// 2026-01-05 at `time` (`HH:mm:ss`), UTC.
    static func at(_ time: String) -> Date {
        let parts = time.split(separator: ":").map { Int($0) ?? 0 }
        let seconds = parts.reduce(0) { $0 * 60 + $1 }
        return Date(timeIntervalSince1970: 1_767_571_200 + TimeInterval(seconds))
    }

    static let now = at("10:52:00")

    static let nginxLine =
        "2026/01/05 10:30:12 [error] 1234#1234: *5678 connect() failed (111: Connection refused) while connecting to "
        + "upstream, client: 127.0.0.1, server: eyepledge.example.com, request: \"GET / HTTP/1.1\", "
        + "upstream: \"http://127.0.0.1:8000/\", host: \"eyepledge.example.com\""
    static let moduleLine =
        "Jan 05 10:28:45 web-1 gunicorn[12345]: ModuleNotFoundError: No module named 'flask_limiter'"
    static let exitLine =
        "Jan 05 10:28:45 web-1 systemd[1]: eye-donation.service: Main process exited, code=exited, status=1/FAILURE"
    static let curlLine = "curl: (7) Failed to connect to 127.0.0.1 port 8000 after 0 ms: Couldn't connect to server"

    static var record: IncidentRecord {
        var record = IncidentRecord(
            id: "INC-20260105-001", symptom: "502", openedAt: at("10:31:40"), library: "/srv/runbooks",
            route: RouteChoice(
                title: "Nginx 502 / 504 bad gateway", file: "runbooks/00_INDEX.md", line: 9,
                targets: [
                    "runbooks/INCIDENT_TRIAGE.md", "checklists/NGINX_502_EVIDENCE.md", "workflows/nginx_502_504.md",
                ],
                confident: true, why: ["keyword \"502\""], warning: nil))
        record.formPath = "forms/INCIDENT_MIN.md"
        record.answers = [
            "service": "eye-donation", "env": "production", "symptom": "Users seeing 502 Bad Gateway",
            "error_text": nginxLine + "\nHTTP/2 502", "started_at": "2026-01-05 10:30 UTC",
            "last_change": "deploy 30 minutes ago", "impact": "All users, complete outage",
            "links": "/var/log/nginx/error.log",
        ]
        record.variables = [
            "upstream": "127.0.0.1:8000", "public_url": "https://eyepledge.example.com", "health_path": "/healthz",
            "error_log": "/var/log/nginx/error.log", "app_dir": "/opt/eye-donation", "package": "flask-limiter",
            "deploy_token": "dpl_7Hq2xV9kLm3Rt8Zw",
        ]
        record.secretKeys = ["deploy_token"]
        record.severity = SeverityDecision(
            level: "SEV1", condition: "Complete outage", response: "Immediate",
            escalateTo: "Incident commander, engineering manager, VP engineering",
            reason: "impact answer matched \"complete outage\"")
        record.evidence = evidence
        record.findings = findings
        record.actions = actions
        record.gateRuns = gateRuns
        record.mitigatedAt = at("10:45:10")
        record.phase = .report
        record.redactions = ["secret-value": 2, "bearer-token": 1]
        return record
    }

    static func item(
        _ title: String, _ command: String, _ status: EvidenceItem.Status = .ran, exit: Int32? = 0,
        milliseconds: Int? = nil, lines: [String] = [], note: String? = nil
    ) -> EvidenceItem {
        var item = EvidenceItem(
            title: title, source: "checklists/NGINX_502_EVIDENCE.md", command: command, status: status)
        item.exitCode = status == .ran ? exit : nil
        item.durationMilliseconds = milliseconds
        item.lines = lines
        item.excerpt = Array(lines.prefix(3))
        item.note = note
        return item
    }

    static var evidence: [EvidenceItem] {
        [
            item(
                "nginx master and worker processes", "pgrep -a nginx || echo 'nginx: no process running'",
                milliseconds: 14,
                lines: [
                    "812 nginx: master process /usr/sbin/nginx -g daemon on; master_process on;",
                    "813 nginx: worker process",
                ]),
            item(
                "Upstream application unit state, with its last log lines",
                "systemctl status eye-donation --no-pager --lines=20 2>&1", exit: 3, milliseconds: 61,
                lines: [
                    "     Active: failed (Result: exit-code) since Mon 2026-01-05 10:28:45 UTC", moduleLine, exitLine,
                ]),
            item(
                "Upstream application log, last 50 lines", "journalctl -u eye-donation -n 50 --no-pager 2>&1",
                milliseconds: 212,
                lines: [
                    "Jan 05 10:28:44 web-1 gunicorn[12345]: [INFO] Starting gunicorn 21.2.0",
                    "Jan 05 10:28:45 web-1 gunicorn[12345]: Authorization: Bearer [REDACTED:bearer-token]",
                    moduleLine, exitLine,
                ]),
            item(
                "Upstream answers directly, bypassing nginx", "curl -sS -m 5 -I \"http://\"127.0.0.1:8000/ 2>&1",
                exit: 7, milliseconds: 9, lines: [curlLine]),
            item(
                "Listening TCP sockets: is anything bound to the upstream port?", "ss -ltnp 2>/dev/null | head -n 30",
                .unavailable, note: "needs ss, which is not installed"),
            item(
                "Status line of the health path through nginx, as clients see it",
                "curl -sS -m 5 -o /dev/null -D - https://eyepledge.example.com/healthz 2>&1 | head -n 1",
                milliseconds: 38, lines: ["HTTP/2 502"]),
            item(
                "nginx error log, last 50 lines", "tail -n 50 /var/log/nginx/error.log 2>&1", milliseconds: 4,
                lines: [nginxLine]),
            item(
                "Free disk space where logs, sockets and temp files live", "df -hP / /var/log /tmp 2>&1",
                milliseconds: 6, lines: ["/dev/sda1        40G   11G   27G  29% /"]),
        ]
    }

    static var findings: [Finding] {
        [
            Finding(
                meaning: "Upstream not running: nothing accepts connections on the upstream address",
                pattern: "connect() failed (111: Connection refused)",
                patternSource: "checklists/NGINX_502_EVIDENCE.md:75",
                evidenceLine: nginxLine, command: "tail -n 50 /var/log/nginx/error.log 2>&1", matches: 14, score: 9.1),
            Finding(
                meaning: "Missing dependency after deploy: a package the code imports is not installed",
                pattern: "ModuleNotFoundError", patternSource: "checklists/NGINX_502_EVIDENCE.md:88",
                evidenceLine: moduleLine, command: "journalctl -u eye-donation -n 50 --no-pager 2>&1", matches: 2,
                score: 7.4),
            Finding(
                meaning: "Service exited with an error at start-up", pattern: "status=1/FAILURE",
                patternSource: "checklists/NGINX_502_EVIDENCE.md:93", evidenceLine: exitLine,
                command: "journalctl -u eye-donation -n 50 --no-pager 2>&1", matches: 2, score: 5.2),
            Finding(
                meaning: "Upstream port closed: nothing listens on the upstream port",
                pattern: "curl: (7) Failed to connect",
                patternSource: "checklists/NGINX_502_EVIDENCE.md:84", evidenceLine: curlLine,
                command: "curl -sS -m 5 -I \"http://\"127.0.0.1:8000/ 2>&1", matches: 1, score: 4.8),
        ]
    }

    static var actions: [WorkflowAction] {
        var install = WorkflowAction(
            step: 2, stepTitle: "Fix the cause", command: "/opt/eye-donation/venv/bin/pip install flask-limiter",
            mutating: true, decision: .ran, at: at("10:41:12"))
        install.exitCode = 0
        install.durationMilliseconds = 8_412
        var restart = WorkflowAction(
            step: 3, stepTitle: "Restart the upstream service", command: "sudo systemctl restart eye-donation",
            mutating: true, decision: .ran, at: at("10:42:31"))
        restart.exitCode = 0
        restart.durationMilliseconds = 1_304
        return [install, restart]
    }

    static func gate(
        _ title: String, required: Bool, _ expectation: String, _ status: GateResult.Status, _ detail: String
    ) -> GateResult {
        GateResult(
            title: title, required: required, expectation: expectation, status: status, detail: detail, command: nil)
    }

    static var gateRuns: [GateRun] {
        let booting = [
            gate(
                "Upstream accepts connections", required: true, "output matches `^[1-4][0-9][0-9]$`", .fail,
                "exit 7: " + curlLine),
            gate(
                "Public URL does not return 5xx", required: true, "output matches `^[1-4][0-9][0-9]$`", .fail,
                "printed 502"),
            gate(
                "No new upstream errors in the nginx error log", required: true, "no output", .fail,
                "2 lines since 10:42:31, the first: 2026/01/05 10:42:33 [error] 1234#1234: *6120 connect() failed (111: Connection refused)"
            ),
            gate("Health endpoint returns 200", required: false, "HTTP 200", .fail, "HTTP 502"),
            gate("Service is running", required: false, "exit 0", .fail, "exit 3: activating"),
        ]
        let passing = [
            gate(
                "Upstream accepts connections", required: true, "output matches `^[1-4][0-9][0-9]$`", .pass,
                "printed 200"),
            gate(
                "Public URL does not return 5xx", required: true, "output matches `^[1-4][0-9][0-9]$`", .pass,
                "printed 200"),
            gate(
                "No new upstream errors in the nginx error log", required: true, "no output", .pass,
                "no lines since 10:43:20"),
            gate("Health endpoint returns 200", required: false, "HTTP 200", .pass, "HTTP 200"),
            gate("Service is running", required: false, "exit 0", .pass, "exit 0"),
        ]
        return [GateRun(at: at("10:43:20"), results: booting), GateRun(at: at("10:45:10"), results: passing)]
    }

    static var timeline: [TimelineEvent] {
        [
            TimelineEvent(kind: "declared", at: at("10:31:40"), message: "502, routed to Nginx 502 / 504 bad gateway"),
            TimelineEvent(kind: "answer", at: at("10:31:52"), message: "service: eye-donation"),
            TimelineEvent(kind: "answer", at: at("10:31:58"), message: "env: production"),
            TimelineEvent(kind: "answer", at: at("10:32:09"), message: "symptom: Users seeing 502 Bad Gateway"),
            TimelineEvent(kind: "answer", at: at("10:32:40"), message: "error_text: 2 lines"),
            TimelineEvent(kind: "answer", at: at("10:32:51"), message: "started_at: 2026-01-05 10:30 UTC"),
            TimelineEvent(kind: "answer", at: at("10:33:02"), message: "last_change: deploy 30 minutes ago"),
            TimelineEvent(kind: "answer", at: at("10:33:15"), message: "impact: All users, complete outage"),
            TimelineEvent(kind: "answer", at: at("10:33:21"), message: "links: /var/log/nginx/error.log"),
            TimelineEvent(
                kind: "severity", at: at("10:33:22"), message: "SEV1: impact answer matched \"complete outage\""),
            TimelineEvent(
                kind: "command.started", at: at("10:33:23"),
                message: "8 evidence commands from checklists/NGINX_502_EVIDENCE.md"),
            TimelineEvent(
                kind: "command.finished", at: at("10:33:23"),
                message: "curl -sS -m 5 -I \"http://\"127.0.0.1:8000/ 2>&1: exit 7"),
            TimelineEvent(
                kind: "command.finished", at: at("10:33:23"),
                message: "journalctl -u eye-donation -n 50 --no-pager 2>&1: exit 0"),
            TimelineEvent(
                kind: "finding", at: at("10:33:24"),
                message: "Upstream not running: nothing accepts connections on the upstream address (14 lines)"),
            TimelineEvent(
                kind: "finding", at: at("10:33:24"),
                message: "Missing dependency after deploy: a package the code imports is not installed (2 lines)"),
            TimelineEvent(
                kind: "step", at: at("10:41:12"),
                message: "step 2, Fix the cause: /opt/eye-donation/venv/bin/pip install flask-limiter: exit 0"),
            TimelineEvent(
                kind: "step", at: at("10:42:31"),
                message: "step 3, Restart the upstream service: sudo systemctl restart eye-donation: exit 0"),
            TimelineEvent(kind: "gates", at: at("10:43:20"), message: "3 required gates did not pass"),
            TimelineEvent(kind: "gates", at: at("10:45:10"), message: "every required gate passed"),
            TimelineEvent(kind: "mitigated", at: at("10:45:10"), message: "mitigated: every required gate passed"),
        ]
    }
}
