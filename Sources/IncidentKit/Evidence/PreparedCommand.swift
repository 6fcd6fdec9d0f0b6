/// A runbook command made ready to run: its values substituted, its risk decided, or the reason it
/// cannot run.
public struct PreparedCommand: Sendable {
    public enum Readiness: Sendable, Equatable {
        case ready(String)
        case missing([String])
        case unavailable([String])
        /// Refused: the placeholders, and why each is (`{{name}} reason; ...`).
        case unsafe([String], reason: String)
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
        let template = CommandTemplate(command.script)
        let resolution = template.resolve(scope.variables)
        var risk = RiskClassifier.classify(resolution.command ?? command.script)
        // A value never makes a command read-only: judged also with the values the environment gives
        // written in (the command itself reads them there), and with every value a word no rule knows
        // (`oc adm policy add-cluster-role-to-user admin {{user}}` given `get` is still a change).
        if resolution.command != nil {
            var readings = [template.resolve(using: template.variableNames.map { Variable(name: $0, value: "x") })]
            if template.variableNames.contains(where: { scope.variables[$0]?.fromEnvironment == true }) {
                readings.append(
                    template.resolve(
                        scope.variables.mapValues { variable in
                            var variable = variable
                            variable.fromEnvironment = false
                            return variable
                        }))
            }
            // (A reading that knows what changes says more than one that only does not know the program:
            // `helm $ACTION` given `uninstall` is `helm uninstall`, not an unknown `helm x`.)
            for reading in readings {
                guard case .resolved(let text) = reading, !risk.isMutating || RiskClassifier.onlyUnknown(risk) else {
                    continue
                }
                let stricter = RiskClassifier.classify(text)
                if stricter.isMutating, !risk.isMutating || !RiskClassifier.onlyUnknown(stricter) { risk = stricter }
            }
        }
        var isMutating = risk.isMutating
        var reasons = risk.reasons
        if command.annotations.marking == .mutating {
            isMutating = true
            if reasons.isEmpty { reasons = ["marked [mutating] in the runbook"] }
        } else if command.annotations.marking == .readOnly {
            // The runbook vouches for a program the rules do not know; a change they know stays a change
            // (`rm -rf x` marked `[read-only]` still asks, and lint reports the mark), and so does another
            // block's assignment run first.
            let setup =
                command.setup.isEmpty ? [] : RiskClassifier.classify(command.setup.joined(separator: "\n")).reasons
            let own = risk.reasons.filter { !$0.contains(RiskRules.unknownMarker) && !setup.contains($0) }
            reasons = own + setup.map { "the runbook's assignment first: " + $0 }
            isMutating = !reasons.isEmpty
        }
        // A value the command may read as an option can change what it does, whatever the runbook says of
        // it: it is run only as a change is, once confirmed.
        let optionLike = template.optionLikeValues(scope.variables)
        if !optionLike.isEmpty {
            isMutating = true
            let names = optionLike.map { "{{\($0)}}" }.joined(separator: ", ")
            reasons.append("the value of \(names) starts with '-', which the command may read as an option")
        }
        let readiness: Readiness
        switch resolution {
        case .missing(let names): readiness = .missing(names)
        case .unsafe(let names):
            let refusals = template.refusals(scope.variables)
            // Named as the runbook wrote them (`<pod>`, `$NAMESPACE`) when it did not write `{{pod}}`.
            let written = command.writtenPlaceholders
            readiness = .unsafe(
                names,
                reason: refusals.map { "\(written[$0.name] ?? "{{\($0.name)}}") \($0.reason)" }.joined(separator: "; "))
        case .resolved(let text):
            var required = command.annotations.requires
            // The command's own programs: its setup starts with an assignment (`export NAMESPACE=...`).
            let own = command.setup.isEmpty ? text : CommandTemplate(command.command).resolve(scope.variables).command
            for tool in Self.leadingTools(own ?? text) where !required.contains(tool) { required.append(tool) }
            let absent = tools.missing(required).map(tools.reason)
            readiness = absent.isEmpty ? .ready(text) : .unavailable(absent)
        }
        let shown = redactor.redact(resolution.command ?? command.script).text
        return PreparedCommand(
            source: command, location: "\(path):\(command.line)", readiness: readiness, isMutating: isMutating,
            reasons: reasons, display: shown)
    }

