import Foundation

extension RiskRules {
    /// The operands of `args`: the words that are not options or the values of `valued` options.
    static func operands(_ args: [String], valued: Set<String>) -> [String] {
        var result: [String] = []
        var skip = false
        for arg in args {
            if skip {
                skip = false
            } else if arg.hasPrefix("-"), arg != "-" {
                skip = valued.contains(arg)
            } else {
                result.append(arg)
            }
        }
        return result
    }

    /// Services, processes, power, files, permissions; nil when `name` is none of these.
    static func system(_ name: String, _ args: [String]) -> [String]? {
        switch name {
        case "systemctl":
            return systemctl(args)
        case "service":
            let words = positionals(args)
            guard words.count >= 2, !["status", "configtest", "help", "usage"].contains(words[1]) else { return [] }
            guard serviceActions.contains(words[1]) else { return [unknownReason("service \(words[0]) \(words[1])")] }
            return ["\(serviceVerb(words[1])) a service (service \(words[0]) \(words[1]))"]
        case "kill", "pkill", "killall", "skill", "fuser":
            if name == "fuser" {
                return hasChangingFlag(args, ["-k", "--kill"]) ? ["kills processes (fuser -k)"] : []
            }
            if name == "kill" && hasFlag(args, ["-l", "-L", "-0", "--list"]) { return [] }
            if name == "kill", let index = args.firstIndex(of: "-s"), index + 1 < args.count,
                args[index + 1] == "0"
            {
                return []
            }
            return ["sends a signal to processes (\(name))"]
        case "reboot", "shutdown", "halt", "poweroff":
            return ["reboots or powers off the machine (\(name))"]
        case "init", "telinit":
            return args.isEmpty ? [] : ["changes the runlevel (\(name) \(args[0]))"]
        case "rm", "rmdir", "unlink", "shred", "srm":
            return ["deletes files (\(name))"]
        case "mv":
            return ["moves or renames files (mv)"]
        case "cp", "install", "ln", "mkdir", "touch", "scp", "fallocate":
            return ["writes files (\(name))"]
        case "rsync":
            return hasFlag(args, ["--dry-run", "--list-only"], letters: "n") ? [] : ["writes files (rsync)"]
        case "truncate":
            return ["truncates files (truncate)"]
        case "tar":
            return tar(args)
        case "unzip":
            let only = hasFlag(args, ["-l", "-t", "-p", "-Z", "-v", "-z"])
            return only ? [] : ["extracts files (unzip)"]
        case "patch":
            return hasFlag(args, ["--dry-run"]) ? [] : ["changes files (patch)"]
        case "split", "csplit":
            return ["writes files (\(name))"]
        case "sort":
            // `sort -o FILE` writes its output into FILE (found in review): also `-ro FILE` and `--out=F`.
            if hasChangingFlag(args, ["-o", "--output"]) { return ["writes output into a file (sort -o)"] }
            // `--compress-program=PROG` runs PROG on its temporary files.
            return hasChangingFlag(args, ["--compress-program"]) ? ["runs a program (sort --compress-program)"] : []
        case "gzip", "gunzip", "bzip2", "bunzip2", "xz", "unxz", "zstd", "unzstd", "lz4", "pigz", "compress":
            // They replace or write files, unless they only print (`-c`, `-l`, `-t`).
            // (lz4's `-l` compresses in the legacy format; its list is `--list`.)
            let prints = hasFlag(
                args, ["--stdout", "--to-stdout", "--list", "--test"], letters: name == "lz4" ? "ct" : "clt")
            return prints || positionals(args).isEmpty ? [] : ["writes files (\(name))"]
        case "date":
            // `date -s`, or an argument that is not a format (`+%s`), sets the clock.
            let valued: Set<String> = ["-d", "--date", "-r", "--reference", "-f", "--file", "-I", "--iso-8601"]
            let sets =
                hasChangingFlag(args, ["--set"], letters: "s")
                || Self.operands(
                    args, valued: valued.union(args.filter { abbreviatedFlag($0, of: valued.sorted()) != nil })
                )
                .contains { !$0.hasPrefix("+") }
            return sets ? ["sets the clock (date)"] : []
        case "hostname":
            let sets = hasChangingFlag(args, ["--file", "-F"]) || !positionals(args).isEmpty
            return sets ? ["sets the hostname (hostname)"] : []
        case "dmesg":
            return hasChangingFlag(
                args, ["--clear", "--read-clear", "--console-off", "--console-on", "--console-level"],
                letters: "cCDEn") ? ["clears or configures the kernel log (dmesg)"] : []
        case "arp":
            return hasChangingFlag(args, ["--delete", "--set", "--file"], letters: "dsf")
                ? ["changes the ARP table (arp)"] : []
        case "uniq":
            // A second operand is the file it writes.
            let valued: Set<String> = ["-f", "--skip-fields", "-s", "--skip-chars", "-w", "--check-chars"]
            return Self.operands(args, valued: valued).count >= 2 ? ["writes output into a file (uniq)"] : []
        case "openssl":
            let writes = args.contains { arg in
                [
                    "-out", "-keyout", "--out", "--keyout", "-writerand", "--writerand", "-sess_out", "-keylogfile",
                    "-msgfile", "-respout", "-CAcreateserial", "-CAserial", "-reqout",
                ].contains(String(arg.prefix { $0 != "=" }))
            }
            if writes { return ["writes files (openssl -out)"] }
            // A server listens and answers until stopped; rehash writes links in a folder.
            if ["s_server", "rehash"].contains(args.first ?? "") || args.first == "ocsp" && args.contains("-port") {
                return ["runs a server or writes links (openssl \(args.first ?? ""))"]
            }
            // `openssl ca` signs into its database and certificate folder.
            return args.first == "ca" ? ["writes the CA's database and certificates (openssl ca)"] : []
        case "c_rehash":
            // The script `openssl rehash` replaced: it writes hash links in each folder it is given.
            return args.contains { $0 == "-h" || $0 == "-help" } ? [] : ["writes certificate hash links (c_rehash)"]
        case "perf":
            // (A command it runs is judged as `wrapped` says.)
            let sub = positionals(args).first ?? ""
            return [
                "record", "c2c", "mem", "lock", "sched", "kmem", "inject", "kvm", "probe", "config", "buildid-cache",
            ]
            .contains(sub)
                || hasChangingFlag(args, ["--output"], letters: "o") ? ["writes files (perf \(sub))"] : []
        case "man":
            // `man -H` runs a browser, `-Hcmd` the one named; `-P CMD` a pager, `-X` a viewer.
            let browser = args.contains { $0 == "--html" || $0.hasPrefix("--html=") || $0.hasPrefix("-H") }
            if browser { return ["runs a browser (man -H)"] }
            let runs = hasChangingFlag(args, ["--pager", "-P", "--gxditview"]) || args.contains { $0.hasPrefix("-X") }
            return runs ? ["runs a program (man -P, -X)"] : []
        case "less", "zless", "ag":
            // less keeps a log file (`-o FILE`, `--log-file`) and runs what `+!` starts it with; ag runs
            // the pager it is given.
            let writes =
                name != "ag"
                && (hasChangingFlag(args, ["--log-file", "--LOG-FILE", "-o", "-O"])
                    || args.contains { $0.hasPrefix("+!") })
            if writes { return ["writes a log file or runs a command (less -o, +!)"] }
            return name == "ag" && hasChangingFlag(args, ["--pager"]) ? ["runs a program (ag --pager)"] : []
        case "ss":
            if hasChangingFlag(args, ["--diag"], letters: "D") { return ["dumps sockets into a file (ss -D)"] }
            return hasChangingFlag(args, ["--kill"], letters: "K") ? ["closes sockets (ss -K)"] : []
        case "file":
            return hasChangingFlag(args, ["--compile"], letters: "C") ? ["writes a magic file (file -C)"] : []
        case "rg":
            let runs = args.contains { ["--pre", "--hostname-bin"].contains(String($0.prefix { $0 != "=" })) }
            return runs ? ["runs a program (rg --pre, --hostname-bin)"] : []
        case "blkid":
            return hasChangingFlag(args, ["--garbage-collect"], letters: "g")
                ? ["rewrites the blkid cache (blkid -g)"] : []
        case "xxd":
            // A second operand is the file it writes.
            let valued: Set<String> = ["-c", "-g", "-l", "-o", "-s", "-cols", "-groupsize", "-len", "-seek"]
            return Self.operands(args, valued: valued).count >= 2 ? ["writes output into a file (xxd)"] : []
        case "sar":
            return hasChangingFlag(args, ["-o"]) ? ["writes a data file (sar -o)"] : []
        case "xmllint":
            return hasFlag(args, ["--output", "-o", "-output"]) ? ["writes output into a file (xmllint --output)"] : []
        case "tcpdump":
            // `-w FILE`, also in a cluster or attached (`-nw F`, `-wF`).
            let writes = args.contains { $0.hasPrefix("-") && !$0.hasPrefix("--") && $0.dropFirst().contains("w") }
            return writes ? ["writes a capture file (tcpdump -w)"] : []
        case "yq", "jq":
            guard name == "yq" else { return [] }
            if hasFlag(args, ["--inplace", "--in-place"], letters: "i") { return ["edits files in place (yq -i)"] }
            return hasFlag(args, ["--split-exp"], letters: "s") ? ["writes a file per document (yq -s)"] : []
        case "mktemp":
            return hasFlag(args, ["--dry-run"], letters: "u") ? [] : ["creates a file (mktemp)"]
        case "dd":
            guard let output = args.first(where: { $0.hasPrefix("of=") }), output != "of=/dev/null" else {
                return []
            }
            return ["writes raw data (dd \(output))"]
        case "tee":
            let files = positionals(args).filter {
                !["/dev/null", "/dev/stdout", "/dev/stderr"].contains($0)
            }
            return files.isEmpty ? [] : ["writes output into a file (tee \(files[0]))"]
        case "chmod", "chown", "chgrp", "chattr", "setfacl", "chcon":
            return ["changes file permissions or ownership (\(name))"]
        case "sed", "gsed", "perl", "ruby":
            let inPlace =
                hasChangingFlag(args, ["--in-place"])
                || args.contains {
                    $0.hasPrefix("-") && !$0.hasPrefix("--") && $0.dropFirst().contains("i")
                        && !$0.hasPrefix("-e")
                }
            if inPlace { return ["edits files in place (\(name) -i)"] }
            return name.hasSuffix("sed") ? sedScriptReasons(args) : []
        case "crontab":
            if hasFlag(args, ["-l"]) { return [] }
            return hasFlag(args, ["-e", "-r", "-i"]) || !positionals(args).isEmpty || args.isEmpty
                ? ["changes a crontab (crontab \(args.first ?? ""))"] : []
        case "mount":
            let changes = !positionals(args.filter { $0 != "-t" }).filter { !isFilesystemTypeList($0, args) }
                .isEmpty
            return changes || hasChangingFlag(args, ["-a", "--all", "-o"]) ? ["mounts a filesystem (mount)"] : []
        case "umount", "fusermount":
            return ["unmounts a filesystem (\(name))"]
        case "useradd", "userdel", "usermod", "groupadd", "groupdel", "groupmod", "passwd", "chpasswd",
            "gpasswd":
            return ["changes users or groups (\(name))"]
        case "modprobe", "rmmod", "insmod":
            return hasFlag(args, ["--show-depends", "-n", "--dry-run", "-c", "--showconfig"])
                ? [] : ["loads or unloads kernel modules (\(name))"]
        case "sysctl":
            let writes =
                hasChangingFlag(args, ["-w", "--write", "-p", "--load", "--system"])
                || args.contains { $0.contains("=") }
            return writes ? ["changes kernel parameters (sysctl)"] : []
        case "journalctl" where args.contains { $0.hasPrefix("--cursor-file") }:
            return ["writes a cursor file (journalctl --cursor-file)"]
        case "journalctl":
            let flags = [
                "--vacuum-size", "--vacuum-time", "--vacuum-files", "--rotate", "--flush", "--relinquish-var",
                "--smart-relinquish-var", "--setup-keys", "--update-catalog", "--sync",
            ]
            guard let flag = args.lazy.compactMap({ abbreviatedFlag($0, of: flags) }).first else { return [] }
            return ["changes the journal (journalctl \(flag))"]
        case "logrotate":
            return hasFlag(args, ["-d", "--debug"]) ? [] : ["rotates logs (logrotate)"]
        case "hostnamectl", "timedatectl", "localectl":
            // (`hostnamectl hostname NAME` sets it too, on newer systemd.)
            let words = positionals(args)
            let setters: Set<String> = [
                "hostname", "icon-name", "chassis", "deployment", "location", "ntp", "timezone", "ntp-servers",
            ]
            guard let verb = words.first, verb.hasPrefix("set-") || setters.contains(verb) && words.count >= 2
            else { return [] }
            return ["changes system settings (\(name) \(verb))"]
        default:
            return disksAndNetwork(name, args) ?? daemons(name, args) ?? processes(name, args)
        }
    }

