import Foundation
import Testing

@testable import IncidentKit

@Suite struct GateEvaluatorTests {
    static let curlError =
        "curl: (7) Failed to connect to 127.0.0.1 port 8000 after 0 ms: Couldn't connect to server"
    static let noSystemd = "System has not been booted with systemd as init system (PID 1). Can't operate."
    static let oldLines = [
        #"2026/01/05 10:30:12 [error] 1234#1234: *5678 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: _, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:8000/", host: "127.0.0.1""#,
        #"2026/01/05 10:31:40 [error] 1234#1234: *5701 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: _, request: "GET /healthz HTTP/1.1", upstream: "http://127.0.0.1:8000/healthz", host: "127.0.0.1""#,
    ]
    static let newLine =
        #"2026/01/05 10:50:03 [error] 1234#1234: *5802 upstream prematurely closed connection while reading response header from upstream, client: 127.0.0.1, server: _, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:8000/", host: "127.0.0.1""#
    /// 2026-01-05 10:45:01 UTC: the last mitigation step.
    static let mitigated = Date(timeIntervalSince1970: 1_767_609_901)

    static func defaultGates() throws -> [String: Gate] {
        let library = try Library.load(root: Paths.packageRoot)
        let gates = GateSet(try #require(library.files["gates/QUALITY_GATES.md"])).gates
        return Dictionary(gates.map { ($0.title, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func gate(_ title: String) throws -> Gate {
        try #require(try defaultGates()[title], "no gate \(title)")
    }

    static func result(
        _ status: TerminationStatus, stdout: String = "", stderr: String = "", timedOut: Bool = false,
        interrupted: Bool = false, seconds: Int64 = 0
    ) -> CommandResult {
        CommandResult(
            spec: CommandSpec("check"),
            attempts: [
                CommandAttempt(
                    number: 1, status: status, duration: .seconds(seconds), timedOut: timedOut,
                    interrupted: interrupted,
                    stdout: CapturedOutput(head: Array(stdout.utf8), totalBytes: stdout.utf8.count),
                    stderr: CapturedOutput(head: Array(stderr.utf8), totalBytes: stderr.utf8.count))
            ])
    }

    static func evaluate(_ gate: Gate, _ result: CommandResult?, since: Date? = nil) -> GateResult {
        GateEvaluator.evaluate(gate, command: nil, result: result, unavailable: nil, since: since)
    }

    @Test func theUpstreamGateFailsWithCurlsErrorAndPassesOnAnyAnswerBelow500() throws {
        let gate = try Self.gate("Upstream accepts connections")
        let refused = GateEvaluator.evaluate(
            gate, command: "curl -sS -m 5 -o /dev/null -w '%{http_code}' \"http://\"'127.0.0.1:8000'/",
            result: Self.result(.exited(7), stdout: "000", stderr: Self.curlError + "\n"), unavailable: nil,
            since: nil)
        #expect(
            refused
                == GateResult(
                    title: "Upstream accepts connections", required: true,
                    expectation: "output matches /^[1-4][0-9][0-9]$/", status: .fail,
                    detail: "exit 7: \(Self.curlError)",
                    command: "curl -sS -m 5 -o /dev/null -w '%{http_code}' \"http://\"'127.0.0.1:8000'/"))
        #expect(Self.evaluate(gate, Self.result(.exited(0), stdout: "200")).status == .pass)
        #expect(Self.evaluate(gate, Self.result(.exited(0), stdout: "404\n")).detail == "printed 404")
        let badGateway = Self.evaluate(gate, Self.result(.exited(0), stdout: "502"))
        #expect(badGateway.status == .fail)
        #expect(badGateway.detail == "printed 502 (expected output matches /^[1-4][0-9][0-9]$/)")
        // `^` and `$` anchor the whole output, not each line.
        #expect(Self.evaluate(gate, Self.result(.exited(0), stdout: "200\n502\n")).status == .fail)
        #expect(Self.evaluate(gate, Self.result(.exited(0), stdout: "")).detail.hasPrefix("printed nothing"))
    }

    @Test func httpStatusReadsCodesAndClasses() throws {
        let health = try Self.gate("Health endpoint returns 200")
        #expect(health.isRequired == false)
        let ok = Self.evaluate(health, Self.result(.exited(0), stdout: "200"))
        #expect((ok.status, ok.detail, ok.required) == (.pass, "printed 200", false))
        let bad = Self.evaluate(health, Self.result(.exited(0), stdout: "502"))
        #expect((bad.status, bad.detail) == (.fail, "printed 502 (expected HTTP 200)"))

        let classes = Gate(
            title: "Site answers", check: "curl -sS -o /dev/null -D - http://127.0.0.1/ | head -n 1",
            expectation: GateExpectation.parse("HTTP 2xx or 3xx"), isRequired: true, requires: ["curl"], since: nil,
            line: 1)
        let gateway = Self.evaluate(classes, Self.result(.exited(0), stdout: "HTTP/1.1 502 Bad Gateway\r\n"))
        #expect((gateway.status, gateway.detail) == (.fail, "printed 502 (expected HTTP 2xx or 3xx)"))
        let moved = Self.evaluate(classes, Self.result(.exited(0), stdout: "HTTP/1.1 301 Moved Permanently\r\n"))
        #expect((moved.status, moved.detail) == (.pass, "printed 301"))
        #expect(Self.evaluate(classes, Self.result(.exited(0), stdout: "HTTP/2 204 \r\n")).status == .pass)
        let headers = "HTTP/1.1 503 Service Unavailable\r\nServer: nginx/1.24.0\r\nContent-Length: 197\r\n\r\n"
        let unavailable = Self.evaluate(classes, Self.result(.exited(0), stdout: headers))
        #expect((unavailable.status, unavailable.detail) == (.fail, "printed 503 (expected HTTP 2xx or 3xx)"))
        let crlfLog = Self.evaluate(
            try Self.gate("No new upstream errors in the nginx error log"),
            Self.result(.exited(0), stdout: Self.oldLines.joined(separator: "\r\n") + "\r\n"), since: Self.mitigated)
        #expect(crlfLog.status == .pass)
        let refused = Self.evaluate(classes, Self.result(.exited(7), stdout: "000", stderr: Self.curlError))
        #expect((refused.status, refused.detail) == (.fail, "exit 7: \(Self.curlError)"))
        let garbage = Self.evaluate(classes, Self.result(.exited(0), stdout: "<html>oops</html>"))
        #expect((garbage.status, garbage.detail) == (.fail, "printed <html>oops</html> (expected HTTP 2xx or 3xx)"))
    }

    @Test func exitStatusGate() throws {
        let gate = try Self.gate("Service is running")
        #expect(Self.evaluate(gate, Self.result(.exited(0), stdout: "active\n")).detail == "exit 0")
        let inactive = Self.evaluate(gate, Self.result(.exited(3), stdout: "inactive\n"))
        #expect((inactive.status, inactive.detail) == (.fail, "exit 3: inactive"))
        let noSystemd = Self.evaluate(
            gate, Self.result(.exited(1), stderr: Self.noSystemd + "\nFailed to connect to bus: Host is down\n"))
        #expect((noSystemd.status, noSystemd.detail) == (.fail, "exit 1: \(Self.noSystemd)"))
    }

    @Test func newErrorLinesOnlyCountSinceTheLastMitigation() throws {
        let gate = try Self.gate("No new upstream errors in the nginx error log")
        #expect(gate.since == "last-mitigation")
        let old = Self.result(.exited(0), stdout: Self.oldLines.joined(separator: "\n") + "\n")
        let quiet = Self.evaluate(gate, old, since: Self.mitigated)
        #expect((quiet.status, quiet.detail) == (.pass, "no new lines since 10:45:01Z"))
        let withoutSince = Self.evaluate(gate, old)
        #expect(withoutSince.status == .fail)
        #expect(withoutSince.detail.hasPrefix("2 lines: 2026/01/05 10:30:12 [error] 1234#1234: *5678 connect() failed"))
        let again = Self.evaluate(
            gate, Self.result(.exited(0), stdout: (Self.oldLines + [Self.newLine]).joined(separator: "\n")),
            since: Self.mitigated)
        #expect(again.status == .fail)
        #expect(
            again.detail
                == "1 new line since 10:45:01Z: 2026/01/05 10:50:03 [error] 1234#1234: *5802 upstream prematurely closed connection while reading..."
        )
        #expect(Self.evaluate(gate, Self.result(.exited(0)), since: nil).detail == "no output")
    }

    @Test func aCheckThatCouldNotReadItsLogNeverPassesAsNoErrors() {
        let gate = Gate(
            title: "No new errors", check: "grep -E 'connect\\(\\) failed' /var/log/nginx/error.log",
            expectation: .noOutput, isRequired: true, requires: [], since: "last-mitigation", line: 1)
        let missing = Self.evaluate(
            gate,
            Self.result(.exited(2), stderr: "grep: /var/log/nginx/error.log: No such file or directory\n"),
            since: Self.mitigated)
        #expect(missing.status == .unknown)
        #expect(missing.detail == "the check failed: exit 2: grep: /var/log/nginx/error.log: No such file or directory")
        // grep exits 1 when nothing matches: a clean "no output".
        #expect(Self.evaluate(gate, Self.result(.exited(1)), since: Self.mitigated).status == .pass)
    }

    @Test func containsAndLacksCompareExactText() {
        func gate(_ expect: String) -> Gate {
            Gate(
                title: "Config", check: "nginx -t 2>&1", expectation: GateExpectation.parse(expect), isRequired: true,
                requires: ["nginx"], since: nil, line: 1)
        }
        let good = """
            nginx: the configuration file /etc/nginx/nginx.conf syntax is ok
            nginx: configuration file /etc/nginx/nginx.conf test is successful
            """
        let bad = """
            nginx: [emerg] unknown directive "proxy_passs" in /etc/nginx/sites-enabled/default:12
            nginx: configuration file /etc/nginx/nginx.conf test failed
            """
        let successful = gate("output contains `test is successful`")
        #expect(Self.evaluate(successful, Self.result(.exited(0), stdout: good)).status == .pass)
        #expect(
            Self.evaluate(successful, Self.result(.exited(0), stdout: good)).detail
                == "output contains \"test is successful\"")
        #expect(
            Self.evaluate(gate("output contains `Test Is Successful`"), Self.result(.exited(0), stdout: good)).status
                == .fail)
        let failed = Self.evaluate(successful, Self.result(.exited(1), stdout: bad))
        #expect(failed.status == .fail)
        #expect(
            failed.detail
                == #"printed nginx: [emerg] unknown directive "proxy_passs" in /etc/nginx/sites-enabled/default:12 and 1 more line (expected output contains "test is successful")"#
        )
        let noEmerg = gate("output does not contain `[emerg]`")
        #expect(Self.evaluate(noEmerg, Self.result(.exited(0), stdout: good)).status == .pass)
        let emerg = Self.evaluate(noEmerg, Self.result(.exited(1), stdout: bad))
        #expect(emerg.status == .fail)
        #expect(emerg.detail.hasPrefix("printed nginx: [emerg] unknown directive"))
        #expect(emerg.detail.hasSuffix("(expected output does not contain \"[emerg]\")"))
    }

