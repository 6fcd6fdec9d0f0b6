/// Why a command could not be run at all (a command that runs and fails is a result, not an error).
public enum RunnerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `posix_spawn` (or the setup just before it) failed.
    case spawnFailed(command: String, reason: String)
    /// The output file could not be created.
    case outputFileFailed(path: String, reason: String)
    /// The command text cannot be passed to a shell (it contains a NUL byte).
    case invalidCommand(command: String, reason: String)
    /// Ctrl-C arrived before the command started, so it was not started.
    case interrupted(command: String)

    /// One line of user-facing text.
    public var description: String {
        switch self {
        case .spawnFailed(let command, let reason):
            "cannot start `\(command)`: \(reason)"
        case .outputFileFailed(let path, let reason):
            "cannot write command output to \(path): \(reason)"
        case .invalidCommand(let command, let reason):
            "cannot run `\(command)`: \(reason)"
        case .interrupted(let command):
            "not started, interrupted by Ctrl-C: `\(command)`"
        }
    }
}