    private static let serviceActions: Set<String> = [
        "start", "stop", "restart", "reload", "force-reload", "try-restart", "condrestart", "graceful",
    ]

    private static func serviceVerb(_ action: String) -> String {
        switch action {
        case "stop": "stops"
        case "start": "starts"
        case "reload", "force-reload": "reloads"
        default: "restarts"
        }
    }

    private static func systemctl(_ args: [String]) -> [String] {
        let readOnly: Set<String> = [
            "status", "show", "cat", "is-active", "is-enabled", "is-failed", "is-system-running",
            "list-units",
            "list-unit-files", "list-timers", "list-sockets", "list-dependencies", "list-jobs", "get-default",
            "help", "list-machines", "show-environment", "list-paths", "list-automounts",
        ]
        let services: Set<String> = [
            "start", "stop", "restart", "reload", "try-restart", "reload-or-restart", "try-reload-or-restart",
            "condrestart", "kill", "force-reload", "clean", "freeze", "thaw",
        ]
        let configuration: Set<String> = [
            "enable", "disable", "reenable", "mask", "unmask", "preset", "link", "revert", "edit",
            "set-property",
            "daemon-reload", "daemon-reexec", "isolate", "set-default", "reset-failed", "set-environment",
        ]
        let power: Set<String> = [
            "reboot", "poweroff", "halt", "kexec", "suspend", "hibernate", "rescue", "emergency",
        ]
        let valued: Set<String> = [
            "-n", "--lines", "-o", "--output", "-p", "--property", "-t", "--type", "--state", "-H", "--host", "-M",
            "--machine", "-s", "--signal", "--kill-whom", "--root", "--job-mode",
        ]
        // `systemctl` alone lists units; `-n 50 status`: the option's value is no verb.
        guard let verb = dropOptions(args, valued: valued).first else { return [] }
        guard readOnly.union(services).union(configuration).union(power).contains(verb) else {
            return ["runs systemctl \(verb), which is not known to be read-only"]
        }
        if services.contains(verb) {
            let what =
                verb == "kill"
                ? "sends a signal to" : serviceVerb(verb.contains("restart") ? "restart" : verb)
            return ["\(what) a service (systemctl \(verb))"]
        }
        if configuration.contains(verb) { return ["changes service configuration (systemctl \(verb))"] }
        if power.contains(verb) { return ["reboots or powers off the machine (systemctl \(verb))"] }
        return []
    }

