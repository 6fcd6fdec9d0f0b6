/// One command to run, with everything that shapes how it runs.
public struct CommandSpec: Sendable, Hashable {
    /// The shell text, run as `/bin/sh -c COMMAND`.
    public var command: String
    /// A short name for progress lines and reports (defaults to the command).
    public var label: String
    /// This command's own time limit; `nil` uses the runner's default.
    public var timeout: Duration?
    /// The directory the command starts in; `nil` inherits the runner's.
    public var workingDirectory: String?
    /// Variables set on top of the inherited environment.
    public var environment: [String: String]
    /// How to retry when the command fails; `nil` runs it once.
    public var retry: RetryPolicy?
    /// Where the full (redacted) stdout and stderr are saved, if anywhere.
    public var outputFile: String?
    /// Values (such as secret variables) to redact from this command's output, beside the runner's own.
    public var secrets: [String]

    /// A command to run, with optional settings.
    public init(
        _ command: String,
        label: String? = nil,
        timeout: Duration? = nil,
        workingDirectory: String? = nil,
        environment: [String: String] = [:],
        retry: RetryPolicy? = nil,
        outputFile: String? = nil,
        secrets: [String] = []
    ) {
        self.command = command
        self.label = label ?? command
        self.timeout = timeout
        self.workingDirectory = workingDirectory
        self.environment = environment
        self.retry = retry
        self.outputFile = outputFile
        self.secrets = secrets
    }
}
