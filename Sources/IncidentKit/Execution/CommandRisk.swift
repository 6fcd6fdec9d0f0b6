/// Whether a command only looks at the system or may change it, and why.
public enum CommandRisk: Sendable, Hashable, CustomStringConvertible {
    /// Nothing in the command is known to change the system.
    case readOnly
    /// The command may change the system; each reason names what and where, in words.
    case mutating(reasons: [String])

    /// True for `.mutating`.
    public var isMutating: Bool {
        if case .mutating = self { return true }
        return false
    }

    /// The reasons, empty for `.readOnly`.
    public var reasons: [String] {
        if case .mutating(let reasons) = self { return reasons }
        return []
    }

    /// `read-only`, or `mutating: reason; reason`.
    public var description: String {
        isMutating ? "mutating: " + reasons.joined(separator: "; ") : "read-only"
    }
}
