extension RiskRules {
    /// Kubernetes, Helm, containers, git, packages, databases and cloud CLIs; nil for other names.
    static func platform(_ name: String, _ args: [String], _ context: Context) -> [String]? {
        switch name {
        case "kubectl", "oc", "k":
            return kubectl(name, args)
        case "helm":
            // (`helm test` runs the chart's test pods.)
            let changes: Set<String> = ["install", "upgrade", "rollback", "uninstall", "delete", "del", "un", "test"]
            let reads: Set<String> = [
                "list", "ls", "status", "history", "get", "show", "template", "search", "version",
                "lint", "diff", "repo", "dependency", "env", "plugin", "pull", "verify",
            ]
            guard let verb = firstVerb(args, in: changes.union(reads)) else {
                // A plugin's command (`helm 2to3 cleanup`, `helm mapkubeapis`) is not known to be read-only.
                return positionals(args).first.map { [unknownReason("helm \($0)")] } ?? []
            }
            // `helm repo add`, `helm plugin install`, `helm dependency update` change the local setup.
            if ["repo", "plugin", "dependency"].contains(verb) {
                let sub = positionals(Array(args.drop { $0 != verb }.dropFirst())).first ?? ""
                return ["list", "ls", "index"].contains(sub) || sub.isEmpty
                    ? [] : ["changes Helm's setup (helm \(verb) \(sub))"]
            }
            // `--dry-run` (or `=client`, `=server`) renders the release without installing it, but still runs
            // a post-renderer.
            if args.contains(where: isDryRun), !args.contains(where: { $0.hasPrefix("--post-renderer") }) {
                return []
            }
            return changes.contains(verb) ? ["changes a Helm release (helm \(verb))"] : []
        case "docker", "podman", "nerdctl", "docker-compose", "podman-compose", "crictl":
            return containers(name, args, context)
        case "git":
            return git(args)
        case "clickhouse" where args.first == "client":
            return platform("clickhouse-client", Array(args.dropFirst()), context)
        case "cockroach" where positionals(args).first != "sql":
            // Only `cockroach sql` is a client; `node drain`, `quit`, `init`, `start`... act on the cluster.
            let sub = positionals(args).prefix(2).joined(separator: " ")
            return ["version", "help", "node status", "node ls", ""].contains(sub)
                ? [] : ["runs cockroach \(sub), which is not known to be read-only"]
        case "mysqladmin", "mariadb-admin":
            // Each word is a command of its own (`mysqladmin status flush-logs`): read-only only if all show.
            let reads: Set<String> = [
                "processlist", "proc", "status", "extended-status", "variables", "version", "ping",
            ]
            let commands = operands(
                args,
                valued: [
                    "-h", "-u", "-P", "-S", "-c", "-i", "-w", "--host", "--user", "--port", "--socket", "--count",
                    "--sleep", "--wait", "--defaults-file", "--defaults-extra-file", "--connect-timeout",
                    "--shutdown-timeout", "--ssl-ca", "--ssl-cert", "--ssl-key",
                ])
            guard let change = commands.first(where: { !reads.contains($0.lowercased()) }) else { return [] }
            return ["changes the database server (\(name) \(change))"]
        case "smartctl":
            // Showing (`-a`, `-H`, `-x`...) unless it also starts a test or sets a setting.
            // (`-l scterc,70,70` sets the drive's error recovery time.)
            let sets =
                hasChangingFlag(
                    args,
                    [
                        "-t", "--test", "-s", "--smart", "-o", "--offlineauto", "-S", "--saveauto", "--set", "-X",
                        "--abort",
                    ])
                || args.contains { $0.hasPrefix("scterc,") || $0.hasPrefix("--log=scterc,") }
            return sets ? ["changes a disk's settings or starts a test (smartctl)"] : []
        case "pg_basebackup", "pg_rewind", "pg_resetwal", "pg_resetxlog", "pg_upgrade":
            return hasFlag(args, ["--help", "-?", "--version", "-V"])
                ? [] : ["writes a database's data folder (\(name))"]
        case "bq" where positionals(args).first == "query":
            // `bq query SQL` runs SQL; a destination table is written whatever the query.
            if args.contains(where: {
                ["--destination_table", "--replace", "--append_table"].contains(String($0.prefix { $0 != "=" }))
            }) {
                return ["writes a table (bq query --destination_table)"]
            }
            return (platform("psql", args, context) ?? []).map { $0.replacingOccurrences(of: "in psql", with: "in bq") }
        case "patronictl" where positionals(args).contains("query"):
            // `patronictl query CLUSTER -c SQL` runs SQL, as psql does.
            return platform("psql", args, context)
        case "pg_restore":
            return hasFlag(args, ["-l", "--list"]) ? [] : ["restores a database or writes a file (pg_restore)"]
        case "mongorestore", "mongoimport", "mysqlimport":
            return ["loads data into a database (\(name))"]
        case "pg_dump", "pg_dumpall", "mysqldump", "mariadb-dump":
            return hasChangingFlag(args, ["-f", "--file", "-r", "--result-file", "--tab"])
                ? ["writes a dump file (\(name))"] : []
        case "mongodump":
            let toStdout =
                args.contains { $0 == "--archive" || $0 == "--out=-" }
                || args.indices.contains {
                    ["-o", "--out"].contains(args[$0]) && $0 + 1 < args.count && args[$0 + 1] == "-"
                }
            return toStdout ? [] : ["writes a dump folder (mongodump)"]
        case "psql", "mysql", "mariadb", "sqlite3", "sqlcmd", "clickhouse-client", "cockroach", "cqlsh",
            "mongo", "mongosh", "duckdb", "mysqlsh", "pgcli", "mycli", "litecli", "usql", "trino", "presto",
            "cypher-shell", "snowsql", "sqlplus", "influx", "beeline", "spark-sql", "hive", "impala-shell":
            // Queries the command's words do not show (a file, a command's output) are not known to be
            // read-only.
            if context.readsUnseenText { return ["runs queries it reads from a file or a command (\(name))"] }
            let fedText = context.feeders.flatMap { $0.dropFirst() }
            let texts = context.hereDocuments + fedText
            if (args + texts).contains(where: { $0.contains("$(") || $0.contains("`") || $0.contains("<(") }) {
                return ["runs queries it builds from a command (\(name))"]
            }
            if let source = sqlFromFile(name, args, texts) {
                return ["runs queries from a file or a shell (\(name) \(source))"]
            }
            // Each text on its own, then all of them as one: a statement does not run on into the next
            // `-c` text or another command's words (`-c "COPY t TO '/x'" -c "COPY t TO STDOUT"`), and one
            // spread over several words (`echo DROP TABLE x | psql`) is still seen.
            // An option's name is no SQL (`influx -execute 'SHOW DATABASES'`), but the value written into it is
            // (`--execute=SHUTDOWN`, `-cCHECKPOINT`).
            let sqlOf = { (word: String) -> [String] in
                guard word.hasPrefix("-"), !word.contains(" "), !word.contains("\n") else { return [word] }
                if let equals = word.firstIndex(of: "=") { return [String(word[word.index(after: equals)...])] }
                if !word.hasPrefix("--"), word.count > 2, "ceqQ".contains(word[word.index(after: word.startIndex)]) {
                    return [String(word.dropFirst(2))]
                }
                return []
            }
            let sqlTexts = (args + context.pipelineWords).flatMap(sqlOf) + context.hereDocuments
            guard
                let keyword = sqlTexts.lazy.compactMap({ SQLRisk.firstChange(in: $0) }).first
                    ?? SQLRisk.firstChange(in: sqlTexts.joined(separator: "\n"), whole: true)
            else { return [] }
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
            // `oc adm inspect` and `oc adm must-gather` write what they gather into a local folder.
            "inspect": "writes gathered data into a local folder",
            "must-gather": "writes gathered data into a local folder",
        ]
        // `--dry-run=client` and `=server` show the change without making it; `=none` makes it.
        // The last `--dry-run` is the one kubectl keeps; flags after `--` are the container's.
        let own = args.prefix { $0 != "--" }
        if let dryRun = own.last(where: { ["--dry-run", "--dryrun", "-dry-run"].contains($0.prefix { $0 != "=" }) }),
            isDryRun(dryRun)
        {
            return []
        }
        let reads: Set<String> = [
            "get", "describe", "logs", "top", "explain", "version", "api-resources", "api-versions",
            "cluster-info", "events", "diff", "auth", "wait", "port-forward", "proxy", "exec", "attach",
            "completion", "kustomize", "plugin", "whoami", "projects", "project", "status", "node-logs",
        ]
        let known = reads.union(changes.keys).union(["rollout", "config"])
        guard let first = dropOptions(args, valued: kubectlValuedOptions).first else { return [] }
        // A command group (`oc adm top`, `oc adm drain`) is judged by its first known word; a verb or
        // plugin nobody knows (`oc adm upgrade`, `kubectl krew install`) is not taken for read-only. A word
        // of change before the first known word is the group's action, and a known word after it is its
        // argument (`oc adm policy add-role-to-user view alice`); option values are no words of the group.
        let group = operands(Array(args.drop { $0 != first }.dropFirst()), valued: kubectlValuedOptions)
        let found =
            known.contains(first)
            ? first
            : group.first { word in
                known.contains(word) || verbParts(word).contains(where: actionVerbs.contains)
            }
        guard let verb = found, known.contains(verb) else {
            return ["runs \(name) \(first), which is not known to be read-only"]
        }
        let rest = Array(args.drop { $0 != verb }.dropFirst())
        switch verb {
        case "cluster-info":
            // `cluster-info dump --output-directory DIR` writes what it gathers there.
            return rest.contains(where: { $0.hasPrefix("--output-directory") })
                ? ["writes gathered data into a local folder (\(name) cluster-info dump)"] : []
        case "rollout":
            let sub = positionals(rest).first ?? ""
            let what = [
                "restart": "restarts a workload", "undo": "rolls back a workload",
                "pause": "pauses a rollout", "resume": "resumes a rollout",
                // OpenShift's DeploymentConfigs: a new rollout, a retried one, a cancelled one.
                "latest": "starts a rollout", "retry": "retries a rollout", "cancel": "cancels a rollout",
            ][sub]
            if ["status", "history", ""].contains(sub) { return [] }
            return what.map { ["\($0) (\(name) rollout \(sub))"] }
                ?? ["runs \(name) rollout \(sub), which is not known to be read-only"]
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
        // A management command's action is its second word (`docker service rollback`, `docker stack
        // deploy`, `docker swarm leave`, `podman system reset`): read-only only when it is known to read.
        let groups: Set<String> = [
            "system", "service", "stack", "swarm", "node", "network", "volume", "image", "container", "config",
            "secret", "plugin", "context", "builder", "buildx", "manifest", "trust", "pod", "machine", "checkpoint",
        ]
        let groupReads: Set<String> = [
            "ls", "list", "ps", "inspect", "logs", "df", "info", "events", "top", "version", "history", "exists",
            "show", "images", "port", "stats", "diff", "join-token", "unlock-key", "du", "services", "wait", "tree",
        ]
        // The global options that take a value, so that it is not read as the management command.
        // (crictl's and nerdctl's own: podman's `-r` is `--remote` and takes none.)
        let own: Set<String> =
            switch name {
            case "crictl": ["-r", "--runtime-endpoint", "-i", "--image-endpoint", "-t", "--timeout"]
            case "nerdctl": ["-n", "--namespace", "-a", "--address", "--snapshotter"]
            default: []
            }
        let words = operands(
            args,
            valued: own.union([
                "-H", "--host", "-c", "--context", "--config", "-l", "--log-level", "--tlscacert", "--tlscert",
                "--tlskey", "--connection", "--root", "--runroot", "--url", "--identity", "--storage-driver",
                "--storage-opt", "--cgroup-manager", "--runtime", "--tmpdir", "--events-backend", "--conmon",
                "--volumepath", "--imagestore", "--network-cmd-path", "--module", "--hooks-dir",
            ]))
        // Compose's own options come after `compose` (`docker compose -p logs down`: `logs` is the project).
        var verbs = words
        if words.first == "compose" || name.hasSuffix("-compose") {
            let composeArgs = name.hasSuffix("-compose") ? args : Array(args.drop { $0 != "compose" }.dropFirst())
            verbs = operands(
                composeArgs,
                valued: [
                    "-p", "--project-name", "-f", "--file", "--env-file", "--profile", "--project-directory",
                    "--ansi", "--progress", "--parallel",
                ])
        }
        // `docker buildx imagetools inspect`, `podman system connection list`: the action is the third word.
        let action =
            ["imagetools", "connection"].contains(words.dropFirst().first)
            ? words.dropFirst(2).first : words.dropFirst().first
        if name == "docker" || name == "podman", let action, groups.contains(words[0]),
            verbs.first(where: all.contains).map(reads.contains) ?? true,
            !groupReads.contains(action) || hasFlag(args, ["--rotate"])
        {
            return ["runs \(name) \(words[0]) \(words[1]), which is not known to be read-only"]
        }
        // The first word that is a known verb, past options and their values (`docker -l info rm -f api`
        // removes); a command no one listed (`podman auto-update`, `docker save`) is not known to be read-only.
        // A management command known to read (`docker container wait`, `podman system connection list`).
        if name == "docker" || name == "podman", let group = words.first, groups.contains(group),
            !verbs.contains(where: all.contains)
        {
            return []
        }
        // The command is the first word past the options (`docker save -o x.tar info`: `info` is an image);
        // a management command's action is the first known word after its group.
        let compose = words.first == "compose" || name.hasSuffix("-compose")
        let isGroup =
            ["docker", "podman", "nerdctl"].contains(name) && !compose && verbs.first.map(groups.contains) == true
        let found =
            isGroup ? verbs.dropFirst().first(where: all.contains) : verbs.first.flatMap { all.contains($0) ? $0 : nil }
        guard let verb = found else {
            return verbs.first.map { [unknownReason("\(name) \($0)")] } ?? []
        }
        // `crictl config --set KEY=VALUE` or `crictl config KEY VALUE` writes its configuration file.
        if name == "crictl", verb == "config", hasChangingFlag(args, ["--set"]) || verbs.count >= 3 {
            return ["changes \(name)'s configuration (config)"]
        }
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
            // Found in review 6: commands that rewrite the work tree, refs or objects, or write files.
            "checkout-index", "read-tree", "bisect", "sparse-checkout", "maintenance", "replace", "pack-refs",
            "rerere", "commit-graph", "prune-packed", "update-server-info", "fast-import", "format-patch", "bundle",
        ]
        let reads: Set<String> = [
            "status", "log", "diff", "show", "blame", "rev-parse", "describe", "fetch", "ls-files",
            "remote", "branch", "tag", "config", "grep", "shortlog", "reflog", "rev-list", "ls-remote",
            "cat-file", "help", "version", "symbolic-ref", "hash-object", "archive", "ls-tree", "show-ref",
            "for-each-ref", "merge-base", "name-rev", "count-objects", "fsck", "verify-commit", "verify-tag", "var",
            "lfs",
        ]
        // `-c core.fsmonitor=…`, `core.sshCommand`, `diff.external`, `gpg.program`, an alias running a shell
        // (`!…`): a setting that runs a command; `--config-env` sets one from the environment.
        if args.contains(where: { $0.hasPrefix("--config-env") }) {
            return ["runs git with a setting from the environment (git --config-env)"]
        }
        for (index, arg) in args.enumerated() where arg == "-c" && index + 1 < args.count {
            let setting = args[index + 1].lowercased()
            let running = [
                "fsmonitor", "sshcommand", "pager", "editor", "hookspath", "askpass", "!", "external", "program",
                "textconv", "command", "helper", "proxy", "filter.", "driver",
            ]
            if running.contains(where: setting.contains) {
                return ["runs git with a setting that runs a command (git -c \(args[index + 1].prefix { $0 != "=" }))"]
            }
        }
        // The command is the first word past git's own options (`-C DIR`, `-c KEY=VALUE`, `--git-dir DIR`).
        let words = operands(args, valued: ["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--exec-path"])
        guard let verb = words.first else { return [] }
        guard changes.contains(verb) || reads.contains(verb) else { return [unknownReason("git \(verb)")] }
        let rest = Array(args.drop { $0 != verb }.dropFirst())
        // A read that writes its output into a file (`git log --output=x`, `git archive -o x.tar`), runs a
        // program on what it finds (`git grep -O`), or writes into the repository (`fsck --lost-found`).
        if hasChangingFlag(rest, ["--output"]) || verb == "archive" && rest.contains(where: { $0.hasPrefix("-o") }) {
            return ["writes output into a file (git \(verb) --output)"]
        }
        if verb == "grep", rest.contains(where: { $0.hasPrefix("--open-files-in-pager") || $0.hasPrefix("-O") }) {
            return ["runs a program on the files it finds (git grep -O)"]
        }
        if verb == "fsck", hasFlag(rest, ["--lost-found"]) {
            return ["writes into the repository (git fsck --lost-found)"]
        }
        switch verb {
        case "lfs":
            let sub = positionals(rest)
            let reads: Set<String> = ["env", "ls-files", "status", "version", "logs"]
            return sub.isEmpty || reads.contains(sub[0]) ? [] : ["changes the repository (git lfs \(sub[0]))"]
        case "symbolic-ref" where hasFlag(rest, ["-d", "--delete"]):
            return ["deletes a ref (git symbolic-ref -d)"]
        case "reflog":
            return ["expire", "delete"].contains(positionals(rest).first ?? "")
                ? ["changes the reflog (git reflog)"] : []
        case "symbolic-ref" where positionals(rest).count >= 2:
            return ["changes a ref (git symbolic-ref)"]
        case "hash-object" where hasFlag(rest, ["-w"]):
            return ["writes an object (git hash-object -w)"]
        case "push": return ["pushes commits (git push)"]
        case "reset":
            return hasFlag(rest, ["--hard"])
                ? ["discards changes (git reset --hard)"] : ["moves the branch (git reset)"]
        case "clean":
            return hasFlag(rest, ["--dry-run"], letters: "n") ? [] : ["deletes untracked files (git clean)"]
        case "stash":
            return ["list", "show"].contains(rest.first ?? "") ? [] : ["changes the working tree (git stash)"]
        case "worktree", "submodule", "notes":
            // (`git worktree list`, `git submodule status`, `git notes show` only show.)
            return ["list", "status", "show", "summary"].contains(rest.first ?? "")
                ? [] : ["changes the repository (git \(verb))"]
        case "branch", "tag":
            let changing: Set<String> = [
                "--delete", "--move", "--copy", "--force", "--set-upstream-to", "--unset-upstream",
                "--edit-description", "--annotate", "--sign", "--message", "--file", "--track", "--create-reflog",
            ]
            // Short options that change: branch's delete, move, copy, force, upstream and track; tag's
            // annotate, sign, message, file, force, delete, key and edit.
            if hasChangingFlag(rest, changing, letters: verb == "branch" ? "dDmMcCfut" : "asmFfdue") {
                return ["changes refs (git \(verb))"]
            }
            // A name without a listing option creates one (`git branch fix`, `git tag v1`).
            let listing =
                hasFlag(
                    rest,
                    [
                        "-l", "--list", "-a", "--all", "-r", "--remotes", "-v", "-vv", "--verbose", "--show-current",
                        "-n", "--verify",
                    ])
                || rest.contains {
                    [
                        "--contains", "--no-contains", "--merged", "--no-merged", "--points-at", "--sort",
                        "--format", "--column",
                    ].contains(String($0.prefix { $0 != "=" }))
                }
            return !listing && !positionals(rest).isEmpty ? ["creates a ref (git \(verb))"] : []
        case "remote":
            let sub = positionals(rest).first ?? ""
            return ["", "show", "get-url"].contains(sub) ? [] : ["changes remotes (git remote \(sub))"]
        case "config":
            let reads: Set<String> = [
                "get", "list", "--get", "--get-all", "--get-regexp", "--get-urlmatch",
                "-l", "--list", "--get-color", "--get-colorbool",
            ]
            if rest.contains(where: { reads.contains($0) }) { return [] }
            let valued: Set<String> = ["-f", "--file", "--blob", "--type", "--default", "--comment"]
            let words = Self.operands(rest, valued: valued)
            // A key alone reads it; a key and a value, or `--unset`, `--add`, `-e` and the like, write.
            let scopes: Set<String> = [
                "--global", "--system", "--local", "--worktree", "--show-origin", "--show-scope", "--name-only",
                "--null", "--includes", "--no-includes",
            ]
            let writes =
                words.count >= 2 || rest.contains("-e")
                || rest.contains {
                    let option = String($0.prefix { $0 != "=" })
                    return $0.hasPrefix("--") && !scopes.contains(option) && !valued.contains(option)
                }
            return writes ? ["changes git configuration (git config)"] : []
        default: return changes.contains(verb) ? ["changes the repository (git \(verb))"] : []
        }
    }

