extension RiskRules {
    /// Firewalls, network configuration, disks and filesystems; nil when `name` is none of these.
    static func disksAndNetwork(_ name: String, _ args: [String]) -> [String]? {
        switch name {
        case "iptables", "ip6tables", "iptables-legacy", "iptables-nft", "ip6tables-legacy", "ip6tables-nft",
            "ebtables",
            "arptables":
            let changes: Set<String> = [
                "--append", "--insert", "--delete", "--replace", "--flush", "--delete-chain", "--policy",
                "--new-chain",
                "--rename-chain", "--zero", "--atomic-commit", "--atomic-init", "--atomic-save", "--init-table",
            ]
            // (A long option cut short counts as the one it begins: `--flu`, `--app`.)
            guard
                let flag = args.first(where: { arg in
                    changes.contains(arg) || abbreviatedFlag(arg, of: changes) != nil
                        || (arg.hasPrefix("-") && !arg.hasPrefix("--")
                            && arg.dropFirst().contains { "AIDRFXPNEZ".contains($0) })
                })
            else { return [] }
            return ["changes firewall rules (\(name) \(flag))"]
        case "iptables-restore", "ip6tables-restore":
            return ["changes firewall rules (\(name))"]
        case "nft":
            let verb = positionals(args).first ?? ""
            // `-c` (`--check`) only checks the commands or the file, without applying them: among nft's own
            // options before its command (not a rule's `comment -cleanup`), in a cluster before a letter
            // that takes a value (`-cf FILE`, not `-fc`, whose file is `c`).
            var own: [String] = []
            var index = 0
            while index < args.count, args[index].hasPrefix("-") {
                own.append(args[index])
                if ["-f", "--file", "-I", "--includepath", "-D", "--define"].contains(args[index]) { index += 1 }
                index += 1
            }
            if hasShortFlag(own, "c", long: "--check", before: "fIDo") { return [] }
            if hasChangingFlag(args, ["-f", "--file"]) { return ["changes firewall rules (nft -f)"] }
            if hasChangingFlag(own, ["-i", "--interactive"]) { return ["runs the nft commands it reads (nft -i)"] }
            // nft joins its words into one text, in which `;` separates commands (`list ruleset \; flush ruleset`).
            let verbs = separatedCommands(Array(args.dropFirst(own.count))).map { positionals($0).first ?? "" }
            guard let change = verbs.first(where: { !["list", "describe", "monitor", ""].contains($0) }) else {
                return verb.isEmpty || ["list", "describe", "monitor"].contains(verb)
                    ? [] : ["changes firewall rules (nft \(verb))"]
            }
            return ["changes firewall rules (nft \(change))"]
        case "ufw":
            let words = positionals(args)
            let verb = words.first ?? ""
            // (`ufw app list` and `app info X` show; `app update`, `app default` change.)
            if verb == "app" {
                return ["list", "info"].contains(words.dropFirst().first ?? "list")
                    ? [] : ["changes firewall rules (ufw app)"]
            }
            return ["status", "show", "version", ""].contains(verb) ? [] : ["changes firewall rules (ufw \(verb))"]
        case "firewall-cmd":
            let reads = args.allSatisfy {
                $0.hasPrefix("--list") || $0.hasPrefix("--get") || $0.hasPrefix("--query") || $0 == "--state"
                    || $0.hasPrefix("--zone") || $0 == "--permanent"
            }
            return reads ? [] : ["changes firewall rules (firewall-cmd)"]
        case "ip", "tc":
            return ipCommand(name, args)
        case "nmcli":
            // `nmcli general hostname NAME` and `general logging level L` set (any beginning of each word
            // names it, as nmcli reads them); the rest is judged by its verbs (`con down`, `con modify`).
            let words = operands(
                args,
                valued: [
                    "-f", "--fields", "-g", "--get-values", "-e", "--escape", "-w", "--wait", "-c", "--colors",
                    "-m", "--mode",
                ])
            if words.count >= 3, "general".hasPrefix(words[0]),
                let setting = ["hostname", "logging"].first(where: { $0.hasPrefix(words[1]) })
            {
                return ["changes network settings (nmcli general \(setting))"]
            }
            return unknownProgram(name, args)
        case "conntrack":
            // (`-z` zeroes the counters of what it lists.)
            let changes: Set<String> = ["--flush", "--delete", "--create", "--update", "--load-file", "--zero"]
            return hasChangingFlag(args, changes, letters: "FDIURz")
                ? ["changes the connection tracking table (conntrack)"] : []
        case "ipvsadm":
            let changes: Set<String> = [
                "--add-service", "--edit-service", "--delete-service", "--clear", "--restore", "--add-server",
                "--edit-server", "--delete-server", "--zero", "--set", "--start-daemon", "--stop-daemon",
            ]
            return hasChangingFlag(args, changes, letters: "AEDCRaedZ")
                ? ["changes the IPVS table (ipvsadm)"] : []
        case "ifup", "ifdown":
            return hasFlag(args, ["-n", "--no-act", "-h", "--help", "-V", "--version"]) || args.isEmpty
                ? [] : ["changes network interfaces (\(name))"]
        case "ifconfig":
            // `ifconfig eth0` shows the interface; anything after its name sets it (`ifconfig eth0 down`).
            // (Options after the name set flags too: `ifconfig eth0 -promisc`.)
            let words = args.filter { !["-a", "-s", "-v", "-l"].contains($0) }
            return words.count >= 2 ? ["changes network interfaces (ifconfig)"] : []
        case "ethtool":
            let changes: Set<String> = [
                "-s", "--change", "-G", "--set-ring", "-L", "--set-channels", "-r", "--negotiate", "-K", "--features",
                "--offload", "-A", "--pause", "-C", "--coalesce", "-E", "--change-eeprom", "-f", "--flash", "-X",
                "--rxfh", "-N", "-U", "--config-nfc", "--config-ntuple", "-W", "--reset", "-t", "--test",
                "--cable-test",
            ]
            let changing = args.first { changes.contains($0) || $0.hasPrefix("--set-") }
            return changing.map { ["changes network interface settings (ethtool \($0))"] } ?? []
        case "fdisk":
            return hasFlag(args, ["-l", "--list"]) ? [] : ["changes disks or filesystems (fdisk)"]
        case "sfdisk":
            // Listing, dumping, verifying or a dry run (`-n`) only show; a layout on stdin, `--delete`,
            // `--reorder` or `--activate` write.
            let shows: Set<String> = [
                "-l", "--list", "-d", "--dump", "-J", "--json", "-s", "--show-size", "-V", "--verify", "-F",
                "--list-free", "-g", "--show-geometry", "-n", "--no-act", "--list-types", "-T",
            ]
            // (The last action option wins: any that sets counts.)
            let changes: Set<String> = [
                "--delete", "-r", "--reorder", "-A", "--activate", "--relocate", "--part-type", "--part-label",
                "--part-uuid", "--part-attrs", "--id", "-c", "--change-id", "--disk-id",
            ]
            return hasFlag(args, shows) && !hasFlag(args, changes) ? [] : ["changes disks or filesystems (sfdisk)"]
        case "parted":
            // `parted -l`, or a device and commands that only print (`parted -s /dev/sda unit s print free`).
            let showWords: Set<String> = [
                "print", "free", "all", "list", "devices", "unit", "align-check", "opt", "min", "help", "version",
                "quit", "s", "b", "kb", "mb", "gb", "tb", "kib", "mib", "gib", "tib", "%", "cyl", "chs", "compact",
            ]
            // (With `-l`, commands after a device still run: `parted -l /dev/sda rm 1`.)
            let words = positionals(args).dropFirst().map { $0.lowercased() }
            let shows =
                hasFlag(args, ["-l", "--list"]) && words.allSatisfy { showWords.contains($0) }
                || !words.isEmpty
                    && words.allSatisfy { word in
                        showWords.contains(word) || word.allSatisfy(\.isNumber)
                    }
            return shows ? [] : ["changes disks or filesystems (parted)"]
        case "wipefs":
            // Without `-a` or `-o OFFSET` it lists the signatures it would erase; `-n` erases nothing.
            // (`-n` counts in a cluster only before a letter that takes a value: `-tntfs` names a type.)
            let erases = hasChangingFlag(args, ["-a", "--all", "-o", "--offset"], letters: "ao")
            let noAct = hasShortFlag(args, "n", long: "--no-act", before: "oOt")
            return erases && !noAct ? ["changes disks or filesystems (wipefs)"] : []
        case "swapon":
            return hasFlag(args, ["--show", "-s", "--summary"]) || args.isEmpty
                ? [] : ["changes swap (swapon)"]
        case "e2fsck", "xfs_repair",
            _ where name.hasPrefix("fsck"):
            // `-n` opens the filesystem read-only and answers no to every repair (also in a cluster: `-fn`).
            return hasFlag(args, [], letters: "n") ? [] : ["changes disks or filesystems (\(name))"]
        case "tune2fs":
            return !args.isEmpty && args.allSatisfy({ $0 == "-l" || !$0.hasPrefix("-") })
                ? [] : ["changes disks or filesystems (tune2fs)"]
        case "mdadm":
            let shows: Set<String> = ["--detail", "-D", "--examine", "-E", "--query", "-Q", "--detail-platform"]
            let changes: Set<String> = [
                "--fail", "-f", "--remove", "-r", "--add", "-a", "--re-add", "--stop", "-S", "--run", "-R",
                "--create", "-C", "--assemble", "-A", "--grow", "-G", "--zero-superblock", "--manage", "--readonly",
                "--readwrite", "--replace", "--build", "-B", "--incremental", "-I", "--monitor", "-F",
            ]
            return hasFlag(args, shows) && !hasFlag(args, changes) ? [] : ["changes disks or filesystems (mdadm)"]
        case "xfs_growfs":
            return hasFlag(args, ["-n"]) ? [] : ["changes disks or filesystems (xfs_growfs)"]
        case "sgdisk":
            let shows: Set<String> = [
                "-p", "--print", "-i", "--info", "-v", "--verify", "-O", "--print-mbr", "-L", "--list-types", "-V",
                "--version", "-?", "--help",
            ]
            let options = args.filter { $0.hasPrefix("-") }
            return !options.isEmpty && options.allSatisfy({ shows.contains(String($0.prefix { $0 != "=" })) })
                ? [] : ["changes disks or filesystems (sgdisk)"]
        case "exportfs":
            // Alone or with `-v`/`-s` it lists the exports; `-a`, `-r`, `-u`, `-f`, `-o` or a `host:/path` change them.
            let changes = hasChangingFlag(args, [], letters: "aruifo") || !positionals(args).isEmpty
            return changes ? ["changes NFS exports (exportfs)"] : []
        case "zpool", "zfs":
            let reads: Set<String> = [
                "status", "list", "iostat", "get", "history", "events", "help", "version", "diff", "holds", "userspace",
                "groupspace", "projectspace", "send", "wait",
            ]
            // `zpool events -c` clears the event log.
            if positionals(args).first == "events", hasFlag(args, ["-c"], letters: "c") {
                return ["changes ZFS pools or datasets (zpool events -c)"]
            }
            guard let verb = positionals(args).first, !reads.contains(verb) else { return [] }
            return ["changes ZFS pools or datasets (\(name) \(verb))"]
        case "mkswap", "swapoff", "resize2fs", "lvcreate", "lvremove", "lvextend", "lvresize", "lvreduce",
            "vgremove", "vgextend", "pvremove", "pvcreate", "blkdiscard", "fsfreeze", "pvmove", "lvchange",
            "vgchange", "pvchange", "vgcreate", "vgreduce", "vgrename", "lvrename", "lvconvert", "pvresize", "vgimport",
            "vgexport", "vgcfgrestore":
            return hasFlag(args, ["--help", "-h", "--version"]) ? [] : ["changes disks or filesystems (\(name))"]
        default:
            if name.hasPrefix("mkfs") {
                return ["changes disks or filesystems (\(name))"]
            }
            return nil
        }
    }

