/// Commands that run until they are stopped: they follow a log (`tail -f`, `kubectl logs -f`), watch
/// (`kubectl get -w`, `ping` without a count), hold a connection open (`kubectl port-forward`) or need a
/// terminal (`top`, `watch`). Run as evidence, each would hold the run up to its time limit.
enum StreamingCommand {
    /// How long a command that follows its output runs as evidence: long enough for what it prints
    /// first (the last lines of a log, a few pings), short enough not to hold the run up.
    static let followWindow: Duration = .seconds(5)

    /// Why `command` runs until stopped, and whether what it prints meanwhile is evidence (it follows a
    /// log or repeats a probe) or not (it serves, attaches or draws a screen); nil when it ends by itself.
    /// A command under `timeout` ends by itself.
    static func kind(of command: String) -> (what: String, follows: Bool)? {
        for segment in ShellLexer.lex(command).segments {
            let words = Array(CodeRunners.commandWords(segment))
            if let found = kind(words) { return found }
        }
        return nil
    }

    private static func kind(_ words: [String]) -> (what: String, follows: Bool)? {
        guard let first = words.first else { return nil }
        let name = CodeRunners.baseName(first)
        let args = Array(words.dropFirst())
        func has(_ flags: Set<String>, letters: String = "") -> Bool {
            RiskRules.hasFlag(args, flags, letters: letters)
        }
        switch name {
        case "sudo", "nice", "nohup", "stdbuf", "ionice", "command", "exec":
            return kind(Array(RiskRules.dropOptions(args, valued: ["-u", "-g", "-n", "-c", "-o", "-e"])))
        case "timeout":
            return nil
        case "tail" where has(["--follow"], letters: "fF"):
            return ("tail -f", true)
        case "journalctl" where has(["--follow"], letters: "f"):
            return ("journalctl -f", true)
        case "dmesg" where has(["--follow", "--follow-new"], letters: "wW"):
            return ("dmesg -w", true)
        case "kubectl", "oc", "docker", "podman", "crictl", "nerdctl":
            let positionals = RiskRules.positionals(args)
            if positionals.contains("logs"), has(["--follow"], letters: "f") { return ("\(name) logs -f", true) }
            if positionals.contains("get"), has(["--watch", "--watch-only"], letters: "w") {
                return ("\(name) get --watch", true)
            }
            if let verb = ["port-forward", "proxy", "attach"].first(where: positionals.contains),
                ["kubectl", "oc"].contains(name)
            {
                return ("\(name) \(verb)", false)
            }
            if positionals.contains("events"), has(["--watch"], letters: "w") {
                return ("\(name) events --watch", true)
            }
            return nil
        case "ping", "ping6":
            return has(["--count"], letters: "cw") ? nil : ("\(name) without -c", true)
        case "tcpdump":
            return has(["--count"], letters: "c") ? nil : ("tcpdump without -c", true)
        case "mtr":
            let report = has(["--report", "--report-wide", "--json", "--csv", "--raw"], letters: "rwjC")
            return report ? nil : ("mtr without --report", false)
        case "top", "iotop":
            let batch = has(["--batch"], letters: "b")
            if batch, has(["--iterations"], letters: "n") { return nil }
            return batch ? ("\(name) -b without -n", true) : ("\(name) needs a terminal", false)
        case "htop", "atop", "iftop", "nload", "vi", "vim", "nano", "tmux", "screen":
            return ("\(name) needs a terminal", false)
        case "watch":
            return ("watch", false)
        case "vmstat", "iostat", "mpstat", "pidstat", "sar":
            // `vmstat 1` repeats without end; `vmstat 1 5` stops after five.
            let numbers = RiskRules.positionals(args).filter { Int($0) != nil }
            return numbers.count == 1 ? ("\(name) with an interval and no count", true) : nil
        case "yes":
            return ("yes", false)
        case "sleep" where args.contains("infinity"):
            return ("sleep infinity", false)
        default:
            return nil
        }
    }
}
