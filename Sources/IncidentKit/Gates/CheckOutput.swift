import Foundation

/// What a gate's check printed, as the evaluator looks at it: standard output (after the `since`
/// filter) and the first line of standard error, with the short phrases the gate's detail is made of.
struct CheckOutput {
    /// The non-blank lines of standard output that count.
    var lines: [String]
    /// Those lines together with surrounding white space removed: what expectations test.
    var text: String
    /// The first non-blank line of standard error.
    var firstErrorLine: String?

    /// The longest piece of output a detail quotes, in characters.
    static let quoteLimit = 100

    init(_ result: CommandResult, since: Date?, timeZone: TimeZone) {
        let stdout = result.stdout.text
        // Split at every line break, `\r\n` included (one Character, so not a "\n" separator).
        var all = stdout.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        if let since {
            all = LogTimestamp.lines(all, since: since, timeZone: timeZone)
            text = all.joined(separator: "\n").trimmed
        } else {
            text = stdout.trimmed
        }
        lines = all.map { $0.trimmed }.filter { !$0.isEmpty }
        firstErrorLine = result.stderr.text.split(whereSeparator: \.isNewline).map { $0.trimmed }.first {
            !$0.isEmpty
        }
    }

    /// Whether the check wrote anything to standard error.
    var hasErrors: Bool { firstErrorLine != nil }

    /// `printed 502`, `printed nothing`, `printed inactive and 2 more lines`.
    var printed: String {
        guard let first = lines.first else { return "printed nothing" }
        let more = lines.count - 1
        return "printed \(Self.shortened(first))" + (more == 0 ? "" : " and \(more) more line\(more == 1 ? "" : "s")")
    }

    /// `exit 7: curl: (7) Failed to connect ...`: the status and the first line of the error (or output).
    func exitDetail(_ code: Int32) -> String {
        "exit \(code)" + firstLineSuffix
    }

    /// `: ` and the first line of standard error, else of standard output; empty when both are empty.
    var firstLineSuffix: String {
        (firstErrorLine ?? lines.first).map { ": \(Self.shortened($0))" } ?? ""
    }

    /// `line`, cut to `quoteLimit` characters with `...` when longer.
    static func shortened(_ line: String) -> String {
        line.count <= quoteLimit ? line : String(line.prefix(quoteLimit - 3)) + "..."
    }
}
