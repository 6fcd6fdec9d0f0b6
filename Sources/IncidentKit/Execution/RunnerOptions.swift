/// The knobs of a `ProcessRunner`; the defaults are the product's.
public struct RunnerOptions: Sendable {
    /// The time limit of a command whose spec sets none.
    public var defaultTimeout: Duration
    /// How long a terminated group gets between SIGTERM and SIGKILL.
    public var grace: Duration
    /// After the shell exits, how long to keep reading a pipe a leftover grandchild still holds.
    public var exitDrain: Duration
    /// Bytes kept from the start of each stream.
    public var headBytes: Int
    /// Bytes kept from the end of each stream.
    public var tailBytes: Int
    /// How many commands `runAll` runs at once.
    public var concurrency: Int
    /// Applied to every byte before it is kept or written; `nil` turns redaction off.
    public var redactor: Redactor?
    /// Waits between retry attempts.
    public var sleeper: any Sleeper

    /// Options with the product defaults: 30 s timeout, 3 s grace, 64 KiB head and tail, 4 at once.
    public init(
        defaultTimeout: Duration = .seconds(30),
        grace: Duration = .seconds(3),
        exitDrain: Duration = .milliseconds(500),
        headBytes: Int = 64 * 1024,
        tailBytes: Int = 64 * 1024,
        concurrency: Int = 4,
        redactor: Redactor? = Redactor(),
        sleeper: any Sleeper = ThreadSleeper()
    ) {
        self.defaultTimeout = defaultTimeout
        self.grace = grace
        self.exitDrain = exitDrain
        self.headBytes = max(0, headBytes)
        self.tailBytes = max(0, tailBytes)
        self.concurrency = max(1, concurrency)
        self.redactor = redactor
        self.sleeper = sleeper
    }
}
