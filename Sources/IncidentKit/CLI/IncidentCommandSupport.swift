import Foundation

/// What the incident commands share: the output folder, the prompter, the runner, Ctrl-C handling.
extension CommandContext {
    /// The incident records folder: `--out DIR`, else `$INCIDENT_HOME`, else `./incidents`.
    func incidentStore(_ parsed: ArgumentParser.Parsed) throws(IncidentError) -> IncidentStore {
        if parsed.value("out")?.isEmpty == true { throw .usage("--out needs a folder, not an empty value") }
        let root = parsed.value("out") ?? environment["INCIDENT_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "incidents"
        let absolute = LibraryLocator.absolute(root, from: currentDirectory)
        // Something there that is not a folder (a file, `/dev/null`): said before any question is asked.
        if FileSystem.stamp(absolute) != nil, !FileSystem.isDirectory(absolute) {
            let what = FileSystem.isFile(absolute) ? "a file" : "a device or other special file"
            throw .usage("the incidents folder '\(absolute)' is \(what), not a folder: pass --out DIR")
        }
        return IncidentStore(root: absolute)
    }

    /// The store and the incident named by the command's one positional argument; `command` names the
    /// command in the usage error.
    func incident(_ parsed: ArgumentParser.Parsed, for command: String) throws(IncidentError) -> (
        store: IncidentStore, record: IncidentRecord
    ) {
        guard parsed.positionals.count == 1 else { throw .usage("\(command) needs exactly one incident ID") }
        let store = try incidentStore(parsed)
        // A folder name the shell completed (`INC-20261130-001/`) names its incident.
        var id = parsed.positionals[0]
        while id.count > 1, id.hasSuffix("/") { id.removeLast() }
        guard !id.isEmpty, !id.contains("/"), id != ".", id != ".." else {
            throw .usage(
                "'\(parsed.positionals[0])' is not an incident ID such as INC-20261130-001; for incidents kept in "
                    + "another folder, pass --out DIR")
        }
        // `inc-20261130-001` as typed in lowercase names `INC-20261130-001` when only that one exists.
        if !FileSystem.isDirectory(store.folder(id)), id.uppercased() != id,
            FileSystem.isDirectory(store.folder(id.uppercased()))
        {
            id = id.uppercased()
        }
        return (store, try store.load(id))
    }

    /// The library an incident was opened with, or the one `--library` names if it moved.
    func incidentLibrary(_ parsed: ArgumentParser.Parsed, for record: IncidentRecord) throws(IncidentError) -> Library {
        if let explicit = parsed.value("library") {
            return try Library.load(root: LibraryLocator.absolute(explicit, from: currentDirectory))
        }
        guard FileSystem.isDirectory(record.library) else {
            throw .usage(
                "\(record.id) was opened with the library '\(record.library)', which is gone; pass --library DIR")
        }
        return try Library.load(root: record.library)
    }

    /// Answers given with `--answers FILE` and `--set KEY=VALUE`, in that order.
    func givenAnswers(_ parsed: ArgumentParser.Parsed) throws(IncidentError) -> FormAnswers {
        var given = FormAnswers()
        if let file = parsed.value("answers") {
            if file == "-" {
                // Standard input: what a script pipes in (questions then have nothing left to read).
                try given.add(file: "(standard input)", bytes: Array(FileHandle.standardInput.readDataToEndOfFile()))
            } else {
                try given.add(file: LibraryLocator.absolute(file, from: currentDirectory))
            }
        }
        try given.add(sets: parsed.all("set"))
        return given
    }

    /// Runs `body` with Ctrl-C turned into: children stopped, the interruption recorded, state saved,
    /// exit 130 with a message naming the resume command. SIGTERM and SIGHUP (a lost SSH session) stop it
    /// the same way, with exit statuses 143 and 129.
    func withInterrupts<T>(_ keeper: RecordKeeper, _ body: () throws(IncidentError) -> T) throws(IncidentError) -> T {
        let console = self.console
        let forwarder = InterruptForwarder(onStop: { stop in
            let id = keeper.record.id
            let (what, event, status): (String, String, Int32) =
                switch stop {
                case SIGTERM: ("terminated (SIGTERM)", "SIGTERM", 143)
                case SIGHUP: ("the terminal went away (SIGHUP)", "SIGHUP: the terminal went away", 129)
                default: ("interrupted", "Ctrl-C", 130)
                }
            console.error("\n\(what): state saved; continue with 'incident resume \(id)'\n")
            keeper.finishInterrupted(event, status: status)
        })
        forwarder.install()
        defer { forwarder.uninstall() }
        do {
            return try body()
        } catch {
            if case .interrupted(let reason) = error {
                try? keeper.log("interrupted", reason)
                throw .interrupted("\(reason): state saved; continue with 'incident resume \(keeper.record.id)'")
            }
            throw error
        }
    }
}

extension ArgumentParser.Option {
    static let out = ArgumentParser.Option.value(
        "out", "DIR", "Folder of incident records (default: $INCIDENT_HOME, else ./incidents).")
}

/// Options for the runs that execute commands (`triage`, `resume`).
struct RunOptions {
    static let list: [ArgumentParser.Option] = [
        .flag("yes", "Run read-only commands without asking."),
        .flag("yes-mutating", "With --yes: also run commands that change the system, without asking."),
        .flag("dry-run", "Show every resolved command; run none."),
        .flag("no-input", "Never prompt (also implied when standard input is not a terminal)."),
        .value("timeout", "SECONDS", "Default time limit of each command (default 30; a runbook may set its own)."),
        .value("override", "REASON", "Call the incident mitigated although a required gate fails; REASON is recorded."),
    ]

    static func parse(_ parsed: ArgumentParser.Parsed) throws(IncidentError) -> TriageOptions {
        var options = TriageOptions()
        options.yes = parsed.flag("yes")
        options.yesMutating = parsed.flag("yes-mutating")
        if options.yesMutating, !options.yes {
            throw .usage("--yes-mutating only takes effect together with --yes")
        }
        options.dryRun = parsed.flag("dry-run")
        if let value = parsed.value("timeout") {
            guard let seconds = Double(value), seconds > 0, seconds <= 86_400 else {
                throw .usage("--timeout needs a number of seconds above 0 and at most 86400, not '\(value)'")
            }
            options.timeout = .milliseconds(Int64(seconds * 1000))
        }
        if let reason = parsed.value("override") {
            guard !reason.trimmed.isEmpty else { throw .usage("--override needs a reason") }
            options.override = reason
        }
        return options
    }

    static func prompter(_ parsed: ArgumentParser.Parsed, console: any Console) -> any Prompter {
        if parsed.flag("no-input") || isatty(STDIN_FILENO) != 1 { return NoInputPrompter(console: console) }
        return TerminalPrompter(console: console)
    }

    static func runner(_ options: TriageOptions) -> any CommandRunning {
        ProcessRunner(options: RunnerOptions(defaultTimeout: options.timeout ?? .seconds(30)))
    }
}