    /// `ip OBJECT COMMAND` and `tc OBJECT COMMAND`, after options and their values (`ip -n NS route add`).
    /// Both take any beginning of a word for the word (`ip r d` is `ip route del`); a lone `s` is `set` for
    /// a link and `show` for anything else, as ip reads it. A command read from a file (`-batch`) is
    /// not known to be read-only.
    private static func ipCommand(_ name: String, _ args: [String]) -> [String] {
        if args.contains(where: { ["-b", "-batch", "--batch"].contains($0) }) {
            return ["changes network configuration (\(name) -batch)"]
        }
        let valued: Set<String> = [
            "-n", "-netns", "-f", "-family", "-rc", "-rcvbuf", "-l", "-loops", "-cf", "-conf", "-nm", "-name",
        ]
        let words = operands(args, valued: valued)
        guard words.count >= 2 else { return [] }
        let reads = ["show", "list", "lst", "ls", "get", "monitor", "save", "help", "showdump"]
        var changes = [
            "add", "delete", "del", "change", "chg", "replace", "set", "flush", "append", "prepend", "update",
        ]
        changes += name == "tc" ? ["link"] : ["restore", "attach"]
        let command = words[1]
        // `ip vrf exec NAME CMD`, `ip -all netns exec CMD`, `tc exec bpf …`: a command or program of its own.
        // (`ip netns exec NS CMD` is read as its command, in the wrappers.)
        if command == "exec" || words[0] == "exec" {
            return ["runs a command that is not classified (\(name) \(words[0]) \(command))"]
        }
        let isLink = name == "ip" && "link".hasPrefix(words[0])
        let changing: Bool
        if reads.contains(command) || command.hasPrefix("sh") {
            changing = false
        } else if command == "s" {
            changing = isLink
        } else if changes.contains(where: { $0.hasPrefix(command) }) {
            changing = true
        } else {
            // A command of a sub-object (`ip xfrm state flush`, `ip xfrm state deleteall`, `ip mptcp
            // endpoint add`), which ip takes cut short as well (`dela`, `setd`).
            let subChanges = changes + ["deleteall", "delall", "setdefault"]
            changing = words.count >= 3 && subChanges.contains { $0 == words[2] || $0.hasPrefix(words[2]) }
        }
        return changing ? ["changes network configuration (\(name) \(words[0]) \(command))"] : []
    }

