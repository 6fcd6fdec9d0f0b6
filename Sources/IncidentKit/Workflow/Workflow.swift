import Foundation

/// A fix workflow: ordered steps, a workflow-wide rollback, and follow-up actions for the report.
public struct Workflow: Sendable {
    public var path: String
    public var title: String
    public var steps: [WorkflowStep]
    /// Commands of the `## Rollback` section.
    public var rollback: [RunbookCommand]
    /// Corrective actions and prevention (`## Follow-ups`, `## Prevention`, `## Corrective actions`), in
    /// order, each with the heading it is written under.
    public var followUps: [WorkflowFollowUp]
    /// The variables its commands use (a `Variables` table).
    public var variables: [VariableDeclaration]

    static let followUpSections = [
        "follow-up", "follow up", "followup", "prevention", "corrective action", "action item",
    ]

    /// Reads the steps: headings that start with `Step` or a number (`## Step 2: Restart`, `### 3. Verify`),
    /// else the items of ordered lists with the code blocks that follow them.
    public init(_ file: LibraryFile) {
        path = file.path
        title = file.document.title ?? path
        variables = VariableDeclaration.declarations(in: file.document)
        steps = []
        rollback = []
        followUps = []
        enum Section { case none, step, rollback, followUps }
        var section = Section.none
        var sectionTitle = ""
        for block in file.document.blocks {
            switch block {
            case .heading(let heading):
                let text = Inline.plainText(heading.text)
                let lower = text.lowercased()
                sectionTitle = text
                if let title = Self.stepTitle(text) {
                    steps.append(
                        WorkflowStep(
                            number: steps.count + 1, title: title, text: "", commands: [], verify: nil, rollback: nil,
                            line: heading.line))
                    section = .step
                } else if lower.contains("rollback") || lower.contains("roll back") {
                    section = .rollback
                } else if Self.followUpSections.contains(where: { lower.contains($0) }) {
                    section = .followUps
                } else if heading.level <= 2 {
                    section = .none
                }
            case .code(let code):
                let commands = RunbookCommand.commands(in: code, section: sectionTitle)
                switch section {
                case .step: steps[steps.count - 1].commands += commands
                case .rollback: rollback += commands
                default: break
                }
            case .paragraph(let paragraph):
                guard section == .step else { continue }
                var prose: [String] = []
                for line in paragraph.lines {
                    if let (name, value) = BoldLabel.split(line.text.trimmingWhitespace()) {
                        let command = Inline.codeSpans(in: value).first ?? Inline.plainText(value).trimmed
                        switch name.lowercased() {
                        case "verify", "verification", "check":
                            steps[steps.count - 1].verify = command
                            steps[steps.count - 1].verifyLine = line.number
                        case "rollback", "roll back", "undo":
                            steps[steps.count - 1].rollback = command
                            steps[steps.count - 1].rollbackLine = line.number
                        default: prose.append(Inline.plainText(String(line.text)).trimmed)
                        }
                    } else {
                        prose.append(Inline.plainText(String(line.text)).trimmed)
                    }
                }
                let joined = prose.joined(separator: " ")
                if !joined.isEmpty {
                    let existing = steps[steps.count - 1].text
                    steps[steps.count - 1].text = existing.isEmpty ? joined : existing + "\n" + joined
                }
            case .list(let list):
                switch section {
                case .followUps:
                    followUps += list.items.map {
                        WorkflowFollowUp(
                            text: Inline.plainText($0.text).trimmed, markdown: $0.text, section: sectionTitle,
                            line: $0.line)
                    }
                case .none where list.isOrdered:
                    // Seed style: `1. **Install missing dependency:**` followed by a fenced block.
                    for item in list.items {
                        let title = Inline.plainText(item.title).trimmed.trimmingCharacters(
                            in: CharacterSet(charactersIn: ":"))
                        var step = WorkflowStep(
                            number: steps.count + 1, title: title, text: "", commands: [], verify: nil, rollback: nil,
                            line: item.line)
                        for case .code(let code) in item.blocks {
                            step.commands += RunbookCommand.commands(in: code, section: sectionTitle)
                        }
                        steps.append(step)
                    }
                    section = .step
                default:
                    break
                }
            default:
                break
            }
        }
    }

    /// The step title of a heading such as `Step 2: Restart the service` or `3. Verify`, else nil.
    static func stepTitle(_ heading: String) -> String? {
        var rest = Substring(heading)
        if rest.lowercased().hasPrefix("step") {
            rest = rest.dropFirst(4).trimmingWhitespace()
        } else if !(rest.first?.isNumber ?? false) {
            return nil
        }
        let number = rest.prefix { $0.isNumber }
        guard !number.isEmpty else { return nil }
        rest = rest.dropFirst(number.count).drop {
            $0 == ":" || $0 == "." || $0 == ")" || $0 == " " || $0 == "-" || $0 == "—"
        }
        return rest.isEmpty ? heading : String(rest)
    }
}
