import Foundation
import IncidentKit
import Testing

@Suite(.timeLimit(.minutes(1)))
struct ExecutionSpawnTests {
    let runner = ProcessRunner(options: ExecutionTestSupport.options(), registry: ProcessGroupRegistry())

    @Test func capturesStdoutAndStderrSeparately() throws {
        let result = try runner.run(CommandSpec("printf out; printf err >&2; exit 3"))
        #expect(result.status == .exited(3))
        #expect(result.stdout.text == "out")
        #expect(result.stderr.text == "err")
        #expect(result.stdout.totalBytes == 3)
        #expect(!result.timedOut)
        #expect(result.attempts.count == 1)
    }

    @Test func missingCommandIsExit127NotAnError() throws {
        let result = try runner.run(CommandSpec("no-such-command-incident-test"))
        #expect(result.status == .exited(127))
        #expect(result.stderr.text.contains("not found"))
    }

    @Test func killedBySignalIsReportedAsSignaled() throws {
        let result = try runner.run(CommandSpec("kill -TERM $$"))
        #expect(result.status == .signaled(SIGTERM))
        let killed = try runner.run(CommandSpec("kill -KILL $$"))
        #expect(killed.status == .signaled(SIGKILL))
    }

    @Test func stdinIsDevNull() throws {
        let result = try runner.run(CommandSpec("cat; echo done"))
        #expect(result.stdout.text == "done\n")
    }

    @Test func childRunsInItsOwnProcessGroup() throws {
        let result = try runner.run(CommandSpec("ps -o pgid= -p $$; echo $$"))
        let fields = result.stdout.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        try #require(fields.count == 2)
        #expect(fields[0] == fields[1])
        #expect(fields[0] != String(getpgrp()))
    }

    @Test func childHasEmptySignalMaskAndDefaultDispositions() throws {
        // SIGPIPE ignored and SIGINT/SIGTERM blocked here must not reach the child.
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        var blocked = sigset_t()
        var old = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGTERM)
        sigaddset(&blocked, SIGINT)
        pthread_sigmask(SIG_BLOCK, &blocked, &old)
        defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
        let result = try runner.run(CommandSpec("grep -E '^(SigBlk|SigIgn)' /proc/self/status"))
        let masks = result.stdout.text.split(separator: "\n").compactMap { line in
            line.split(separator: "\t").last.flatMap { UInt64($0, radix: 16) }
        }
        try #require(masks.count == 2)
        #expect(masks[0] == 0, "no signal blocked")
        // Bits 31 and 32 are glibc's internal signals 32 and 33, which posix_spawn leaves ignored.
        #expect(masks[1] & 0x7fff_ffff == 0, "no standard signal ignored")
    }

    @Test func workingDirectoryAndEnvironmentOverrides() throws {
        let directory = try Scratch.folder("exec")
        let spec = CommandSpec(
            "pwd; printf '%s|%s' \"$INCIDENT_TEST_VAR\" \"${PATH:+has-path}\"", workingDirectory: directory,
            environment: ["INCIDENT_TEST_VAR": "a b 'c'"])
        let result = try runner.run(spec)
        let resolved = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        #expect(result.stdout.text == "\(resolved)\na b 'c'|has-path")
    }

    @Test func missingWorkingDirectoryIsASpawnError() throws {
        let error = #expect(throws: RunnerError.self) {
            try runner.run(CommandSpec("true", workingDirectory: "/nonexistent/incident"))
        }
        let text = try #require(error).description
        #expect(text.hasPrefix("cannot start `true`: No such file or directory (errno 2)"))
        #expect(text.hasSuffix("(working directory /nonexistent/incident)"))
    }

    @Test func nulInCommandIsRejected() {
        #expect(
            throws: RunnerError.invalidCommand(
                command: "echo a\0b", reason: "the command contains a NUL byte")
        ) {
            try runner.run(CommandSpec("echo a\0b"))
        }
    }

    @Test func invalidUTF8IsRecordedLossily() throws {
        let result = try runner.run(CommandSpec("printf 'ok \\377\\376 end'"))
        #expect(result.stdout.head == Array("ok ".utf8) + [0xFF, 0xFE] + Array(" end".utf8))
        #expect(result.stdout.text == "ok \u{FFFD}\u{FFFD} end")
    }
}
