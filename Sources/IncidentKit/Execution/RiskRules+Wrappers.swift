extension RiskRules {
    /// The options of ssh that take the next word as their value: the host is the first word after them.
    static let sshValuedOptions: Set<String> = [
        "-b", "-c", "-D", "-E", "-e", "-F", "-I", "-i", "-J", "-L", "-l", "-m", "-O", "-o", "-p", "-Q", "-R", "-S",
        "-W", "-w",
    ]

    /// Commands that run another command: the reasons of that command, or nil if `name` is no wrapper.
    static func wrapped(_ name: String, _ args: [String], _ context: Context) -> [String]? {
        switch name {
        case "sudo", "doas", "run0", "pkexec":
            // sudo's own options end at the first word that is not one (or its value): `-iu postgres`
            // is a cluster whose last letter takes the next word.
            var index = 0
            while index < args.count, args[index].hasPrefix("-"), args[index] != "-" {
                let option = args[index]
                index += 1
                if option == "--" { break }
                if !option.contains("="), PreparedCommand.takesValue(option, of: "sudo") { index += 1 }
            }
            let own = Array(args.prefix(index))
            let rest = args.dropFirst(index)
            if args.isEmpty || (rest.isEmpty && hasFlag(own, ["-l", "--list", "-v", "--validate", "-k", "-K"])) {
                return []
            }
            if rest.isEmpty { return ["opens a root shell (\(name) \(args.joined(separator: " ")))"] }
            return inner(rest, context, via: name)
        case "su":
            if let index = args.firstIndex(where: { $0 == "-c" || $0 == "--command" }), index + 1 < args.count {
                return innerText(args[index + 1], context, via: "su")
            }
            return ["opens a shell as another user (su)"]
        case "runuser", "setpriv":
            // Only its own `-c`, before the command it runs (`runuser -u app -- psql -c …` is psql's).
            // `runuser [options] USER -c TEXT` runs TEXT; `runuser -u USER COMMAND…` and setpriv run a
            // command whose own `-c` is not theirs (`runuser -u app -- redis-cli -c FLUSHALL`).
            let valued: Set<String> = ["-u", "-g", "--user", "--group", "-G", "--supp-group", "-s", "--shell"]
            let runsCommand =
                name == "setpriv" || args.contains { $0 == "-u" || $0 == "--user" || $0.hasPrefix("--user=") }
            if !runsCommand, let index = args.firstIndex(where: { $0 == "-c" || $0 == "--command" }),
                index + 1 < args.count
            {
                return innerText(args[index + 1], context, via: name)
            }
            return inner(dropOptions(args, valued: valued), context, via: name)
        case "env":
            // `-S TEXT` among env's own options: also glued (`-S'rm …'`), at the end of a cluster (`-vS TEXT`),
            // or `--split-string[=]TEXT`, cut short too.
            var index = 0
            while index < args.count, args[index].hasPrefix("-"), args[index] != "--" {
                let arg = args[index]
                let name = String(arg.prefix { $0 != "=" })
                if arg.hasPrefix("--") {
                    if name.count > 3, "--split-string".hasPrefix(name) {
                        if let equals = arg.firstIndex(of: "=") {
                            return innerText(String(arg[arg.index(after: equals)...]), context, via: "env")
                        }
                        if index + 1 < args.count { return innerText(args[index + 1], context, via: "env") }
                    }
                } else if let split = arg.dropFirst().firstIndex(of: "S") {
                    let glued = arg[arg.index(after: split)...]
                    if !glued.isEmpty { return innerText(String(glued), context, via: "env") }
                    if index + 1 < args.count { return innerText(args[index + 1], context, via: "env") }
                }
                index += ["-u", "--unset", "-C", "--chdir"].contains(name) && !arg.contains("=") ? 2 : 1
            }
            var rest = dropOptions(args, valued: ["-u", "--unset", "-C", "--chdir"])
            while let first = rest.first, RiskClassifier.isAssignment(first) { rest = rest.dropFirst() }
            return inner(rest, context, via: "env")
        case "nohup", "time", "exec", "builtin", "setsid", "unbuffer", "chronic", "caffeinate", "stdbuf",
            "ionice", "nice", "flock", "chroot", "taskset", "chrt":
            // `flock [options] FILE -c TEXT` runs TEXT; `flock FILE redis-cli -c …` runs redis-cli.
            if name == "flock" {
                let afterLock = dropOptions(args, valued: ["-w", "--timeout", "-E", "--conflict-exit-code"])
                    .dropFirst()
                if let first = afterLock.first, first == "-c" || first == "--command", afterLock.count > 1 {
                    return innerText(afterLock[afterLock.startIndex + 1], context, via: "flock")
                }
                return inner(afterLock, context, via: "flock")
            }
            if let change = runningProcessChange(name, args) { return change }
            let valued: Set<String> = ["-n", "-c", "-t", "-i", "-o", "-e", "-w", "-E", "-p", "--adjustment"]
            var rest = dropOptions(args, valued: valued)
            // These take one positional first: a lock file, a new root, a CPU mask or priority; taskset
            // takes no mask when `-c LIST` gave the CPUs.
            let listed = name == "taskset" && args.contains { $0 == "-c" || $0 == "--cpu-list" }
            if ["flock", "chroot", "taskset", "chrt"].contains(name), !listed { rest = rest.dropFirst() }
            // `chroot /host` alone starts a root shell inside the new root.
            if name == "chroot", rest.isEmpty, let root = args.last {
                return ["opens a root shell (chroot \(root))"]
            }
            return inner(rest, context, via: name)
        case "prlimit":
            // With `--pid` it shows or sets a running process's limits; otherwise it runs a command under them.
            // (Its own options come before the command it runs: `prlimit psql -p5433` runs psql.)
            var own: [String] = []
            var index = 0
            while index < args.count, args[index].hasPrefix("-") || args[index].allSatisfy(\.isNumber) {
                own.append(args[index])
                index += ["-o", "--output"].contains(args[index]) ? 2 : 1
            }
            if own.contains(where: { $0.hasPrefix("-p") || $0 == "--pid" || $0.hasPrefix("--pid=") }) {
                let sets = args.contains { arg in
                    arg.hasPrefix("--") && arg.contains("=") && !arg.hasPrefix("--pid=") && !arg.hasPrefix("--output=")
                        || arg.hasPrefix("-") && !arg.hasPrefix("--") && arg.count > 2 && !arg.hasPrefix("-p")
                }
                return sets ? ["changes the limits of a running process (prlimit --pid)"] : []
            }
            return inner(dropOptions(args, valued: ["-o", "--output"]), context, via: "prlimit")
        case "gcloud":
            // `gcloud compute ssh HOST --command TEXT` runs TEXT there; without it, a shell.
            // A group's `ssh` (`compute ssh`, `workstations ssh`, `app instances ssh`), not a word that a read
            // names or an option's value (`firewall-rules describe ssh`, `list --filter ssh`, `--project ssh`).
            let readWords: Set<String> = ["describe", "list", "get", "ls", "read", "tail"]
            let isRead = { (word: String) in
                readWords.contains(word) || ["get-", "list-", "describe-"].contains(where: word.hasPrefix)
            }
            // Flags that take no value, so that the word after one is not taken for its value.
            let flags: Set<String> = ["--quiet", "-q", "--log-http", "--no-user-output-enabled", "--verbosity=debug"]
            let isValued = { (arg: String) in arg.hasPrefix("-") && !arg.contains("=") && !flags.contains(arg) }
            guard
                let position = args.indices.first(where: { index in
                    args[index] == "ssh" && (index == 0 || !isValued(args[index - 1]))
                })
            else { return nil }
            // The group's words before `ssh`, without options and their values (`--project get-prod`).
            let group = args.prefix(position).indices.filter { index in
                !args[index].hasPrefix("-") && (index == 0 || !isValued(args[index - 1]))
            }.map { args[$0] }
            guard group.count <= 6, !group.contains(where: isRead) else { return nil }
            let via = "gcloud " + (group + ["ssh"]).joined(separator: " ")
            // The remote command: `--command TEXT`, and words after `--`, which go to ssh as one too
            // (`--command uptime -- sudo reboot`).
            var remote: [String] = []
            if let index = args.firstIndex(of: "--command"), index + 1 < args.count { remote.append(args[index + 1]) }
            if let inline = args.first(where: { $0.hasPrefix("--command=") }) {
                remote.append(String(inline.dropFirst("--command=".count)))
            }
            if let dashes = args.firstIndex(of: "--"), dashes + 1 < args.count {
                remote.append(args[(dashes + 1)...].joined(separator: " "))
            }
            if remote.isEmpty { return ["opens an interactive remote shell (\(via))"] }
            return remote.flatMap { innerText($0, context, via: via) }
        case "command":
            return hasFlag(args, ["-v", "-V"]) ? [] : inner(dropOptions(args), context, via: "command")
        case "timeout":
            let rest = dropOptions(args, valued: ["-s", "--signal", "-k", "--kill-after"]).dropFirst()
            return inner(rest, context, via: "timeout")
        case "xargs":
            let valued: Set<String> = [
                "-n", "-L", "-P", "-I", "-d", "-E", "-s", "-a", "--max-args", "--max-procs", "--delimiter",
                "--arg-file", "--max-chars",
            ]
            return inner(dropOptions(args, valued: valued), context, via: "xargs")
        case "watch":
            let rest = dropOptions(args, valued: ["-n", "--interval", "-d", "--differences", "-q"])
            return innerText(rest.joined(separator: " "), context, via: "watch")
        case "awk", "gawk", "mawk", "nawk":
            // An awk program can run commands: `system(...)`, `print | "cmd"`, `"cmd" | getline`.
            // It also writes files: `print > "out"` and gawk's `-i inplace`; a program file is not classified.
            var index = 0
            while index < args.count, args[index].hasPrefix("-") {
                let option = args[index]
                let included =
                    ["-i", "--include"].contains(option)
                    ? args.dropFirst(index + 1).first ?? ""
                    : option.hasPrefix("--include=") ? String(option.dropFirst(10)) : String(option.dropFirst(2))
                if option.hasPrefix("-i") || option.hasPrefix("--include"),
                    included == "inplace" || included == "inplace.awk" || included.hasSuffix("/inplace.awk")
                {
                    return ["edits files in place (\(name) -i inplace)"]
                }
                // A program file (`-f FILE`, `-fFILE`, gawk's `-E`/`--exec`), or an extension that may do
                // anything (`-l rwarray`).
                if option.hasPrefix("-f") || option.hasPrefix("--file") || option == "-E" || option.hasPrefix("--exec")
                {
                    return ["runs an awk program file that is not classified (\(name) \(option.prefix(2)))"]
                }
                if option.hasPrefix("-l") || option.hasPrefix("--load") {
                    return ["loads an awk extension (\(name) -l)"]
                }
                // gawk's `-e TEXT` (`--source`): each one is program text.
                if ["-e", "--source"].contains(option), index + 1 < args.count {
                    let text = args[index + 1]
                    if CodeRunners.awkRunsCommands(text) { return ["runs commands from its awk program (\(name))"] }
                    if awkWritesFiles(text) { return ["writes output into a file (\(name) print >)"] }
                }
                index += ["-F", "-v", "-i", "--include", "-e", "--source"].contains(option) ? 2 : 1
            }
            guard index < args.count else { return [] }
            if args[index].range(
                of: #"(^|[;\n{}])\s*@include\s*"([^"]*/)?inplace(\.awk)?""#, options: .regularExpression)
                != nil
            {
                return ["edits files in place (\(name) @include \"inplace\")"]
            }
            if CodeRunners.awkRunsCommands(args[index]) { return ["runs commands from its awk program (\(name))"] }
            return awkWritesFiles(args[index]) ? ["writes output into a file (\(name) print >)"] : []
        case "eval":
            return innerText(args.joined(separator: " "), context, via: "eval")
        case "trap":
            // The action runs later, on a signal or at exit (`trap 'systemctl restart app' EXIT`); `trap -`
            // and `trap -p` set none.
            guard let action = args.first(where: { !$0.hasPrefix("-") || $0 == "-" }), action != "-" else {
                return []
            }
            return innerText(action, context, via: "trap")
        case "source", ".":
            // A file's path or name (`. ./fix.sh`, `source venv/bin/activate`), not a sentence in a code span.
            guard let file = args.first, file.contains("/") || file.hasSuffix(".sh") || file.hasPrefix("~") else {
                return nil
            }
            return ["runs a script that is not classified (\(name) \(file))"]
        case "busybox":
            return inner(args, context, via: "busybox")
        case _ where scriptShells.contains(name):
            // With -c, the script is the first operand after the options (`sh -c -e 'script'`).
            guard shellRunsText(args), let index = shellOperand(args) else { return [] }
            return innerText(args[index], context, via: name)
        case "ssh":
            let rest = dropOptions(args, valued: sshValuedOptions)
            guard let host = rest.first else { return [] }
            // OpenSSH reads options after the host too (`ssh db1 -t 'sudo reboot'`, `ssh db1 -- rm …`).
            let remote = dropOptions(rest.dropFirst(), valued: sshValuedOptions)
            if remote.isEmpty { return ["opens an interactive remote shell (ssh \(host))"] }
            return innerText(remote.joined(separator: " "), context, via: "ssh \(host)")
        case "find":
            return findReasons(args, context)
        case "kubectl", "oc", "k":
            guard firstVerb(args, in: ["exec"]) != nil else { return nil }
            if let dashes = args.firstIndex(of: "--") {
                return inner(args[(dashes + 1)...], context, via: "\(name) exec")
            }
            // The older form without `--`: `kubectl exec POD COMMAND...` runs COMMAND in the pod.
            let valued: Set<String> = [
                "-c", "--container", "-n", "--namespace", "-f", "--filename", "--pod-running-timeout", "--context",
                "--kubeconfig", "--cluster", "--user", "-s", "--server", "--token", "--as",
            ]
            // (Options may follow the pod too: `kubectl exec redis-0 -n cache redis-cli FLUSHALL`.)
            let command = dropOptions(
                dropOptions(args.drop { $0 != "exec" }.dropFirst(), valued: valued).dropFirst(), valued: valued)
            return command.isEmpty ? nil : inner(command, context, via: "\(name) exec")
        case "nsenter", "unshare":
            // Options with a value in the next word; the others are flags or take theirs after `=`.
            // (`-w`, `--wd`, `-r` and `--root` take theirs attached: `-w/srv`, `--wd=/srv`.)
            let valued: Set<String> = ["-t", "--target", "-S", "--setuid", "-G", "--setgid"]
            let rest = dropOptions(args, valued: valued)
            if rest.isEmpty { return ["opens a shell in other namespaces (\(name))"] }
            return inner(rest, context, via: name)
        case "toolbox":
            if args.isEmpty { return ["opens a shell in a toolbox container (toolbox)"] }
            guard args.first == "run" else { return nil }
            return inner(
                dropOptions(args.dropFirst(), valued: ["-c", "--container", "-i", "--image"]), context,
                via: "toolbox run")
        case "ip" where args.starts(with: ["netns", "exec"]) && args.count > 3:
            return inner(args.dropFirst(3), context, via: "ip netns exec")
        case "strace", "ltrace":
            // Attached to a running process (`-p PID`) it only watches; otherwise it runs the command after
            // its options. `-o FILE` writes the trace into a file.
            let valued: Set<String> = [
                "-e", "-o", "-p", "-s", "-u", "-E", "-a", "-b", "-I", "-P", "-S", "-X", "-O", "-A", "-n", "-l",
                "--output", "--attach", "--string-limit", "--user", "--env", "--trace", "--signal", "--status",
            ]
            let writes = hasChangingFlag(args, ["-o", "--output"]) ? ["writes output into a file (\(name) -o)"] : []
            return writes + inner(dropOptions(args, valued: valued), context, via: name)
        case "valgrind", "torsocks", "proxychains", "proxychains4", "daemonize", "catchsegv", "sshpass":
            // They run the command after their own options (sshpass's password: `-p PASS ssh host …`; its
            // `-e` takes the password from the environment and no value).
            let valued: Set<String> =
                switch name {
                case "sshpass": ["-p", "-f", "-d", "-P"]
                case "torsocks": ["-u", "-p", "-a", "-P"]
                case "proxychains", "proxychains4": ["-f"]
                case "daemonize": ["-a", "-c", "-e", "-o", "-p", "-l", "-u", "-E"]
                default: []
                }
            return inner(dropOptions(args, valued: valued), context, via: name)
        case "perf":
            // `perf stat|record|trace [options] COMMAND` runs COMMAND (also after `--`); without one, the
            // rules for perf itself judge it.
            let sub = positionals(args).first ?? ""
            guard ["stat", "record", "trace", "top", "sched", "lock", "mem", "c2c", "kvm"].contains(sub) else {
                return nil
            }
            let valued: Set<String> = [
                "-e", "--event", "-p", "--pid", "-t", "--tid", "-C", "--cpu", "-I", "--interval-print", "-r",
                "--repeat", "-G", "--cgroup", "-o", "--output", "-x", "--field-separator", "-M", "--metrics",
                "-F", "--freq", "-c", "--count", "-u", "--uid", "--filter", "-m", "--mmap-pages",
            ]
            let command = dropOptions(args.drop { $0 != sub }.dropFirst(), valued: valued)
            guard !command.isEmpty else { return nil }
            let writes = sub == "record" || hasChangingFlag(args, ["--output"], letters: "o")
            return (writes ? ["writes files (perf \(sub))"] : []) + inner(command, context, via: "perf \(sub)")
        case "mosh":
            // `mosh [options] HOST -- COMMAND…`; without a command, an interactive remote shell.
            let rest = dropOptions(args, valued: ["-p", "--port", "--ssh", "--server", "--client", "--predict"])
            guard let host = rest.first else { return [] }
            let remote = rest.dropFirst().drop { $0 == "--" }
            if remote.isEmpty { return ["opens an interactive remote shell (mosh \(host))"] }
            return innerText(remote.joined(separator: " "), context, via: "mosh \(host)")
        case "pssh", "parallel-ssh":
            // `pssh -h HOSTS [-i] COMMAND…` runs COMMAND on every host.
            let valued: Set<String> = [
                "-h", "-H", "-l", "-p", "-o", "-e", "-t", "-O", "-x", "-X", "--hosts", "--host", "--par", "--timeout",
                "--user", "--outdir", "--errdir", "--option", "--extra-args", "--askpass",
            ]
            let remote = dropOptions(args, valued: valued)
            if remote.isEmpty { return ["runs commands on many hosts (\(name))"] }
            return innerText(remote.joined(separator: " "), context, via: name)
        case "faketime":
            // `faketime [options] TIMESTAMP COMMAND…`
            return inner(dropOptions(args, valued: ["-m", "-p"]).dropFirst(), context, via: "faketime")
        case "script":
            // `script -c TEXT [file]` runs TEXT; without it, an interactive shell recorded into a file.
            // (Also at the end of a cluster: `script -qc TEXT`.)
            let takesText = { (arg: String) in
                arg == "--command" || arg.hasPrefix("-") && !arg.hasPrefix("--") && arg.hasSuffix("c")
            }
            if let index = args.firstIndex(where: takesText), index + 1 < args.count {
                return innerText(args[index + 1], context, via: "script")
            }
            if let inline = args.first(where: { $0.hasPrefix("--command=") }) {
                return innerText(String(inline.dropFirst("--command=".count)), context, via: "script")
            }
            return ["opens a shell recorded into a file (script)"]
        case "pdsh", "clush":
            // They run the rest of the line on every host given (`pdsh -w web[1-3] 'systemctl restart nginx'`).
            let valued: Set<String> = ["-w", "-x", "-l", "-R", "-f", "-t", "-u", "-g", "-X", "-o", "-N", "-F"]
            let remote = dropOptions(args, valued: valued)
            if remote.isEmpty { return ["opens an interactive remote shell (\(name))"] }
            return innerText(remote.joined(separator: " "), context, via: name)
        default:
            return nil
        }
    }

    /// ionice, chrt and taskset given a running process (`-p PID`) instead of a command: they show its
    /// setting, or change it when given one (`ionice -c 3 -p PID`, `chrt -f -p 50 PID`, `taskset -cp 0-3
    /// PID`). Nil when no process is given.
    private static func runningProcessChange(_ name: String, _ args: [String]) -> [String]? {
        guard ["ionice", "chrt", "taskset"].contains(name) else { return nil }
        // Only their own options, before the command they would run (`ionice cp -rp a b` runs `cp`): after
        // ionice's valued options, and past one priority or CPU mask for chrt and taskset.
        var own: [String] = []
        var index = 0
        var positional = false
        while index < args.count {
            let arg = args[index]
            if arg.hasPrefix("-") {
                own.append(arg)
                let valued =
                    name == "ionice"
                    ? ["-c", "-n", "--class", "--classdata"]
                    : ["-T", "--sched-runtime", "-P", "--sched-period", "-D", "--sched-deadline"]
                if valued.contains(arg) { index += 1 }
            } else if name != "ionice", !positional, arg.allSatisfy({ $0.isHexDigit || ",-x".contains($0) }) {
                positional = true
            } else {
                break
            }
            index += 1
        }
        let givesProcess = own.contains { arg in
            ["--pid", "-P", "--pgid", "-u", "--uid"].contains(arg)
                || arg.hasPrefix("-") && !arg.hasPrefix("--") && arg.dropFirst().contains("p")
        }
        guard givesProcess else { return nil }
        let sets =
            name == "ionice"
            ? args.contains { $0.hasPrefix("-c") || $0.hasPrefix("-n") || $0.hasPrefix("--class") }
            : operands(args, valued: []).count >= 2
        return sets ? ["changes the scheduling of a running process (\(name) -p)"] : []
    }

    /// Whether an awk program prints into a file: a `>` or `>>` after `print` or `printf`, outside strings
    /// and parentheses (`print (a > b)` compares), to other than `/dev/stdout`, `/dev/stderr` or
    /// `/dev/null`. In awk, `print $1 > 0` writes a file named `0`.
    static func awkWritesFiles(_ program: String) -> Bool {
        let characters = Array(program)
        var index = 0
        var depth = 0
        var printDepth: Int?
        while index < characters.count {
            let character = characters[index]
            if character == "\"" {
                index += 1
                while index < characters.count, characters[index] != "\"" {
                    index += characters[index] == "\\" ? 2 : 1
                }
                // A string that never closes was no string (a `"` in a regex, `/"/`): a `>` may be a redirect.
                if index >= characters.count { return program.contains(">") }
            } else if character == "(" {
                depth += 1
            } else if character == ")" {
                depth -= 1
            } else if ";{}\n|".contains(character) {
                printDepth = nil
            } else if character.isLetter,
                index == 0 || !(characters[index - 1].isLetter || characters[index - 1] == "_")
            {
                let word = String(characters[index...].prefix { $0.isLetter || $0 == "_" })
                if word == "print" || word == "printf" { printDepth = depth }
                index += word.count
                continue
            } else if character == ">", printDepth == depth {
                var target = characters[(index + 1)...].drop { $0 == ">" || $0 == " " || $0 == "\t" }
                if target.first == "\"" {
                    target = target.dropFirst()
                    let file = String(target.prefix { $0 != "\"" })
                    if ["/dev/stdout", "/dev/stderr", "/dev/null"].contains(file) {
                        index += 1
                        continue
                    }
                }
                return true
            }
            index += 1
        }
        return false
    }

    /// `find -delete` deletes; `find -exec CMD {} ;` runs CMD for each file.
    private static func findReasons(_ args: [String], _ context: Context) -> [String] {
        var found: [String] = []
        if args.contains("-delete") { found.append("deletes files (find -delete)") }
        if let write = args.first(where: { ["-fprint", "-fprint0", "-fprintf", "-fls"].contains($0) }) {
            found.append("writes output into a file (find \(write))")
        }
        var index = 0
        while index < args.count {
            if ["-exec", "-execdir", "-ok", "-okdir"].contains(args[index]) {
                let end = args[(index + 1)...].firstIndex { $0 == ";" || $0 == "+" } ?? args.count
                found += inner(args[(index + 1)..<end], context, via: "find \(args[index])")
                index = end
            }
            index += 1
        }
        return found
    }
}
