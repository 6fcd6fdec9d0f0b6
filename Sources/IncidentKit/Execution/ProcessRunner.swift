/// Runs commands as `/bin/sh -c` children: bounded, redacted, with timeouts, retries and Ctrl-C.
public struct ProcessRunner: CommandRunning {
    /// Timeouts, capture sizes, concurrency, redaction and the retry sleeper.
    public var options: RunnerOptions
    /// Where live process groups are registered for Ctrl-C forwarding.
    public let registry: ProcessGroupRegistry

    /// A runner with these options, registering its children in `registry`.
    public init(options: RunnerOptions = RunnerOptions(), registry: ProcessGroupRegistry = .shared) {
        self.options = options
        self.registry = registry
    }

    /// Runs one spec with its retries; throws only when the command cannot be started.
    public func run(_ spec: CommandSpec) throws(RunnerError) -> CommandResult {
        try run(spec, index: 0, progress: nil)
    }

    /// Runs specs with at most `options.concurrency` at once; results follow the order of `specs`.
    ///
    /// After Ctrl-C, specs not yet started fail with `RunnerError.interrupted`.
    public func runAll(
        _ specs: [CommandSpec], progress: (@Sendable (RunProgress) -> Void)?
    ) -> [Result<CommandResult, RunnerError>] {
        let registry = self.registry
        return ParallelBatch.run(
            specs, limit: options.concurrency, progress: progress, shouldStop: { registry.isInterrupted }
        ) { spec, index, reporter throws(RunnerError) in
            try run(spec, index: index, progress: { reporter($0) })
        }
    }

    private func run(
        _ spec: CommandSpec, index: Int, progress: ((RunProgress) -> Void)?
    ) throws(RunnerError) -> CommandResult {
        let delays = (spec.retry ?? .once).delays
        var attempts: [CommandAttempt] = []
        for (offset, delay) in delays.enumerated() {
            if offset > 0 {
                progress?(.retrying(index: index, label: spec.label, nextAttempt: offset + 1, delay: delay))
            }
            options.sleeper.sleep(for: delay)
            if offset > 0 && registry.isInterrupted { break }
            let attempt = try self.attempt(spec, number: offset + 1)
            attempts.append(attempt)
            if attempt.succeeded || attempt.interrupted { break }
        }
        return CommandResult(spec: spec, attempts: attempts)
    }

    /// One run of the command, start to reaping.
    func attempt(_ spec: CommandSpec, number: Int) throws(RunnerError) -> CommandAttempt {
        let redactor: Redactor? =
            switch (options.redactor, spec.secrets.isEmpty) {
            case (let redactor?, true): redactor
            case (let redactor?, false): redactor.adding(secrets: spec.secrets)
            case (nil, false): Redactor(secrets: spec.secrets, patterns: false)
            case (nil, true): nil
            }
        var file: OutputFile?
        if let path = spec.outputFile {
            file = try OutputFile(path: path, append: number > 1)
            if number > 1 { file?.write("\n--- attempt \(number) ---\n") }
        }
        let clock = ContinuousClock()
        let start = clock.now
        let child: ChildProcess
        do throws(RunnerError) {
            child = try ChildProcess.spawn(
                command: spec.command, workingDirectory: spec.workingDirectory, environment: spec.environment)
        } catch {
            file?.close()
            throw error
        }
        var stdout = StreamCapture(
            headBytes: options.headBytes, tailBytes: options.tailBytes, redactor: redactor)
        var stderr = StreamCapture(
            headBytes: options.headBytes, tailBytes: options.tailBytes, redactor: redactor)
        let monitor = ChildMonitor(
            child: child, timeout: spec.timeout ?? options.defaultTimeout, grace: options.grace,
            exitDrain: options.exitDrain, registry: registry)
        let outcome = monitor.run(stdout: &stdout, stderr: &stderr, file: &file)
        let duration = clock.now - start
        let capturedOut = stdout.finish(file: &file)
        let capturedErr = stderr.finish(file: &file)
        file?.close()
        return CommandAttempt(
            number: number, status: outcome.status, duration: duration, timedOut: outcome.timedOut,
            interrupted: outcome.interrupted, stdout: capturedOut, stderr: capturedErr,
            outputFileError: file?.error)
    }
}
