/// What a runbook says about one command, in square brackets at the end of its `# comment`:
/// `[timeout: 10s]`, `[mutating]`, `[read-only]`, `[retry]`, `[requires: systemctl]`.
public struct CommandAnnotations: Sendable, Hashable {
    public enum Marking: String, Sendable, Hashable {
        case mutating
        case readOnly = "read-only"
    }

    public var timeoutSeconds: Double?
    /// The author's marking, nil when the command is left to the classifier.
    public var marking: Marking?
    public var retry = false
    /// Tools the command needs; when one is missing the command is reported as unavailable.
    public var requires: [String] = []

    public init() {}

    /// Splits a comment into its text and its bracketed annotations.
    static func parse(_ comment: String) -> (text: String, annotations: CommandAnnotations) {
        var annotations = CommandAnnotations()
        var text = comment
        while text.hasSuffix("]"), let open = text.lastIndex(of: "[") {
            let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
            guard annotations.apply(String(inner)) else { break }
            text = String(text[..<open]).trimmed
        }
        return (text, annotations)
    }

    /// Applies one annotation; false when it is not one (the brackets are then part of the text).
    mutating func apply(_ annotation: String) -> Bool {
        var applied = false
        for part in annotation.split(separator: ",") {
            let item = part.trimmed.lowercased()
            let pieces = item.split(separator: ":", maxSplits: 1).map { $0.trimmed }
            switch pieces[0] {
            case "mutating", "mutates", "changes": marking = .mutating
            case "read-only", "readonly", "read only", "safe": marking = .readOnly
            case "retry", "retryable": retry = true
            case "timeout" where pieces.count == 2:
                guard let seconds = Self.seconds(pieces[1]) else { return applied }
                timeoutSeconds = seconds
            case "requires" where pieces.count == 2, "needs" where pieces.count == 2:
                requires += pieces[1].split(whereSeparator: { $0 == " " || $0 == "/" }).map(String.init)
            default:
                return applied
            }
            applied = true
        }
        return applied
    }

    /// `10s`, `2m`, `500ms`, `30` → seconds.
    static func seconds(_ text: String) -> Double? {
        let digits = text.prefix { $0.isNumber || $0 == "." }
        guard let value = Double(digits) else { return nil }
        switch text.dropFirst(digits.count).trimmed {
        case "", "s", "sec", "secs", "second", "seconds": return value
        case "ms": return value / 1000
        case "m", "min", "mins", "minute", "minutes": return value * 60
        case "h", "hour", "hours": return value * 3600
        default: return nil
        }
    }
}
