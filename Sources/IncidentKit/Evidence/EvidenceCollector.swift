import Foundation

/// Collects evidence: runs the read-only commands of the routed checklists in parallel through the
/// runner, lists the ones it will not run (mutating, missing a variable, tool unavailable) with why,
/// saves each full output in the incident folder, and keeps redacted lines for the findings.
public struct EvidenceCollector {
    public var commands: [PreparedCommand]
    public var runner: any CommandRunning
    /// The incident folder; outputs go to `evidence/NN-title.log` inside it.
    public var folder: String
    public var secrets: [String]
    public var defaultTimeout: Duration?
    public var redactor: Redactor

    public init(
        commands: [PreparedCommand], runner: any CommandRunning, folder: String, secrets: [String],
        defaultTimeout: Duration?
    ) {
        self.commands = commands
        self.runner = runner
        self.folder = folder
        self.secrets = secrets
        self.defaultTimeout = defaultTimeout
        self.redactor = Redactor(secrets: secrets)
    }

    /// The items as they stand before running: ready ones `pending` (or `dryRun`), others with the
    /// reason they are not run.
    public func plan(dryRun: Bool) -> [EvidenceItem] {
        commands.map { command in
            var item = EvidenceItem(
                title: command.source.title, source: command.location, command: command.display, status: .pending)
            switch command.readiness {
            case .missing(let names):
                item.status = .skippedMissingVariables
                item.missing = names
            case .unavailable: item.status = .unavailable
            case .unsafe: item.status = .unsafe
            case .ready(let text):
                let streaming = StreamingCommand.kind(of: text)
                if command.isMutating {
                    item.status = .mutatingNotRun
                    item.note =
                        "changes the system (" + command.reasons.joined(separator: "; ")
                        + "); not run while collecting evidence"
                } else if let streaming, !streaming.follows {
                    item.status = .runsUntilStopped
                    item.note = "runs until stopped (\(streaming.what)); not run as evidence: run it in a terminal"
                } else {
                    if dryRun { item.status = .dryRun }
                    if let streaming {
                        let window = StreamingCommand.followWindow.components.seconds
                        item.note = "runs until stopped (\(streaming.what)): its first \(window) s are the evidence"
                    }
                }
            }
            if item.note == nil { item.note = command.notReadyReason }
            return item
        }
    }

    /// Runs the pending items of `items` and returns them filled in, in the same order.
    public func run(_ items: [EvidenceItem], display: RunDisplay?) -> [EvidenceItem] {
        var items = items
        var runnable: [(index: Int, spec: CommandSpec, follows: Bool)] = []
        _ = FileSystem.makeDirectories(folder + "/evidence")
        for (index, command) in commands.enumerated() where items[index].status == .pending {
            let file = "evidence/" + String(format: "%02d", index + 1) + "-" + Self.slug(command.source.title) + ".log"
            if var spec = command.spec(
                outputFile: folder + "/" + file, secrets: secrets, defaultTimeout: defaultTimeout)
            {
                // A command that follows its output runs for the window, whatever its time limit.
                let follows = StreamingCommand.kind(of: spec.command)?.follows == true
                if follows {
                    spec.timeout = min(spec.timeout ?? StreamingCommand.followWindow, StreamingCommand.followWindow)
                }
                runnable.append((index, spec, follows))
                items[index].outputFile = file
            }
        }
        display?.begin(total: runnable.count, following: Set(runnable.indices.filter { runnable[$0].follows }))
        let results = runner.runAll(runnable.map(\.spec)) { event in display?.handle(event) }
        display?.end()
        for (position, outcome) in results.enumerated() {
            let index = runnable[position].index
            switch outcome {
            case .success(let result):
                items[index].status = .ran
                switch result.status {
                case .exited(let code): items[index].exitCode = code
                case .signaled(let signal): items[index].signal = signal
                }
                items[index].timedOut = result.timedOut
                // A command that follows its output was stopped as planned: what it printed is the evidence.
                if result.timedOut, runnable[position].follows {
                    items[index].timedOut = false
                    items[index].followedSeconds = Int(StreamingCommand.followWindow.components.seconds)
                }
                items[index].durationMilliseconds = Self.milliseconds(result.totalDuration)
                let lines = (Self.lines(result.stdout) + Self.lines(result.stderr))
                items[index].lines = Array(lines.prefix(400))
                items[index].excerpt = Array(lines.prefix(5))
                if result.interrupted { items[index].note = "interrupted" }
            case .failure(let error):
                items[index].status = .ran
                items[index].exitCode = 127
                items[index].note = "could not start: \(error)"
            }
        }
        return items
    }

    /// The output's lines (CRLF endings, as in HTTP headers, count as one break), each cut at 500 characters.
    static func lines(_ output: CapturedOutput) -> [String] {
        output.text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map { String($0.prefix(500)) }
    }

    static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }

    /// `Upstream answers directly, bypassing nginx` → `upstream-answers-directly-bypassing-nginx`.
    static func slug(_ title: String) -> String {
        let words = title.lowercased().split { !($0.isLetter || $0.isNumber) || !$0.isASCII }
        return String(words.joined(separator: "-").prefix(48))
    }
}
