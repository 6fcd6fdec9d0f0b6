/// A runbook command made ready to run: its values substituted, its risk decided, or the reason it
/// cannot run.
public struct PreparedCommand: Sendable {
    public enum Readiness: Sendable, Equatable {
        case ready(String)
        case missing([String])
        case unavailable([String])
        case unsafe([String])
    }

    public var source: RunbookCommand
    /// Where it is written, `path:line`.
    public var location: String
    public var readiness: Readiness
    public var isMutating: Bool
    /// Why it counts as mutating, in words.
    public var reasons: [String]
    /// The command as shown: values substituted, secrets redacted.
    public var display: String

    /// Prepares `command` (written in `path`) with the scope's values.
    public static func prepare(
        _ command: RunbookCommand, path: String, scope: VariableScope, tools: ToolLocator, redactor: Redactor
    ) -> PreparedCommand {
        let template = CommandTemplate(command.command)
        let resolution = template.resolve(scope.variables)
        let risk = RiskClassifier.classify(resolution.command ?? command.command)
        var isMutating = risk.isMutating
        var reasons = risk.reasons
        if command.annotations.marking == .mutating {
            isMutating = true
            if reasons.isEmpty { reasons = ["marked [mutating] in the runbook"] }
        } else if command.annotations.marking == .readOnly {
            isMutating = false  // allowed, with a lint warning when the classifier disagrees
        }
        let readiness: Readiness
        switch resolution {
        case .missing(let names): readiness = .missing(names)
        case .unsafe(let names): readiness = .unsafe(names)
        case .resolved(let text):
            let absent = tools.missing(command.annotations.requires)
            readiness = absent.isEmpty ? .ready(text) : .unavailable(absent)
        }
        let shown = redactor.redact(resolution.command ?? command.command).text
        return PreparedCommand(
            source: command, location: "\(path):\(command.line)", readiness: readiness, isMutating: isMutating,
            reasons: reasons, display: shown)
    }

    /// The spec to run, with the incident's secrets, the runbook's timeout and retry.
    func spec(outputFile: String?, secrets: [String], defaultTimeout: Duration?) -> CommandSpec? {
        guard case .ready(let text) = readiness else { return nil }
        let timeout = source.annotations.timeoutSeconds.map { Duration.milliseconds(Int64($0 * 1000)) } ?? defaultTimeout
        return CommandSpec(
            text, label: source.title, timeout: timeout,
            retry: source.annotations.retry && !isMutating ? .standard : nil, outputFile: outputFile, secrets: secrets)
    }

    /// Why it was not run, in words, or nil when it is ready.
    var notReadyReason: String? {
        switch readiness {
        case .ready: nil
        case .missing(let names): "needs " + names.map { "\($0) (--set \($0)=VALUE)" }.joined(separator: ", ")
        case .unavailable(let tools): "unavailable here: " + tools.joined(separator: ", ") + " not installed"
        case .unsafe(let names): "refused: {{" + names.joined(separator: "}}, {{") + "}} stands where a value could become code"
        }
    }
}
