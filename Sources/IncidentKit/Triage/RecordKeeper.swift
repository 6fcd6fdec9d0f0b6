import Foundation
import Synchronization

/// The one live copy of an incident record during a run, saved after every change. A class because the
/// run and the Ctrl-C handler share it: the handler takes the lock, records the interruption, saves and
/// exits, so nothing is written after it.
public final class RecordKeeper: Sendable {
    private let state: Mutex<IncidentRecord>
    public let store: IncidentStore
    private let clock: @Sendable () -> Date
    private let isInterrupted: @Sendable () -> Bool

    /// `isInterrupted` tells when a Ctrl-C is being handled: from then on the run may not change the
    /// record (the handler records the interruption and exits), so nothing happens after it.
    public init(
        record: IncidentRecord, store: IncidentStore, clock: @escaping @Sendable () -> Date,
        isInterrupted: @escaping @Sendable () -> Bool = { ProcessGroupRegistry.shared.isInterrupted }
    ) {
        self.state = Mutex(record)
        self.store = store
        self.clock = clock
        self.isInterrupted = isInterrupted
    }

    /// Stops the calling thread for good once an interrupt is being handled; the handler ends the process.
    private func haltIfInterrupted() {
        guard isInterrupted() else { return }
        while true { sleep(60) }
    }

    /// The current time of the run's clock.
    public var now: Date { clock() }

    /// A copy of the record as it is now.
    public var record: IncidentRecord { state.withLock { $0 } }

    /// Changes the record and saves it atomically.
    public func update(_ change: (inout IncidentRecord) -> Void) throws(IncidentError) {
        haltIfInterrupted()
        let result: Result<Void, IncidentError> = state.withLock { record in
            change(&record)
            record.redactEnteredText()
            do throws(IncidentError) {
                try store.save(record)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    /// Appends an event to the timeline.
    public func log(_ kind: String, _ message: String, _ data: [String: String] = [:]) throws(IncidentError) {
        haltIfInterrupted()
        let (id, secrets) = state.withLock { ($0.id, $0.secretValues) }
        // Messages quote answers and commands: neither a declared secret nor a credential shape is written.
        let redactor = Redactor(secrets: secrets)
        let event = TimelineEvent(
            kind: kind, at: clock(), message: redactor.redact(message).text,
            data: data.mapValues { redactor.redact($0).text })
        try store.append(event, to: id)
    }

    /// Records an interruption and saves, holding the lock for the rest of the process's life so that
    /// no later write can follow; the caller exits right after.
    public func finishInterrupted(_ message: String, status: Int32 = 130) {
        state.withLock { record in
            try? store.append(TimelineEvent(kind: "interrupted", at: clock(), message: message), to: record.id)
            try? store.save(record)
            // Keep the lock: the process exits before anyone else may write.
            Self.exitNow(status)
        }
    }

    /// Ends the process at once. Not `exit`: the main thread may hold standard input's lock in a
    /// blocking read, and `exit` flushes (and so locks) every stdio stream, which would hang. Nothing is
    /// left in stdio buffers: the console writes with write(2).
    private static func exitNow(_ code: Int32) -> Never {
        _exit(code)
    }
}
