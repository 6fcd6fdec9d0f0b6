import Foundation

extension RiskRules {
    /// Running processes, commands run later or elsewhere, and trust stores; nil when `name` is none of these.
    static func processes(_ name: String, _ args: [String]) -> [String]? {
        switch name {
        case "renice":
            return args.isEmpty || hasFlag(args, ["-h", "--help", "-V", "--version"])
                ? [] : ["changes the priority of running processes (renice)"]
        case "gdb", "lldb":
            return debugger(name, args)
        case "at":
            // `at TIME` schedules what it reads, whatever the time's words (`at tuesday`, `at 'now + 5
            // minutes'`); `-l` and `-c JOB` only show. A line of a stack trace (`at org.x.Y.run(Y.java:1)`,
            // `at /app/x.js:10:5`, `at async Promise.all`) is not a command.
            if args.isEmpty || hasFlag(args, ["-l", "-c", "-V"]) { return [] }
            if hasFlag(args, ["-f", "-t", "-m", "-M", "-q", "-b", "-d", "-r"]) {
                return ["schedules commands to run later (at)"]
            }
            let first = positionals(args).first ?? ""
            let time = #"^\d{1,2}(:\d\d)?(am|pm)?(utc|z)?$"#
            let isTime = first.lowercased().range(of: time, options: .regularExpression) != nil
            let frame =
                args.contains { $0.contains("(") || $0.contains("<") } || ["async", "new"].contains(first)
                || !isTime && first.contains(where: \.isLetter) && first.contains(where: { "./:".contains($0) })
            return frame ? [] : ["schedules commands to run later (at)"]
        case "atrm":
            return args.isEmpty ? [] : ["removes scheduled commands (atrm)"]
        case "systemd-run":
            return args.isEmpty || hasFlag(args, ["-h", "--help", "--version"])
                ? [] : ["starts a transient unit (systemd-run)"]
        case "tmux":
            // `tmux ls \; kill-server`: each command after a `;` counts.
            return separatedCommands(args).flatMap(tmux)
        case "screen":
            // `-dm CMD` starts CMD in a detached session, `-X` sends commands to one, `-r` attaches; a line
            // with no option is prose (or a serial console).
            let reads: Set<String> = ["-ls", "-list", "-v", "--version", "-h", "--help", "-q"]
            let options = args.filter { $0.hasPrefix("-") }
            return options.allSatisfy(reads.contains)
                ? [] : ["runs screen \(options[0]), which is not known to be read-only"]
        case "sponge":
            let files = positionals(args)
            return files.isEmpty ? [] : ["writes output into a file (sponge \(files[0]))"]
        case "keytool":
            return keytool(args)
        case "update-ca-certificates", "update-ca-trust":
            let reads: Set<String> = ["-h", "--help", "check", "--version"]
            return args.contains(where: reads.contains) ? [] : ["rebuilds the trusted certificates (\(name))"]
        case "trust":
            let verb = positionals(args).first ?? ""
            return ["anchor", "extract", "extract-compat"].contains(verb)
                ? ["changes the trust store (trust \(verb))"] : []
        default:
            return nil
        }
    }

    /// A debugger attached to a running process (`gdb -p PID`, `gdb PROGRAM PID`, `lldb -p PID`) stops it
    /// and may change it (`call`, `set var`, `kill`); a batch run whose commands only show (`bt`, `info
    /// threads`, `thread apply all bt`) detaches when done. A core file or a program not running is read.
    private static func debugger(_ name: String, _ args: [String]) -> [String] {
        var valued: Set<String> = [
            "-ex", "--ex", "-eval-command", "--eval-command", "-iex", "-x", "--command", "-ix", "-p", "--pid", "-cd",
            "-d", "--directory", "-s", "--symbols", "-e", "--exec", "-c", "--core", "-tty", "--attach-name",
            "--attach-pid", "-o", "--one-line", "-O",
        ]
        // lldb's `-n NAME` attaches by name; gdb's `-n` (`--nx`) takes no value.
        if name == "lldb" { valued.insert("-n") }
        // (gdb's `-n` is `--nx`; lldb's is `--attach-name`.)
        let attaches =
            hasFlag(args, ["-p", "--pid", "--attach-pid", "--attach-name"])
            || name == "lldb" && hasFlag(args, ["-n"])
            || args.contains {
                $0.hasPrefix("--pid=") || $0.hasPrefix("-p") && $0.count > 2 && $0.dropFirst(2).allSatisfy(\.isNumber)
            }
            || operands(args, valued: valued).dropFirst().first.map { $0.allSatisfy(\.isNumber) } == true
        guard attaches else { return [] }
        let commandOptions: Set<String> = ["-ex", "--ex", "-eval-command", "--eval-command", "-o", "--one-line"]
        var commands = args.indices.filter { commandOptions.contains(args[$0]) && $0 + 1 < args.count }.map {
            args[$0 + 1]
        }
        // `-ex=CMD`, `--eval-command=CMD`.
        commands += args.compactMap { arg in
            commandOptions.first { arg.hasPrefix($0 + "=") }.map { String(arg.dropFirst($0.count + 1)) }
        }
        let scripted =
            hasFlag(args, ["-x", "--command", "-ix", "-iex", "-s", "--source", "-O", "-S", "--source-before-file"])
            || args.contains {
                $0.hasPrefix("--init-eval-command") || $0.hasPrefix("-init-eval-command")
                    || $0.hasPrefix("--one-line-before-file") || $0.hasPrefix("--source") || $0.hasPrefix("-x=")
            }
        let batch = hasFlag(args, ["-batch", "--batch"]) || name == "lldb" && hasFlag(args, ["-b"])
        return batch && !scripted && commands.allSatisfy(debuggerShows)
            ? [] : ["attaches a debugger to a running process (\(name) -p)"]
    }

