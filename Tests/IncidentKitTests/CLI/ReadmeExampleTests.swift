import Foundation
import Testing

@testable import IncidentKit

/// The README's `incident route` examples are what the tool prints: each `$ incident route ...` line is
/// run, and the lines shown under it (up to a `...`) must be the first lines of its output.
@Suite struct ReadmeExampleTests {
    @Test func routeExamplesAreWhatTheToolPrints() throws {
        let readme = try String(contentsOfFile: Paths.packageRoot + "/README.md", encoding: .utf8)
        var examples: [(command: String, shown: [String])] = []
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("$ incident route ") {
                examples.append((String(line.dropFirst(2)), []))
            } else if line.hasPrefix("```") || line == "..." {
                if let last = examples.last, last.shown.last != "..." {
                    examples[examples.count - 1].shown.append("...")
                }
            } else if let last = examples.last, last.shown.last != "..." {
                examples[examples.count - 1].shown.append(String(line))
            }
        }
        #expect(examples.count >= 3)
        for example in examples {
            let words = Self.words(of: example.command)
            let console = CapturingConsole()
            let context = CommandContext(console: console, environment: [:], currentDirectory: Paths.packageRoot)
            #expect(IncidentCLI(context: context).run(Array(words.dropFirst())) == 0, "\(example.command)")
            let shown = example.shown.filter { $0 != "..." }
            let printed = console.output.split(separator: "\n", omittingEmptySubsequences: false).prefix(shown.count)
            #expect(printed.map(String.init) == shown, "\(example.command)")
        }
    }

    /// The words of a command line whose quoting is only `"..."` (as the README's examples are written).
    private static func words(of command: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var started = false
        for character in command {
            if character == "\"" {
                quoted.toggle()
                started = true
            } else if character == " " && !quoted {
                if started { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(character)
                started = true
            }
        }
        if started { words.append(current) }
        return words
    }
}
