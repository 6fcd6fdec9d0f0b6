/// The `incident` command line: dispatches to subcommands, prints help and usage errors, and maps
/// outcomes to exit statuses. The executable only wires in the real console and environment.
public struct IncidentCLI: Sendable {
    let context: CommandContext

    static let commands: [any Subcommand] = [
        TriageCommand(), RouteCommand(), LintCommand(), ResumeCommand(), ListCommand(), ShowCommand(), ReportCommand(),
        StatusCommand(), ResolveCommand(), PostmortemCommand(), StatsCommand(),
    ]

    public init(context: CommandContext) {
        self.context = context
    }

    /// Runs `arguments` (without the program name) and returns the exit status.
    public func run(_ arguments: [String]) -> Int32 {
        let console = context.console
        guard let first = arguments.first else {
            console.error(Self.overview)
            return ExitCode.usage.rawValue
        }
        switch first {
        case "--help", "-h":
            console.write(Self.overview)
            return ExitCode.success.rawValue
        case "--version":
            if let extra = arguments.dropFirst().first {
                return usageError("--version takes no argument ('\(extra)')", usage: Self.usageLines)
            }
            console.write("incident \(IncidentVersion.current)\n")
            return ExitCode.success.rawValue
        case "help":
            guard let name = arguments.dropFirst().first, !["help", "--help", "-h"].contains(name) else {
                console.write(Self.overview)
                return ExitCode.success.rawValue
            }
            guard let command = Self.command(named: name) else {
                return usageError("unknown command '\(name)'\(Self.suggestion(for: name))", usage: Self.usageLines)
            }
            console.write(command.help)
            return ExitCode.success.rawValue
        default:
            break
        }
        guard let command = Self.command(named: first) else {
            if first.hasPrefix("-") { return usageError("unknown option '\(first)'", usage: Self.usageLines) }
            return usageError("unknown command '\(first)'\(Self.suggestion(for: first))", usage: Self.usageLines)
        }
        do {
            let parsed = try ArgumentParser(options: command.options).parse(Array(arguments.dropFirst()))
            if parsed.flag("help") {
                console.write(command.help)
                return ExitCode.success.rawValue
            }
            return try command.run(parsed, context: context).rawValue
        } catch {
            if case .usage(let message) = error {
                return usageError(message, usage: "Usage: incident \(command.synopsis)\n", command: command.name)
            }
            console.error(console.redError("incident: error: ") + "\(error)\n")
            return error.exitCode.rawValue
        }
    }

    private func usageError(_ message: String, usage: String, command: String? = nil) -> Int32 {
        let console = context.console
        let hint = command.map { "Run 'incident help \($0)' for details." } ?? "Run 'incident --help' for details."
        console.error(console.redError("incident: error: ") + message + "\n" + usage + hint + "\n")
        return ExitCode.usage.rawValue
    }

    /// `; did you mean 'triage'?` for a command name one or two typing slips away from `typed`, else empty.
    static func suggestion(for typed: String) -> String {
        let scored = commands.map { ($0.name, editDistance(typed.lowercased(), $0.name)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2, best.1 < best.0.count else { return "" }
        return "; did you mean '\(best.0)'?"
    }

    /// The Levenshtein distance between two short words.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }

    static func command(named name: String) -> (any Subcommand)? {
        commands.first { $0.name == name }
    }

    static var usageLines: String {
        "Usage:\n" + commands.map { "  incident \($0.synopsis)\n" }.joined() + "  incident --help | --version\n"
    }

    static var overview: String {
        var text = "incident \(IncidentVersion.current): route a symptom to the runbook that handles it.\n\n"
        text += usageLines + "\nCommands:\n"
        let width = (commands.map(\.name.count).max() ?? 0) + 2
        for command in commands {
            text += "  " + command.name.padding(to: width) + command.summary + "\n"
        }
        text += "\nRun 'incident help COMMAND' or 'incident COMMAND --help' for a command's options.\n"
        text += "The library is found from --library DIR, then $INCIDENT_LIBRARY, then the nearest folder above\n"
        text += "the working directory that has runbooks/, then the library shipped with incident.\n"
        return text
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
