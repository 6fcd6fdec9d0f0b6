import Foundation

/// The values of the report's placeholders, computed from an (already sanitized) incident record.
struct ReportValues {
    let record: IncidentRecord
    /// The timeline, oldest first.
    let timeline: [TimelineEvent]
    let workflow: Workflow?
    let now: Date
    /// Redacts text that does not come from the record (the workflow's follow-ups).
    let clean: (String) -> String

    /// Every placeholder the renderer fills, in the order of the default template, then the extras.
    static let names = [
        "incident.id", "incident.title", "service", "env", "severity", "started_at", "detected_at", "mitigated_at",
        "summary", "impact", "symptoms", "key_log_lines", "root_cause", "root_cause_evidence", "actions_taken",
        "corrective_actions", "prevention", "gates_table", "timeline_table", "commands_table", "redactions",
        "last_change", "links", "findings", "time_to_mitigate", "generated_at",
    ]

    /// The value of placeholder `name`, or nil when the renderer does not know it.
    func value(named name: String) -> ReportValue? {
        switch name {
        case "incident.id": .text(record.id)
        case "incident.title": .text(title)
        case "service", "env", "impact", "last_change", "links": .text(answer(name) ?? "not given")
        case "severity": .text(severity)
        case "started_at": .text(startedAt)
        case "detected_at": .text(ReportTime.dateTime(record.openedAt))
        case "mitigated_at": .text(mitigatedAt)
        case "summary": .text(summary)
        case "symptoms": .text(symptoms)
        case "key_log_lines": .lines(keyLogLines)
        case "root_cause": .text(rootCause)
        case "root_cause_evidence": .text(rootCauseEvidence)
        case "actions_taken": actionsTaken
        case "corrective_actions": followUps(prevention: false)
        case "prevention": followUps(prevention: true)
        case "gates_table": gatesTable
        case "timeline_table": timelineTable
        case "commands_table": commandsTable
        case "redactions": .text(redactions)
        case "findings": findingsList
        case "time_to_mitigate": .text(timeToMitigate)
        case "generated_at": .text(ReportTime.dateTime(now))
        default: nil
        }
    }

    /// The form's answer to `key`, trimmed, or nil when it is missing or empty.
    func answer(_ key: String) -> String? {
        guard let value = record.answers[key]?.trimmed, !value.isEmpty else { return nil }
        return value
    }

    /// The findings, best first (by score; ties keep the record's order).
    var rankedFindings: [Finding] {
        record.findings.enumerated()
            .sorted {
                $0.element.score != $1.element.score ? $0.element.score > $1.element.score : $0.offset < $1.offset
            }
            .map(\.element)
    }

    var title: String {
        let route = record.route.title.trimmed
        if !route.isEmpty { return route }
        return symptomLine ?? "untitled incident"
    }

    /// The symptom in one line: the form's answer, else the symptom triage was started with.
    var symptomLine: String? {
        if let answer = answer("symptom") { return answer }
        let symptom = record.symptom.trimmed
        return symptom.isEmpty ? nil : symptom
    }

    var severity: String {
        guard let severity = record.severity else { return "not classified" }
        return "\(severity.level) (\(severity.condition); respond \(severity.response))"
    }

    var startedAt: String {
        guard let answer = answer("started_at"), answer.lowercased() != "now" else {
            return ReportTime.dateTime(record.openedAt)
        }
        return answer
    }

    var mitigatedAt: String {
        let time = record.mitigatedAt.map(ReportTime.dateTime) ?? "not mitigated"
        guard let reason = record.override?.trimmed, !reason.isEmpty else { return time }
        return time + ", not verified: gates overridden (reason: \(reason))"
    }

    var timeToMitigate: String {
        guard let mitigated = record.mitigatedAt else {
            return "not mitigated; open for \(ReportTime.duration(from: record.openedAt, to: now))"
        }
        return ReportTime.duration(from: record.openedAt, to: mitigated)
    }

    /// `Users seeing 502 Bad Gateway: Upstream not running (nothing accepts connections ...)`.
    var summary: String {
        let cause = rankedFindings.first.map { Self.parenthesized($0.meaning) } ?? "root cause not determined"
        guard let symptom = symptomLine else { return cause }
        return symptom + ": " + cause
    }

    /// `Cause: detail` as `Cause (detail)`, so that it reads after the symptom's colon.
    static func parenthesized(_ meaning: String) -> String {
        guard let colon = meaning.range(of: ": ") else { return meaning }
        let head = meaning[..<colon.lowerBound].trimmed
        let detail = meaning[colon.upperBound...].trimmed
        return head.isEmpty || detail.isEmpty ? meaning : head + " (" + detail + ")"
    }

    var symptoms: String {
        let typed = record.symptom.trimmed
        guard let answer = answer("symptom") else { return typed.isEmpty ? "not given" : typed }
        guard !typed.isEmpty, typed.lowercased() != answer.lowercased() else { return answer }
        return answer + " (triaged as \"" + typed + "\")"
    }

    var rootCause: String {
        rankedFindings.first?.meaning ?? "not determined: no error pattern matched the evidence"
    }

    var rootCauseEvidence: String {
        rankedFindings.first.map(Self.evidence) ?? "none"
    }

    /// Where a finding comes from: `line` from `command`, matched by the pattern `p` (file:line).
    static func evidence(of finding: Finding) -> String {
        let source =
            finding.command.hasPrefix("form:") ? "the form's error text" : MarkdownText.codeSpan(finding.command)
        var text = MarkdownText.codeSpan(finding.evidenceLine) + " from " + source
        text += ", matched by the pattern " + MarkdownText.codeSpan(finding.pattern)
        if !finding.patternSource.isEmpty { text += " (" + finding.patternSource + ")" }
        if finding.matches > 1 { text += "; \(finding.matches) matching lines in all" }
        return text
    }

    var redactions: String {
        var counts: [String: Int] = [:]
        for (kind, count) in record.redactions where count > 0 {
            // Kinds are written by the redactor; anything else in a hand-edited state is just "other".
            let known = !kind.isEmpty && kind.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
            let (sum, overflow) = counts[known ? kind : "other", default: 0].addingReportingOverflow(count)
            counts[known ? kind : "other"] = overflow ? Int.max : sum
        }
        guard !counts.isEmpty else { return "none" }
        return counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    }
}