    /// Whether a debugger command only shows: a backtrace, `info`, `frame`, `list` or `x`, with no call,
    /// assignment, signal or shell in it.
    private static func debuggerShows(_ command: String) -> Bool {
        let words = command.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let first = words.first.map { String($0.prefix { $0 != "/" }) } ?? ""
        let shows: Set<String> = [
            "bt", "backtrace", "where", "info", "i", "thread", "frame", "f", "list", "l", "x", "detach", "quit", "q",
            "disassemble",
        ]
        // `set pagination off`, `set print pretty on` and the like only change how it prints.
        if words.first == "set", words.count >= 2,
            ["pagination", "print", "width", "height", "confirm", "style", "listsize"].contains(words[1])
        {
            return true
        }
        let acts: Set<String> = [
            "restore", "call", "set", "kill", "signal", "jump", "return", "shell", "pipe", "print", "p", "python",
            "source",
            "gcore", "generate-core-file", "dump", "eval", "compile", "expression", "expr", "process", "run",
        ]
        return shows.contains(first) && !words.contains(where: acts.contains)
            && !command.contains(where: { "(!|=".contains($0) })
    }

    private static func tmux(_ args: [String]) -> [String] {
        let reads: Set<String> = [
            "ls", "list-sessions", "list-windows", "lsw", "list-panes", "lsp", "list-clients", "lsc", "list-keys",
            "lsk", "list-buffers", "lsb", "list-commands", "lscm", "show-options", "show", "show-window-options",
            "showw", "show-environment", "showenv", "show-buffer", "showb", "show-messages", "showmsgs",
            "has-session", "has", "display-message", "display", "capture-pane", "capturep", "info", "server-info",
        ]
        // `-c` runs a shell command, as a login shell does.
        // A `#(…)` format runs a shell command, wherever it stands (`display-message -p '#(cmd)'`).
        if args.contains(where: { $0.contains("#(") }) { return ["runs a shell command (tmux #())"] }
        // (Among tmux's own options, before its subcommand: `display-message -c CLIENT` names a client.)
        var index = 0
        while index < args.count, args[index].hasPrefix("-") {
            if args[index] == "-c", index + 1 < args.count { return ["runs a shell command (tmux -c)"] }
            index += ["-L", "-S", "-f", "-T"].contains(args[index]) ? 2 : 1
        }
        // A line with no subcommand is prose, or an interactive session.
        guard let sub = operands(args, valued: ["-L", "-S", "-f", "-c", "-T"]).first else { return [] }
        return reads.contains(sub) ? [] : ["runs tmux \(sub), which is not known to be read-only"]
    }

    /// keytool's command is its first option: those that list or print read (also an export to the
    /// screen), every other changes a keystore or writes a file.
    private static func keytool(_ args: [String]) -> [String] {
        let commands: Set<String> = [
            "-certreq", "-changealias", "-delete", "-exportcert", "-export", "-genkeypair", "-genkey", "-genseckey",
            "-gencert", "-importcert", "-import", "-importpass", "-importkeystore", "-keypasswd", "-list",
            "-printcert", "-printcertreq", "-printcrl", "-storepasswd", "-showinfo", "-selfcert", "-keyclone",
            "-identitydb",
        ]
        guard let command = args.first(where: commands.contains) else { return [] }
        if ["-list", "-printcert", "-printcertreq", "-printcrl", "-showinfo"].contains(command) { return [] }
        let prints =
            ["-exportcert", "-export", "-certreq", "-gencert"].contains(command)
            && !args.contains("-file") && !args.contains("-outfile")
        return prints ? [] : ["changes a keystore or writes a file (keytool \(command))"]
    }
}
