import Foundation
import Synchronization

/// Runs a list of jobs on a few dedicated threads and collects their outcomes in list order.
///
/// Real threads rather than Dispatch's pool: every job blocks in `poll` for as long as its command
/// runs, and a pool sized for 2 cores would not run 16 sleeping commands at once.
final class ParallelBatch: Sendable {
    typealias Job = @Sendable (CommandSpec, Int, Reporter) throws(RunnerError) -> CommandResult

    /// Serializes progress events so callers' closures never run concurrently.
    struct Reporter: Sendable {
        let batch: ParallelBatch
        /// Passes one event to the caller's closure.
        func callAsFunction(_ event: RunProgress) { batch.report(event) }
    }

    private let specs: [CommandSpec]
    private let job: Job
    private let progress: (@Sendable (RunProgress) -> Void)?
    private let shouldStop: @Sendable () -> Bool
    private let next = Mutex(0)
    private let results: Mutex<[Result<CommandResult, RunnerError>?]>
    private let progressLock = Mutex(())

    private init(
        specs: [CommandSpec], progress: (@Sendable (RunProgress) -> Void)?,
        shouldStop: @escaping @Sendable () -> Bool, job: @escaping Job
    ) {
        self.specs = specs
        self.job = job
        self.progress = progress
        self.shouldStop = shouldStop
        self.results = Mutex(Array(repeating: nil, count: specs.count))
    }

    /// Runs `job` for each spec, at most `limit` at a time; blocks until all are done.
    static func run(
        _ specs: [CommandSpec], limit: Int, progress: (@Sendable (RunProgress) -> Void)?,
        shouldStop: @escaping @Sendable () -> Bool = { false }, job: @escaping Job
    ) -> [Result<CommandResult, RunnerError>] {
        let batch = ParallelBatch(specs: specs, progress: progress, shouldStop: shouldStop, job: job)
        let workers = min(max(1, limit), specs.count)
        if workers == 1 {
            batch.work()
        } else if workers > 1 {
            let group = DispatchGroup()
            for _ in 0..<workers {
                group.enter()
                let thread = Thread {
                    batch.work()
                    group.leave()
                }
                thread.stackSize = 512 * 1024
                thread.start()
            }
            group.wait()
        }
        return batch.results.withLock { $0.map { $0! } }
    }

    private func work() {
        while true {
            let index = next.withLock { value in
                defer { value += 1 }
                return value
            }
            guard index < specs.count else { return }
            let spec = specs[index]
            let outcome: Result<CommandResult, RunnerError>
            if shouldStop() {
                outcome = .failure(.interrupted(command: spec.command))
            } else {
                report(.started(index: index, label: spec.label))
                let start = ContinuousClock.now
                do throws(RunnerError) {
                    let result = try job(spec, index, Reporter(batch: self))
                    outcome = .success(result)
                    report(
                        .finished(
                            index: index, label: spec.label, duration: result.totalDuration,
                            status: result.status, timedOut: result.timedOut))
                } catch {
                    outcome = .failure(error)
                    report(
                        .finished(
                            index: index, label: spec.label, duration: ContinuousClock.now - start,
                            status: nil, timedOut: false))
                }
            }
            results.withLock { $0[index] = outcome }
        }
    }

    private func report(_ event: RunProgress) {
        guard let progress else { return }
        progressLock.withLock { _ in progress(event) }
    }
}