    @Test func unavailableChecksAreUnknownNeverPass() throws {
        let gate = try Self.gate("Upstream accepts connections")
        let missing = GateEvaluator.evaluate(
            gate, command: nil, result: Self.result(.exited(0), stdout: "200"), unavailable: "curl is not installed",
            since: nil)
        #expect((missing.status, missing.detail) == (.unknown, "curl is not installed"))
        #expect(missing.command == gate.check)
        #expect(Self.evaluate(gate, nil).status == .unknown)
        var vague = gate
        vague.expectation = nil
        #expect(Self.evaluate(vague, Self.result(.exited(0), stdout: "200")).status == .unknown)
        vague.check = nil
        #expect(Self.evaluate(vague, nil).detail == "no check to run: confirm it by hand")
        let broken = Gate(
            title: "Broken", check: "true", expectation: .outputMatches("[0-9"), isRequired: true, requires: [],
            since: nil, line: 1)
        #expect(Self.evaluate(broken, Self.result(.exited(0), stdout: "1")).status == .unknown)
        #expect(Self.evaluate(gate, Self.result(.signaled(2), interrupted: true)).status == .unknown)
    }

    @Test func timedOutOrKilledChecksFail() throws {
        let gate = try Self.gate("Service is running")
        let slow = Self.evaluate(gate, Self.result(.signaled(15), timedOut: true, seconds: 10))
        #expect((slow.status, slow.detail) == (.fail, "timed out after 10 s"))
        let killed = Self.evaluate(gate, Self.result(.signaled(9), stdout: "activating\n"))
        #expect((killed.status, killed.detail) == (.fail, "killed by signal 9 (SIGKILL): activating"))
        let slowCurl = Self.evaluate(
            try Self.gate("Public URL does not return 5xx"),
            Self.result(
                .exited(28), stdout: "000",
                stderr: "curl: (28) Operation timed out after 5001 milliseconds with 0 bytes received", timedOut: true,
                seconds: 5))
        #expect(slowCurl.status == .fail)
        #expect(
            slowCurl.detail
                == "timed out after 5 s: curl: (28) Operation timed out after 5001 milliseconds with 0 bytes received")
    }

    @Test func clockTimeIsUTC() {
        #expect(GateEvaluator.clockTime(Self.mitigated) == "10:45:01Z")
        #expect(GateEvaluator.clockTime(Date(timeIntervalSince1970: -1)) == "23:59:59Z")
    }
}
