import Foundation
import IncidentKit
import Synchronization
import Testing

/// A flag set from another thread.
final class Flag: Sendable {
    private let value = Mutex(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}

@Suite(.serialized, .timeLimit(.minutes(1)))
struct ExecutionInterruptTests {
    /// Starts each of `scripts` on a background thread and waits until every shell has set its traps (each
    /// script is run as `SCRIPT_PREFIX; touch READY/n; exec sleep 300`) and the runner has registered every
    /// group. A child the runner has not registered yet when an interrupt comes is killed outright when it
    /// is, which a loaded machine made happen here.
    func startRunning(_ scripts: [String], _ registry: ProcessGroupRegistry) throws -> ResultsBox {
        let ready = try Scratch.folder("exec")
        let specs = scripts.enumerated().map { index, script in
            CommandSpec((script.isEmpty ? "" : script + "; ") + "touch \(ready)/\(index); exec sleep 300")
        }
        let box = ResultsBox()
        let runner = ProcessRunner(
            options: ExecutionTestSupport.options(timeout: .seconds(30), concurrency: specs.count),
            registry: registry)
        Thread { box.set(runner.runAll(specs, progress: nil)) }.start()
        let deadline = ContinuousClock.now + .seconds(20)
        func started() -> Int { ((try? FileManager.default.contentsOfDirectory(atPath: ready)) ?? []).count }
        while started() < specs.count || registry.liveGroups.count < specs.count, ContinuousClock.now < deadline {
            usleep(5_000)
        }
        try #require(started() == specs.count, "every child is running before the test interrupts them")
        try #require(registry.liveGroups.count == specs.count, "every group is registered")
        try? FileManager.default.removeItem(atPath: ready)
        return box
    }

    @Test func forwardingEscalatesIntToTermToKill() throws {
        let registry = ProcessGroupRegistry()
        let box = try startRunning(["", "trap '' INT", "trap '' INT TERM"], registry)
        let forwarder = InterruptForwarder(registry: registry, grace: .seconds(1)) {}
        let start = ContinuousClock.now
        let sent = forwarder.forwardAndEscalate()
        #expect(sent == [SIGINT, SIGTERM, SIGKILL])
        #expect(ContinuousClock.now - start < .seconds(15), "two graces of 1 s, not the 300 s sleeps")
        let results = try box.wait().map { try $0.get() }
        #expect(results.first?.status == .signaled(SIGINT))
        // On a loaded machine the second child may not have run between TERM and the KILL a grace later,
        // and a pending KILL wins: either way the escalation stopped it.
        #expect([.signaled(SIGTERM), .signaled(SIGKILL)].contains(results[1].status), "\(results[1].status)")
        #expect(results.last?.status == .signaled(SIGKILL))
        #expect(results.allSatisfy { $0.interrupted })
        #expect(registry.liveGroups.isEmpty)
        #expect(registry.isInterrupted)
        // Nothing new starts after an interrupt.
        let later = ProcessRunner(options: ExecutionTestSupport.options(), registry: registry)
        #expect(throws: RunnerError.interrupted(command: "true")) {
            try later.runAll([CommandSpec("true")], progress: nil)[0].get()
        }
    }

    @Test func realSigintReachesChildrenAndTheCallback() throws {
        let registry = ProcessGroupRegistry()
        let called = Flag()
        // A grace long enough for a loaded machine to run the child on its SIGINT: with 300 ms, a child not
        // scheduled in time was sent TERM and KILL as well, and died of KILL (seen once under load).
        let forwarder = InterruptForwarder(registry: registry, grace: .seconds(2)) { called.set() }
        forwarder.install()
        defer { forwarder.uninstall() }
        let box = try startRunning([""], registry)
        kill(getpid(), SIGINT)  // ignored by the process, delivered to the dispatch source
        let results = try box.wait().map { try $0.get() }
        #expect(results.map(\.status) == [.signaled(SIGINT)])
        let deadline = ContinuousClock.now + .seconds(10)
        while !called.isSet && ContinuousClock.now < deadline { usleep(5_000) }
        #expect(called.isSet)
        forwarder.uninstall()
        var action = sigaction()
        sigaction(SIGINT, nil, &action)
        #expect(action.__sigaction_handler.sa_handler == nil, "SIGINT is back to its default action")
    }
}

/// The results of a batch run on another thread, with a blocking wait.
final class ResultsBox: Sendable {
    private let slot = Mutex<[Result<CommandResult, RunnerError>]?>(nil)
    func set(_ value: [Result<CommandResult, RunnerError>]) { slot.withLock { $0 = value } }
    func wait() -> [Result<CommandResult, RunnerError>] {
        while true {
            if let value = slot.withLock({ $0 }) { return value }
            usleep(5_000)
        }
    }
}
