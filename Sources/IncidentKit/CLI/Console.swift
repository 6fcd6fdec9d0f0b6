import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a command writes: standard output and standard error, each knowing whether it may use colour.
public protocol Console: Sendable {
    func write(_ text: String)
    func error(_ text: String)
    /// Whether standard output is a terminal that may show colour.
    var colorsOutput: Bool { get }
    /// Whether standard error is a terminal that may show colour.
    var colorsErrors: Bool { get }
    /// Whether standard error is a terminal, where a passing progress note may be shown and erased.
    var errorsIsTerminal: Bool { get }
}

/// A console that writes everything to another one's standard error: the questions of a run whose
/// standard output is kept for JSON (`triage --json`).
struct QuestionConsole: Console {
    let base: any Console

    func write(_ text: String) { base.error(text) }
    func error(_ text: String) { base.error(text) }
    var colorsOutput: Bool { base.colorsErrors }
    var colorsErrors: Bool { base.colorsErrors }
    var errorsIsTerminal: Bool { base.errorsIsTerminal }
}

extension Console {
    public var errorsIsTerminal: Bool { false }

    /// `text` in bold when standard output takes colour.
    public func bold(_ text: String) -> String { TerminalText.styled(text, "1m", when: colorsOutput) }
    /// `text` dimmed when standard output takes colour.
    public func dim(_ text: String) -> String { TerminalText.styled(text, "2m", when: colorsOutput) }
    /// `text` in green when standard output takes colour.
    public func green(_ text: String) -> String { TerminalText.styled(text, "32m", when: colorsOutput) }
    /// `text` in yellow when standard output takes colour.
    public func yellow(_ text: String) -> String { TerminalText.styled(text, "33m", when: colorsOutput) }
    /// `text` in red when standard error takes colour.
    public func redError(_ text: String) -> String { TerminalText.styled(text, "31m", when: colorsErrors) }
    /// `text` in yellow when standard error takes colour.
    public func yellowError(_ text: String) -> String { TerminalText.styled(text, "33m", when: colorsErrors) }
}

/// The process's real standard output and error. Colour only on a terminal, never with `NO_COLOR` or
/// `TERM=dumb`; no control character but the tool's own styles and line erasing reaches either.
public struct StandardConsole: Console {
    public let colorsOutput: Bool
    public let colorsErrors: Bool

    public init(environment: [String: String]) {
        let allowed = environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
        colorsOutput = allowed && isatty(STDOUT_FILENO) == 1
        colorsErrors = allowed && isatty(STDERR_FILENO) == 1
        errorsIsTerminal = isatty(STDERR_FILENO) == 1
    }

    public let errorsIsTerminal: Bool
    private let outputErrno = OutputError()

    public func write(_ text: String) {
        // A reader that went away (`| head`) is not a failure; a full disk or a closed descriptor is.
        if let code = Self.put(text, to: STDOUT_FILENO), code != EPIPE { outputErrno.record(code) }
    }
    public func error(_ text: String) { _ = Self.put(text, to: STDERR_FILENO) }

    /// Why standard output could not be written (`No space left on device`), nil when every write went
    /// through or only found the reader gone: the executable then exits 1, so that a script does not
    /// take a cut-off result for a whole one.
    public var outputFailure: String? { outputErrno.code.map { String(cString: strerror($0)) } }

    /// Writes all of `text`, with control characters it does not write itself neutralised
    /// (`TerminalText.terminalSafe`); the errno of a write that failed, nil when all of it was written.
    private static func put(_ text: String, to descriptor: Int32) -> Int32? {
        var bytes = TerminalText.terminalSafe(Array(text.utf8))
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes {
                Glibc_write(descriptor, $0.baseAddress! + offset, $0.count - offset)
            }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return written < 0 ? errno : EIO }
            offset += written
        }
        return nil
    }
}

/// The first errno of a failed write to standard output.
private final class OutputError: Sendable {
    private let first = Mutex<Int32?>(nil)
    func record(_ code: Int32) { first.withLock { $0 = $0 ?? code } }
    var code: Int32? { first.withLock { $0 } }
}

/// A console that keeps what is written, for tests and in-process runs.
public final class CapturingConsole: Console {
    private let buffers = Mutex<(output: String, errors: String)>(("", ""))
    public let colorsOutput = false
    public let colorsErrors = false
    /// Whether to behave as a terminal for passing progress notes (never for colour).
    public let errorsIsTerminal: Bool

    public init(errorsIsTerminal: Bool = false) {
        self.errorsIsTerminal = errorsIsTerminal
    }

    public func write(_ text: String) { buffers.withLock { $0.output += text } }
    public func error(_ text: String) { buffers.withLock { $0.errors += text } }
    /// Everything written to standard output.
    public var output: String { buffers.withLock { $0.output } }
    /// Everything written to standard error.
    public var errors: String { buffers.withLock { $0.errors } }
}

#if canImport(Glibc)
    private let Glibc_write = Glibc.write
#elseif canImport(Darwin)
    private let Glibc_write = Darwin.write
#endif
