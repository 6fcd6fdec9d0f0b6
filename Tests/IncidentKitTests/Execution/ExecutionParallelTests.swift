import Foundation
import IncidentKit
import Synchronization
import Testing

/// Collects progress events from any thread.
final class ProgressLog: Sendable {
    private let events = Mutex<[RunProgress]>([])
    func record(_ event: RunProgress) { events.withLock { $0.append(event) } }
    var all: [RunProgress] { events.withLock { $0 } }

    /// The duration reported when the spec at `index` finished (for events whose timing varies).
    func finishedDuration(_ index: Int) -> Duration {
        for case .finished(index, _, let duration, _, _) in all { return duration }
        return .zero
    }
}

@Suite(.timeLimit(.minutes(1)))
struct ExecutionParallelTests {
    @Test func runsConcurrentlyAndKeepsListOrder() throws {
        let runner = ProcessRunner(
            options: ExecutionTestSupport.options(concurrency: 8), registry: ProcessGroupRegistry())
        // Each job arrives at a barrier and waits (up to 10 s) until all eight are there: run one at a time,
        // the first would report that it waited alone. Later jobs sleep less, so they finish first.
        let barrier = try Scratch.folder("exec")
        defer { try? FileManager.default.removeItem(atPath: barrier) }
        let specs = (0..<8).map { index in
            CommandSpec(
                """
                touch \(barrier)/\(index); n=0
                while [ "$(ls \(barrier) | wc -l | tr -d ' ')" -lt 8 ] && [ $n -lt 200 ]; do sleep 0.05; n=$((n + 1)); done
                sleep 0.$((9 - \(index))); echo \(index) "$(ls \(barrier) | wc -l | tr -d ' ')"
                """,
                label: "job \(index)")
        }
        let log = ProgressLog()
        let results = runner.runAll(specs, progress: log.record)
        #expect(try results.map { try $0.get().stdout.text } == (0..<8).map { "\($0) 8\n" })
        let events = log.all
        #expect(events.filter { if case .started = $0 { true } else { false } }.count == 8)
        let finished = events.compactMap { event -> (Int, Duration)? in
            if case .finished(let index, _, let duration, .exited(0), false) = event {
                return (index, duration)
            }
            return nil
        }
        #expect(finished.map(\.0).sorted() == Array(0..<8))
        #expect(finished.allSatisfy { $0.1 >= .milliseconds(100) })
    }

    @Test func concurrencyLimitIsRespected() {
        let runner = ProcessRunner(
            options: ExecutionTestSupport.options(concurrency: 2), registry: ProcessGroupRegistry())
        let start = ContinuousClock.now
        let results = runner.runAll(Array(repeating: CommandSpec("sleep 0.3"), count: 4), progress: nil)
        #expect(ContinuousClock.now - start >= .milliseconds(600))
        #expect(results.count == 4)
    }

    @Test func spawnFailureIsAResultInPlace() throws {
        let runner = ProcessRunner(options: ExecutionTestSupport.options(), registry: ProcessGroupRegistry())
        let results = runner.runAll(
            [
                CommandSpec("echo a"), CommandSpec("echo b", workingDirectory: "/nonexistent/x"),
                CommandSpec("echo c"),
            ],
            progress: nil)
        #expect(try results[0].get().stdout.text == "a\n")
        #expect(throws: RunnerError.self) { try results[1].get() }
        #expect(try results[2].get().stdout.text == "c\n")
    }
}

/// A runner that runs nothing: what tests of the product's other stages plug in.
struct ExecutionFakeRunner: CommandRunning {
    func run(_ spec: CommandSpec) throws(RunnerError) -> CommandResult {
        guard spec.command != "unstartable" else { throw .spawnFailed(command: spec.command, reason: "fake") }
        return CommandResult(
            spec: spec, attempts: [CommandAttempt(number: 1, status: .exited(0), duration: .zero)])
    }
}

