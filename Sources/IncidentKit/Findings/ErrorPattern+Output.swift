extension ErrorPattern {
    /// Programs whose name starts a command line rather than a line of output: a code span such as
    /// `systemctl status` in a "Red Flags" bullet names what to run, not what to look for. Output that
    /// starts with a program's name carries a colon (`nginx: [emerg]`, `curl: (7)`), so it still counts.
    /// Words that also start ordinary output (`free`, `kill`, `service`, `top`) are left out; written with
    /// an option (`kill -9`) they are caught as commands anyway.
    static let commandNames: Set<String> = [
        "apachectl", "apt", "apt-get", "awk", "aws", "az", "cat", "cd", "chmod", "chown", "cp", "crontab", "curl",
        "df", "dig", "dmesg", "docker", "du", "echo", "gcloud", "git", "grep", "gunicorn", "helm", "htop", "iostat",
        "iptables", "journalctl", "kubectl", "ls", "lsof", "mv", "mysql", "nc", "netstat", "nginx", "npm",
        "nslookup", "oc", "openssl", "pgrep", "ping", "pip", "pkill", "podman", "ps", "psql", "python", "python3",
        "redis-cli", "rm", "sed", "ss", "ssh", "strace", "sudo", "systemctl", "tail", "tar", "tcpdump", "telnet",
        "traceroute", "umount", "uwsgi", "vmstat", "wget", "yum",
    ]

    /// Whether a code span of a "Red Flags" bullet reads like text a program prints, so it can be matched
    /// against output: it has a space, a digit or punctuation such as `(` `:` `=` `/` (a setting such as
    /// `proxy_pass` has none), it does not start with a command name followed by a word or an option
    /// (`systemctl status`, `tail -n 50`), and it is not a bare path or a `{{placeholder}}`.
    /// A `/regex/` always counts.
    static func looksLikeOutput(_ span: String) -> Bool {
        let text = span.trimmed
        if text.count > 2, text.hasPrefix("/"), text.hasSuffix("/") { return true }
        guard !text.contains("{{") else { return false }
        let words = text.split(whereSeparator: \.isWhitespace)
        guard let first = words.first else { return false }
        if words.count == 1, first.hasPrefix("/") || first.hasPrefix("./") || first.hasPrefix("~/") {
            return false
        }
        if commandNames.contains(String(first)) && words.count > 1 { return false }
        // An option word (`-n`, `--no-pager`) marks a command line; `- ` or `-1` in output does not.
        let isOption = { (word: Substring) in
            word.hasPrefix("-") && word.dropFirst().first.map { $0 == "-" || $0.isLetter } == true
        }
        if words.dropFirst().contains(where: isOption) { return false }
        let outputPunctuation: Set<Character> = [
            "(", ")", ":", "=", "/", "[", "]", "'", "\"", "!", ",", ";", "<", ">", "#", "@", "%", "?", "*",
        ]
        return text.contains { $0 == " " || $0.isNumber || outputPunctuation.contains($0) }
    }
}
