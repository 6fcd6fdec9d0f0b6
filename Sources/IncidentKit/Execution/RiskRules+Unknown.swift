extension RiskRules {
    /// Words that name an action changing something, in the command-line tools the rules do not know
    /// (`etcdctl defrag`, `ceph osd set noup`, `virtctl stop`, `ovs-vsctl del-br`, `amtool silence add`,
    /// `rabbitmqctl stop_app`): a command-line tool's subcommands are verbs, and these are the verbs of
    /// change. Compared with each part of a word split at `-`, `_` and `:`, lowercased.
    static let actionVerbs: Set<String> = [
        "delete", "del", "remove", "rm", "rmi", "destroy", "purge", "prune", "wipe", "zap", "erase", "clear",
        "flush", "flushall", "flushdb", "truncate", "drop", "kill", "stop", "start", "restart", "reboot",
        "shutdown", "poweroff", "halt", "exit", "quit", "pause", "unpause", "resume", "suspend", "set", "unset",
        "reset", "put", "post", "patch", "apply", "create", "add", "update", "upgrade", "downgrade", "install",
        "uninstall", "enable", "disable", "mount", "umount", "unmount", "attach", "detach", "migrate", "move", "mv",
        "rename", "scale", "drain", "cordon", "uncordon", "evict", "taint", "out", "reweight", "repair", "compact",
        "defrag", "defragment", "vacuum", "reindex", "rebuild", "restore", "rollback", "revert", "undo", "import",
        "load", "push", "pull", "commit", "deploy", "undeploy", "promote", "demote", "failover", "switchover",
        "fence", "unfence", "lock", "unlock", "approve", "deny", "revoke", "grant", "rotate", "renew", "replace",
        "edit", "label", "annotate", "save", "write", "resync", "resize", "expand", "shrink", "grow", "extend",
        "format", "reload", "reconfigure", "disarm", "stepdown", "elect", "trigger", "run", "exec", "cancel", "mute",
        "unmute", "archive", "standby", "unstandby", "ban", "unban", "invalidate", "primary", "secondary", "clone",
        "follow", "rescue", "shelve", "unshelve", "undefine", "makestep", "refresh", "dispatch", "signal", "publish",
        "seek", "recreate", "submit", "invoke", "eval", "scp", "credentials",
        "abort", "terminate", "evacuate", "cleanup", "clean", "gc", "trim", "discard", "expire", "decommission",
        "on", "off", "join", "leave", "forget", "assign", "unassign", "bind", "unbind", "register", "unregister",
        "deregister", "snooze", "ack", "acknowledge", "resolve", "close", "send", "upload",
        // Found in a later probe: verbs of GitOps, cloud and storage tools (`argocd app sync`, `flux
        // reconcile`, `az vm deallocate`, `rbd unmap`, `vault operator unseal`, `nmcli con modify`).
        "sync", "reconcile", "deallocate", "reimage", "redeploy", "reapply", "modify", "change", "unmap",
        "assassinate", "inject", "injectargs", "unseal", "failback", "rebalance", "reassign", "recover", "scrub",
        "reinstall", "disconnect", "rejoin", "retry", "rerun", "requeue", "resubmit",
    ]

    /// Verbs that count only as a whole word, never as a part of one: as a tool's subcommand they act
    /// (`ceph osd in`, `ceph osd down`, `ceph fs fail`, `pulumi up`, `vault operator seal`, `zpool
    /// export`), but as a part of a name they seldom do (`sign-in`, `follow-up`, `cool-down`).
    static let wholeWordVerbs: Set<String> = [
        "in", "up", "down", "lost", "fail", "seal", "step-down", "export",
    ]

    /// Verbs of one program that are not verbs of change elsewhere (`ceph osd map` only shows a mapping).
    static let programVerbs: [String: Set<String>] = [
        "rbd": ["map"], "rbd-nbd": ["map"], "cryptsetup": ["open", "reencrypt", "convert", "config"],
    ]

    /// Verbs a tool's subcommand may begin with, glued to its object (`nodetool removenode`, `rados
    /// rmpool`, `nodetool disablegossip`, `nodetool setcompactionthroughput`): a part that begins with one,
    /// unless what follows is an ending (`removed`, `settings`, `startup`).
    static let gluedVerbs = [
        "remove", "delete", "rm", "destroy", "purge", "kill", "wipe", "truncate", "flush", "reset", "disable",
        "enable", "stop", "start", "set", "inject", "clear", "upgrade", "pause", "drop", "create",
    ]

    private static let gluedEndings: Set<String> = [
        "d", "ed", "s", "es", "r", "er", "ers", "ing", "ped", "ping", "up", "tings", "ting", "tle", "able", "al", "ion",
        "ions", "or", "ors",
    ]

    /// Long options that are the action of a tool that takes its action as an option (`kafka-topics
    /// --delete`, `kafka-consumer-groups --reset-offsets --execute`, `consul maint -enable`), compared whole.
    /// (`--reset-offsets` alone only plans the reset: kafka applies it with `--execute`.)
    static let actionFlags: Set<String> = [
        "delete", "remove", "alter", "execute", "create", "drop", "truncate", "purge", "destroy", "wipe", "kill",
        "shutdown", "reboot", "restart", "delete-offsets", "add", "move", "clear", "add-config", "delete-config",
        "failover", "promote", "demote", "evict", "drain", "decommission", "uninstall", "install", "upgrade",
        "terminate", "flush", "rollback", "restore", "import", "apply", "commit", "enable", "disable", "repair",
        "fix", "reset", "stop", "start", "set", "update", "reload", "cleanup", "sync", "refresh", "daemon",
    ]

    /// Subcommands that only show: what follows them is what they show (`ceph osd tree down`, `etcdctl get
    /// /registry/delete`), not a verb.
    static let readVerbs: Set<String> = [
        "get", "list", "ls", "show", "status", "describe", "tree", "info", "inspect", "query", "stat", "stats",
        "health", "version", "help", "history", "logs", "diff", "check", "verify", "explain", "search",
        // Found when unknown tools began to ask: `ceph osd df`, `rados df`, `ceph osd dump`, `ceph daemon
        // osd.1 dump_historic_ops`, `virsh dumpxml`, `rbd children`.
        "df", "dump", "dumpxml", "children", "print", "display", "lookup", "count", "versions", "read",
        "preview",
    ]

    /// Read verbs a tool's subcommand may begin with, glued to its object (`rados lspools`, `rbd
    /// showmapped`, `nodetool getcompactionthroughput`); checked after the verbs of change.
    static let gluedReadVerbs = ["ls", "list", "show", "get", "dump", "describe"]

    /// Words and options that only show, of one program (`ceph -s` is `ceph status`).
    static let programReads: [String: Set<String>] = [
        "ceph": ["-s", "ops", "perf", "quorum_status", "mon_status", "report", "features"],
        "nmcli": ["hostname", "con", "connection", "dev", "device", "general", "radio", "networking"],
        "multipath": ["-ll", "-l"], "losetup": ["-a", "-l", "--list", "--all"], "hwclock": ["--show", "-r"],
        "iw": ["dev", "list", "info", "link", "station", "phy"], "route": ["-n"], "iscsiadm": ["session"],
        "chage": ["-l", "--list"], "ldconfig": ["-p", "--print-cache"], "ntpq": ["-p", "-pn", "-np", "-n"],
        "numactl": ["--hardware", "-H", "--show", "-s"], "blockdev": ["--getsize64", "--getss", "--getra", "--report"],
        "rabbitmq-diagnostics": ["alarms", "memory_breakdown", "ping", "status", "environment", "listeners"],
        "rabbitmqctl": ["environment", "report", "cluster_status"],
        "terraform": ["plan", "output", "validate", "providers", "show"],
        "haproxy": ["-c"], "php-fpm": ["-t"], "exim": ["-bp"], "tuned-adm": ["active", "list"],
        "semanage": ["-l"], "auditctl": ["-l", "-s"], "certbot": ["certificates"], "monit": ["summary", "status"],
        "chronyc": ["tracking", "sources", "sourcestats", "activity", "ntpdata", "serverstats"],
        "consul": ["members"],
        "jcmd": [
            "-l", "Thread.print", "GC.heap_info", "GC.class_histogram", "VM.flags", "VM.system_properties",
            "VM.command_line", "VM.version", "VM.uptime", "VM.info", "PerfCounter.print", "Compiler.codecache",
        ],
        "systemd-analyze": [
            "blame", "critical-chain", "time", "security", "cat-config", "calendar", "timespan", "timestamp",
            "unit-paths", "plot", "verify",
        ],
    ]

    /// Programs that only show when given no arguments (`timedatectl` is `timedatectl status`).
    static let bareReads: Set<String> = [
        "timedatectl", "hostnamectl", "localectl", "loginctl", "nmcli", "networkctl", "resolvectl", "ceph-volume",
    ]

    /// Shell builtins that change nothing outside the shell running them (`export NS=…`, `exit 1`,
    /// `read NODE`); what their words run (`export X="$(…)"`) is judged on its own.
    static let shellBuiltins: Set<String> = [
        "export", "local", "readonly", "declare", "typeset", "unset", "exit", "return", "break", "continue",
        "shift", "read", "wait", "jobs", "cd", "pushd", "popd", "dirs", "alias", "unalias", "hash", "set", "shopt",
        "getopts", "true", "false", "umask", "ulimit", "let", "echo", "printf", "test",
    ]

    /// The first words of a subcommand that asks whether an action is safe (`ceph osd ok-to-stop`, `ceph
    /// osd safe-to-destroy`, `ceph mon ok-to-rm`): a question, not the action.
    static let questionWords: Set<String> = ["ok", "safe", "can", "is"]

    /// Programs whose arguments are data whatever they say (`grep restart app.log`, `echo stop`), besides
    /// `CodeRunners.dataPrograms`.
    static let dataOnlyPrograms: Set<String> = CodeRunners.dataPrograms.union([
        "sort", "uniq", "cut", "tr", "column", "jq", "yq", "diff", "cmp", "comm", "more", "zcat", "zless",
        "bzcat", "xzcat", "od", "xxd", "hexdump", "strings", "base64", "md5sum", "sha1sum", "sha256sum",
        "sha512sum", "basename", "dirname", "realpath", "readlink", "date", "hostname", "uname", "uptime", "free",
        "vmstat", "iostat", "mpstat", "sar", "sensors", "atq", "apt-cache", "iptables-save", "ip6tables-save",
        "pidstat", "iotop", "nstat", "jstack", "pg_controldata", "systemd-cgls", "systemd-cgtop", "getenforce",
        "sestatus", "ausearch", "aureport", "numastat", "slabtop", "pmap", "lsmod", "modinfo", "lsns", "lslocks",
        "ipcs", "dmidecode", "lshw", "iftop", "dstat", "htop", "systemd-detect-virt", "pg_isready", "yes",
        // Found in review 6: storage, hardware, system and service tools that only show.
        "lvs", "vgs", "pvs", "lvdisplay", "vgdisplay", "pvdisplay", "xfs_info", "dumpe2fs", "showmount", "nfsstat",
        "nfsiostat", "mountstats", "lsb_release", "pstree", "tree", "getfacl", "lsipc", "ntpstat",
        "mcelog", "edac-util", "aa-status", "getsebool", "needs-restarting", "needrestart", "jps",
        "jstat", "jinfo", "varnishstat", "varnishlog", "postqueue", "mailq", "postconf", "klist", "mongostat",
        "mongotop", "pg_lsclusters", "pt-query-digest", "pt-summary", "pt-mysql-summary", "kcat", "kafkacat",
        "stern", "hubble", "execsnoop", "opensnoop-bpfcc", "tshark", "nethogs", "faillock", "lsattr", "dpkg-query",
        "nvidia-smi", "zramctl", "cal", "crm_mon", "lsof",
        "lsblk", "blkid", "findmnt", "lscpu", "lsmem", "lspci",
        "lsusb", "nproc", "getconf", "pidof", "top", "w", "who", "last", "traceroute", "tracepath", "mtr", "sleep",
        "true", "false", "printenv", "man", "dmesg", "tcpdump", "nl", "fold", "fmt", "rev", "tac", "paste",
        "join", "expand", "look", "zgrep", "xmllint", "openssl", "nc", "ncat", "telnet", "whois", "arp",
    ])

    /// The reasons a program no rule knows may change the system: an argument that is an action verb
    /// (`etcdctl defrag`, `ceph osd set noup`), unless the program only ever reads its arguments as data.
    /// Paths, `key=value` pairs, host names and variables are not verbs; a subcommand that only shows or
    /// asks ends the search (`ceph osd tree down`, `ceph osd ok-to-stop`). A tool whose action is an
    /// option counts too (`kafka-topics --delete`); a tool's own `--dry-run` is not trusted. Anything else
    /// is not known to be read-only (`verbReasons`): a tool that only shows with other words is named in
    /// the rules, or marked `[read-only]` in its runbook.
    static func unknownProgram(_ name: String, _ args: [String]) -> [String] {
        // A line of output or prose (`osd: 3 osds: 3 up`, `- ReadWriteOnce`, `2 osds down`) names no program.
        let looksLikeProgram =
            name.first.map { $0.isLetter || $0.isNumber || $0 == "_" } == true
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._+-".contains($0)) }
            && !name.allSatisfy(\.isNumber)
        // (An option that writes or acts, of a program that otherwise only shows: `iptables-save -f FILE`,
        // `postconf -e`, `kcat -P`, `needrestart -r a`, `losetup -f`, `iscsiadm -m session -u`.)
        if let flags = programWrites[name],
            let flag = flags.sorted().first(where: { flag in
                hasChangingFlag(args, [flag]) || args.contains { $0.hasPrefix(flag + "=") }
            })
        {
            return ["writes a file, a setting or a message (\(name) \(flag))"]
        }
        guard looksLikeProgram, !dataOnlyPrograms.contains(name), !shellBuiltins.contains(name) else { return [] }
        // A command line in an argument (`ansible all -m shell -a 'rm -rf x'`, `salt '*' cmd.run '…'`,
        // `vagrant ssh -c '…'`): a change it is known to make is not the unknown tool's to vouch for.
        // (Not a redirection or a name, which query languages and prose have too: `'severity>=WARNING'`,
        // `--search "restart loop"`.)
        let inner = args.filter { $0.contains(" ") || $0.hasPrefix("./") }.flatMap { text in
            RiskClassifier.classify(text).reasons.filter {
                !$0.contains(unknownMarker) && !$0.hasPrefix("writes output into a file (")
                    && !$0.contains("whose name says it acts")
            }.map { $0 + " in an argument of " + name }
        }
        if !inner.isEmpty { return inner }
        // Tools whose name is their action: they take only its options.
        let acting: Set<String> = ["kafka-leader-election", "kafka-preferred-replica-election"]
        let bare = name.hasSuffix(".sh") ? String(name.dropLast(3)) : name
        if acting.contains(bare), !hasFlag(args, ["--help", "-h", "--version"]) {
            return ["runs \(name), which is not known to be read-only"]
        }
        return verbReasons(name, args)
    }

    /// What a program no rule knows is said to do when nothing shows that it only reads.
    static func unknownReason(_ name: String) -> String {
        "runs \(name), \(unknownMarker) (a runbook may mark it [read-only])"
    }

    /// The words of `unknownReason`, which the linter does not hold against a `[read-only]` mark.
    static let unknownMarker = "which incident does not know"

    /// The reasons of `unknownProgram`, for a program of any name (`$KUBECTL delete pod x`). With
    /// `failClosed`, a program nothing shows to only read is not taken for read-only.
    static func verbReasons(_ name: String, _ args: [String], failClosed: Bool = true) -> [String] {
        // An output file (`ceph auth get x -o /etc/ceph/keyring`, `--output-file=/tmp/x`): a path, not a format.
        for (index, arg) in args.enumerated() {
            let option = String(arg.prefix { $0 != "=" })
            guard ["-o", "--output", "--out", "--output-file", "--outfile"].contains(option) else { continue }
            let value =
                arg.contains("=") ? String(arg.drop { $0 != "=" }.dropFirst()) : args.dropFirst(index + 1).first ?? ""
            // (A format is no file: `-o custom-columns=NAME:.metadata.name`, `-o jsonpath={.x}`.)
            let format = value.contains("=") || value.contains("{") || value.contains(":")
            if !format,
                value.contains("/") || value.range(of: #"\.[A-Za-z0-9]{1,8}$"#, options: .regularExpression) != nil,
                !["-", "/dev/stdout", "/dev/stderr", "/dev/null"].contains(value)
            {
                return ["writes output into a file (\(name) \(option) \(value))"]
            }
        }
        // A `--dry-run` of a tool no rule knows is not trusted: `certbot renew --dry-run` still runs its hooks.
        if let flag = args.first(where: { actionFlags.contains(optionName($0)) }) {
            return ["runs \(name) \(flag.prefix { $0 != "=" }), which is not known to be read-only"]
        }
        let words = positionals(args)
        if args.isEmpty, bareReads.contains(name) { return [] }
        // A read, or the next word's action on it (`ceph health mute`, `perf reset`).
        func actionOnRead(_ index: Int) -> [String] {
            guard let action = words.dropFirst(index + 1).first.map(verbParts)?.first,
                actsOnWhatItReads.contains(action)
            else { return [] }
            return ["runs \(name) \(words[index]) \(action), which is not known to be read-only"]
        }
        for (index, word) in words.enumerated() {
            // A path, an assignment, a host or a variable is no verb; `cluster/status` and `fdb/flush`
            // (`ovs-appctl`'s commands) are.
            // (A module's function, `service.restart` or `cmd.run` of salt, is one too.)
            let function = word.range(of: #"^[a-z_]+\.[a-z_]+$"#, options: .regularExpression) != nil
            guard function || !word.contains(where: { "=.@$~{<>".contains($0) }), !isPath(word) else { continue }
            let lower = word.lowercased()
            let parts = verbParts(word)
            // A read or a question ends the search, as written in lowercase and not as the value an option
            // may take (`--log-level INFO purge`, `--format tree delete`).
            let mayBeValue = args.firstIndex(of: word).map { $0 > 0 && isOptionTakingValue(args[$0 - 1]) } ?? false
            if !mayBeValue, readVerbs.contains(word) || parts.first.map(questionWords.contains) == true {
                // What follows a read is what it reads (`ceph osd tree down`), unless it acts on it
                // (`ceph health mute OSD_NEARFULL`).
                return actionOnRead(index)
            }
            // The short verbs are subcommands only near the program (`ceph osd in`, `pulumi up`), and only
            // of a program in lowercase (`Address already in use` is prose).
            let wholeWord =
                wholeWordVerbs.contains(lower) && index < 2 && !name.contains(where: \.isUppercase)
            if parts.contains(where: { actionVerbs.contains($0) || isGluedVerb($0) }) || wholeWord
                || parts.contains(where: { programVerbs[name]?.contains($0) == true })
            {
                let shown = ([name] + words.prefix(index + 1)).joined(separator: " ")
                return ["runs \(shown), which is not known to be read-only"]
            }
            // A part that shows, in a word with no part that acts (`list-nodes`, `dump_historic_ops`), unless
            // the next word acts on it (`ceph daemon osd.0 perf reset`).
            if !mayBeValue,
                parts.contains(where: readVerbs.contains) || parts.first.map(isGluedReadVerb) == true
            {
                return actionOnRead(index)
            }
        }
        // Nothing shows that it only reads: no subcommand that shows or asks, no option that lists or
        // describes. A tool that changes things with words nobody listed (`setenforce 0`, `growpart
        // /dev/sda 1`, `failover.sh --to db2`) asks first; one that only shows can be marked `[read-only]`.
        if !failClosed || args.contains(where: { readFlags.contains(optionName($0)) }) || args.last == "-h" {
            return []
        }
        // (A word that shows counts only as the last word: `nmcli con` shows, `nmcli con mod eth0 …` acts.)
        let lastWord = positionals(args).last
        if args.contains(where: { $0.hasPrefix("-") && programReads[name]?.contains($0) == true })
            || lastWord.map({ programReads[name]?.contains($0) == true }) == true
        {
            return []
        }
        // A program whose name is an action (`dropdb`, `stop-all.sh`, `kafka-delete-records.sh`) is known to
        // act: a `[read-only]` mark does not vouch for it.
        let bare = name.hasSuffix(".sh") ? String(name.dropLast(3)) : name
        if verbParts(bare).contains(where: { nameActions.contains($0) || isGluedVerb($0) }) {
            return ["runs \(name), whose name says it acts"]
        }
        return [unknownReason(name)]
    }

    /// Verbs that make a program's own name an action (`dropdb`, `stop-all.sh`); not `run` or `exec`,
    /// which name runners (`run-parts --test`, `kafka-run-class.sh`).
    static let nameActions: Set<String> = [
        "delete", "del", "remove", "rm", "destroy", "purge", "wipe", "erase", "drop", "truncate", "kill", "stop",
        "start", "restart", "reboot", "shutdown", "poweroff", "halt", "reset", "flush", "failover", "promote",
        "demote", "install", "uninstall", "upgrade", "downgrade", "migrate", "restore", "rollback", "revert", "evict",
        "drain", "decommission", "reload", "rotate", "cleanup", "clean", "prune", "repair", "rebuild", "deploy",
    ]

    /// Options of programs that otherwise only show, which write a file, a setting or a message.
    static let programWrites: [String: Set<String>] = [
        "iptables-save": ["-f", "--file"], "ip6tables-save": ["-f", "--file"], "sensors": ["-s", "--set"],
        "lshw": ["-dump"], "dmidecode": ["--dump-bin"], "needrestart": ["-r"], "faillock": ["--reset"],
        "postconf": ["-e", "-X", "-#", "-M", "-F", "-P"], "postqueue": ["-f", "-i", "-s"], "kcat": ["-P"],
        "kafkacat": ["-P"], "jinfo": ["-flag"], "pt-query-digest": ["--review", "--history", "--execute"],
        "mcelog": ["--daemon"], "varnishlog": ["-w"], "tshark": ["-w"], "tree": ["-o"],
        "iscsiadm": ["-u", "-l", "-R", "--logout", "--login", "--rescan", "-o", "--op"],
        "losetup": ["-f", "--find", "-d", "-D", "--detach", "--detach-all", "-c", "--set-capacity", "-P"],
        "blockdev": ["--setra", "--setro", "--setrw", "--flushbufs", "--rereadpt", "--setbsz", "--setfra"],
        "auditctl": [
            "-b", "-e", "-f", "-r", "-a", "-A", "-d", "-D", "-w", "-W", "--reset-lost", "--backlog_wait_time",
        ],
        "terraform": ["-out"], "chage": ["-d", "-E", "-I", "-m", "-M", "-W"],
    ]

    /// Words that act on what the read before them names (`ceph health mute X`, `perf reset`).
    static let actsOnWhatItReads: Set<String> = [
        "mute", "unmute", "archive", "reset", "clear", "expire", "delete", "set",
    ]

    /// Options that make a tool no rule knows only show (`kafka-topics --describe`, `foo --help`), compared
    /// whole.
    /// (`kafka-consumer-groups --reset-offsets` without `--execute` only plans the reset.)
    static let readFlags: Set<String> = [
        "list", "describe", "help", "version", "usage", "reset-offsets", "display", "query", "show", "status", "info",
    ]

    /// A word's parts, lowercased: split at `-`, `_` and `:`, and, in a word that begins in lowercase,
    /// where a lowercase letter meets a capital (`luksFormat` is `luks` and `format`; `CrashLoopBackOff`
    /// is a name, not words).
    static func verbParts(_ word: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var previous: Character?
        let camel = word.first?.isLowercase == true
        for character in word {
            if "-_:/.".contains(character) {
                if !current.isEmpty { parts.append(current) }
                current = ""
            } else {
                if camel, character.isUppercase, previous?.isLowercase == true, !current.isEmpty {
                    parts.append(current)
                    current = ""
                }
                current += character.lowercased()
            }
            previous = character
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    /// Whether a word is a path (`/var/run/x`, `./x`, `a/b/c`) rather than a command's `group/verb`.
    private static func isPath(_ word: String) -> Bool {
        guard let slash = word.firstIndex(of: "/") else { return false }
        return slash == word.startIndex || word.last == "/" || word.filter({ $0 == "/" }).count > 1
    }

    /// Whether a part begins with a read verb glued to its object (`lspools`, `showmapped`).
    /// A part ending in `stats` or `info` names what it shows too (`nodetool tpstats`, `gossipinfo`).
    private static func isGluedReadVerb(_ part: String) -> Bool {
        guard part.allSatisfy(\.isLetter) else { return false }
        return gluedReadVerbs.contains { part.count >= $0.count + 3 && part.hasPrefix($0) }
            || ["stats", "info"].contains { part.count >= $0.count + 2 && part.hasSuffix($0) }
    }

    /// Whether a part begins with a verb glued to its object (`removenode`, `rmpool`).
    private static func isGluedVerb(_ part: String) -> Bool {
        guard part.allSatisfy(\.isLetter) else { return false }
        return gluedVerbs.contains { verb in
            part.count >= verb.count + 2 && part.hasPrefix(verb)
                && !gluedEndings.contains(String(part.dropFirst(verb.count)))
        }
    }

    /// The name of a long option, without its dashes and value (`--reset-offsets`, `-enable`); empty for
    /// short options and clusters.
    static func optionName(_ arg: String) -> String {
        guard arg.hasPrefix("-") else { return "" }
        let name = arg.drop { $0 == "-" }.prefix { $0 != "=" }
        return name.count > 2 ? name.lowercased() : ""
    }

    /// Whether an option could take the next word as its value: one with no `=` of its own.
    private static func isOptionTakingValue(_ arg: String) -> Bool {
        arg.hasPrefix("-") && arg.count > 1 && arg != "--" && !arg.contains("=")
    }

    /// `--dry-run` alone or with a value kubectl reads as one (`client`, `server`, or a boolean true such as
    /// `true`, `t` or `1`): the command only shows what it would do. `--dry-run=none`, `=0` or `=f` do it.
    static func isDryRun(_ arg: String) -> Bool {
        let name = arg.prefix { $0 != "=" }
        guard ["--dry-run", "--dryrun", "-dry-run"].contains(name) else { return false }
        guard arg.contains("=") else { return true }
        let value = arg.drop { $0 != "=" }.dropFirst().lowercased()
        return ["client", "server", "true", "t", "1"].contains(value)
    }
}
