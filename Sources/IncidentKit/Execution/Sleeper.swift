import Foundation

/// Waits between retry attempts; tests inject one that does not really wait.
public protocol Sleeper: Sendable {
    /// Blocks the calling thread for about `duration`.
    func sleep(for duration: Duration)
}

/// The real sleeper: blocks the calling thread.
public struct ThreadSleeper: Sleeper {
    /// A sleeper that really waits.
    public init() {}

    /// Blocks the calling thread for `duration` (nothing for zero or less).
    public func sleep(for duration: Duration) {
        guard duration > .zero else { return }
        let (seconds, attoseconds) = duration.components
        Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) / 1e18)
    }
}