    /// The global options of the aws CLI that take the next word as their value: the service and its
    /// action are the first words after them (`aws --profile prod ec2 terminate-instances`).
    static let awsValuedOptions: Set<String> = [
        "--profile", "--region", "--output", "--endpoint-url", "--query", "--ca-bundle", "--cli-read-timeout",
        "--cli-connect-timeout", "--color", "--cli-binary-format", "--cli-input-json", "--cli-input-yaml",
    ]

    /// How the actions of the aws CLI begin that only read: every other action is not known to be
    /// read-only (`change-resource-record-sets`, `failover-db-cluster`, `send-command`, `purge-queue`).
    private static let awsReadPrefixes = [
        "describe-", "list-", "get-", "search-", "lookup-", "batch-get-", "filter-", "validate-",
        "estimate-", "preview-", "simulate-", "head-", "download-", "decode-", "detect-", "query", "scan",
    ]

    /// Whole actions of the aws CLI that only read: waiting, following a log, help and the S3 listing.
    private static let awsReadActions: Set<String> = [
        "wait", "tail", "help", "ls", "presign", "get-caller-identity", "list", "get", "list-profiles",
        "assume-role", "get-session-token", "select-object-content",
        // Tests that only evaluate (other `test-` actions call the service: `apigateway test-invoke-method`).
        "test-dns-answer", "test-event-pattern", "test-render-template", "test-metric-filter",
    ]

