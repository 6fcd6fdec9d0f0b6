/// The seam through which the product runs commands; tests replace it with a fake.
public protocol CommandRunning: Sendable {
    /// Runs one spec (with its retries) to completion; throws only when it cannot be started.
    func run(_ spec: CommandSpec) throws(RunnerError) -> CommandResult
    /// Runs specs concurrently and returns their outcomes in the order of `specs`.
    func runAll(
        _ specs: [CommandSpec], progress: (@Sendable (RunProgress) -> Void)?
    ) -> [Result<CommandResult, RunnerError>]
}

extension CommandRunning {
    /// Runs specs one after the other (a fake runner gets this for free).
    public func runAll(
        _ specs: [CommandSpec], progress: (@Sendable (RunProgress) -> Void)?
    ) -> [Result<CommandResult, RunnerError>] {
        ParallelBatch.run(specs, limit: 1, progress: progress) { spec, _, _ throws(RunnerError) in
            try run(spec)
        }
    }
}
