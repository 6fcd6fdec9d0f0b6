import Foundation
import IncidentKit
import Testing

@Suite(.timeLimit(.minutes(1)))
struct ExecutionTimeoutTests {
    let runner = ProcessRunner(
        options: ExecutionTestSupport.options(timeout: .seconds(1), grace: .seconds(1)),
        registry: ProcessGroupRegistry())

    @Test func timeoutKillsTheWholeGroup() throws {
        let start = ContinuousClock.now
        let result = try runner.run(CommandSpec("echo $$; sleep 300 & sleep 300; wait"))
        let elapsed = ContinuousClock.now - start
        #expect(result.timedOut)
        #expect(result.status == .signaled(SIGTERM))
        #expect(elapsed < .seconds(6), "timeout 1 s + grace 1 s, far from the 300 s the shell asked for")
        let group = try #require(Int32(result.stdout.text.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(ExecutionTestSupport.survivors(ofGroup: group).isEmpty)
    }

    @Test func ignoredTermEscalatesToKill() throws {
        let start = ContinuousClock.now
        let result = try runner.run(CommandSpec("echo $$; trap '' TERM; sleep 300"))
        let elapsed = ContinuousClock.now - start
        #expect(result.timedOut)
        #expect(result.status == .signaled(SIGKILL))
        #expect(elapsed >= .seconds(2) && elapsed < .seconds(6), "TERM after 1 s, KILL after 1 s more")
        let group = try #require(Int32(result.stdout.text.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(ExecutionTestSupport.survivors(ofGroup: group).isEmpty)
    }

    @Test func grandchildHoldingThePipeDoesNotBlock() throws {
        let start = ContinuousClock.now
        let result = try runner.run(CommandSpec("echo $$; sleep 300 & echo started"))
        let elapsed = ContinuousClock.now - start
        #expect(result.status == .exited(0))
        #expect(!result.timedOut)
        #expect(elapsed < .seconds(6), "the shell exited at once; 0.5 s of draining, then the group is killed")
        let lines = result.stdout.text.split(separator: "\n")
        #expect(lines.last == "started")
        let group = try #require(lines.first.flatMap { Int32($0) })
        #expect(ExecutionTestSupport.survivors(ofGroup: group).isEmpty)
    }

    @Test func closedPipesStillHonourTheTimeout() throws {
        let result = try runner.run(CommandSpec("exec >/dev/null 2>&1; sleep 300"))
        #expect(result.timedOut)
        #expect(result.status == .signaled(SIGTERM))
    }

    @Test func specTimeoutWinsOverTheDefault() throws {
        let start = ContinuousClock.now
        let result = try runner.run(CommandSpec("sleep 5", timeout: .milliseconds(200)))
        #expect(result.timedOut)
        #expect(ContinuousClock.now - start < .seconds(4), "the spec's 0.2 s, not the sleep's 5 s")
    }
}