    private static func aws(_ args: [String]) -> [String] {
        let words = operands(args, valued: awsValuedOptions)
        guard let service = words.first, service != "help" else { return [] }
        if service == "s3", words.count > 1, ["rm", "mv", "cp", "sync", "rb", "mb", "website"].contains(words[1]) {
            return ["changes S3 objects (aws s3 \(words[1]))"]
        }
        // `aws configure` alone asks for keys and writes them; `configure list` and `get` only show.
        guard words.count > 1 else {
            return service == "configure" ? ["changes the aws configuration (aws configure)"] : []
        }
        let action = words[1]
        if awsReadActions.contains(action) || awsReadPrefixes.contains(where: action.hasPrefix) { return [] }
        return ["changes cloud resources (aws \(service) \(action))"]
    }

    /// How a database client is told to run what its words do not show: an option naming a file
    /// (`psql -f`, `sqlcmd -i`, `cqlsh --file`, `sqlite3 -init`, `mongosh --file`), a script named as an
    /// argument (`mongosh check.js`), or a meta-command in the text it runs, wherever it stands: psql's
    /// and mysql's backslash commands (`\\i`, `\\!`, `\\o`, `\\copy`, `\\gexec`, `\\.`), mysql's `source`,
    /// `system` and `tee`, the dot-commands of sqlite3 and duckdb other than those that only show, and
    /// mongo's `load(`.
    static func sqlFromFile(_ name: String, _ args: [String], _ texts: [String]) -> String? {
        let options: [String: Set<String>] = [
            "psql": ["-f", "--file", "-o", "--output", "-L", "--log-file"], "cockroach": ["-f", "--file"],
            "sqlcmd": ["-i", "--input-file"], "cqlsh": ["-f", "--file"], "clickhouse-client": ["--queries-file"],
            "duckdb": ["-init", "-f"], "sqlite3": ["-init"], "mysql": ["--init-command", "--tee"],
            "mariadb": ["--init-command", "--tee"], "mongosh": ["-f", "--file"], "mysqlsh": ["-f", "--file"],
            "usql": ["-f", "--file"], "trino": ["-f", "--file"], "presto": ["-f", "--file"],
            "cypher-shell": ["-f", "--file"], "snowsql": ["-f", "--filename"], "influx": ["-f", "--file", "-path"],
        ]
        // The short options whose value follows in the same word: later letters of a cluster are that value.
        let valuedLetters: [String: Set<Character>] = ["psql": Set("cdfFhLoPpRTUv")]
        for word in args {
            let option = String(word.prefix { $0 != "=" })
            for flag in options[name] ?? [] {
                if option == flag || (flag.hasPrefix("--") && option.count > 2 && flag.hasPrefix(option)) {
                    return flag
                }
                // `-f FILE`, `-fFILE`, and inside a cluster (`-Atf`) before any letter that takes a value.
                guard flag.count == 2, word.hasPrefix("-"), !word.hasPrefix("--") else { continue }
                for letter in word.dropFirst() {
                    if letter == flag.last { return flag }
                    if valuedLetters[name]?.contains(letter) ?? true { break }
                }
            }
        }
        // `sqlplus user/pw@db @script.sql`, `START script`.
        if name == "sqlplus", let script = args.first(where: { $0.hasPrefix("@") && $0.count > 1 }) { return script }
        if name == "mongo" || name == "mongosh" {
            // `mongosh [options] [address] [files]`: a script, or any word after the address.
            let valued: Set<String> = [
                "--eval", "--host", "--port", "-u", "--username", "-p", "--password", "--authenticationDatabase",
                "--authenticationMechanism", "--apiVersion", "--tlsCAFile", "--tlsCertificateKeyFile",
                "--tlsCertificateKeyFilePassword", "--db", "--shell",
            ]
            let words = operands(args, valued: valued)
            if let script = words.first(where: { $0.hasSuffix(".js") || $0.hasSuffix(".mongodb") })
                ?? words.dropFirst().first
            {
                return script
            }
        }
        // The text the client runs: option values (`-c'…'`, `--command=…`), arguments, here-documents
        // and the text of `echo` or `printf` feeding it.
        let values = args.map { word -> Substring in
            if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") { return word[word.index(after: equals)...] }
            if word.hasPrefix("-"), word.count > 2 { return word.dropFirst(2) }
            return word[...]
        }
        let text = (values.map(String.init) + texts).joined(separator: "\n")
        return metaCommand(in: text, name: name)
    }

