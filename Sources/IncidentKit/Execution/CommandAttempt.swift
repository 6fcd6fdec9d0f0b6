/// One run of a command: how it ended, how long it took and what it printed.
public struct CommandAttempt: Sendable, Hashable {
    /// 1 for the first run, 2 for the first retry, and so on.
    public var number: Int
    /// How the shell ended.
    public var status: TerminationStatus
    /// From spawn to reaping the shell.
    public var duration: Duration
    /// True when the time limit ran out and the group was terminated.
    public var timedOut: Bool
    /// True when Ctrl-C reached the runner while this attempt ran.
    public var interrupted: Bool
    /// The captured standard output.
    public var stdout: CapturedOutput
    /// The captured standard error.
    public var stderr: CapturedOutput
    /// Why the output file is incomplete, when writing it failed part way.
    public var outputFileError: String?

    /// An attempt; usually built by the runner.
    public init(
        number: Int, status: TerminationStatus, duration: Duration, timedOut: Bool = false,
        interrupted: Bool = false, stdout: CapturedOutput = CapturedOutput(),
        stderr: CapturedOutput = CapturedOutput(), outputFileError: String? = nil
    ) {
        self.number = number
        self.status = status
        self.duration = duration
        self.timedOut = timedOut
        self.interrupted = interrupted
        self.stdout = stdout
        self.stderr = stderr
        self.outputFileError = outputFileError
    }

    /// True when the command exited 0 in time.
    public var succeeded: Bool { status.isSuccess && !timedOut }
}
