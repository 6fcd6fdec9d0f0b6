import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Turns Ctrl-C into an orderly stop: SIGINT to every running child group, then SIGTERM, then
/// SIGKILL for groups still alive after each grace period, then the caller's closure (which saves
/// state and exits 130). A second Ctrl-C skips straight to SIGKILL.
///
/// A class because the installed signal source and its state have identity: there is one per process.
public final class InterruptForwarder: Sendable {
    private struct State {
        var source: (any DispatchSourceSignal)?
        var previousHandler: sighandler_t?
        var interrupts = 0
    }

    private let registry: ProcessGroupRegistry
    private let grace: Duration
    private let onInterrupt: @Sendable () -> Void
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "incident.interrupt")
    private let escalation = DispatchQueue(label: "incident.interrupt.escalation")

    /// A forwarder for the groups in `registry`; `onInterrupt` runs once the children are gone.
    public init(
        registry: ProcessGroupRegistry = .shared, grace: Duration = .seconds(2),
        onInterrupt: @escaping @Sendable () -> Void
    ) {
        self.registry = registry
        self.grace = grace
        self.onInterrupt = onInterrupt
    }

    /// Starts catching SIGINT (the default action, ending the process, is turned off meanwhile). Returns
    /// once the signal source is registered: libdispatch registers it asynchronously, and a Ctrl-C in
    /// between would meet SIG_IGN and be lost.
    public func install() {
        let registered = DispatchSemaphore(value: 0)
        let installed = state.withLock { state -> Bool in
            guard state.source == nil else { return false }
            state.previousHandler = signal(SIGINT, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: queue)
            // The source's data is the number of signals since the last call: several Ctrl-C can
            // arrive as one call, and a second one must still skip to SIGKILL.
            let handler: @Sendable () -> Void = { [weak self] in
                guard let self else { return }
                let delivered = self.state.withLock { $0.source?.data ?? 0 }
                for _ in 0..<min(delivered, 2) { self.signalArrived() }
            }
            source.setEventHandler(handler: handler)
            source.setRegistrationHandler { registered.signal() }
            source.resume()
            state.source = source
            return true
        }
        if installed { _ = registered.wait(timeout: .now() + .seconds(2)) }
    }

    /// Stops catching SIGINT and restores the disposition it had before `install()`.
    public func uninstall() {
        state.withLock { state in
            guard let source = state.source else { return }
            source.cancel()
            state.source = nil
            signal(SIGINT, state.previousHandler)  // nil is SIG_DFL
        }
    }

    /// What one Ctrl-C does; tests call it directly instead of raising SIGINT.
    public func signalArrived() {
        let count = state.withLock { state in
            state.interrupts += 1
            return state.interrupts
        }
        if count == 1 {
            escalation.async { [self] in
                forwardAndEscalate()
                onInterrupt()
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
