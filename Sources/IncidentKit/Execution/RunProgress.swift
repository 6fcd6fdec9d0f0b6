/// A progress event from a batch run, so a terminal can show what is running.
public enum RunProgress: Sendable, Hashable {
    /// The spec at `index` started its first attempt.
    case started(index: Int, label: String)
    /// The spec at `index` failed and will run again after `delay`.
    case retrying(index: Int, label: String, nextAttempt: Int, delay: Duration)
    /// The spec at `index` is done; `status` is nil when it could not be started.
    case finished(index: Int, label: String, duration: Duration, status: TerminationStatus?, timedOut: Bool)
}
