/// The report's lists: key log lines, actions taken, corrective actions and prevention.
extension ReportValues {
    /// How many findings contribute their evidence line to the key log lines.
    static let keyFindings = 3

    /// The form's error text, then the evidence line of each of the top findings, each line once.
    var keyLogLines: [String] {
        let pasted = MarkdownText.lines(of: record.answers["error_text"] ?? "")
        let cited = rankedFindings.prefix(Self.keyFindings).map(\.evidenceLine)
        var seen: Set<String> = []
        var lines: [String] = []
        for line in pasted + cited {
            let trimmed = line.trimmed
            guard !trimmed.isEmpty, seen.insert(trimmed).inserted else { continue }
            lines.append(String(line.reversed().drop { $0 == " " || $0 == "\t" }.reversed()))
        }
        return lines.isEmpty ? ["none"] : lines
    }

    /// Every finding, best first, each with its evidence.
    var findingsList: ReportValue {
        guard !record.findings.isEmpty else { return .text("none: no error pattern matched the evidence") }
        let items = rankedFindings.enumerated().map { index, finding in
            "\(index + 1). " + Self.parenthesized(MarkdownText.oneLine(finding.meaning)) + ": "
                + Self.evidence(of: finding)
        }
        return .markdown(items.joined(separator: "\n"))
    }

    /// A numbered list of what was done with each workflow command, in order.
    var actionsTaken: ReportValue {
        guard !record.actions.isEmpty else { return .text("none") }
        let items = record.actions.enumerated().map { index, action in
            "\(index + 1). " + Self.describe(action)
        }
        return .markdown(items.joined(separator: "\n"))
    }

    /// `Restart the upstream service (step 3): `cmd`, mutating: ran, exit 0, 1.4 s`.
    static func describe(_ action: WorkflowAction) -> String {
        let title = MarkdownText.oneLine(action.stepTitle)
        var text = (title.isEmpty ? "Step \(action.step)" : "\(title) (step \(action.step))") + ": "
        text += MarkdownText.codeSpan(action.command) + (action.mutating ? ", mutating" : "") + ": "
        var note = action.note.map(MarkdownText.oneLine) ?? ""
        var outcome = decision(action)
        // "not run: unavailable here", then a note that says it again with the tool: the note alone.
        if action.decision == .unavailable, note.hasPrefix("unavailable here") {
            outcome = "not run: " + note
            note = ""
        }
        text += [outcome, action.durationMilliseconds.map { ReportTime.duration(milliseconds: $0) }]
            .compactMap { $0 }.joined(separator: ", ")
        if !note.isEmpty { text += " (" + note + ")" }
        return text
    }

    /// What became of a workflow command: `ran, exit 0`, `skipped by the engineer`...
    static func decision(_ action: WorkflowAction) -> String {
        let exit = action.exitCode.map { ", exit \($0)" } ?? ""
        switch action.decision {
        case .ran: return "ran" + exit
        case .rollback: return "ran as a rollback" + exit
        case .skipped: return "skipped"
        case .aborted: return "aborted: the workflow stopped here"
        case .dryRun: return "not run (dry run)"
        case .skippedMissingVariables: return "not run: missing variables"
        case .unavailable: return "not run: unavailable here"
        }
    }

    /// The workflow's follow-ups as a bullet list: those under a Prevention heading, or all the others.
    func followUps(prevention: Bool) -> ReportValue {
        guard let workflow else { return .text("none: no fix workflow was followed") }
        let items = workflow.followUps.filter { ($0.kind == .prevention) == prevention }
        guard !items.isEmpty else { return .text("none listed in the workflow") }
        let bullets = items.map { item in
            "- " + MarkdownText.lines(of: clean(item.markdown)).joined(separator: "\n  ")
        }
        return .markdown(bullets.joined(separator: "\n"))
    }
}
