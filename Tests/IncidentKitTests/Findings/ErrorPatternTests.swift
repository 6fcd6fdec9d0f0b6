import Testing

@testable import IncidentKit

@Suite struct ErrorPatternTests {
    @Test func redFlagSpansCountOnlyWhenTheyLookLikeOutput() {
        let document = MarkdownDocument(
            path: "c.md",
            text: """
                ## Red Flags

                - `no live upstreams` on every request: all backends are failing.
                - The upstream answers directly but not through nginx: suspect (`proxy_pass`, socket path).
                - The application restarts in a loop (`systemctl status` shows a restart counter growing).
                - `status=9/KILL` in the application log: the host is short of memory.
                - Read `/var/log/nginx/error.log`, or run `tail -n 50 /var/log/nginx/error.log`.
                - `nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)` at start-up.
                - `OOMKilled` pods, or a `{{service}}` that keeps `max_fails` low.
                - `/segfault at [0-9a-f]+/` in dmesg.
                """)
        #expect(
            ErrorPattern.patterns(in: document).map(\.pattern) == [
                "no live upstreams", "status=9/KILL",
                "nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)", "segfault at [0-9a-f]+",
            ])
    }

    @Test func errorPatternSectionsKeepSingleWordSpans() {
        let document = MarkdownDocument(
            path: "c.md",
            text: """
                ## Common Error Patterns

                - `ModuleNotFoundError`: a package is missing

                ### From the application

                | Pattern | Meaning |
                |---|---|
                | `Worker failed to boot` | gunicorn workers exit on start-up |

                ## Next section

                - `ImportError` is not a pattern here
                """)
        let patterns = ErrorPattern.patterns(in: document)
        #expect(patterns.map(\.pattern) == ["ModuleNotFoundError", "Worker failed to boot"])
        #expect(
            patterns.map(\.meaning) == [
                "ModuleNotFoundError: a package is missing", "gunicorn workers exit on start-up",
            ])
        #expect(patterns.map(\.line) == [3, 9])
    }

    @Test func theDefaultChecklistListsEachTextOnceWithItsArrowMeaning() throws {
        let library = try Library.load(root: Paths.packageRoot)
        let patterns = Checklist(try #require(library.files["checklists/NGINX_502_EVIDENCE.md"])).patterns
        let texts = patterns.map { $0.pattern.lowercased() }
        #expect(Set(texts).count == texts.count)
        #expect(!texts.contains("proxy_pass"))
        #expect(!texts.contains("systemctl status"))
        #expect(!texts.contains("proxy_read_timeout"))
        let live = try #require(patterns.first { $0.pattern == "no live upstreams" })
        #expect(live.meaning == "All upstream servers marked down after repeated failures (max_fails)")
        let killed = try #require(patterns.first { $0.pattern == "status=9/KILL" })
        #expect(killed.meaning == "Service killed by SIGKILL, often the kernel's out-of-memory killer")
    }

    @Test(arguments: [
        ("no live upstreams", true), ("status=9/KILL", true), ("curl: (7) Failed to connect", true),
        ("nginx: no process running", true), ("proxy_pass", false), ("systemctl status", false),
        ("max_fails", false), ("kubectl get pods", false), ("journalctl -u app", false),
        ("/etc/nginx/nginx.conf", false), ("{{upstream}}", false), ("/timed out/", true), ("", false),
        ("upstream timed out (110: Connection timed out)", true), ("grep --count error", false),
    ])
    func outputTextHeuristic(span: String, isOutput: Bool) {
        #expect(ErrorPattern.looksLikeOutput(span) == isOutput)
    }
}
