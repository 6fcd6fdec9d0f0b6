import Foundation

/// How a record keeps secrets out of files and the screen.
///
/// Values of secret keys live in memory only: `state.json` and `--json` leave them out, so a resumed
/// incident asks for them again. A key is secret when the library declares it so (a secret form field,
/// a variable whose description says secret), or when a variable given for the commands has the
/// shape of a credential (a token passed with `--set`): the command needs the value as it is.
/// Everything else the engineer typed or passed (the symptom, answers, drafts, an override reason) has
/// credential shapes and secret values replaced by `[REDACTED:kind]` as soon as it enters the record,
/// and each replacement is counted for the report.
extension IncidentRecord {
    /// The values of the secret keys, to redact wherever they appear. Values shorter than four characters
    /// are left out: searching for them would turn ordinary words into markers (their own fields are
    /// still hidden).
    public var secretValues: [String] {
        Self.searchForms(of: secretKeys.flatMap { [answers[$0], variables[$0], drafts[$0]] }.compactMap { $0 })
    }

    /// The forms of secret values to search text for: each as given and trimmed (a value given with a
    /// trailing newline, as `--answers` files have, appears without it), each at least `minimumLength`.
    static func searchForms(
        of values: [String], minimumLength: Int = ReportSanitizer.minimumSecretLength
    ) -> [String] {
        let forms = values.flatMap { [$0, $0.trimmingCharacters(in: .whitespacesAndNewlines)] }
        return Array(Set(forms.filter { $0.count >= max(1, minimumLength) })).sorted()
    }

    /// Replaces credential shapes in what was typed or passed, counting only new replacements (the
    /// markers of an earlier pass are left alone).
    public mutating func redactEnteredText() {
        for (key, value) in variables where !secretKeys.contains(key) && answers[key] == nil {
            // A credential's shape, or a name that says it is one (`--set db_password=...`).
            if !Self.patterns.redact(value).counts.isEmpty || ShellVariables.looksSecret(key) { secretKeys.append(key) }
        }
        let secrets = secretValues
        let redactor = secrets.isEmpty ? Self.patterns : Redactor(secrets: secrets)
        var counts: [String: Int] = [:]
        func clean(_ text: String) -> String {
            // Shorter than any credential shape: only a declared secret value could be in it.
            guard text.utf8.count >= 8 || !secrets.isEmpty else { return text }
            let redacted = redactor.redact(text)
            for (kind, count) in redacted.counts { counts[kind.rawValue, default: 0] += count }
            return redacted.text
        }
        let secret = Set(secretKeys)
        symptom = clean(symptom)
        for key in answers.keys where !secret.contains(key) { answers[key] = answers[key].map(clean) }
        for key in variables.keys where !secret.contains(key) { variables[key] = variables[key].map(clean) }
        for key in drafts.keys where !secret.contains(key) { drafts[key] = drafts[key].map(clean) }
        override = override.map(clean)
        for (kind, count) in counts { redactions[kind, default: 0] += count }
    }

    /// The record as it may be written or printed: the values of secret keys left out.
    public var withoutSecretValues: IncidentRecord {
        guard !secretKeys.isEmpty else { return self }
        var copy = self
        for key in secretKeys {
            copy.answers[key] = nil
            copy.variables[key] = nil
            copy.drafts[key] = nil
        }
        return copy
    }

    private static let patterns = Redactor()
}
