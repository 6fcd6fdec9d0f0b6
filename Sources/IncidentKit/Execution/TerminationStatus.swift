/// How a child process ended: a normal exit with its code, or death by a signal.
public enum TerminationStatus: Sendable, Hashable, CustomStringConvertible {
    /// The process called `exit` with this code.
    case exited(Int32)
    /// The process was terminated by this signal number.
    case signaled(Int32)

    /// True for `exited(0)` only.
    public var isSuccess: Bool { self == .exited(0) }

    /// `exited(N)` or `signaled(N)`, as used in reports.
    public var description: String {
        switch self {
        case .exited(let code): "exited(\(code))"
        case .signaled(let signal): "signaled(\(signal))"
        }
    }

    /// Decodes a raw `waitpid` status word (the C macros are not imported into Swift).
    init(waitStatus status: Int32) {
        let signal = status & 0x7f
        if signal == 0 {
            self = .exited((status >> 8) & 0xff)
        } else {
            self = .signaled(signal)
        }
    }
}