    /// redis-cli's options that take the next word as their value.
    private static let redisValuedOptions: Set<String> = [
        "-h", "-p", "-a", "-n", "-u", "--user", "--pass", "-s", "-r", "-i", "-d", "-D", "--cacert", "--cacertdir",
        "--cert", "--key", "--tls-ciphers", "--tls-ciphersuites", "--sni", "--pattern", "--count", "--quoted-pattern",
        "--memkeys-samples", "--intrinsic-latency", "--askpass-file", "-t",
    ]

    /// Redis commands that only read. Every other command is not known to be read-only (`SAVE`, `EVAL`,
    /// `SWAPDB`, `CLUSTER FAILOVER`); a command with subcommands reads only with one of `redisReadSubcommands`.
    private static let redisReads: Set<String> = [
        "GET", "MGET", "EXISTS", "TYPE", "TTL", "PTTL", "EXPIRETIME", "PEXPIRETIME", "KEYS", "SCAN", "SSCAN",
        "HSCAN", "ZSCAN", "STRLEN", "GETRANGE", "SUBSTR", "LCS", "HGET", "HMGET", "HGETALL", "HKEYS", "HVALS", "HLEN",
        "HEXISTS", "HSTRLEN", "HRANDFIELD", "LRANGE", "LLEN", "LINDEX", "LPOS", "SMEMBERS", "SISMEMBER",
        "SMISMEMBER", "SCARD", "SRANDMEMBER", "SINTER", "SUNION", "SDIFF", "SINTERCARD", "ZRANGE", "ZRANGEBYSCORE",
        "ZREVRANGE", "ZREVRANGEBYSCORE", "ZRANGEBYLEX", "ZREVRANGEBYLEX", "ZCARD", "ZSCORE", "ZMSCORE", "ZRANK",
        "ZREVRANK", "ZCOUNT", "ZLEXCOUNT", "ZRANDMEMBER", "ZDIFF", "ZINTER", "ZUNION", "XRANGE", "XREVRANGE", "XLEN",
        "XREAD", "XPENDING", "PFCOUNT", "GETBIT", "BITCOUNT", "BITPOS", "GEOPOS", "GEODIST", "GEOHASH",
        "GEORADIUS_RO", "GEORADIUSBYMEMBER_RO", "GEOSEARCH", "DUMP", "INFO", "PING", "ECHO", "TIME", "DBSIZE",
        "LASTSAVE", "ROLE", "MONITOR", "RANDOMKEY", "SELECT", "AUTH", "HELLO", "READONLY", "WAIT", "QUIT", "SORT_RO",
        "EVAL_RO", "EVALSHA_RO", "FCALL_RO", "SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE", "HELP", "LOLWUT", "TOUCH",
    ]

