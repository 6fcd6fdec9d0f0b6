import Foundation
import IncidentKit
import Synchronization

/// Helpers shared by the Execution tests.
enum ExecutionTestSupport {
    /// Pids of live (non-zombie) processes whose process group is `group`, read from /proc.
    static func processes(inGroup group: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> Int32? in
            guard let pid = Int32(entry),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            // Fields after the command name: state ppid pgrp ...
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 2, fields[0] != "Z", Int32(fields[2]) == group else { return nil }
            return pid
        }
    }

    /// The live processes still in `group` once `within` has passed, or none as soon as the group is empty.
    ///
    /// SIGKILL is delivered when the kernel next schedules each member, so a member killed with its group can
    /// still be listed for a moment after the runner returns; what matters is that none lives on.
    static func survivors(ofGroup group: Int32, within limit: Duration = .seconds(2)) -> [Int32] {
        let deadline = ContinuousClock.now + limit
        var left = processes(inGroup: group)
        while !left.isEmpty, ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.02)
            left = processes(inGroup: group)
        }
        return left
    }

    /// The number of open descriptors of this process.
    static func openDescriptorCount() -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).count
    }

    /// Options for tests: no retry waits, small grace.
    static func options(
        timeout: Duration = .seconds(20), grace: Duration = .seconds(1), redactor: Redactor? = Redactor(),
        head: Int = 64 * 1024, tail: Int = 64 * 1024, concurrency: Int = 4
    ) -> RunnerOptions {
        RunnerOptions(
            defaultTimeout: timeout, grace: grace, headBytes: head, tailBytes: tail, concurrency: concurrency,
            redactor: redactor, sleeper: RecordingSleeper())
    }
}

/// A sleeper that records the requested pauses and does not wait.
struct RecordingSleeper: Sleeper {
    let log = SleepLog()
    func sleep(for duration: Duration) { log.append(duration) }
}

/// The pauses a `RecordingSleeper` was asked for.
final class SleepLog: Sendable {
    private let entries = Mutex<[Duration]>([])
    func append(_ duration: Duration) { entries.withLock { $0.append(duration) } }
    var all: [Duration] { entries.withLock { $0 } }
}
