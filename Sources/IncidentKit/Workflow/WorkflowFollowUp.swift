/// A follow-up item of a workflow (`## Follow-ups`), with the heading it is written under, so that
/// the report can tell corrective actions from prevention.
public struct WorkflowFollowUp: Sendable, Hashable {
    /// What a follow-up is for, decided by the heading it is written under.
    public enum Kind: String, Sendable, Hashable {
        /// Under `### Corrective actions` (or `Action items`): fix what broke.
        case correctiveAction
        /// Under `### Prevention`: stop it from happening again.
        case prevention
        /// Under a heading that says neither (`## Follow-ups`).
        case general
    }

    /// The item as plain text, markup removed.
    public var text: String
    /// The item as written, markdown kept (code spans, links).
    public var markdown: String
    /// The heading the item is written under (`Corrective actions`, `Prevention`, `Follow-ups`).
    public var section: String
    public var line: Int

    public init(text: String, markdown: String, section: String, line: Int) {
        self.text = text
        self.markdown = markdown
        self.section = section
        self.line = line
    }

    /// The kind of follow-up its section names.
    public var kind: Kind {
        let lower = section.lowercased()
        if lower.contains("prevent") { return .prevention }
        if lower.contains("corrective") || lower.contains("action item") { return .correctiveAction }
        return .general
    }
}
