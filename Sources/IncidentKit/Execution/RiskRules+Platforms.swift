extension RiskRules {
    /// Kubernetes, Helm, containers, git, packages, databases and cloud CLIs; nil for other names.
    static func platform(_ name: String, _ args: [String], _ context: Context) -> [String]? {
        switch name {
        case "kubectl", "oc", "k":
            return kubectl(name, args)
        case "helm":
            let changes: Set<String> = ["install", "upgrade", "rollback", "uninstall", "delete", "del", "un"]
            let reads: Set<String> = [
                "list", "ls", "status", "history", "get", "show", "template", "search", "version",
                "lint", "diff", "repo", "dependency", "env", "plugin", "pull", "verify",
            ]
            guard let verb = firstVerb(args, in: changes.union(reads)) else { return [] }
            // `helm repo add`, `helm plugin install`, `helm dependency update` change the local setup.
            if ["repo", "plugin", "dependency"].contains(verb) {
                let sub = positionals(Array(args.drop { $0 != verb }.dropFirst())).first ?? ""
                return ["list", "ls", "index"].contains(sub) || sub.isEmpty
                    ? [] : ["changes Helm's setup (helm \(verb) \(sub))"]
            }
            return changes.contains(verb) ? ["changes a Helm release (helm \(verb))"] : []
        case "docker", "podman", "nerdctl", "docker-compose", "podman-compose", "crictl":
            return containers(name, args, context)
        case "git":
            return git(args)
        case "psql", "mysql", "mariadb", "sqlite3", "sqlcmd", "clickhouse-client", "cockroach", "cqlsh",
            "mongo",
            "mongosh", "duckdb":
            // SQL the command's words do not show (a file, a command's output) is not known to be read-only.
            if context.readsUnseenText { return ["runs queries it reads from a file or a command (\(name))"] }
            if let source = sqlFromFile(name, args + context.hereDocuments) {
                return ["runs queries from a file (\(name) \(source))"]
            }
            let text = (args + context.hereDocuments + context.pipelineWords).joined(separator: "\n")
            guard let keyword = SQLRisk.firstChange(in: text) else { return [] }
            return ["changes the database (\(keyword) in \(name))"]
        case "nc", "ncat", "netcat", "telnet", "socat", "nc.openbsd", "nc.traditional":
            // Fed from a pipe or a here-document, it sends that text to a service (`echo FLUSHALL | nc
            // redis 6379`): what the service does with it is not known to be read-only.
            let fed = !context.hereDocuments.isEmpty || context.fed
            if fed { return ["sends text to a network service (\(name))"] }
            return name == "ncat" && hasChangingFlag(args, ["--output", "-o"])
                ? ["writes output into a file (ncat -o)"] : []
        case "aws":
            return aws(args)
        default:
            return packages(name, args)
        }
    }

    /// kubectl's options that take the next word as their value: the verb is the first word after the
    /// options and their values (`-n auth get pods`: the namespace `auth` is no verb).
    static let kubectlValuedOptions: Set<String> = [
        "-n", "--namespace", "--context", "--cluster", "--user", "-s", "--server", "--kubeconfig", "--token",
        "--as", "--as-group", "--request-timeout", "--certificate-authority", "--client-certificate",
        "--client-key", "--tls-server-name", "-v", "--v", "-o", "--output", "-l", "--selector", "-f",
        "--filename", "-c", "--container", "--cache-dir", "--as-uid", "--profile", "--profile-output", "--password",
        "--username", "--log-file", "--log-dir", "--vmodule", "--log-backtrace-at", "--log-file-max-size",
    ]

    private static func kubectl(_ name: String, _ args: [String]) -> [String] {
        let changes: [String: String] = [
            "apply": "applies a manifest", "create": "creates resources", "delete": "deletes resources",
            "scale": "scales a workload", "autoscale": "changes autoscaling", "patch": "changes resources",
            "edit": "changes resources", "replace": "changes resources", "set": "changes resources",
            "label": "changes resources", "annotate": "changes resources", "drain": "drains a node",
            "cordon": "changes node scheduling", "uncordon": "changes node scheduling",
            "taint": "taints a node",
            "expose": "creates a service", "run": "starts a pod", "debug": "starts a debug container",
            "cp": "copies files into a pod", "certificate": "approves or denies a certificate",
        ]
        let reads: Set<String> = [
            "get", "describe", "logs", "top", "explain", "version", "api-resources", "api-versions",
            "cluster-info", "events", "diff", "auth", "wait", "port-forward", "proxy", "exec", "attach",
            "completion", "kustomize", "plugin", "whoami", "projects", "project", "status",
        ]
        let known = reads.union(changes.keys).union(["rollout", "config"])
        guard let first = dropOptions(args, valued: kubectlValuedOptions).first else { return [] }
        // A command group (`oc adm top`, `oc adm drain`) is judged by its first known word; a verb or
        // plugin nobody knows (`oc adm upgrade`, `kubectl krew install`) is not taken for read-only.
        guard let verb = known.contains(first) ? first : firstVerb(Array(args.drop { $0 != first }), in: known)
        else { return ["runs \(name) \(first), which is not known to be read-only"] }
        let rest = Array(args.drop { $0 != verb }.dropFirst())
        switch verb {
        case "rollout":
            let sub = positionals(rest).first ?? ""
            let what = [
                "restart": "restarts a workload", "undo": "rolls back a workload",
                "pause": "pauses a rollout",
                "resume": "resumes a rollout",
            ][sub]
            return what.map { ["\($0) (\(name) rollout \(sub))"] } ?? []
        case "config":
            let sub = positionals(rest).first ?? ""
            let reading = ["view", "get-contexts", "current-context", "get-clusters", "get-users", ""]
            return reading.contains(sub) ? [] : ["changes the kubeconfig (\(name) config \(sub))"]
        case "auth":
            // `auth can-i` and `auth whoami` ask; `auth reconcile` writes RBAC rules.
            let sub = positionals(rest).first ?? ""
            return ["can-i", "whoami", ""].contains(sub) ? [] : ["changes RBAC rules (\(name) auth \(sub))"]
        case "project":
            // `oc project` shows the current project; `oc project NAME` switches the kubeconfig to it.
            guard let project = positionals(rest).first else { return [] }
            return ["switches the kubeconfig's current project (\(name) project \(project))"]
        default:
            return changes[verb].map { ["\($0) (\(name) \(verb))"] } ?? []
        }
    }

    private static func containers(_ name: String, _ args: [String], _ context: Context) -> [String] {
        // crictl's pod verbs end in `p` (`rmp`, `stopp`, `runp`, `inspectp`), its image ones in `i`.
        let removes: Set<String> = ["rm", "rmi", "rmp", "prune", "down"]
        let starts: Set<String> = ["run", "runp", "start", "create", "up", "unpause"]
        let stops: Set<String> = ["stop", "stopp", "kill", "pause"]
        let changes: Set<String> = [
            "restart", "update", "rename", "cp", "commit", "build", "push", "load", "import",
            "tag", "scale", "exec", "pull",
        ]
        let reads: Set<String> = [
            "ps", "logs", "inspect", "images", "stats", "top", "version", "info", "events", "port",
            "diff", "history", "ls", "df", "config", "search", "volume-ls", "pods", "inspecti", "inspectp",
            "imagefsinfo", "statsp", "img",
        ]
        let all = removes.union(starts).union(stops).union(changes).union(reads)
        guard let verb = firstVerb(args, in: all) else { return [] }
        if verb == "exec" {
            let rest = dropOptions(
                args.drop { $0 != "exec" }.dropFirst(),
                valued: [
                    "-e", "--env", "-u", "--user",
                    "-w", "--workdir", "--env-file", "--detach-keys",
                ])
            return inner(rest.dropFirst(), context, via: "\(name) exec")
        }
        let what: String
        if removes.contains(verb) {
            what = "removes containers, images or data"
        } else if starts.contains(verb) {
            what = "starts containers"
        } else if stops.contains(verb) {
            what = "stops containers"
        } else if verb == "restart" {
            what = "restarts containers"
        } else if verb == "pull" {
            what = "pulls an image into the local store"
        } else if changes.contains(verb) {
            what = "changes containers or images"
        } else {
            return []
        }
        return ["\(what) (\(name) \(verb))"]
    }

    private static func git(_ args: [String]) -> [String] {
        let changes: Set<String> = [
            "push", "reset", "clean", "checkout", "switch", "restore", "pull", "merge", "rebase",
            "commit", "cherry-pick", "revert", "am", "apply", "stash", "rm", "mv", "gc", "prune", "init", "clone",
            "add", "worktree", "submodule", "notes", "update-ref", "update-index", "filter-branch", "repack",
        ]
        let reads: Set<String> = [
            "status", "log", "diff", "show", "blame", "rev-parse", "describe", "fetch", "ls-files",
            "remote", "branch", "tag", "config", "grep", "shortlog", "reflog", "rev-list", "ls-remote",
            "cat-file", "help",
            "version",
        ]
        guard let verb = firstVerb(args, in: changes.union(reads)) else { return [] }
        let rest = Array(args.drop { $0 != verb }.dropFirst())
        switch verb {
        case "push": return ["pushes commits (git push)"]
        case "reset":
            return hasFlag(rest, ["--hard"])
                ? ["discards changes (git reset --hard)"] : ["moves the branch (git reset)"]
        case "clean":
            return hasFlag(rest, ["--dry-run"], letters: "n") ? [] : ["deletes untracked files (git clean)"]
        case "stash":
            return ["list", "show"].contains(rest.first ?? "") ? [] : ["changes the working tree (git stash)"]
        case "branch", "tag":
            return hasChangingFlag(rest, ["--delete", "--move"], letters: "dDmM")
                ? ["changes refs (git \(verb))"] : []
        default: return changes.contains(verb) ? ["changes the repository (git \(verb))"] : []
        }
    }

    private static func aws(_ args: [String]) -> [String] {
        let words = positionals(args)
        if words.first == "s3", words.count > 1, ["rm", "mv", "cp", "sync", "rb", "mb"].contains(words[1]) {
            return ["changes S3 objects (aws s3 \(words[1]))"]
        }
        let prefixes = [
            "delete-", "put-", "create-", "update-", "terminate-", "stop-", "start-", "reboot-", "modify-",
            "remove-", "attach-", "detach-", "run-", "set-", "associate-", "disassociate-", "register-",
            "deregister-",
            "tag-", "untag-", "invoke", "restore-", "revoke-", "authorize-", "enable-", "disable-", "reset-",
        ]
        guard words.count > 1, prefixes.contains(where: words[1].hasPrefix) else { return [] }
        return ["changes cloud resources (aws \(words[0]) \(words[1]))"]
    }

    /// How a database client is told to run a file's SQL, whose text the rules cannot see: an option
    /// (`psql -f`, `sqlcmd -i`, `cqlsh --file`, `clickhouse-client --queries-file`), a meta-command in the
    /// text it runs (`\i`, `\ir`, `\include`, `source`, `\.`, `.read`), or a script named as an
    /// argument (`mongosh check.js`).
    static func sqlFromFile(_ name: String, _ words: [String]) -> String? {
        let options: [String: Set<String>] = [
            "psql": ["-f", "--file"], "cockroach": ["-f", "--file"], "sqlcmd": ["-i"], "cqlsh": ["-f", "--file"],
            "clickhouse-client": ["--queries-file"], "duckdb": ["-init"], "mysql": ["--init-command"],
            "mariadb": ["--init-command"],
        ]
        for word in words {
            let option = String(word.prefix { $0 != "=" })
            for flag in options[name] ?? [] {
                // `-f FILE`, `-fFILE`, `-Atf FILE`, `--file=FILE`, and a long option cut short (`--fi`).
                let matches =
                    option == flag
                    || (flag.hasPrefix("--")
                        ? option.count > 2 && flag.hasPrefix(option)
                        : flag.count == 2 && word.hasPrefix("-") && !word.hasPrefix("--")
                            && word.dropFirst().contains(flag.last!))
                if matches { return flag }
            }
        }
        // Meta-commands that read a file, at the start of any line or statement of the text.
        let text = words.joined(separator: "\n")
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == ";" }) {
            let command = line.drop { $0 == " " || $0 == "\t" }.lowercased()
            for meta in ["\\i", "\\ir", "\\include", "\\include_relative", "\\.", "source", ".read", "load("]
            where command.hasPrefix(meta) {
                let rest = command.dropFirst(meta.count)
                if meta.hasSuffix("(") || rest.first == " " || rest.first == "\t" { return meta }
            }
        }
        if name == "mongo" || name == "mongosh",
            let script = positionals(words).first(where: { $0.hasSuffix(".js") || $0.hasSuffix(".mongodb") })
        {
            return script
        }
        return nil
    }

    /// `openssl s_client` sends what it reads to the server it connects to, as `nc` does: fed text other
    /// than nothing or its own quit commands (`echo | openssl s_client`, `echo Q | ...`), it changes
    /// what it is not known not to change. Nil when it reads nothing but those.
    static func sentToTLSService(_ context: Context) -> [String]? {
        let quiet: Set<String> = ["", "q", "quit", "-n", "-e", "\\n", "q\\n", "quit\\n"]
        let fedText =
            context.readsFile || !context.hereDocuments.isEmpty
            || context.feeders.contains { words in
                guard let program = words.first, ["echo", "printf"].contains(program) else { return true }
                return words.dropFirst().contains { !quiet.contains($0.lowercased()) }
            }
        return fedText ? ["sends text to a TLS service (openssl s_client)"] : nil
    }
}
