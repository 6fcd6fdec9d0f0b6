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
    ]

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
    /// Paths, `key=value` pairs, host names and variables are not verbs. A tool that changes things with
    /// other words is not caught: name it in the rules.
    static func unknownProgram(_ name: String, _ args: [String]) -> [String] {
        guard !dataOnlyPrograms.contains(name) else { return [] }
        let words = positionals(args)
        for (index, word) in words.enumerated() {
            guard !word.contains(where: { "/=.@$~{<>".contains($0) }) else { continue }
            let parts = word.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == ":" })
            if parts.contains(where: { actionVerbs.contains(String($0)) }) {
                let shown = ([name] + words.prefix(index + 1)).joined(separator: " ")
                return ["runs \(shown), which is not known to be read-only"]
            }
        }
        return []
    }
}