    /// The subcommands that only read, of the commands that have subcommands.
    private static let redisReadSubcommands: [String: Set<String>] = [
        "CLUSTER": [
            "INFO", "NODES", "SLOTS", "SHARDS", "MYID", "MYSHARDID", "KEYSLOT", "COUNTKEYSINSLOT", "GETKEYSINSLOT",
            "LINKS", "REPLICAS", "SLAVES", "COUNT-FAILURE-REPORTS", "HELP",
        ],
        "SENTINEL": [
            "MASTERS", "MASTER", "PRIMARIES", "PRIMARY", "REPLICAS", "SLAVES", "SENTINELS", "GET-MASTER-ADDR-BY-NAME",
            "GET-PRIMARY-ADDR-BY-NAME", "CKQUORUM", "INFO-CACHE", "MYID", "PENDING-SCRIPTS", "HELP",
            "IS-MASTER-DOWN-BY-ADDR",
        ],
        "CONFIG": ["GET", "HELP"], "CLIENT": ["LIST", "INFO", "ID", "GETNAME", "HELP", "TRACKINGINFO", "GETREDIR"],
        "SCRIPT": ["EXISTS", "HELP"], "FUNCTION": ["LIST", "DUMP", "STATS", "HELP"],
        "ACL": ["LIST", "USERS", "GETUSER", "WHOAMI", "CAT", "LOG", "HELP", "DRYRUN"],
        "SLOWLOG": ["GET", "LEN", "HELP"], "MEMORY": ["USAGE", "STATS", "DOCTOR", "MALLOC-STATS", "HELP"],
        "LATENCY": ["LATEST", "HISTORY", "DOCTOR", "GRAPH", "HISTOGRAM", "HELP"], "MODULE": ["LIST", "HELP"],
        "OBJECT": ["ENCODING", "FREQ", "IDLETIME", "REFCOUNT", "HELP"],
        "XINFO": ["STREAM", "GROUPS", "CONSUMERS", "HELP"],
        "COMMAND": ["COUNT", "DOCS", "GETKEYS", "GETKEYSANDFLAGS", "INFO", "LIST", "HELP"],
        "PUBSUB": ["CHANNELS", "NUMPAT", "NUMSUB", "SHARDCHANNELS", "SHARDNUMSUB", "HELP"],
    ]

