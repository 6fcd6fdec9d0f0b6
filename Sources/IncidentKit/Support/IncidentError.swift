/// The one error type of the program: user-facing, actionable text, and the exit status it maps to.
public enum IncidentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Bad usage: an unknown command or flag, a bad value of one (exit 64, with the command's usage).
    case usage(String)
    /// Bad input the command line points at: a missing answer, an answers file that is not JSON, an
    /// incident that is not there (exit 64, without the usage, which would not help).
    case input(String)
    /// A failure the tool reports (exit 1).
    case failure(String)
    /// The run was interrupted after saving state (exit 130).
    case interrupted(String)

    public var description: String {
        switch self {
        case .usage(let message), .input(let message), .failure(let message), .interrupted(let message): message
        }
    }

    /// The exit status for this error.
    public var exitCode: ExitCode {
        switch self {
        case .usage, .input: .usage
        case .failure: .failure
        case .interrupted: .interrupted
        }
    }
}

/// Exit statuses, in one table.
public enum ExitCode: Int32, Sendable {
    case success = 0
    case failure = 1
    case usage = 64
    case interrupted = 130
}
