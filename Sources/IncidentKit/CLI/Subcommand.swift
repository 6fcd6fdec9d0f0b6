/// A subcommand of `incident`: its name, usage, options and behaviour.
protocol Subcommand: Sendable {
    var name: String { get }
    /// One line for the command list.
    var summary: String { get }
    /// The synopsis after `incident`, e.g. `route SYMPTOM [--library DIR] [--top N] [--json]`.
    var synopsis: String { get }
    /// Paragraphs after the options in `--help`.
    var details: String { get }
    var options: [ArgumentParser.Option] { get }
    func run(_ parsed: ArgumentParser.Parsed, context: CommandContext) throws(IncidentError) -> ExitCode
}

extension Subcommand {
    /// The full help text of the command.
    var help: String {
        var text = "Usage: incident \(synopsis)\n\n\(summary)\n\nOptions:\n"
        let rows = ArgumentParser(options: options).options.map { option in
            ("--\(option.name)" + (option.value.map { " \($0)" } ?? ""), option.help)
        }
        let width = rows.map(\.0.count).max() ?? 0
        for (left, right) in rows {
            text += "  " + left + String(repeating: " ", count: width - left.count + 2) + right + "\n"
        }
        if !details.isEmpty { text += "\n" + details + "\n" }
        return text
    }
}
