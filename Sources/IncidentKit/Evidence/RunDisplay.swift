import Foundation
import Synchronization

/// Shows commands as they run: on a terminal one status line rewritten in place, elsewhere a line per
/// command started and finished, so logs of unattended runs stay readable.
public final class RunDisplay: Sendable {
    private let console: any Console
    private let live: Bool
    /// The terminal's width: a live line longer than it would wrap, and `\r` would not erase it.
    private let columns: Int?
    private let state = Mutex<(running: [Int: String], done: Int, total: Int)>(([:], 0, 0))
    /// The commands (by index in the batch) that follow their output: stopped at the window, as planned.
    private let following = Mutex<Set<Int>>([])
    private let startHandler = Mutex<(@Sendable (String) -> Void)?>(nil)

    /// Called with a command's label when it starts (the timeline records it).
    public var onStart: (@Sendable (String) -> Void)? {
        get { startHandler.withLock { $0 } }
        set { startHandler.withLock { $0 = newValue } }
    }

    /// `live` when standard output is a terminal, `columns` its width.
    public init(console: any Console, live: Bool, columns: Int? = RunDisplay.terminalColumns()) {
        self.console = console
        self.live = live
        self.columns = columns
    }

    /// The width of the terminal on standard output, if it is one.
    public static func terminalColumns() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    func begin(total: Int, following: Set<Int> = []) {
        state.withLock { $0 = ([:], 0, total) }
        self.following.withLock { $0 = following }
    }

    func handle(_ event: RunProgress) {
        switch event {
        case .started(let index, let label):
            onStart?(label)
            let line = state.withLock { state -> String in
                state.running[index] = label
                return status(state)
            }
            live ? console.write(TerminalText.eraseLine + line) : console.write("  started   \(label)\n")
        case .retrying(_, let label, let attempt, let delay):
            if !live { console.write("  retrying  \(label) (attempt \(attempt) in \(delay))\n") }
        case .finished(let index, let label, let duration, let status, let timedOut):
            let line = state.withLock { state -> String in
                state.running[index] = nil
                state.done += 1
                return self.status(state)
            }
            if live {
                console.write(TerminalText.eraseLine + line)
            } else if timedOut, following.withLock({ $0.contains(index) }) {
                console.write("  finished  \(label) (followed for \(Self.seconds(duration)))\n")
            } else {
                console.write(
                    "  finished  \(label) (\(Self.describe(status, timedOut: timedOut)), \(Self.seconds(duration)))\n")
            }
        }
    }

    func end() {
        if live { console.write(TerminalText.eraseLine) }
    }

    private func status(_ state: (running: [Int: String], done: Int, total: Int)) -> String {
        let running = state.running.keys.sorted().compactMap { state.running[$0] }
        let names = running.prefix(2).joined(separator: ", ") + (running.count > 2 ? ", ..." : "")
        let line = "  \(state.done)/\(state.total) done" + (names.isEmpty ? "" : "; running: \(names)")
        // Kept within the terminal's width (one column spare), so that it never wraps.
        guard let columns, columns > 10, line.count >= columns else { return line }
        return String(line.prefix(columns - 2)) + "…"
    }

    static func describe(_ status: TerminationStatus?, timedOut: Bool) -> String {
        if timedOut { return "timed out" }
        switch status {
        case .exited(let code)?: return "exit \(code)"
        case .signaled(let signal)?: return "signal \(signal)"
        case nil: return "not started"
        }
    }

    static func seconds(_ duration: Duration) -> String {
        let milliseconds = Int(
            duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
        return milliseconds < 1000 ? "\(milliseconds) ms" : String(format: "%.1f s", Double(milliseconds) / 1000)
    }
}