@Suite(.timeLimit(.minutes(1)))
struct ExecutionSeamTests {
    @Test func fakeRunnerGetsRunAllForFree() {
        let log = ProgressLog()
        let results = ExecutionFakeRunner().runAll(
            [CommandSpec("a"), CommandSpec("unstartable"), CommandSpec("b")], progress: log.record)
        #expect(results.map { (try? $0.get())?.status } == [.exited(0), nil, .exited(0)])
        #expect(
            log.all == [
                .started(index: 0, label: "a"),
                .finished(index: 0, label: "a", duration: .zero, status: .exited(0), timedOut: false),
                .started(index: 1, label: "unstartable"),
                .finished(
                    index: 1, label: "unstartable", duration: log.finishedDuration(1), status: nil,
                    timedOut: false),
                .started(index: 2, label: "b"),
                .finished(index: 2, label: "b", duration: .zero, status: .exited(0), timedOut: false),
            ])
    }

    @Test func unwritableOutputFileIsAnErrorWithClearText() {
        let runner = ProcessRunner(options: ExecutionTestSupport.options(), registry: ProcessGroupRegistry())
        let error = #expect(throws: RunnerError.self) {
            try runner.run(CommandSpec("true", outputFile: "/nonexistent/dir/out.log"))
        }
        #expect(
            error?.description
                == "cannot write command output to /nonexistent/dir/out.log: No such file or directory (errno 2)"
        )
    }
}

@Suite(.timeLimit(.minutes(1)))
struct ExecutionRetryTests {
    @Test func failingCommandIsRetriedWithBackoff() throws {
        let sleeper = RecordingSleeper()
        var options = ExecutionTestSupport.options()
        options.sleeper = sleeper
        let runner = ProcessRunner(options: options, registry: ProcessGroupRegistry())
        let result = try runner.run(CommandSpec("echo try; exit 1", retry: .standard))
        #expect(result.attempts.map(\.number) == [1, 2, 3])
        #expect(result.attempts.map(\.status) == [.exited(1), .exited(1), .exited(1)])
        #expect(sleeper.log.all == [.zero, .seconds(5), .seconds(25)])
        #expect(!result.succeeded)
    }

    @Test func stopsRetryingOnSuccessAndRecordsEveryAttempt() throws {
        let directory = try Scratch.folder("exec")
        let runner = ProcessRunner(options: ExecutionTestSupport.options(), registry: ProcessGroupRegistry())
        let command =
            "n=$(cat count 2>/dev/null || echo 0); n=$((n+1)); echo $n > count; echo attempt $n; [ $n -ge 2 ]"
        let log = ProgressLog()
        let results = runner.runAll(
            [
                CommandSpec(
                    command, workingDirectory: directory,
                    retry: .exponential(attempts: 4, first: .milliseconds(1)))
            ],
            progress: log.record)
        let result = try results[0].get()
        #expect(result.attempts.map(\.status) == [.exited(1), .exited(0)])
        #expect(result.attempts.map(\.stdout.text) == ["attempt 1\n", "attempt 2\n"])
        #expect(result.succeeded)
        #expect(
            log.all.contains(.retrying(index: 0, label: command, nextAttempt: 2, delay: .milliseconds(1))))
    }

    @Test func timeoutCountsAsFailure() throws {
        let runner = ProcessRunner(
            options: ExecutionTestSupport.options(timeout: .milliseconds(100), grace: .milliseconds(100)),
            registry: ProcessGroupRegistry())
        let result = try runner.run(CommandSpec("sleep 5", retry: RetryPolicy(delays: [.zero, .zero])))
        #expect(result.attempts.map(\.timedOut) == [true, true])
    }

    @Test func exponentialPolicyShape() {
        #expect(RetryPolicy.standard.delays == [.zero, .seconds(5), .seconds(25)])
        #expect(
            RetryPolicy.exponential(attempts: 4, first: .seconds(1), factor: 2).delays == [
                .zero, .seconds(1), .seconds(2), .seconds(4),
            ])
        #expect(RetryPolicy.once.attempts == 1)
    }
}
