/// The report's tables: gates, timeline and commands run.
extension ReportValues {
    /// The last gate run as a table, with a line on earlier runs and on an override.
    var gatesTable: ReportValue {
        var paragraphs: [String] = []
        if let last = record.gateRuns.last {
            let number = record.gateRuns.count
            paragraphs.append(
                "Last run, \(ReportTime.dateTime(last.at)) (run \(number) of \(number)): \(Self.outcome(of: last)).")
            var table = MarkdownTable(["Gate", "Required", "Expectation", "Result", "Detail"])
            for result in last.results {
                table.append([
                    result.title, result.required ? "yes" : "no", result.expectation,
                    result.status.rawValue.uppercased(), result.detail,
                ])
            }
            paragraphs.append(table.markdown)
            let earlier = record.gateRuns.dropLast().map { "\(ReportTime.dateTime($0.at)) (\(Self.outcome(of: $0)))" }
            if !earlier.isEmpty { paragraphs.append("Earlier runs: " + earlier.joined(separator: "; ") + ".") }
        } else {
            paragraphs.append("gates not run")
        }
        if let reason = record.override.map(MarkdownText.oneLine), !reason.isEmpty {
            paragraphs.append("Override: the incident was called mitigated without passing gates (reason: \(reason)).")
        }
        return paragraphs.count == 1 ? .text(paragraphs[0]) : .markdown(paragraphs.joined(separator: "\n\n"))
    }

    /// `every required gate passed`, or how many required gates did not.
    static func outcome(of run: GateRun) -> String {
        let failing = run.results.filter { $0.required && $0.status != .pass }.count
        switch failing {
        case 0: return "every required gate passed"
        case 1: return "1 required gate did not pass"
        default: return "\(failing) required gates did not pass"
        }
    }

    /// Every timeline event, oldest first; times of day when the incident fits in one UTC day.
    var timelineTable: ReportValue {
        guard !timeline.isEmpty else { return .text("no events recorded") }
        let day = ReportTime.day(record.openedAt)
        let oneDay = timeline.allSatisfy { ReportTime.day($0.at) == day }
        var table = MarkdownTable([oneDay ? "Time (UTC, \(day))" : "Time (UTC)", "Event", "Message"])
        for event in timeline {
            let time = oneDay ? ReportTime.time(event.at) : ReportTime.day(event.at) + " " + ReportTime.time(event.at)
            table.append([time, event.kind, event.message])
        }
        return .markdown(table.markdown)
    }

    /// Every evidence command and workflow command: what it was, how it ended, how long it took.
    var commandsTable: ReportValue {
        guard !record.evidence.isEmpty || !record.actions.isEmpty else { return .text("no commands") }
        var table = MarkdownTable(["Phase", "What", "Command", "Result", "Duration"])
        for item in record.evidence {
            table.append([
                "evidence", item.title, MarkdownText.codeSpan(item.command), Self.result(of: item),
                Self.duration(item.durationMilliseconds),
            ])
        }
        for action in record.actions {
            table.append([
                "workflow step \(action.step)", action.stepTitle, MarkdownText.codeSpan(action.command),
                Self.decision(action), Self.duration(action.durationMilliseconds),
            ])
        }
        return .markdown(table.markdown)
    }

    /// How an evidence command ended, or why it did not run.
    static func result(of item: EvidenceItem) -> String {
        let note = item.note.map(MarkdownText.oneLine).flatMap { $0.isEmpty ? nil : $0 }
        switch item.status {
        case .ran:
            if let seconds = item.followedSeconds { return "followed for \(seconds) s, then stopped" }
            if item.timedOut { return "timed out" + (item.signal.map { ", killed by signal \($0)" } ?? "") }
            if let signal = item.signal { return "killed by signal \(signal)" }
            return item.exitCode.map { "exit \($0)" } ?? "ran"
        case .skippedMissingVariables:
            let missing = item.missing.isEmpty ? "variables" : item.missing.joined(separator: ", ")
            return "skipped: missing " + missing
        // (A note that says so already, `unavailable here: needs systemctl`, is not said twice.)
        case .unavailable:
            guard let note else { return "unavailable" }
            return note.hasPrefix("unavailable") ? note : "unavailable: " + note
        case .mutatingNotRun: return "not run: mutating"
        case .dryRun: return "not run: dry run"
        case .unsafe: return "not run: unsafe" + (note.map { ": " + $0 } ?? "")
        case .runsUntilStopped: return "not run: " + (note ?? "runs until stopped")
        case .notConfirmed: return "not run: not confirmed (--yes)"
        case .pending: return "not run: interrupted before it ran"
        }
    }

    static func duration(_ milliseconds: Int?) -> String {
        milliseconds.map { ReportTime.duration(milliseconds: $0) } ?? "-"
    }
}
