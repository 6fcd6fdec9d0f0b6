/// One step of a fix workflow: its commands, how to verify it, and how to undo it.
public struct WorkflowStep: Sendable, Hashable {
    public var number: Int
    public var title: String
    /// The step's prose, for display.
    public var text: String
    public var commands: [RunbookCommand]
    /// A command that shows the step worked (`**Verify:**`).
    public var verify: String?
    /// A command that undoes the step (`**Rollback:**`).
    public var rollback: String?
    public var line: Int
    /// Where the `**Verify:**` and `**Rollback:**` labels stand, for diagnostics.
    public var verifyLine: Int?
    public var rollbackLine: Int?
}
