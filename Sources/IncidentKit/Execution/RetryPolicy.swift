/// When and how often a failed command is run again.
public struct RetryPolicy: Sendable, Hashable {
    /// The pause before each attempt; its count is the number of attempts (the first is usually zero).
    public var delays: [Duration]

    /// A policy with these pauses before each attempt.
    public init(delays: [Duration]) {
        self.delays = delays.isEmpty ? [.zero] : delays
    }

    /// Three attempts, after 0 s, 5 s and 25 s: the backoff the runbooks describe.
    public static let standard = RetryPolicy.exponential(attempts: 3, first: .seconds(5), factor: 5)

    /// A single attempt: no retry.
    public static let once = RetryPolicy(delays: [.zero])

    /// `attempts` attempts; the second waits `first`, each later one `factor` times longer.
    public static func exponential(attempts: Int, first: Duration, factor: Int = 5) -> RetryPolicy {
        var delays: [Duration] = [.zero]
        var next = first
        while delays.count < max(1, attempts) {
            delays.append(next)
            next = next * factor
        }
        return RetryPolicy(delays: delays)
    }

    /// How many times the command may run in all.
    public var attempts: Int { delays.count }
}
