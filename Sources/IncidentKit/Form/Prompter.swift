/// How the run asks questions. The terminal implementation reads standard input; tests script answers.
public protocol Prompter: Sendable {
    /// Whether questions may be asked (standard input is a terminal and `--no-input` was not given).
    var isInteractive: Bool { get }
    /// Shows `prompt` and reads one line without its newline; nil at end of input (Ctrl-D).
    func readLine(prompt: String) -> String?
    /// Shows a line of text to the person answering.
    func say(_ text: String)
}

/// A prompter that never asks: for scripts, CI and `--no-input`.
public struct NoInputPrompter: Prompter {
    public let isInteractive = false
    private let console: any Console

    public init(console: any Console) {
        self.console = console
    }

    public func readLine(prompt: String) -> String? { nil }
    public func say(_ text: String) { console.write(text + "\n") }
}

/// Asks on the terminal: prompts to standard output, answers from standard input.
public struct TerminalPrompter: Prompter {
    public let isInteractive = true
    private let console: any Console

    public init(console: any Console) {
        self.console = console
    }

    public func readLine(prompt: String) -> String? {
        console.write(prompt)
        return Swift.readLine(strippingNewline: true)
    }

    public func say(_ text: String) { console.write(text + "\n") }
}
