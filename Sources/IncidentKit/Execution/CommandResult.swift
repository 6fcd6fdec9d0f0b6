/// Everything about running one spec: every attempt, the last one being the outcome.
public struct CommandResult: Sendable, Hashable {
    /// The spec that was run.
    public var spec: CommandSpec
    /// Every attempt in order; never empty.
    public var attempts: [CommandAttempt]

    /// A result made of these attempts (at least one).
    public init(spec: CommandSpec, attempts: [CommandAttempt]) {
        precondition(!attempts.isEmpty, "a result has at least one attempt")
        self.spec = spec
        self.attempts = attempts
    }

    /// The attempt that decides the outcome.
    public var last: CommandAttempt { attempts[attempts.count - 1] }
    /// How the last attempt ended.
    public var status: TerminationStatus { last.status }
    /// How long the last attempt took.
    public var duration: Duration { last.duration }
    /// All attempts together (without the pauses between them).
    public var totalDuration: Duration { attempts.reduce(.zero) { $0 + $1.duration } }
    /// Whether the last attempt ran out of time.
    public var timedOut: Bool { last.timedOut }
    /// Whether Ctrl-C interrupted the last attempt.
    public var interrupted: Bool { last.interrupted }
    /// Standard output of the last attempt.
    public var stdout: CapturedOutput { last.stdout }
    /// Standard error of the last attempt.
    public var stderr: CapturedOutput { last.stderr }
    /// True when the last attempt exited 0 in time.
    public var succeeded: Bool { last.succeeded }
}
