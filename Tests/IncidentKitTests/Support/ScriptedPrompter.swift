import Synchronization

@testable import IncidentKit

/// A prompter that answers from a script and keeps everything shown, for tests.
final class ScriptedPrompter: Prompter {
    private let state: Mutex<(answers: [String?], shown: [String])>
    let isInteractive: Bool

    /// `answers` in order; nil stands for end of input (Ctrl-D).
    init(_ answers: [String?], interactive: Bool = true) {
        state = Mutex((answers, []))
        isInteractive = interactive
    }

    func readLine(prompt: String) -> String? {
        state.withLock { state in
            state.shown.append(prompt)
            return state.answers.isEmpty ? nil : state.answers.removeFirst()
        }
    }

    func say(_ text: String) { state.withLock { $0.shown.append(text) } }

    var shown: [String] { state.withLock { $0.shown } }
    var unused: Int { state.withLock { $0.answers.count } }
}

/// A runner that runs nothing: it records the specs and answers with a chosen exit status.
final class RecordingRunner: CommandRunning {
    private let state = Mutex<[String]>([])
    private let exitStatus: @Sendable (String) -> Int32

    init(exitStatus: @escaping @Sendable (String) -> Int32 = { _ in 0 }) {
        self.exitStatus = exitStatus
    }

    var commands: [String] { state.withLock { $0 } }

    func run(_ spec: CommandSpec) throws(RunnerError) -> CommandResult {
        state.withLock { $0.append(spec.command) }
        let attempt = CommandAttempt(number: 1, status: .exited(exitStatus(spec.command)), duration: .milliseconds(5))
        return CommandResult(spec: spec, attempts: [attempt])
    }
}
