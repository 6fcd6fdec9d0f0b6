/// What the engineer asked for on the command line, as the pipeline needs it.
public struct TriageOptions: Sendable {
    /// `--yes`: run read-only commands without asking.
    public var yes = false
    /// `--yes-mutating`: also run commands that change the system, without asking. Only with `--yes`.
    public var yesMutating = false
    /// `--dry-run`: show every resolved command, run none.
    public var dryRun = false
    /// `--timeout`: the default time limit of each command.
    public var timeout: Duration?
    /// `--override REASON`: call the incident mitigated even though a required gate fails.
    public var override: String?

    public init() {}
}
