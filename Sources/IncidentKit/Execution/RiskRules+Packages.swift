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

    /// Package managers installing, removing or upgrading; nil when `name` is no package manager.
    static func packages(_ name: String, _ args: [String]) -> [String]? {
        if let family = packageFamilies[name], let verbs = packageVerbs[family] {
            var words = positionals(args)
            if name == "uv" && words.first == "pip" { words.removeFirst() }
            guard let verb = words.first, verbs.contains(verb) else { return [] }
            return ["installs, removes or upgrades packages (\(name) \(verb))"]
        }
        switch name {
        case "dpkg":
            let changes: Set<String> = [
                "--install", "--remove", "--purge", "--configure", "--unpack", "--set-selections",
            ]
            return hasChangingFlag(args, changes, letters: "irP") ? ["installs or removes packages (dpkg)"] : []
        case "rpm":
            let changes: Set<String> = ["--install", "--upgrade", "--freshen", "--erase", "--import"]
            let queries = args.contains {
                $0.hasPrefix("-q") || $0 == "--query" || $0.hasPrefix("-V") || $0 == "--verify"
            }
            return !queries && hasChangingFlag(args, changes, letters: "iUFe")
                ? ["installs or removes packages (rpm)"] : []
        default:
            return nil
        }
    }
}