    /// redis-cli: the command after its options is read-only only when Redis is known to only read it.
    /// An option nobody listed may take the next word as its value (`--tls-x FILE FLUSHALL`): then the
    /// command is the word after that value.
    private static func redisCLI(_ name: String, _ args: [String]) -> [String] {
        // `--rdb FILE` writes a snapshot; `--pipe` and `--eval FILE` run commands no word shows; `-x` reads its
        // last argument; `--cluster` manages the cluster unless it checks or shows.
        let hidden: Set<String> = ["--rdb", "--functions-rdb", "--pipe", "--eval", "--lru-test"]
        if let option = args.first(where: { hidden.contains(String($0.prefix { $0 != "=" })) }) {
            return ["runs or writes what its words do not show (\(name) \(option.prefix { $0 != "=" }))"]
        }
        if let index = args.firstIndex(of: "--cluster") {
            let sub = args.dropFirst(index + 1).first ?? ""
            return ["check", "info", "help", ""].contains(sub)
                ? [] : ["changes the Redis cluster (\(name) --cluster \(sub))"]
        }
        var rest = ArraySlice(args)
        var unknownOption = false
        // Options known to take no value.
        let flags: Set<String> = [
            "--raw", "--no-raw", "--csv", "--json", "--quoted-json", "--tls", "--insecure", "--no-auth-warning",
            "--verbose", "-c", "-e", "-2", "-3", "--show-pushes", "-x",
        ]
        while let first = rest.first, first.hasPrefix("-"), first != "-" {
            rest = rest.dropFirst()
            if redisValuedOptions.contains(first) {
                rest = rest.dropFirst()
            } else if !first.contains("="), !flags.contains(first) {
                unknownOption = true
            }
        }
        let known = { (word: String) in
            let upper = word.uppercased()
            return redisReads.contains(upper) || redisReadSubcommands[upper] != nil || redisWriteNames.contains(upper)
        }
        if unknownOption, let first = rest.first, !known(first), rest.count > 1 { rest = rest.dropFirst() }
        // With no command it runs the commands it reads (`echo FLUSHALL | redis-cli`, `< cmds.txt`).
        guard let command = rest.first?.uppercased() else {
            let modes = [
                "--stat", "--latency", "--latency-history", "--latency-dist", "--bigkeys", "--memkeys",
                "--hotkeys", "--keystats", "--scan", "--help", "--version", "-v", "--intrinsic-latency",
            ]
            return hasFlag(args, Set(modes)) ? [] : ["runs the commands it reads (\(name))"]
        }
        if redisReads.contains(command) { return [] }
        // `SORT` writes only with `STORE`; module commands that read (`JSON.GET`, `FT.SEARCH`).
        if command == "SORT", !rest.contains(where: { $0.uppercased() == "STORE" }) { return [] }
        let moduleReads: Set<String> = [
            "JSON.GET", "JSON.MGET", "JSON.TYPE", "JSON.STRLEN", "JSON.OBJKEYS", "JSON.OBJLEN", "JSON.ARRLEN",
            "JSON.RESP", "FT.SEARCH", "FT.AGGREGATE", "FT.INFO", "FT._LIST", "FT.EXPLAIN", "TS.GET", "TS.MGET",
            "TS.RANGE", "TS.REVRANGE", "TS.MRANGE", "TS.INFO", "BF.EXISTS", "CF.EXISTS",
        ]
        if moduleReads.contains(command) { return [] }
        if let reads = redisReadSubcommands[command] {
            let sub = rest.dropFirst().first?.uppercased() ?? "HELP"
            // (`ACL LOG RESET` clears the log it shows.)
            if reads.contains(sub), !(command == "ACL" && rest.dropFirst(2).first?.uppercased() == "RESET") {
                return []
            }
            // `SENTINEL CONFIG GET`.
            if command == "SENTINEL", sub == "CONFIG", rest.dropFirst(2).first?.uppercased() == "GET" { return [] }
            return ["changes Redis data or settings (\(name) \(command) \(sub))"]
        }
        return ["changes Redis data or settings (\(name) \(command))"]
    }

