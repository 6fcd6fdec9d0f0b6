extension RiskRules {
    private static let packageVerbs: [String: Set<String>] = [
        "apt": [
            "install", "remove", "purge", "upgrade", "full-upgrade", "dist-upgrade", "autoremove",
            "reinstall",
            "update", "build-dep", "autoclean", "clean", "satisfy",
        ],
        "yum": [
            "install", "remove", "erase", "update", "upgrade", "downgrade", "reinstall", "autoremove",
            "distro-sync",
            "groupinstall", "groupremove", "in", "rm", "up", "swap",
        ],
        "apk": ["add", "del", "upgrade", "update", "fix"],
        "pip": ["install", "uninstall"],
        "npm": [
            "install", "i", "add", "ci", "uninstall", "remove", "rm", "un", "update", "upgrade", "up", "link",
            "prune", "dedupe", "publish", "unpublish",
        ],
        "gem": ["install", "uninstall", "update"],
        "brew": ["install", "uninstall", "remove", "upgrade", "reinstall", "update", "link", "unlink"],
        "snap": ["install", "remove", "refresh", "revert", "enable", "disable"],
        "zypper": ["install", "in", "remove", "rm", "update", "up", "dist-upgrade", "dup", "patch"],
    ]

    private static let packageFamilies: [String: String] = [
        "apt": "apt", "apt-get": "apt", "aptitude": "apt", "yum": "yum", "dnf": "yum", "microdnf": "yum",
        "apk": "apk", "pip": "pip", "pip3": "pip", "pipx": "pip", "uv": "pip", "npm": "npm", "yarn": "npm",
        "pnpm": "npm", "gem": "gem", "brew": "brew", "snap": "snap", "flatpak": "snap", "zypper": "zypper",
        "cargo": "gem",
    ]

    /// What each family's subcommands that only show are: any other subcommand (`npm run db:migrate`,
    /// `snap restart microk8s`, `yum history undo`) is not known to be read-only.
    private static let packageReads: [String: Set<String>] = [
        "apt": ["list", "show", "showpkg", "search", "policy", "depends", "rdepends", "madison", "showsrc", "stats"],
        "yum": [
            "list", "info", "search", "repolist", "provides", "whatprovides", "check-update", "deplist", "repoquery",
            "updateinfo", "check", "help",
        ],
        "apk": ["info", "search", "list", "policy", "stats", "dot", "verify"],
        "pip": ["list", "show", "freeze", "check", "help", "inspect", "tree"],
        "npm": [
            "ls", "list", "ll", "la", "view", "info", "show", "outdated", "doctor", "help", "search", "whoami", "ping",
            "explain", "why", "prefix", "root", "bin", "fund", "query",
        ],
        "gem": ["list", "search", "info", "query", "environment", "specification", "contents", "tree", "metadata"],
        "brew": ["list", "ls", "info", "search", "outdated", "doctor", "config", "deps", "uses", "leaves", "desc"],
        "snap": [
            "list", "info", "find", "changes", "change", "services", "version", "connections", "logs", "warnings",
        ],
        "zypper": ["search", "se", "info", "if", "list-updates", "lu", "repos", "lr", "packages", "pa", "patches"],
    ]

    /// Package managers installing, removing or upgrading; nil when `name` is no package manager.
    static func packages(_ name: String, _ args: [String]) -> [String]? {
        if let family = packageFamilies[name], let verbs = packageVerbs[family] {
            var words = positionals(args)
            if name == "uv" && words.first == "pip" { words.removeFirst() }
            // A word of change anywhere counts (an option's value may come first: `apt-get -t bookworm
            // install`); otherwise the first word that shows, or nothing at all (`pip --version`).
            if let verb = words.first(where: verbs.contains) {
                return ["installs, removes or upgrades packages (\(name) \(verb))"]
            }
            let reads = packageReads[family] ?? []
            guard let first = words.first, !words.contains(where: reads.contains) else { return [] }
            return [unknownReason("\(name) \(first)")]
        }
        switch name {
        case "dpkg":
            let changes: Set<String> = [
                "--install", "--remove", "--purge", "--configure", "--unpack", "--set-selections",
            ]
            if hasChangingFlag(args, changes, letters: "irP") { return ["installs or removes packages (dpkg)"] }
            // Read-only only by a query it is known to make (`-l`, `-L`, `-s`, `-S`...); `--add-architecture`,
            // `--clear-selections`, `--update-avail` and the like change its database.
            let queries: Set<String> = [
                "-l", "--list", "-L", "--listfiles", "-s", "--status", "-S", "--search", "-p", "--print-avail",
                "--get-selections", "--print-architecture", "--print-foreign-architectures", "--audit", "-C",
                "--verify", "-V", "--compare-versions", "--version", "--help", "-c", "--contents", "-I", "--info",
                "-f", "--field", "--assert-multi-arch", "--validate-version",
            ]
            return args.isEmpty || args.contains(where: { queries.contains(String($0.prefix { $0 != "=" })) })
                ? [] : [unknownReason("dpkg \(args[0])")]
        case "rpm":
            let changes: Set<String> = ["--install", "--upgrade", "--freshen", "--erase", "--import"]
            let queries = args.contains {
                $0.hasPrefix("-q") || $0 == "--query" || $0.hasPrefix("-V") || $0 == "--verify"
            }
            if !queries && hasChangingFlag(args, changes, letters: "iUFe") {
                return ["installs or removes packages (rpm)"]
            }
            // Read-only only as a query or a check; `--rebuilddb`, `--setperms`, `--addsign` change.
            // (`--eval '%(cmd)'` and `--pipe CMD` run a shell; `-K` checks signatures.)
            if args.contains(where: { $0.contains("%(") }) || hasChangingFlag(args, ["--pipe"]) {
                return ["runs a shell command (rpm %(…), --pipe)"]
            }
            let shows =
                queries
                || hasFlag(
                    args, ["--version", "--help", "--showrc", "--eval", "-E", "--querytags", "-K", "--checksig"])
            return shows || args.isEmpty ? [] : [unknownReason("rpm \(args[0])")]
        default:
            return nil
        }
    }
}
