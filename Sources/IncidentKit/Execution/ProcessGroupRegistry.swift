import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process groups of the children running now, so Ctrl-C can reach all of them.
///
/// A class because runners and the interrupt forwarder must share one registry (identity).
/// A group is signalled only under the lock and removed before its leader is reaped, so a signal
/// can never reach a recycled process group id.
public final class ProcessGroupRegistry: Sendable {
    private struct State {
        var groups: Set<pid_t> = []
        var interrupted = false
    }

    private let state = Mutex(State())

    /// The registry the product uses by default.
    public static let shared = ProcessGroupRegistry()

    /// An empty registry (tests use their own so they cannot signal each other's children).
    public init() {}

    /// The process group ids registered now.
    public var liveGroups: [pid_t] { state.withLock { $0.groups.sorted() } }

    /// True once an interrupt was forwarded; runners then start nothing new.
    public var isInterrupted: Bool { state.withLock { $0.interrupted } }

    /// Adds a group; returns false (and adds nothing) when an interrupt already happened.
    func register(_ group: pid_t) -> Bool {
        state.withLock { state in
            guard !state.interrupted else { return false }
            state.groups.insert(group)
            return true
        }
    }

    /// Removes a group; called before its leader is reaped.
    func unregister(_ group: pid_t) {
        _ = state.withLock { $0.groups.remove(group) }
    }

    /// Marks the registry interrupted and sends `signal` to every live group; returns how many.
    @discardableResult
    public func interrupt(with signal: Int32) -> Int {
        state.withLock { state in
            state.interrupted = true
            for group in state.groups { kill(-group, signal) }
            return state.groups.count
        }
    }

    /// Sends `signal` to every live group; returns how many groups there were.
    @discardableResult
    public func signalAll(_ signal: Int32) -> Int {
        state.withLock { state in
            for group in state.groups { kill(-group, signal) }
            return state.groups.count
        }
    }

    /// Forgets an earlier interrupt so the registry can be used again.
    public func clearInterrupt() {
        state.withLock { $0.interrupted = false }
    }
}
