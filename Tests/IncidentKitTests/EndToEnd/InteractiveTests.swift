import Foundation
import Testing

@testable import IncidentKit

#if canImport(Glibc)
    import Glibc
#endif

/// The form typed on a real terminal (tmux), an invalid choice asked again, Ctrl-C and resume.
@Suite(
    .serialized,
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux"), "needs tmux (.ci/run installs it)"))
struct InteractiveTests {
    /// One tmux server of the test's own, so nothing else is disturbed. Its socket is a scratch path, since
    /// tmux leaves the socket behind when the server stops.
    struct Terminal {
        let socket = Scratch.path("tmux")
        let session = "triage"

        /// Runs a tmux command through the product's runner.
        @discardableResult
        func tmux(_ arguments: [String]) -> String {
            Processes.sh(Processes.shell(["/usr/bin/tmux", "-S", socket] + arguments), timeout: .seconds(10)).output
        }

        func start(_ command: String, directory: String) {
            tmux(["new-session", "-d", "-s", session, "-x", "200", "-y", "50", "-c", directory, command])
        }

        func type(_ text: String) { tmux(["send-keys", "-t", session, "-l", text]) }
        func key(_ name: String) { tmux(["send-keys", "-t", session, name]) }
        var screen: String { tmux(["capture-pane", "-p", "-t", session, "-S", "-200"]) }

        /// Waits until the screen shows `text`; false after `seconds`.
        func waitFor(_ text: String, seconds: Double = 20) -> Bool {
            waitUntil(seconds: seconds) { $0.contains(text) }
        }

        /// Waits until `condition` holds for the screen; false after `seconds`.
        func waitUntil(seconds: Double = 20, _ condition: (String) -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if condition(screen) { return true }
                usleep(100_000)
            }
            return false
        }

        func stop() { tmux(["kill-server"]) }
    }

    /// The number of continuation prompts (`   | `) on `screen` when the last of them waits for input, else 0.
    static func continuationPrompts(_ screen: String) -> Int {
        let lines = screen.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
        guard let last = lines.last, last.trimmingCharacters(in: .whitespaces) == "|" else { return 0 }
        return lines.filter { $0.hasPrefix("   |") }.count
    }

    @Test(.timeLimit(.minutes(2))) func formIsTypedInvalidChoiceAskedAgainAndCtrlCKeepsIt() throws {
        let folder = try Scratch.folder("interactive")
        let incidents = folder + "/incidents"
        let terminal = Terminal()
        defer { terminal.stop() }
        // The shell catches Ctrl-C (a caught signal is reset for the child, unlike an ignored one) so that
        // it survives to print the exit status.
        let command =
            "trap : INT; NO_COLOR=1 '\(Processes.incident)' triage 502 --library '\(Paths.packageRoot)' --out '\(incidents)'"
            + " --set upstream=127.0.0.1:9 --set public_url=http://127.0.0.1:9 --set error_log=/nonexistent.log;"
            + " echo EXIT=\\$?; sleep 30"
        terminal.start("sh -c \"\(command)\"", directory: folder)
        #expect(terminal.waitFor("1) App/Service name"), "\(terminal.screen)")
        terminal.type("shop")
        terminal.key("Enter")
        #expect(terminal.waitFor("2) ENV"))
        terminal.type("prodx")
        terminal.key("Enter")
        #expect(terminal.waitFor("'prodx' is not one of: dev, staging, production, unknown."), "\(terminal.screen)")
        terminal.type("prod")
        terminal.key("Enter")
        // The symptom is pre-filled from the command line; the error text takes several lines.
        // Each line is typed once its prompt waits, so that no keystroke races the prompt onto the screen.
        #expect(terminal.waitFor("4) Exact error text"))
        #expect(terminal.waitUntil { Self.continuationPrompts($0) == 1 }, "\(terminal.screen)")
        terminal.type("connect() failed (111: Connection refused)")
        terminal.key("Enter")
        #expect(terminal.waitUntil { Self.continuationPrompts($0) == 2 }, "\(terminal.screen)")
        terminal.type("while connecting to upstream")
        terminal.key("Enter")
        // Both lines were read (and saved as a draft) once the third prompt waits.
        #expect(terminal.waitUntil { Self.continuationPrompts($0) == 3 }, "\(terminal.screen)")
        // Ctrl-C in the middle of the multi-line answer: what was typed is kept.
        terminal.key("C-c")
        #expect(terminal.waitFor("EXIT=130"), "\(terminal.screen)")
        #expect(terminal.screen.contains("incident resume"))
        let store = IncidentStore(root: incidents)
        let id = try #require(store.ids().first)
        let record = try store.load(id)
        #expect(record.answers["service"] == "shop")
        #expect(record.answers["env"] == "production")
        #expect(record.answers["symptom"] == "502")
        #expect(
            record.drafts["error_text"] == "connect() failed (111: Connection refused)\nwhile connecting to upstream")
        #expect(record.phase == .form)
        #expect(store.timeline(id).last?.kind == "interrupted")

        // Resume without a terminal: the rest must come from --set, and the draft is not lost.
        let resumed = Processes.runIncident(
            ["resume", id, "--no-input", "--out", incidents, "--dry-run"], directory: folder)
        #expect(resumed.status == 64)
        #expect(resumed.errors.contains("--set error_text=VALUE"))
        #expect(resumed.errors.contains("--set impact=VALUE"))
        #expect(try store.load(id).drafts["error_text"] != nil)
        // An answer given while another is still missing is kept for the next resume.
        let partly = Processes.runIncident(
            ["resume", id, "--no-input", "--out", incidents, "--dry-run", "--set", "impact=a few users"],
            directory: folder)
        #expect(partly.status == 64 && !partly.errors.contains("--set impact=VALUE"), "\(partly.errors)")
        #expect(try store.load(id).answers["impact"] == "a few users")
        let completed = Processes.runIncident(
            [
                "resume", id, "--no-input", "--out", incidents, "--dry-run", "--set", "impact=some users", "--set",
                "error_text=connect() failed",
            ], directory: folder)
        #expect(completed.status == 0, "\(completed.errors)")
        let answered = try store.load(id)
        #expect(answered.answers["impact"] == "some users")
        #expect(answered.answers["service"] == "shop")
        #expect(answered.phase > .form)
    }

    /// On a terminal, a value a runbook leaves to its reader (`$NAMESPACE`) is asked for at the evidence
    /// step, once for every command that needs it; Enter skips it, and the commands that need it stay unrun.
    @Test(.timeLimit(.minutes(2))) func valuesTheCommandsNeedAreAskedOnATerminal() throws {
        let (folder, library) = try Processes.runbookLibrary("PodStuck", markdown: ShellVariableTests.runbook)
        let incidents = folder + "/incidents"
        let terminal = Terminal()
        defer { terminal.stop() }
        let command =
            "NO_COLOR=1 XDG_CACHE_HOME='\(folder)/cache' '\(Processes.incident)' triage PodStuck --library '\(library)'"
            + " --out '\(incidents)'; echo EXIT=\\$?; sleep 30"
        terminal.start("sh -c \"\(command)\"", directory: folder)
        #expect(terminal.waitFor("NAMESPACE (1 command):"), "\(terminal.screen)")
        terminal.type("prod ns")
        terminal.key("Enter")
        #expect(terminal.waitFor("POD (1 command):"), "\(terminal.screen)")
        terminal.key("Enter")
        #expect(terminal.waitFor("Run 1 read-only evidence command?"), "\(terminal.screen)")
        // What will run is listed first, with the assignment the runbook makes before it.
        #expect(terminal.screen.contains("    $ export ZONE=\"$(echo zone-a)\"\n      printf '[%s]\\n' zone $ZONE\n"))
        terminal.key("Enter")
        #expect(terminal.waitFor("EXIT="), "\(terminal.screen)")
        #expect(terminal.screen.contains("needs POD (--set POD=VALUE)"), "\(terminal.screen)")
        let store = IncidentStore(root: incidents)
        let record = try store.load(try #require(store.ids().first))
        #expect(record.variables == ["NAMESPACE": "prod ns"])
        #expect(record.evidence.map(\.status) == [.skippedMissingVariables, .ran])
        #expect(store.timeline(record.id).contains { $0.kind == "variable" && $0.message == "NAMESPACE: prod ns" })
    }
}