    /// Redis commands that write, named so that an unknown option's value is not taken for the command.
    private static let redisWriteNames: Set<String> = [
        "FLUSHALL", "FLUSHDB", "DEL", "UNLINK", "SET", "SETEX", "SETNX", "MSET", "HSET", "HDEL", "LPUSH", "RPUSH",
        "APPEND", "SETRANGE", "PSETEX", "MSETNX", "HMSET", "HSETNX", "HINCRBY", "LSET", "LREM", "LTRIM", "SADD", "SREM",
        "ZADD", "ZREM", "ZINCRBY", "INCRBY", "DECRBY", "INCRBYFLOAT", "GETEX", "PERSIST", "RENAME", "RENAMENX",
        "LPOP", "RPOP", "SADD", "SREM", "ZADD", "ZREM", "EXPIRE", "PERSIST", "RENAME", "RESTORE", "MIGRATE", "SHUTDOWN",
        "DEBUG", "REPLICAOF", "SLAVEOF", "FAILOVER", "INCR", "DECR", "SAVE", "BGSAVE", "BGREWRITEAOF", "EVAL",
        "EVALSHA", "FCALL", "SWAPDB", "MOVE", "COPY", "PUBLISH", "XADD", "XDEL", "XTRIM", "XGROUP", "GETDEL", "GETSET",
    ]

    /// Where curl's output options write nothing to keep: the screen or nowhere.
    static let screenTargets: Set<String> = ["-", "/dev/stdout", "/dev/stderr", "/dev/null"]

    /// Daemons' own control tools and HTTP clients; nil when `name` is none of these.
    static func daemons(_ name: String, _ args: [String]) -> [String]? {
        switch name {
        case "nginx", "httpd", "apache2":
            guard let index = args.firstIndex(of: "-s"), index + 1 < args.count else {
                if args.contains("-k") { return ["controls the web server (\(name) -k)"] }
                // Testing or showing the configuration, or the version; anything else starts a server
                // (`sudo nginx`, `nginx -g 'daemon off;'`).
                let reads: Set<String> = ["-t", "-T", "-v", "-V", "-h", "-?", "-tq", "-qt", "-S", "-M", "-l", "-L"]
                return args.contains(where: reads.contains) ? [] : ["starts the web server (\(name))"]
            }
            return ["signals the web server (\(name) -s \(args[index + 1]))"]
        case "apachectl", "apache2ctl":
            let verbs: Set<String> = ["start", "stop", "restart", "graceful", "graceful-stop"]
            return args.contains(where: verbs.contains)
                ? ["controls the web server (\(name) \(args[0]))"] : []
        case "supervisorctl", "pm2":
            let verbs: Set<String> = [
                "start", "stop", "restart", "reload", "update", "remove", "add", "clear", "shutdown",
                "delete", "kill",
                "scale", "flush",
            ]
            if let verb = firstVerb(args, in: verbs) { return ["controls supervised processes (\(name) \(verb))"] }
            // Only a command known to show is read-only (`supervisorctl signal HUP x`, `pm2 resurrect`
            // are not).
            let reads: Set<String> = [
                "status", "avail", "pid", "tail", "help", "version", "list", "ls", "l", "ps", "jlist", "prettylist",
                "describe", "desc", "show", "info", "logs", "monit", "env", "maintail", "fpid",
            ]
            let words = positionals(args)
            guard let first = words.first, !reads.contains(first) else { return [] }
            return [unknownReason("\(name) \(first)")]
        case "curl":
            return curl(args)
        case "wget":
            let toStdout =
                args.contains {
                    ["-O-", "-qO-", "-O/dev/null", "--output-document=-", "--spider"].contains($0)
                }
                || args.indices.contains {
                    args[$0].hasSuffix("O") && args[$0].hasPrefix("-") && $0 + 1 < args.count
                        && ["-", "/dev/null"].contains(args[$0 + 1])
                }
            let sends = args.contains {
                $0.hasPrefix("--post-") || $0.hasPrefix("--method") || $0.hasPrefix("--body-")
            }
            return (sends ? ["sends data in a request (wget)"] : [])
                + (toStdout ? [] : ["writes a downloaded file (wget)"])
        case "redis-cli", "valkey-cli":
            return redisCLI(name, args)
        default:
            return nil
        }
    }

