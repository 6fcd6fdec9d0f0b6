import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Turns Ctrl-C into an orderly stop: SIGINT to every running child group, then SIGTERM, then
/// SIGKILL for groups still alive after each grace period, then the caller's closure (which saves
/// state and exits 130). A second Ctrl-C skips straight to SIGKILL. SIGTERM and SIGHUP (a lost SSH
/// session) stop the run the same way: the children run in process groups of their own, which a
/// terminal's hangup does not reach, and would be left running with no time limit.
///
/// A class because the installed signal source and its state have identity: there is one per process.
public final class InterruptForwarder: Sendable {
    private struct State {
        var sources: [Int32: any DispatchSourceSignal] = [:]
        var previousHandlers: [Int32: sighandler_t?] = [:]
        var interrupts = 0
        /// The first stop signal that arrived.
        var received: Int32?
    }

    /// The signals that stop a run.
    public static let stopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private let registry: ProcessGroupRegistry
    private let grace: Duration
    private let onStop: @Sendable (Int32) -> Void
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "incident.interrupt")
    private let escalation = DispatchQueue(label: "incident.interrupt.escalation")

    /// A forwarder for the groups in `registry`; `onStop` runs once the children are gone, with the
    /// signal that stopped the run.
    public init(
        registry: ProcessGroupRegistry = .shared, grace: Duration = .seconds(2),
        onStop: @escaping @Sendable (Int32) -> Void
    ) {
        self.registry = registry
        self.grace = grace
        self.onStop = onStop
    }

    /// A forwarder whose closure does not need to know which signal stopped the run.
    public convenience init(
        registry: ProcessGroupRegistry = .shared, grace: Duration = .seconds(2),
        onInterrupt: @escaping @Sendable () -> Void
    ) {
        self.init(registry: registry, grace: grace, onStop: { _ in onInterrupt() })
    }

    /// Starts catching SIGINT (the default action, ending the process, is turned off meanwhile). Returns
    /// once the signal source is registered: libdispatch registers it asynchronously, and a Ctrl-C in
    /// between would meet SIG_IGN and be lost.
    public func install() {
        let registered = DispatchGroup()
        state.withLock { state in
            guard state.sources.isEmpty else { return }
            for stop in Self.stopSignals {
                state.previousHandlers[stop] = signal(stop, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: stop, queue: queue)
                // The source's data is the number of signals since the last call: several Ctrl-C can
                // arrive as one call, and a second one must still skip to SIGKILL.
                let handler: @Sendable () -> Void = { [weak self] in
                    guard let self else { return }
                    let delivered = self.state.withLock { state -> UInt in
                        if state.received == nil { state.received = stop }
                        return state.sources[stop]?.data ?? 0
                    }
                    for _ in 0..<min(delivered, 2) { self.signalArrived() }
                }
                source.setEventHandler(handler: handler)
                registered.enter()
                source.setRegistrationHandler { registered.leave() }
                source.resume()
                state.sources[stop] = source
            }
        }
        _ = registered.wait(timeout: .now() + .seconds(2))
    }

    /// Stops catching the stop signals and restores the dispositions they had before `install()`.
    public func uninstall() {
        state.withLock { state in
            for (stop, source) in state.sources {
                source.cancel()
                signal(stop, state.previousHandlers[stop] ?? nil)  // nil is SIG_DFL
            }
            state.sources = [:]
            state.previousHandlers = [:]
        }
    }

    /// What one Ctrl-C does; tests call it directly instead of raising SIGINT.
    public func signalArrived() {
        let count = state.withLock { state in
            state.interrupts += 1
            return state.interrupts
        }
        if count == 1 {
            let stop = state.withLock { $0.received } ?? SIGINT
            escalation.async { [self] in
                forwardAndEscalate()
                onStop(stop)
            }
        } else {
            registry.interrupt(with: SIGKILL)
        }
    }

    /// SIGINT to all groups, then TERM and KILL for the ones that outlive each grace period.
    /// Blocks until no group is left (or the last grace period ran out); returns the signals used.
    @discardableResult
    public func forwardAndEscalate() -> [Int32] {
        var sent: [Int32] = []
        for signal in [SIGINT, SIGTERM, SIGKILL] {
            guard registry.interrupt(with: signal) > 0 else { break }
            sent.append(signal)
            if waitForGroupsToEnd() { break }
        }
        return sent
    }

    private func waitForGroupsToEnd() -> Bool {
        let deadline = ContinuousClock.now + grace
        while ContinuousClock.now < deadline {
            if registry.liveGroups.isEmpty { return true }
            usleep(10_000)
        }
        return registry.liveGroups.isEmpty
    }
}
