/// Asks the incident form: every field in order with its hint, choices and default; validates choices
/// and asks again; reads multi-line answers until an empty line; saves each answer as it is given.
/// Without a terminal it never asks: missing required answers end the run, naming each one.
public struct FormSession {
    public let form: IncidentForm
    public let prompter: any Prompter
    public let keeper: RecordKeeper

    public init(form: IncidentForm, prompter: any Prompter, keeper: RecordKeeper) {
        self.form = form
        self.prompter = prompter
        self.keeper = keeper
    }

    /// Fills the record's answers. Throws `.usage` naming every missing required field when it cannot
    /// ask, and `.interrupted` when input ends (Ctrl-D) with answers so far saved.
    public func run() throws(IncidentError) {
        var missing: [FormField] = []
        for field in form.fields {
            if let given = keeper.record.answers[field.key] {
                if prompter.isInteractive {
                    let shown = field.isSecret ? "[REDACTED:secret-value]" : Self.short(given)
                    prompter.say("")
                    prompter.say("\(field.number)) \(field.label): \(shown)  (given)")
                }
                continue
            }
            guard prompter.isInteractive else {
                if let value = field.defaultValue {
                    try save(field, value, how: "default")
                } else if field.isRequired {
                    missing.append(field)
                }
                continue
            }
            guard let answer = try ask(field) else { continue }
            try save(field, answer, how: "typed")
        }
        guard missing.isEmpty else { throw Self.missingError(missing, form: form) }
    }

    /// The required fields that neither `answers` nor a default fills.
    public static func missing(in form: IncidentForm, answers: [String: String]) -> [FormField] {
        form.fields.filter { $0.isRequired && answers[$0.key] == nil && $0.defaultValue == nil }
    }

    /// The usage error naming every missing field and the `--set` that supplies it.
    public static func missingError(_ missing: [FormField], form: IncidentForm) -> IncidentError {
        let lines = missing.map { "  \($0.number)) \($0.label): --set \($0.key)=VALUE" }
        return .input(
            "missing answers for the incident form (\(form.path)), and nothing may be asked (--no-input, or no "
                + "terminal):\n" + lines.joined(separator: "\n")
                + "\nsupply them with --set or --answers FILE, or run on a terminal without --no-input")
    }

    /// Asks one field until it has a valid answer; nil for a skipped optional field.
    private func ask(_ field: FormField) throws(IncidentError) -> String? {
        var header = "\(field.number)) \(field.label)"
        // Choices are shown unless the label already lists them, as `ENV (dev/staging/production)` does.
        if !field.choices.isEmpty, !field.label.contains("(" + field.choices.joined(separator: "/") + ")") {
            header += " [\(field.choices.joined(separator: "/"))]"
        }
        prompter.say("")
        prompter.say(header)
        if let hint = field.hint { prompter.say("   \(hint)") }
        let draft = keeper.record.drafts[field.key]
        let fallback = draft ?? field.defaultValue
        while true {
            let answer: String
            if field.isMultiline {
                prompter.say(
                    "   (several lines; an empty line ends the answer\(fallback.map { "; Enter alone keeps: \(Self.short($0))" } ?? ""))"
                )
                answer = try readLines(field)
            } else {
                let suffix = fallback.map { " [\(Self.short($0))]" } ?? (field.isRequired ? "" : " (optional)")
                guard let line = prompter.readLine(prompt: "   > " + suffix.trimmed + (suffix.isEmpty ? "" : " "))
                else {
                    throw .interrupted("input ended")
                }
                answer = line.trimmed
            }
            if answer.isEmpty {
                if let fallback { return fallback }
                if !field.isRequired { return nil }
                prompter.say("   An answer is needed.")
                continue
            }
            if let valid = Self.validate(answer, choices: field.choices) { return valid }
            prompter.say("   '\(answer)' is not one of: \(field.choices.joined(separator: ", ")).")
        }
    }

    /// Reads lines until an empty one, saving the draft after each so Ctrl-C loses nothing typed.
    private func readLines(_ field: FormField) throws(IncidentError) -> String {
        var lines: [String] = []
        while true {
            guard let line = prompter.readLine(prompt: "   | ") else {
                throw .interrupted("input ended")
            }
            if line.trimmed.isEmpty { return lines.joined(separator: "\n") }
            lines.append(line)
            let draft = lines.joined(separator: "\n")
            try keeper.update { $0.drafts[field.key] = draft }
        }
    }

    private func save(_ field: FormField, _ value: String, how: String) throws(IncidentError) {
        try keeper.update {
            $0.answers[field.key] = value
            $0.drafts[field.key] = nil
        }
        let shown = field.isSecret ? "[REDACTED:secret-value]" : Self.short(value)
        try keeper.log("answer", "\(field.key): \(shown)", ["field": field.key, "how": how])
    }

    /// An answer to a field with choices must start with one of them (a unique prefix is enough, any
    /// case); the rest is kept as detail: `deploy 30 minutes ago`. Nil when it does not.
    public static func validate(_ answer: String, choices: [String]) -> String? {
        guard !choices.isEmpty else { return answer }
        let firstWord = answer.prefix { !$0.isWhitespace && $0 != "," && $0 != ":" }.lowercased()
        let rest = answer.dropFirst(firstWord.count)
        if let exact = choices.first(where: { $0.lowercased() == firstWord }) { return exact + rest }
        let candidates = choices.filter { $0.lowercased().hasPrefix(firstWord) }
        guard !firstWord.isEmpty, candidates.count == 1 else { return nil }
        return candidates[0] + rest
    }

    static func short(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        return line.count > 60 ? String(line.prefix(57)) + "..." : line + (text.contains("\n") ? " ..." : "")
    }
}