    /// The first meta-command of `text` that runs a file or a shell, or writes a file.
    private static func metaCommand(in text: String, name: String) -> String? {
        let backslash: Set<String> = [
            "i", "ir", "include", "include_relative", "!", "o", "out", "w", "write", "copy", "gexec", ".", "T",
            "password", "lo_import", "lo_export", "lo_unlink",
        ]
        // `\g FILE`, `\g |cmd`, `\gx FILE` and `\s FILE` write a file or run a shell; alone they do not.
        let withArgument: Set<String> = ["g", "gx", "s"]
        var index = text.startIndex
        while let slash = text[index...].firstIndex(of: "\\") {
            let after = text.index(after: slash)
            var end = after
            while end < text.endIndex, text[end].isLetter || (end == after && "!.".contains(text[end])) {
                end = text.index(after: end)
                if "!.".contains(text[text.index(before: end)]) { break }
            }
            let command = String(text[after..<end])
            let argument = text[end...].prefix { $0 != "\n" && $0 != "\\" }.trimmingCharacters(in: .whitespaces)
            if withArgument.contains(command), !argument.isEmpty { return "\\" + command }
            if backslash.contains(command) || backslash.contains(command.lowercased()),
                command.lowercased() != "copy" || !copyOnlyPrints(text[end...])
            {
                return "\\" + command
            }
            index = after
        }
        if name == "mongo" || name == "mongosh", text.contains("load(") { return "load(" }
        let showOnly: Set<String> = [
            ".tables", ".schema", ".headers", ".header", ".mode", ".indexes", ".indices", ".dbinfo", ".databases",
            ".show", ".width", ".timer", ".help", ".stats", ".print", ".nullvalue", ".separator", ".explain",
            ".eqp", ".changes", ".quit", ".exit", ".bail", ".echo", ".fullschema", ".timeout", ".limit",
            ".columns", ".maxrows", ".maxwidth", ".rows", ".dump",
        ]
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == ";" }) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let first = words.first?.lowercased() else { continue }
            if ["sqlite3", "duckdb"].contains(name), first.hasPrefix("."), !showOnly.contains(first) { return first }
            if ["mysql", "mariadb"].contains(name), ["source", "system", "tee", "pager"].contains(first) {
                return first
            }
            if name == "sqlcmd", [":r", ":out", ":error", "!!"].contains(first) { return first }
        }
        return nil
    }

    /// Whether the arguments of a `\\copy` only print: `\\copy (SELECT …) TO STDOUT`, `\\copy t (a, b) TO
    /// PSTDOUT`. From a file it fills the table; to a file or a program it writes or runs one.
    private static func copyOnlyPrints(_ arguments: Substring) -> Bool {
        var rest = arguments.prefix { $0 != "\n" }.drop(while: \.isWhitespace)
        // A query or a column list: to its closing parenthesis, past quoted text.
        func skipParenthesised() -> Bool {
            guard rest.first == "(" else { return true }
            var depth = 0
            var quote: Character?
            for index in rest.indices {
                let character = rest[index]
                if let open = quote {
                    if character == open { quote = nil }
                } else if character == "'" || character == "\"" {
                    quote = character
                } else if character == "(" {
                    depth += 1
                } else if character == ")" {
                    depth -= 1
                    if depth == 0 {
                        rest = rest[rest.index(after: index)...].drop(while: \.isWhitespace)
                        return true
                    }
                }
            }
            return false
        }
        if rest.first != "(" { rest = rest.drop { !$0.isWhitespace && $0 != "(" }.drop(while: \.isWhitespace) }
        guard skipParenthesised() else { return false }
        let words = rest.split(whereSeparator: \.isWhitespace).prefix(3).map { $0.lowercased() }
        guard words.count >= 2, words[0] == "to" else { return false }
        let target = words[1].hasSuffix(";") ? String(words[1].dropLast()) : words[1]
        return ["stdout", "pstdout"].contains(target)
    }

    /// `openssl s_client` and `gnutls-cli` send what they read to the server, as `nc` does: fed text other
    /// than nothing or its own quit commands (`echo | openssl s_client`, `echo Q | ...`), it changes
    /// what it is not known not to change. Nil when it reads nothing but those.
    static func sentToTLSService(_ client: String, _ context: Context) -> [String]? {
        let quiet: Set<String> = ["", "q", "quit", "-n", "-e", "\\n", "q\\n", "quit\\n"]
        let fedText =
            context.readsFile
            || context.hereDocuments.contains { !quiet.contains($0.trimmed.lowercased()) }
            || context.feeders.contains { words in
                guard let program = words.first.map(programName) else { return true }
                if ["true", ":"].contains(program) { return false }
                guard ["echo", "printf"].contains(program) else { return true }
                return words.dropFirst().contains { !quiet.contains($0.lowercased()) }
            }
        return fedText ? ["sends text to a TLS service (\(client))"] : nil
    }
}