    /// Long options of curl that neither send nor write but begin one that does (`--cookie` sends
    /// cookies; `--cookie-jar` writes them).
    private static let curlReadOnlyOptions: Set<String> = ["--cookie"]

    /// Long options of curl that take no value: a `-G` after any other long option may be its value
    /// (`--user-agent -G`), and then the data is still posted.
    private static let curlFlagLongOptions: Set<String> = [
        "--silent", "--compressed", "--insecure", "--fail", "--fail-with-body", "--location", "--location-trusted",
        "--verbose", "--show-error", "--include", "--head", "--globoff", "--http1.0", "--http1.1", "--http2",
        "--http2-prior-knowledge", "--http3", "--ipv4", "--ipv6", "--no-buffer", "--raw", "--path-as-is",
        "--no-keepalive", "--no-progress-meter", "--progress-bar", "--retry-connrefused", "--retry-all-errors",
        "--ssl", "--ssl-reqd", "--tcp-nodelay", "--tlsv1", "--tlsv1.2", "--tlsv1.3", "--digest", "--basic",
        "--ntlm", "--negotiate", "--anyauth", "--netrc", "--netrc-optional", "--disable", "--trace-time",
        "--proxy-insecure", "--styled-output", "--no-styled-output", "--get",
    ]

    /// URL schemes whose requests curl makes as reads (unless told to send data).
    private static let readSchemes: Set<String> = ["http", "https", "ftp", "ftps", "file"]

