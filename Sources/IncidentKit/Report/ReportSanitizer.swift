/// The report's last line of defence against leaks: the record is redacted when it is saved, and this
/// redacts again every value declared secret (answers and variables whose keys are in `secretKeys`),
/// wherever it appears in the record or the timeline. The answers themselves are never shown.
struct ReportSanitizer {
    let redactor: Redactor
    let secretKeys: Set<String>

    /// Secrets shorter than this are not searched for in the text: they would turn ordinary words into
    /// `[REDACTED]` all over the report. Their own answers are still hidden.
    static let minimumSecretLength = 4

    init(record: IncidentRecord) {
        let keys = Set(record.secretKeys)
        secretKeys = keys
        let values =
            record.answers.filter { keys.contains($0.key) }.map(\.value)
            + record.variables.filter { keys.contains($0.key) }.map(\.value)
        // Only the declared values: pattern redaction already ran when the record was written, and it
        // is not idempotent on its own markers.
        let searched = values.filter { value in
            value.count >= Self.minimumSecretLength
                && !RedactionKind.allCases.contains { $0.replacement.contains(value) }
        }
        redactor = Redactor(secrets: Set(searched).sorted(), patterns: false)
    }

    /// `text` with every declared secret value replaced.
    func clean(_ text: String) -> String {
        redactor.secrets.isEmpty ? text : redactor.redact(text).text
    }

    /// A copy of `record` with secret answers and variables replaced, and every text redacted.
    func record(_ record: IncidentRecord) -> IncidentRecord {
        var copy = record
        copy.symptom = clean(record.symptom)
        copy.route.title = clean(record.route.title)
        copy.answers = hidingSecrets(record.answers)
        copy.variables = hidingSecrets(record.variables)
        copy.evidence = record.evidence.map(evidence)
        copy.findings = record.findings.map(finding)
        copy.actions = record.actions.map(action)
        copy.gateRuns = record.gateRuns.map { run in
            GateRun(at: run.at, results: run.results.map(gateResult))
        }
        copy.override = record.override.map(clean)
        copy.severity = record.severity.map { severity in
            SeverityDecision(
                level: clean(severity.level), condition: clean(severity.condition), response: clean(severity.response),
                escalateTo: clean(severity.escalateTo), reason: clean(severity.reason))
        }
        return copy
    }

    /// The events with their messages redacted.
    func timeline(_ events: [TimelineEvent]) -> [TimelineEvent] {
        events.map { event in
            var copy = event
            copy.message = clean(event.message)
            copy.data = event.data.mapValues(clean)
            return copy
        }
    }

    private func hidingSecrets(_ values: [String: String]) -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in values {
            result[key] = secretKeys.contains(key) ? RedactionKind.secretValue.replacement : clean(value)
        }
        return result
    }

    private func evidence(_ item: EvidenceItem) -> EvidenceItem {
        var copy = item
        copy.title = clean(item.title)
        copy.command = clean(item.command)
        copy.excerpt = item.excerpt.map(clean)
        copy.lines = item.lines.map(clean)
        copy.note = item.note.map(clean)
        return copy
    }

    private func finding(_ finding: Finding) -> Finding {
        var copy = finding
        copy.meaning = clean(finding.meaning)
        copy.evidenceLine = clean(finding.evidenceLine)
        copy.command = clean(finding.command)
        return copy
    }

    private func action(_ action: WorkflowAction) -> WorkflowAction {
        var copy = action
        copy.stepTitle = clean(action.stepTitle)
        copy.command = clean(action.command)
        copy.note = action.note.map(clean)
        return copy
    }

    private func gateResult(_ result: GateResult) -> GateResult {
        var copy = result
        copy.title = clean(result.title)
        copy.expectation = clean(result.expectation)
        copy.detail = clean(result.detail)
        copy.command = result.command.map(clean)
        return copy
    }
}