    static let shellWords: Set<String> = [
        "cd", "echo", "test", "[", "printf", "export", "set", "true", "false", "if", "for", "while", "until", "case",
        "exec", "eval", ".", "source", "read", "wait", "type", "command", "ulimit", "umask", "trap", "shift", "unset",
        "local", "return", "exit", "alias", "{", "(", "!", "xargs",
    ]
    /// Words that run the program after them: `sudo nginx -t` needs sudo and nginx.
    static let wrappers: Set<String> = ["sudo", "env", "nohup", "time", "timeout", "nice", "ionice", "stdbuf"]

    /// The options of each wrapper that take the next word as their value (`sudo -u www-data`,
    /// `timeout -s KILL`); for sudo also as the last letter of a cluster (`sudo -iu postgres`).
    static let valuedOptions: [String: Set<String>] = [
        "sudo": [
            "-u", "-g", "-h", "-p", "-C", "-D", "-R", "-T", "-U", "-r", "-t", "--user", "--group", "--host",
            "--prompt", "--chdir", "--chroot", "--role", "--type", "--other-user", "--close-from",
        ],
        "env": ["-u", "-C", "-S", "--unset", "--chdir", "--split-string"],
        "time": ["-o", "-f", "--output", "--format"],
        "timeout": ["-s", "-k", "--signal", "--kill-after"],
        "nice": ["-n", "--adjustment"],
        "ionice": ["-c", "-n", "-p", "--class", "--classdata", "--pid"],
        "stdbuf": ["-i", "-o", "-e", "--input", "--output", "--error"],
    ]

    /// Whether `option` of `wrapper` takes the next word as its value.
    static func takesValue(_ option: String, of wrapper: String) -> Bool {
        let valued = valuedOptions[wrapper] ?? []
        if valued.contains(option) { return true }
        // `-iu`: a cluster of flags whose last letter takes a value; in `-uroot` the value is attached.
        guard wrapper == "sudo", !option.hasPrefix("--"), option.count > 2 else { return false }
        for (offset, letter) in option.dropFirst().enumerated() where valued.contains("-" + String(letter)) {
            return offset == option.count - 2
        }
        return false
    }

    /// The programs a command starts with (after `VAR=value` assignments and wrappers such as `sudo`),
    /// when they are plain names: a command whose program is not installed is reported as unavailable
    /// instead of failing with 127.
    static func leadingTools(_ command: String) -> [String] {
        var tools: [String] = []
        var afterWrapper: String?
        // The first simple command only, as the shell splits it: `uptime; date` starts with `uptime`.
        var skipsValue = false
        for name in ShellLexer.lex(command).segments.first?.words ?? [] {
            if skipsValue {
                skipsValue = false
                continue
            }
            if RiskClassifier.isAssignment(name) { continue }
            if let wrapper = afterWrapper, name.hasPrefix("-") {  // sudo -u www-data, timeout -s KILL
                skipsValue = !name.contains("=") && Self.takesValue(name, of: wrapper)
                continue
            }
            if afterWrapper == "timeout", name.first?.isNumber == true {
                afterWrapper = "timeout-done"
                continue
            }
            guard !shellWords.contains(name), name.first?.isLetter == true,
                name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._+-".contains($0)) })
            else { return tools }
            tools.append(name)
            guard wrappers.contains(name) else { return tools }
            afterWrapper = name
        }
        return tools
    }

    /// The spec to run, with the incident's secrets, the runbook's timeout and retry.
    func spec(outputFile: String?, secrets: [String], defaultTimeout: Duration?) -> CommandSpec? {
        guard case .ready(let text) = readiness else { return nil }
        let timeout =
            source.annotations.timeoutSeconds.map { Duration.milliseconds(Int64($0 * 1000)) } ?? defaultTimeout
        return CommandSpec(
            text, label: source.title, timeout: timeout,
            retry: source.annotations.retry && !isMutating ? .standard : nil, outputFile: outputFile, secrets: secrets)
    }

    /// Why it was not run, in words, or nil when it is ready.
    var notReadyReason: String? {
        switch readiness {
        case .ready: nil
        case .missing(let names): "needs " + names.map { "\($0) (--set \($0)=VALUE)" }.joined(separator: ", ")
        case .unavailable(let tools): "unavailable here: needs " + tools.joined(separator: ", ")
        case .unsafe(_, let reason): "refused: " + reason
        }
    }
}
