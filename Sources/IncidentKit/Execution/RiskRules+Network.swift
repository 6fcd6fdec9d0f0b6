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
                "--rename-chain", "--zero",
            ]
            guard
                let flag = args.first(where: { arg in
                    changes.contains(arg)
                        || (arg.hasPrefix("-") && !arg.hasPrefix("--")
                            && arg.dropFirst().contains { "AIDRFXPNEZ".contains($0) })
                })
            else { return [] }
            return ["changes firewall rules (\(name) \(flag))"]
        case "iptables-restore", "ip6tables-restore":
            return ["changes firewall rules (\(name))"]
        case "nft":
            let verb = positionals(args).first ?? ""
            if hasChangingFlag(args, ["-f", "--file"]) { return ["changes firewall rules (nft -f)"] }
            return ["list", "describe", "monitor", ""].contains(verb)
                ? [] : ["changes firewall rules (nft \(verb))"]
        case "ufw":
            let verb = positionals(args).first ?? ""
            return ["status", "show", "version", "app", ""].contains(verb)
                ? [] : ["changes firewall rules (ufw \(verb))"]
        case "firewall-cmd":
            let reads = args.allSatisfy {
                $0.hasPrefix("--list") || $0.hasPrefix("--get") || $0.hasPrefix("--query") || $0 == "--state"
                    || $0.hasPrefix("--zone") || $0 == "--permanent"
            }
            return reads ? [] : ["changes firewall rules (firewall-cmd)"]
        case "ip":
            let words = positionals(args)
            let changes: Set<String> = [
                "add", "del", "delete", "change", "replace", "set", "flush", "append", "prepend",
            ]
            guard words.count >= 2, changes.contains(words[1]) else { return [] }
            return ["changes network configuration (ip \(words[0]) \(words[1]))"]
        case "fdisk", "sfdisk", "parted":
            return hasFlag(args, ["-l", "--list"]) ? [] : ["changes disks or filesystems (\(name))"]
        case "swapon":
            return hasFlag(args, ["--show", "-s", "--summary"]) || args.isEmpty
                ? [] : ["changes swap (swapon)"]
        case "wipefs", "mkswap", "swapoff", "e2fsck", "tune2fs", "resize2fs", "xfs_repair", "lvcreate",
            "lvremove",
            "lvextend", "lvresize", "lvreduce", "vgremove", "vgextend", "pvremove", "pvcreate", "mdadm",
            "blkdiscard":
            return ["changes disks or filesystems (\(name))"]
        default:
            if name.hasPrefix("mkfs") || name.hasPrefix("fsck") {
                return ["changes disks or filesystems (\(name))"]
            }
            return nil
        }
    }

    /// Daemons' own control tools and HTTP clients; nil when `name` is none of these.
    static func daemons(_ name: String, _ args: [String]) -> [String]? {
        switch name {
        case "nginx", "httpd", "apache2":
            guard let index = args.firstIndex(of: "-s"), index + 1 < args.count else {
                return args.contains("-k") ? ["controls the web server (\(name) -k)"] : []
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
            guard let verb = firstVerb(args, in: verbs) else { return [] }
            return ["controls supervised processes (\(name) \(verb))"]
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
            let rest = dropOptions(
                args, valued: ["-h", "-p", "-a", "-n", "-u", "--user", "--pass", "-s", "-r", "-i"])
            // With no command it runs the commands it reads (`echo FLUSHALL | redis-cli`, `< cmds.txt`).
            if rest.isEmpty, !hasFlag(args, ["--stat", "--latency", "--bigkeys", "--memkeys", "--scan", "--help"]) {
                return ["runs the commands it reads (\(name))"]
            }
            let writes: Set<String> = [
                "FLUSHALL", "FLUSHDB", "DEL", "UNLINK", "SET", "SETEX", "MSET", "HSET", "HDEL", "LPUSH",
                "RPUSH", "LPOP",
                "RPOP", "SADD", "SREM", "ZADD", "ZREM", "EXPIRE", "PERSIST", "RENAME", "RESTORE", "MIGRATE",
                "SHUTDOWN",
                "DEBUG", "CONFIG", "CLIENT", "SCRIPT", "FUNCTION", "REPLICAOF", "SLAVEOF", "FAILOVER", "INCR",
                "DECR",
            ]
            guard let command = rest.first?.uppercased(), writes.contains(command) else { return [] }
            let sub = rest.dropFirst().first?.uppercased() ?? ""
            if ["CONFIG", "CLIENT", "SCRIPT", "FUNCTION"].contains(command)
                && ["GET", "LIST", "INFO", "EXISTS", "ID"].contains(sub)
            {
                return []
            }
            return ["changes Redis data or settings (\(name) \(command))"]
        default:
            return nil
        }
    }

    /// Long options of curl that neither send nor write but begin one that does (`--cookie` sends
    /// cookies; `--cookie-jar` writes them).
    private static let curlReadOnlyOptions: Set<String> = ["--cookie"]

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
        var index = 0
        func note(_ option: Character, _ value: String) {
            switch option {
            case "X" where !["GET", "HEAD", "OPTIONS"].contains(value.uppercased()):
                found.append("sends a \(value.uppercased()) request (curl -X \(value.uppercased()))")
            case "d", "F", "T":
                found.append("sends data in a request (curl -\(option))")
            case "o" where !["/dev/null", "-"].contains(value):
                found.append("writes a downloaded file (curl -o \(value))")
            case "D" where !["/dev/null", "-"].contains(value), "c" where !["/dev/null", "-"].contains(value):
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
                var parts = arg.split(separator: "=", maxSplits: 1).map(String.init)
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
                    if !["-", "/dev/stdout", "/dev/stderr", "/dev/null"].contains(value) {
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
                    guard valueLetters.contains(letter) else { continue }
                    let value = letters.isEmpty ? (index < args.count ? args[index] : "") : String(letters)
                    if letters.isEmpty { index += 1 }
                    note(letter, value)
                    break
                }
            }
        }
        return found
    }
}