    /// `mount -t ext4` lists mounts of that type: the value of `-t` is no device.
    private static func isFilesystemTypeList(_ word: String, _ args: [String]) -> Bool {
        guard let index = args.firstIndex(of: "-t"), index + 1 < args.count else { return false }
        return args[index + 1] == word
    }

    /// tar lists (`-t`) and prints (`-O`, or an archive written to `-`); it extracts, appends, deletes,
    /// or writes an archive file otherwise. The first argument may be a cluster without its dash (`xzf`).
    private static func tar(_ args: [String]) -> [String] {
        var letters = ""
        for (index, arg) in args.enumerated()
        where arg.hasPrefix("-") && !arg.hasPrefix("--") || index == 0 && !arg.hasPrefix("-") {
            letters += arg.drop { $0 == "-" }
        }
        func has(_ long: String) -> Bool { args.contains { $0 == long || $0.hasPrefix(long + "=") } }
        // (Also a checkpoint action, an info script (`-F`) or a remote shell, found in review 6.)
        if has("--to-command") || has("--use-compress-program") || letters.contains("I") || letters.contains("F")
            || args.contains(where: {
                ["--checkpoint-action", "--info-script", "--new-volume-script", "--rsh-command"].contains(
                    String($0.prefix { $0 != "=" }))
            })
        {
            return ["runs a program (tar --to-command, -I, -F, --checkpoint-action)"]
        }
        if has("--remove-files") { return ["deletes the files it archives (tar --remove-files)"] }
        let toStdout = letters.contains("O") || has("--to-stdout")
        if letters.contains(where: { "xru".contains($0) }) || letters.contains("A") || has("--extract") || has("--get")
            || has("--append") || has("--update") || has("--delete") || has("--catenate") || has("--concatenate")
        {
            return toStdout ? [] : ["extracts or changes files (tar)"]
        }
        if letters.contains("c") || has("--create") {
            // The archive goes to standard output with `-f -` (or no `-f` at all).
            let archive = args.firstIndex {
                $0 == "-f" || $0 == "--file" || $0.hasSuffix("f") && $0.hasPrefix("-") && !$0.hasPrefix("--")
            }
            .flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil }
            let inline = args.first { $0.hasPrefix("--file=") }.map { String($0.dropFirst(7)) }
            let file =
                inline ?? archive ?? (letters.contains("f") ? args.dropFirst().first { !$0.hasPrefix("-") } : nil)
            return file == nil || file == "-" ? [] : ["writes an archive (tar -c)"]
        }
        return []
    }

    /// A sed script that writes a file (`w FILE`, `W FILE`, the `w` flag of `s///`) or runs a command
    /// (`e`, the `e` flag), or a script read from a file (`-f`), which nobody has classified. The script
    /// is each `-e` value, or the first operand.
    static func sedScriptReasons(_ args: [String]) -> [String] {
        var scripts: [String] = []
        var index = 0
        var operandScript = true
        while index < args.count {
            var arg = args[index]
            // A long option cut short is the one it begins (`--expr=…`, `--fi x`).
            let long = String(arg.prefix { $0 != "=" })
            if long.count > 3, long.hasPrefix("--"),
                let full = ["--expression", "--file"].first(where: { $0.hasPrefix(long) })
            {
                arg = full + arg.dropFirst(long.count)
            }
            if arg == "-f" || arg == "--file" || arg.hasPrefix("--file=") || arg.hasPrefix("-f") && arg.count > 2 {
                return ["runs a sed script from a file (sed -f)"]
            }
            if arg == "-e" || arg == "--expression", index + 1 < args.count {
                scripts.append(args[index + 1])
                operandScript = false
                index += 2
                continue
            }
            if arg.hasPrefix("--expression=") {
                scripts.append(String(arg.dropFirst("--expression=".count)))
                operandScript = false
            } else if arg == "-l" || arg == "--line-length" {
                index += 1
            } else if arg.hasPrefix("-"), !arg.hasPrefix("--"), arg.count > 1 {
                // A cluster: `-ne SCRIPT`, `-e'SCRIPT'`; `-i.bak` and `-l80` end in their value.
                var letters = arg.dropFirst()
                while let letter = letters.first {
                    letters = letters.dropFirst()
                    if letter == "e" {
                        if letters.isEmpty, index + 1 < args.count {
                            scripts.append(args[index + 1])
                            index += 1
                        } else {
                            scripts.append(String(letters))
                        }
                        operandScript = false
                        break
                    }
                    if letter == "f" { return ["runs a sed script from a file (sed -f)"] }
                    // `-l80` holds its value; `-nl 80` takes the next word.
                    if letter == "l", letters.isEmpty { index += 1 }
                    if letter == "i" || letter == "l" { break }
                }
            } else if !arg.hasPrefix("-") || arg == "-" {
                if operandScript { scripts.append(arg) }
                break
            }
            index += 1
        }
        let writes = scripts.contains { script in
            guard !CodeRunners.isPlainSedScript(script) else { return false }
            // Writing to the screen is printing.
            let script = script.replacingOccurrences(
                of: #"[wW]\s*/dev/std(out|err)\s*(?=$|\n)"#, with: "p", options: .regularExpression)
            // Regular expressions become `R` first, with their `I` and `M` flags and custom delimiters
            // (`/error/Iw out`, `\,/var/log,w out`), so that their letters are no commands.
            let stripped = script.replacingOccurrences(
                of: #"(/(\\.|[^/\\\n])*/|\\([^\n\\])(\\.|(?!\3)[^\n])*\3)[IM]*"#, with: "R",
                options: .regularExpression)
            let address = #"((\d+~\d+|\d+|\$|R)(\s*,\s*(\d+|\$|[+~]\d+|R))?)?"#
            // (`w` takes its file name with or without a space: `1w/tmp/x`; so does `e`: `1etouch x`.)
            let command = #"(^|[;\n{}])\s*"# + address + #"\s*!?\s*([wW]|e)"#
            let flags = #"s([^\\\s\w])(\\.|(?!\1).)*\1(\\.|(?!\1).)*\1[gpiImM0-9]*[we]"#
            return stripped.range(of: command, options: .regularExpression) != nil
                || script.range(of: flags, options: .regularExpression) != nil
        }
        return writes ? ["writes a file or runs a command from its script (sed w, e)"] : []
    }
}
