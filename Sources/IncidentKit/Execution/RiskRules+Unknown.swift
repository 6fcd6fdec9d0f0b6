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
        "format", "reload", "reconfigure", "disarm", "stepdown", "elect", "trigger", "run", "exec", "cancel",
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
        "enable", "stop", "start", "set", "inject", "clear", "upgrade", "pause",
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
        "terminate", "flush", "rollback", "restore", "import", "apply", "commit", "enable", "disable",
    ]

    /// Subcommands that only show: what follows them is what they show (`ceph osd tree down`, `etcdctl get
    /// /registry/delete`), not a verb.
    static let readVerbs: Set<String> = [
        "get", "list", "ls", "show", "status", "describe", "tree", "info", "inspect", "query", "stat", "stats",
        "health", "version", "help", "history", "logs", "diff", "check", "verify", "explain", "search",
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
        "vmstat", "iostat", "mpstat", "sar", "lsof", "lsblk", "blkid", "findmnt", "lscpu", "lsmem", "lspci",
        "lsusb", "nproc", "getconf", "pidof", "top", "w", "who", "last", "traceroute", "tracepath", "mtr", "sleep",
        "true", "false", "printenv", "man", "dmesg", "tcpdump", "nl", "fold", "fmt", "rev", "tac", "paste",
        "join", "expand", "look", "zgrep", "xmllint", "openssl", "nc", "ncat", "telnet", "whois", "arp",
    ])

    /// The reasons a program no rule knows may change the system: an argument that is an action verb
    /// (`etcdctl defrag`, `ceph osd set noup`), unless the program only ever reads its arguments as data.
    /// Paths, `key=value` pairs, host names and variables are not verbs; a subcommand that only shows or
    /// asks ends the search (`ceph osd tree down`, `ceph osd ok-to-stop`). A tool whose action is an
    /// option counts too (`kafka-topics --delete`), unless told to only show (`--dry-run`). A tool that
    /// changes things with other words is not caught: name it in the rules.
    static func unknownProgram(_ name: String, _ args: [String]) -> [String] {
        // A line of output or prose (`osd: 3 osds: 3 up`, `- ReadWriteOnce`, `2 osds down`) names no program.
        let looksLikeProgram =
            name.first.map { $0.isLetter || $0.isNumber || $0 == "_" } == true
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._+-".contains($0)) }
            && !name.allSatisfy(\.isNumber)
        guard looksLikeProgram, !dataOnlyPrograms.contains(name) else { return [] }
        // Tools whose name is their action: they take only its options.
        let acting: Set<String> = ["kafka-leader-election", "kafka-preferred-replica-election"]
        let bare = name.hasSuffix(".sh") ? String(name.dropLast(3)) : name
        if acting.contains(bare), !hasFlag(args, ["--help", "-h", "--version"]) {
            return ["runs \(name), which is not known to be read-only"]
        }
        return verbReasons(name, args)
    }

    /// The reasons of `unknownProgram`, for a program of any name (`$KUBECTL delete pod x`).
    static func verbReasons(_ name: String, _ args: [String]) -> [String] {
        // A `--dry-run` of a tool no rule knows is not trusted: `certbot renew --dry-run` still runs its hooks.
        if let flag = args.first(where: { actionFlags.contains(optionName($0)) }) {
            return ["runs \(name) \(flag.prefix { $0 != "=" }), which is not known to be read-only"]
        }
        let words = positionals(args)
        for (index, word) in words.enumerated() {
            guard !word.contains(where: { "/=.@$~{<>".contains($0) }) else { continue }
            let lower = word.lowercased()
            let parts = verbParts(word)
            // A read or a question ends the search, as written in lowercase and not as the value an option
            // may take (`--log-level INFO purge`, `--format tree delete`).
            let mayBeValue = args.firstIndex(of: word).map { $0 > 0 && isOptionTakingValue(args[$0 - 1]) } ?? false
            if !mayBeValue, readVerbs.contains(word) || parts.first.map(questionWords.contains) == true {
                return []
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
        }
        return []
    }

    /// A word's parts, lowercased: split at `-`, `_` and `:`, and, in a word that begins in lowercase,
    /// where a lowercase letter meets a capital (`luksFormat` is `luks` and `format`; `CrashLoopBackOff`
    /// is a name, not words).
    static func verbParts(_ word: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var previous: Character?
        let camel = word.first?.isLowercase == true
        for character in word {
            if "-_:".contains(character) {
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