    private static func curl(_ args: [String]) -> [String] {
        var found: [String] = []
        let valueLetters = Set("oXdFTHuwAeEmrbcDKQzxyYUtPC")
        // `-w '%output{FILE}'` writes the rest of the format into FILE.
        if args.contains(where: { $0.contains("%output{") }) { found.append("writes a file (curl -w %output)") }
        if args.contains(where: { $0 == "-K" || $0.hasPrefix("-K") && $0.count > 2 }) {
            found.append("reads its options from a file (curl -K)")
        }
        // `-G` (`--get`) puts the data of `-d` into the URL's query of a GET request: data counts once
        // every option is read.
        var isGet = false
        var sendsData = false
        var index = 0
        func note(_ option: Character, _ value: String) {
            switch option {
            case "X" where !["GET", "HEAD", "OPTIONS"].contains(value.uppercased()):
                found.append("sends a \(value.uppercased()) request (curl -X \(value.uppercased()))")
            case "d":
                sendsData = true
            case "F", "T":
                found.append("sends data in a request (curl -\(option))")
            case "o" where !Self.screenTargets.contains(value):
                found.append("writes a downloaded file (curl -o \(value))")
            case "D" where !Self.screenTargets.contains(value), "c" where !Self.screenTargets.contains(value):
                found.append("writes a file (curl -\(option) \(value))")
            default:
                break
            }
        }
        while index < args.count {
            let arg = args[index]
            index += 1
            // A URL whose scheme sends raw text to a service (`gopher://redis:6379/_FLUSHALL`,
            // `dict://`, `telnet://`), or mails, or writes (`smtp://`, `ldap://`...): not a read.
            let url = arg.hasPrefix("--url=") ? String(arg.dropFirst(6)) : arg
            if let scheme = url.range(of: "://").map({ url[..<$0.lowerBound].lowercased() }), !url.hasPrefix("-"),
                !readSchemes.contains(scheme)
            {
                found.append("sends to a \(scheme) service (curl \(scheme)://)")
                continue
            }
            // `--proto-default gopher` gives a URL without a scheme that one; `-Q` sends raw commands to
            // an FTP server (`DELE`).
            if arg == "--proto-default" || arg.hasPrefix("--proto-default="), index < args.count || arg.contains("=") {
                let scheme = arg.contains("=") ? String(arg.split(separator: "=", maxSplits: 1)[1]) : args[index]
                if !readSchemes.contains(scheme.lowercased()) {
                    found.append("sends to a \(scheme) service (curl --proto-default \(scheme))")
                }
            }
            if arg == "-Q" || arg == "--quote" || arg.hasPrefix("--quote=") {
                found.append("sends commands to the server (curl -Q)")
            }

            if arg.hasPrefix("--") {
                if arg == "--get" { isGet = true }
                var parts = arg.split(separator: "=", maxSplits: 1).map(String.init)
                // curl 8.3's `--expand-data` and the like are the option with variables expanded.
                if parts[0].hasPrefix("--expand-") { parts[0] = "--" + parts[0].dropFirst("--expand-".count) }
                let long: [String: Character] = [
                    "--request": "X", "--data": "d", "--data-raw": "d", "--data-binary": "d",
                    "--data-urlencode": "d", "--data-ascii": "d", "--form-string": "F",
                    "--json": "d", "--form": "F", "--upload-file": "T", "--output": "o", "--dump-header": "D",
                    "--cookie-jar": "c",
                ]
                let writes = [
                    "--trace", "--trace-ascii", "--libcurl", "--hsts", "--alt-svc", "--etag-save", "--stderr",
                ]
                // Older curl takes a long option cut short (`--dat`, `--upload`): read as the option it
                // begins among those that send or write, when it is not an option of its own.
                let known = Set(long.keys).union(writes).union(["--remote-name", "--remote-name-all", "--config"])
                if !known.contains(parts[0]), !Self.curlReadOnlyOptions.contains(parts[0]),
                    let full = abbreviatedFlag(parts[0], of: known.sorted())
                {
                    parts[0] = full
                }
                if parts[0] == "--remote-name" || parts[0] == "--remote-name-all" {
                    found.append("writes a downloaded file (curl \(parts[0]))")
                } else if writes.contains(parts[0]) {
                    let value = parts.count > 1 ? parts[1] : (index < args.count ? args[index] : "")
                    // `--stderr -` and `--trace-ascii /dev/stdout` write to the screen.
                    if !Self.screenTargets.contains(value) {
                        found.append("writes a file (curl \(parts[0]))")
                    }
                    if parts.count == 1 { index += 1 }
                } else if parts[0] == "--config" {
                    found.append("reads its options from a file (curl --config)")
                    if parts.count == 1 { index += 1 }
                } else if let option = long[parts[0]] {
                    let value = parts.count > 1 ? parts[1] : (index < args.count ? args[index] : "")
                    if parts.count == 1 { index += 1 }
                    note(option, value)
                }
            } else if arg.hasPrefix("-") && arg.count > 1 {
                var letters = arg.dropFirst()
                while let letter = letters.first {
                    letters = letters.dropFirst()
                    if letter == "O" { found.append("writes a downloaded file (curl -O)") }
                    // (After a long option with no `=`, this word may be its value: `--user-agent -G`.)
                    if letter == "G",
                        index < 2 || !args[index - 2].hasPrefix("--") || args[index - 2].contains("=")
                            || Self.curlFlagLongOptions.contains(args[index - 2])
                    {
                        isGet = true
                    }
                    guard valueLetters.contains(letter) else { continue }
                    let value = letters.isEmpty ? (index < args.count ? args[index] : "") : String(letters)
                    if letters.isEmpty { index += 1 }
                    note(letter, value)
                    break
                }
            }
        }
        // `--next` (`-:`) starts another request, which `-G` of the first does not make a GET.
        let several = args.contains { $0 == "--next" || $0 == "-:" }
        if sendsData, !isGet || several { found.append("sends data in a request (curl -d)") }
        return found
    }
}
