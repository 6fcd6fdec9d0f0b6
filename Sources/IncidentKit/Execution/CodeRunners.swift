import Foundation

/// Where a `{{placeholder}}` could still become code although the outer shell receives its value as
/// one quoted word: in a command that hands text to another shell or an interpreter.
///
/// The check is deliberately coarse, because the ways to run text as code are many (`sh -c`, `| sh`,
/// `eval`, `trap`, functions, `$SHELL -c`, `ssh HOST cmd`, `su -c`, `script -c`, `tmux new`, `watch`,
/// `perl -e`, `awk`, GNU `sed`'s `e` command, unknown wrappers such as `taskset -c 0 sh -c`...). When a
/// command involves such a program anywhere, a placeholder is allowed only where the value stays data:
///
/// - the host of `ssh HOST ...` (a value starting with `-` is refused when the command is filled in);
/// - the word naming the program (`{{app_dir}}/venv/bin/python`), and the arguments of the wrapper in
///   front of it (`kubectl exec {{pod}} -- sh -c 'df -h'`), unless they set a variable;
/// - another simple command of the same line that only reads data (`cd {{dir}} && sh -c '...'`),
///   when the line pipes nothing anywhere, nothing is assigned and nothing is written to a file.
///
/// Positional arguments of a shell script (`sh -c '... "$1"' sh {{v}}`) are refused too: bash
/// arithmetic, `${!1}`, `eval` or a substitution in the script would run them.
///
/// Values written to files that a later command runs are not followed: do not write runbooks that way.
enum CodeRunners {
    /// Shells: they read code from `-c`, a script file or their standard input.
    static let shells: Set<String> = [
        "sh", "bash", "rbash", "dash", "zsh", "rzsh", "ksh", "rksh", "ash", "mksh", "yash", "posh", "fish", "csh",
        "tcsh", "busybox", "toybox",
    ]

    /// Database clients that connect with options (`-h HOST -d DB`); the SQL they run is code, and their
    /// meta-commands run shells (`\!`, `.system`, edit()).
    static let connectingClients: Set<String> = [
        "psql", "mysql", "mariadb", "sqlcmd", "clickhouse-client", "cqlsh", "mongosh", "mongo", "redis-cli",
    ]

    /// Programs that take folders as arguments, after which a `.` is the current folder, not the builtin
    /// that runs a file. (Their own ways of running code, `find -exec sh -c`, still count.)
    static let folderPrograms: Set<String> = [
        "find", "du", "ls", "stat", "tree", "chmod", "chown", "tar", "rsync", "cd",
    ]

    /// Programs that parse text as shell code or as a program.
    static let programs: Set<String> = shells.union(connectingClients).union([
        "eval", "trap", "source", ".", "ssh", "su", "runuser", "sg", "script", "tmux", "screen", "watch", "flock",
        "at", "batch", "crontab", "parallel", "expect", "awk", "gawk", "mawk", "nawk", "sed", "gsed", "osascript",
        "pwsh", "powershell", "Rscript", "tclsh", "wish", "node", "nodejs", "deno", "bun", "jshell", "groovy",
        "make", "gmake", "alias", "ninja", "sqlite3", "cockroach", "duckdb",
        // bash: `compgen -W` expands its word list, `mapfile -C` runs its callback.
        "compgen", "mapfile", "readarray",
        // Debuggers, editors and remote executors that run commands they are given.
        "gdb", "lldb", "pdb", "pdb3", "ed", "ex", "vi", "vim", "nvim", "view", "vimdiff", "rvim", "gvim", "evim",
        "emacs", "emacsclient", "npx", "npm", "pnpm", "yarn", "ansible", "ansible-playbook", "pdsh", "clush", "salt",
        "swift", "julia", "R", "m4", "dc", "socat", "irb", "guile", "jruby",
    ])

    /// Interpreters known by the start of their name (`python3.11`, `perl5.36`).
    static let prefixes = ["python", "perl", "ruby", "php", "lua", "tclsh", "wish", "pypy"]

    /// Programs whose arguments are only ever data: a word such as `ssh` among their arguments is a
    /// pattern or a file, not a program to run (`grep -c ssh /var/log/auth.log`).
    static let dataPrograms: Set<String> = [
        "grep", "egrep", "fgrep", "rg", "ag", "zgrep", "echo", "printf", "cat", "tail", "head", "less", "ls", "wc",
        "journalctl", "systemctl", "ss", "netstat", "ps", "pgrep", "curl", "wget", "test", "[", "stat", "file", "df",
        "du", "id", "getent", "dig", "host", "nslookup", "ping", "cd", "which", "type",
    ]

    /// The verbs of kubectl and oc whose words are names, kinds and options, never a program or a
    /// script (`oc -n $NS describe node {{n}}`: `node` is a kind, `$NS` a namespace). The command after
    /// a `--` is still judged. `exec`, `rsh`, `debug`, `run`, `create`, `set`, `patch`, `apply`, `cp`,
    /// `config`, `adm` and plugins can run what they are given, and are judged as any program is.
    static let kubectlDataVerbs: Set<String> = [
        "get", "describe", "logs", "top", "explain", "events", "version", "api-resources", "api-versions",
        "cluster-info", "whoami", "status", "wait", "auth", "delete", "scale", "label", "annotate", "drain",
        "cordon", "uncordon", "taint", "rollout", "port-forward", "proxy", "projects", "project",
    ]

    /// kubectl's global flags that take no value: the verb follows them.
    static let kubectlFlags: Set<String> = [
        "--insecure-skip-tls-verify", "--match-server-version", "--warnings-as-errors", "--disable-compression",
        "-A", "--all-namespaces",
    ]

    /// The verb of a kubectl or oc command, when every option before it is one kubectl is known to read
    /// (with its value: `-n $NS get`); nil when an option the rules do not know could take the next word
    /// as its value (`--cache-dir get exec ...` runs `exec`).
    static func kubectlVerb(_ words: ArraySlice<String>) -> String? {
        var rest = words.dropFirst()
        while let word = rest.first, word.hasPrefix("-") {
            if word.contains("=") || kubectlFlags.contains(word) {
                rest = rest.dropFirst()
            } else if RiskRules.kubectlValuedOptions.contains(word) {
                rest = rest.dropFirst(2)
            } else {
                return nil
            }
        }
        return rest.first
    }

    /// The last component of a program path: `bash` for `/usr/bin/bash`.
    static func baseName(_ word: String) -> String {
        word.split(separator: "/").last.map(String.init) ?? word
    }

    /// A simple command's words from its program on, past `NAME=value` assignments in front of it.
    static func commandWords(_ segment: ShellSegment) -> ArraySlice<String> {
        segment.words.drop(while: RiskClassifier.isAssignment)
    }

    /// The program a word names, if it runs text as code: `sh`, `python3`, `/usr/bin/env`'s `bash`...
    static func runner(_ word: String) -> String? {
        let name = baseName(word)
        if programs.contains(name) { return name }
        if prefixes.contains(where: {
            name.hasPrefix($0) && name.dropFirst($0.count).allSatisfy { $0.isNumber || $0 == "." }
        }) {
            return name
        }
        return nil
    }

    /// Where placeholders (written into `probe` as unique marker words) stand: the reason each refused
    /// marker is refused, and the markers whose value must not start with `-` (an ssh host, a database
    /// host, an awk file), or the program would read it as an option such as `-oProxyCommand=...`.
    static func analyze(_ probe: String, markers: [String]) -> (refused: [String: String], options: Set<String>) {
        var refused: [String: String] = [:]
        var options: Set<String> = []
        collect(probe, markers: markers, depth: 0, into: &refused, options: &options)
        for (marker, reason) in expandedAssignments(probe, markers: markers) where refused[marker] == nil {
            refused[marker] = reason
        }
        for marker in bracedMarkers(probe, markers: markers) where refused[marker] == nil {
            refused[marker] = "in a brace expansion ({a,b}), where bash makes a value a word of its own"
        }
        // Where dash and bash (and this checker) read quotes differently, what follows may be quoted for one
        // and bare for another: every placeholder of such a command is refused.
        if let construct = quotingAmbiguity(probe) {
            for marker in markers where refused[marker] == nil {
                refused[marker] = "in a command with \(construct), which sh and bash read differently"
            }
        }
        for marker in splitSubstitutionMarkers(probe, markers: markers) where refused[marker] == nil {
            refused[marker] = "in a $(...) outside double quotes, whose output the shell splits into words"
        }
        // A value glued to a cluster of short options (`sort -r{{v}}`) can add options to it (`o FILE`).
        for segment in allSegments(probe) {
            let words = Array(commandWords(segment))
            let program = programPositions(words, markers: markers).last.map { baseName(words[$0]) } ?? ""
            for word in words where word.hasPrefix("-") && !word.hasPrefix("--") {
                for marker in markers where refused[marker] == nil {
                    guard let at = word.range(of: marker), !word[..<at.lowerBound].contains("=") else { continue }
                    // kubectl's `-n{{ns}}`, `-l{{selector}}`, `-c{{container}}` take the rest as one value.
                    let attached = word.dropFirst().prefix { $0 != Character(String(marker.prefix(1))) }
                    if ["kubectl", "oc"].contains(program), ["n", "l", "c"].contains(String(attached)) { continue }
                    refused[marker] =
                        "glued to short options (\(word.prefix(upTo: at.lowerBound))...), where it adds more"
                }
            }
        }
        // A value that names the program (`{{tool}} get pods`, `sudo /usr/bin/{{tool}}`) picks what runs,
        // `eval` or `sh`, and what its arguments and input become.
        if namesAProgram(probe, markers: markers) {
            for marker in markers where refused[marker] == nil {
                refused[marker] = "in a command where a value names the program that runs"
            }
        }
        return (refused, options)
    }

    private static func collect(
        _ text: String, markers: [String], depth: Int, into refused: inout [String: String],
        options: inout Set<String>
    ) {
        guard depth < 8 else { return }
        let (segments, substitutions) = ShellLexer.lex(text)
        for substitution in substitutions {
            collect(substitution, markers: markers, depth: depth + 1, into: &refused, options: &options)
        }
        func refuse(_ words: [String], _ reason: String) {
            for marker in markers where refused[marker] == nil && words.contains(where: { $0.contains(marker) }) {
                refused[marker] = reason
            }
        }
        // After the rules for runners, whose reasons say more where both apply.
        defer { for segment in segments { refuseCommandStrings(segment, refuse: refuse) } }
        // xargs makes the words of its input the arguments of its command (`xargs find` takes `-exec`):
        // for a value, it runs code whatever it runs.
        var runners = segments.map { segment in
            runnerOfSegment(segment) ?? (commandWords(segment).first.map(baseName) == "xargs" ? "xargs" : nil)
        }

        // An awk program that runs no command reads its input and its files as data.
        let plainAwk = segments.indices.filter { runners[$0] != nil && isPlainAwk(segments[$0]) }
        for index in plainAwk {
            runners[index] = nil
            let words = segments[index].words
            let operands = awkOperands(words)
            options.formUnion(markers.filter { marker in operands.contains { words[$0].contains(marker) } })
            var rest = words
            for position in operands.sorted(by: >) { rest.remove(at: position) }
            refuse(rest + segments[index].hereDocuments, "in the program of awk")
        }
        // Nor does a sed script that only prints, deletes and substitutes (no `e`, no `w`, no script file):
        // its input is data, and so are its files.
        let plainSed = segments.indices.filter { runners[$0] != nil && sedOperands(segments[$0]) != nil }
        for index in plainSed {
            runners[index] = nil
            let words = segments[index].words
            let operands = sedOperands(segments[index]) ?? []
            options.formUnion(markers.filter { marker in operands.contains { words[$0].contains(marker) } })
            var rest = words
            for position in operands.sorted(by: >) { rest.remove(at: position) }
            refuse(rest + segments[index].hereDocuments, "in the program of sed")
        }
        // A jq or yq query is a program that can read the environment (`$ENV.TOKEN`) and, for yq, files.
        for segment in segments {
            let words = Array(commandWords(segment))
            let positions = queryPositions(words, markers: markers)
            guard let first = positions.first else { continue }
            let program = words[..<first].last { queryPrograms.contains(baseName($0)) }.map(baseName) ?? "jq"
            refuse(positions.map { words[$0] }, "in the query of \(program), which can read the environment")
        }
        // kubectl's output templates (`-o jsonpath=`, `go-template=`, `--template`) are a language too:
        // a value can close the template's quotes and print whatever it likes.
        for segment in segments {
            let words = Array(commandWords(segment))
            guard let program = programPositions(words, markers: markers).last.map({ baseName(words[$0]) }),
                ["kubectl", "oc"].contains(program)
            else { continue }
            // `-o`, `--output`, and a cluster of kubectl flags ending in it (`-Ao`, `-wo`); with the format
            // attached too (`-nfoo` is `-n` with `foo` attached, no cluster).
            func isOutput(_ word: String) -> Bool {
                word == "--output" || word.range(of: #"^-[AwR]*o$"#, options: .regularExpression) != nil
            }
            let templates = words.indices.filter { index in
                let word = words[index]
                let previous = index > 0 ? words[index - 1] : ""
                return word.hasPrefix("--template") || previous == "--template" || isOutput(previous)
                    || word.hasPrefix("--output=")
                    || word.range(of: #"^-[AwR]*o."#, options: .regularExpression) != nil
                    || ["template", "jsonpath", "custom-columns"].contains { word.contains($0) }
            }
            refuse(templates.map { words[$0] }, "in the output format of \(program), which decides what it prints")
        }
        // A shell function runs its body with the arguments it is given: the whole line is code.
        // So does `${V@P}`, which expands a variable's value as a prompt (octal escapes, `$(...)` and all).
        // `alias`, `hash -p` and `enable -f` change what a later word runs: the whole line is code too.
        let definesFunction =
            text.range(of: #"(^|[\s;&|({])[A-Za-z_][A-Za-z0-9_:-]*\s*\(\s*\)"#, options: .regularExpression) != nil
            || segments.contains { ["function", "alias", "hash", "enable"].contains($0.words.first ?? "") }
            || text.contains("@P}")
        if definesFunction { runners = runners.map { $0 ?? "a shell function" } }
        guard let firstRunner = runners.compactMap({ $0 }).first else { return }
        // Pipelines are not followed through subshells and line breaks: with a runner on the line, any
        // pipe could feed it.
        let pipes = text.replacingOccurrences(of: "||", with: "").contains("|")
        for (index, segment) in segments.enumerated() {
            let everything = segment.words + segment.hereDocuments + segment.redirections.map(\.target)
            if let runner = runners[index] {
                let (allowed, optionLike) = definesFunction ? ([], []) : allowedWords(segment.words, runner: runner)
                for position in optionLike {
                    options.formUnion(markers.filter { segment.words[position].contains($0) })
                }
                var words = everything
                for position in allowed.sorted(by: >) { words.remove(at: position) }
                refuse(words, "in a command that runs \(runner)")
                continue
            }
            if pipes {
                refuse(everything, "in a pipeline of a command that runs \(firstRunner)")
                continue
            }
            // A variable set here (`V=`, `for V in`, `set --`, `read`) can be read by the code that runs
            // later, and so can a file written here: only a command that reads data takes a value.
            let name = commandWords(segment).first.map(baseName) ?? ""
            let writes = segment.redirections.contains { $0.op.contains(">") }
            if !dataPrograms.contains(name) || writes || segment.words.contains(where: RiskClassifier.isAssignment) {
                refuse(everything, "beside \(firstRunner) on the same line, where the value could reach it")
            }
        }
    }

    /// Variables whose value programs run as a command line (through `sh -c` or their own parsing).
    static let commandVariables: Set<String> = [
        "PS1", "PS2", "PS3", "PS4", "PROMPT_COMMAND", "BASH_ENV", "ENV", "GIT_SSH_COMMAND", "GIT_SSH", "GIT_PAGER",
        "GIT_EDITOR", "GIT_EXTERNAL_DIFF", "GIT_ASKPASS", "SSH_ASKPASS", "PAGER", "EDITOR", "VISUAL", "MANPAGER",
        "SYSTEMD_PAGER", "KUBE_EDITOR", "KUBECTL_EXTERNAL_DIFF", "LESSOPEN", "LESSCLOSE", "SHELL", "TAR_OPTIONS",
        "GIT_PROXY_COMMAND", "GIT_SEQUENCE_EDITOR", "RSYNC_RSH", "PERL5OPT", "PERL5DB", "PYTHONSTARTUP",
        "PYTHONINSPECT", "NODE_OPTIONS", "LD_PRELOAD", "LD_LIBRARY_PATH", "GIT_CONFIG_PARAMETERS", "BROWSER", "MANOPT",
        "FCEDIT", "SUDO_EDITOR",
        "LD_AUDIT", "RUBYOPT", "JAVA_TOOL_OPTIONS", "GIT_EXEC_PATH", "GIT_EDITOR", "GIT_SEQUENCE_EDITOR",
    ]

    /// Options whose value a program runs as a command: `git -c core.sshCommand=...`, `tar --to-command`,
    /// `tar -I PROGRAM`, `rsync -e`.
    static let commandOptions = [
        "sshcommand", "core.pager", "core.editor", "core.fsmonitor", "core.hookspath", "pager.", "alias.",
        "--to-command", "--use-compress-program", "--rsh-command", "--info-script", "--new-volume-script",
        "--checkpoint-action", "--rsh=", "--rsync-path", "--exec-command", "--config-env", "diff.external",
        "credential.helper", "--overrides", "core.askpass", "gpg.program", "sequence.editor", "--upload-pack",
        "--receive-pack", "--exec=", "--extcmd", "--tool=", "--to-cmd", "--cc-cmd", "--sendmail-cmd", "-filter=",
        "--unzip-command", "--compress-program", "--rmt-command", "--use-askpass", "filter.", "core.gitproxy",
        "gpg.ssh.program", "--pre=", "--hostname-bin",
    ]

    /// Options whose next word is a command line or a program the program runs, by program.
    static let commandValuedOptions: [String: Set<String>] = [
        "git": [
            "-c", "--exec", "-x", "-u", "--upload-pack", "--receive-pack", "--extcmd", "--tool", "--to-cmd",
            "--cc-cmd", "--sendmail-cmd", "--env-filter", "--tree-filter", "--index-filter", "--msg-filter",
            "--commit-filter", "--tag-name-filter", "--parent-filter",
        ],
        "scp": ["-o", "-S"], "sftp": ["-o", "-S"], "strace": ["-o"], "zip": ["-TT", "--unzip-command"],
        "sort": ["--compress-program"], "tcpdump": ["-z"], "rg": ["--pre", "--hostname-bin"], "wget": ["--use-askpass"],
        "man": ["-P", "--pager"],
        "tar": ["-F", "--rmt-command", "--info-script", "--new-volume-script"], "nc": ["-e", "-c"],
        "ncat": ["-e", "-c", "--exec", "--sh-exec", "--lua-exec"], "netcat": ["-e", "-c"],
    ]

    /// Refuses the markers a simple command would run as code although it runs no shell itself: in a
    /// variable programs run as a command (`GIT_SSH_COMMAND="ssh -i {{key}}" git fetch`), in an option
    /// whose value is a command (`git -c core.sshCommand=...`, `tar --to-command=...`, `tar -I ...`,
    /// `rsync -e ...`), in the name of a variable `env` sets (`BASH_FUNC_ls%%` defines a function), and
    /// in a bash array assignment (`declare -a x={{v}}` parses the value again as shell words).
    private static func refuseCommandStrings(_ segment: ShellSegment, refuse: ([String], String) -> Void) {
        let words = segment.words
        let program = commandWords(segment).first.map(baseName) ?? ""
        for (index, word) in words.enumerated() {
            if let equals = word.firstIndex(of: "=") {
                let name = String(word[..<equals])
                // `GIT_CONFIG_KEY_0=core.fsmonitor GIT_CONFIG_VALUE_0=...` sets any git option.
                if commandVariables.contains(name) || name.hasPrefix("GIT_CONFIG_") {
                    refuse([word], "in \(name), which programs run as a command")
                }
                if program == "env" || words.prefix(index).contains(where: { baseName($0) == "env" }) {
                    refuse([name], "in the name of a variable env sets, which can define a function")
                }
            }
            let lowered = word.lowercased()
            if commandOptions.contains(where: { lowered.contains($0) })
                || index > 0 && commandOptions.contains(words[index - 1].lowercased())
                || index > 0 && ["-I", "-e", "--rsh"].contains(words[index - 1]) && ["tar", "rsync"].contains(program)
            {
                refuse([word], "in an option whose value is run as a command")
            }
        }
        // A value as the whole value of an option that names a command or a program to run:
        // `git -c KEY=VALUE`, `git rebase --exec CMD`, `scp -o ProxyCommand=...`, `zip -TT CMD`.
        let runOptions = commandValuedOptions[program] ?? []
        for (index, word) in words.enumerated() where index > 0 && runOptions.contains(words[index - 1]) {
            refuse([word], "in an option whose value is run as a command")
        }
        if program == "git", words.contains("foreach") {
            refuse(words, "in a command that runs git submodule foreach, which runs a shell")
        }
        // `env {{v}} prog`: env reads `NAME=VALUE` from its words, and a name can define a function.
        if program == "env" {
            let command = RiskRules.dropOptions(words.dropFirst(), valued: ["-u", "--unset", "-C", "--chdir"])
            refuse(Array(command.prefix { !$0.contains("/") || $0.contains("=") }), "in a word env reads as NAME=VALUE")
        }
        // `git --config-env=core.fsmonitor=V` takes the option's value from the variable V.
        if words.contains(where: { $0.lowercased().contains("--config-env") }) {
            refuse(words, "in a command that reads an option's value from a variable (--config-env)")
        }
        if ["declare", "typeset", "local", "readonly", "export"].contains(program),
            words.contains(where: { $0.hasPrefix("-") && ($0.contains("a") || $0.contains("A")) })
        {
            refuse(words, "in a bash array assignment, which reads its value again as shell words")
        }
    }

    /// `awk 'program' FILES...` whose program runs no command (no `system`, pipe or `getline`).
    private static func isPlainAwk(_ segment: ShellSegment) -> Bool {
        let words = commandWords(segment)
        guard let program = words.first, ["awk", "gawk", "mawk", "nawk"].contains(runner(program) ?? ""),
            let position = awkScript(Array(words)).map({ words.startIndex + $0 })
        else { return false }
        // A program the shell expands something into (`awk "/$V/"`) can be given code by a variable.
        return !segment.expanding.contains(position) && !awkRunsCommands(words[position])
    }

    /// Whether an awk program can run a command: `system(...)`, output piped to a command
    /// (`print | "sort"`, `|&`), a command piped into getline, or an extension (`@load`). A `|` in a
    /// regular expression (`/error|crit/`) or `||` is no pipe.
    static func awkRunsCommands(_ program: String) -> Bool {
        // `getline` reads a command's output when piped (`"date" $1 | getline t`), and `| (...)` pipes
        // output to one: not told apart from a regular expression's `|`, so neither is plain.
        guard !program.contains("system"), !program.contains("@load"), !program.contains("getline"),
            program.range(of: #"\|\s*\("#, options: .regularExpression) == nil
        else { return true }
        // String literals become `S`, so that `FS="|"` holds no pipe and `print | "sort"` reads `| S`.
        let code = program.replacingOccurrences(of: #""(\\.|[^"\\])*""#, with: " S ", options: .regularExpression)
        let pipe = #"(?<!\|)\|(?!\|)"#  // one `|`, not `||`
        return code.contains("|&")
            || code.range(of: pipe + #"\s*S\b"#, options: .regularExpression) != nil
            || code.range(of: #"(\bS|[A-Za-z_][A-Za-z0-9_]*)\s*"# + pipe + #"\s*getline"#, options: .regularExpression)
                != nil
            || code.range(of: pipe + #"\s*[A-Za-z_][A-Za-z0-9_]*\s*(;|\}|$)"#, options: .regularExpression) != nil
            // Any pipe out of `print` (`print "x" | $2`, `print x | c e`): its command is a value.
            || code.range(of: #"\bprintf?\b[^;{}\n]*"# + pipe, options: .regularExpression) != nil
    }

    /// The position of awk's program text in `words` (after `-F x`, `-v a=b`), nil with `-f FILE`.
    private static func awkScript(_ words: [String]) -> Int? {
        var index = 1
        while index < words.count, words[index].hasPrefix("-") {
            if words[index].hasPrefix("-f") || words[index] == "--file" { return nil }
            index += ["-F", "-v"].contains(words[index]) ? 2 : 1
        }
        return index < words.count ? index : nil
    }

    /// The file operands of a plain awk command: the words after its program text.
    private static func awkOperands(_ words: [String]) -> [Int] {
        guard let script = awkScript(words) else { return [] }
        return Array((script + 1)..<words.count)
    }

    /// Whether a marker stands in the name of a program some simple command of `probe` runs (its last
    /// path component: `{{v}}/venv/bin/python` runs a python, whichever folder the value names).
    static func namesAProgram(_ probe: String, markers: [String]) -> Bool {
        allSegments(probe).contains { segment in
            let words = Array(commandWords(segment))
            return programPositions(words, markers: markers).contains { position in
                let name = words[position].split(separator: "/").last.map(String.init) ?? ""
                return markers.contains(where: name.contains)
            }
        }
    }

    /// The simple commands of `probe` and of the substitutions in it, however deep (to eight levels).
    static func allSegments(_ probe: String) -> [ShellSegment] {
        var segments: [ShellSegment] = []
        var texts = [probe]
        var depth = 0
        while !texts.isEmpty, depth < 8 {
            var next: [String] = []
            for text in texts {
                let lexed = ShellLexer.lex(text)
                segments += lexed.segments
                next += lexed.substitutions
            }
            texts = next
            depth += 1
        }
        return segments
    }

    /// Programs that run the program after their options: `sudo -u x PROGRAM`, `timeout 5 PROGRAM`.
    static let wrappers: Set<String> = [
        "sudo", "doas", "env", "nohup", "time", "timeout", "nice", "ionice", "stdbuf", "command", "exec", "xargs",
        "watch", "strace", "ltrace", "chrt", "taskset", "flock", "setsid", "unbuffer", "runuser", "chroot",
        "nsenter", "builtin", "numactl", "cgexec", "systemd-run", "firejail", "proxychains", "torsocks", "busybox",
        "prlimit", "setarch", "setpriv", "unshare", "pkexec", "fakeroot", "faketime", "eatmydata", "nocache",
        "chpst", "valgrind", "perf", "catchsegv", "parallel", "sg", "cpulimit", "trickle", "tsocks", "schedtool",
        "caffeinate", "daemonize", "ts", "chronic", "script", "sshpass",
    ]
    /// Options of wrappers that take the next word as their value (besides `PreparedCommand.valuedOptions`).
    static let wrapperOptions: [String: Set<String>] = [
        "doas": ["-u", "-C"], "exec": ["-a"],
        "strace": ["-e", "-o", "-p", "-s", "-u", "-E", "-P", "-I", "-b", "-a", "-X", "-O", "-S"],
        "ltrace": ["-e", "-o", "-p", "-s", "-u", "-n", "-a", "-A", "-D", "-F", "-l"],
        "flock": ["-w", "-E", "--timeout", "--conflict-exit-code"],
        "runuser": ["-u", "-g", "-G", "--user", "--group", "--supp-group"],
        "chroot": ["--userspec", "--groups"],
        "nsenter": ["-t", "-S", "-G", "--target", "--setuid", "--setgid"],
        "prlimit": ["-p", "--pid"], "watch": ["-n", "--interval", "-d"],
        "xargs": ["-I", "-n", "-L", "-P", "-d", "-s", "-E", "-a", "--arg-file", "--max-args", "--delimiter"],
        "systemd-run": ["-p", "--property", "-u", "--unit", "--uid", "--gid", "-E", "--setenv", "-M", "--machine"],
        "numactl": ["-C", "-N", "-m", "-p", "-i", "--cpunodebind", "--membind", "--preferred", "--interleave"],
        "cgexec": ["-g"], "sg": ["-c"], "sshpass": ["-p", "-f", "-d", "-e"], "script": ["-c", "-O", "-I"],
        "parallel": ["-j", "--jobs", "-S", "--sshlogin"], "cpulimit": ["-l", "--limit", "-p", "--pid"],
    ]
    /// Options of wrappers known to take no value (`timeout --foreground 5 PROGRAM`).
    static let wrapperFlags: [String: Set<String>] = [
        "timeout": ["--foreground", "-v", "--verbose", "--preserve-status"],
        "taskset": ["-a", "--all-tasks", "-c", "--cpu-list", "-p", "--pid"],
        "chrt": [
            "-a", "--all-tasks", "-b", "--batch", "-d", "--deadline", "-f", "--fifo", "-i", "--idle", "-o",
            "--other", "-r", "--rr", "-R", "--reset-on-fork", "-m", "--max", "-p", "--pid", "-v", "--verbose",
        ],
        "chroot": ["--skip-chdir"],
        "flock": [
            "-s", "--shared", "-x", "-e", "--exclusive", "-u", "--unlock", "-n", "--nonblock", "-o", "--close", "-F",
            "--no-fork", "--verbose",
        ],
        "time": ["-p", "-v", "--verbose", "--portability", "-a", "--append", "-q", "--quiet"],
        "setsid": ["-c", "--ctty", "-f", "--fork", "-w", "--wait"],
        "sudo": [
            "-E", "-H", "-n", "-S", "-k", "-K", "-b", "-P", "-A", "--preserve-env", "--set-home", "--non-interactive",
            "--stdin",
        ],
        "env": ["-i", "--ignore-environment", "-0", "--null", "-v", "--debug"],
        "ionice": ["-t", "--ignore"],
        "xargs": ["-0", "--null", "-r", "--no-run-if-empty", "-t", "--verbose", "-p", "--interactive", "-x", "--exit"],
        "nsenter": [
            "-m", "-u", "-i", "-n", "-p", "-U", "-C", "-T", "-a", "--all", "-F", "--no-fork", "--mount", "--uts",
            "--ipc", "--net", "--pid", "--user", "--cgroup", "--time", "--preserve-credentials", "-w", "--wd", "-r",
            "--root",
        ],
        "unshare": [
            "-m", "-u", "-i", "-n", "-p", "-U", "-C", "-T", "-r", "-f", "--fork", "--map-root-user", "--mount-proc",
        ],
        "strace": [
            "-f", "-ff", "-c", "-C", "-w", "-q", "-qq", "-v", "-x", "-xx", "-y", "-yy", "-t", "-tt", "-ttt", "-T",
            "-r", "-i", "-k", "-n", "-Z", "-z",
        ],
        "watch": [
            "-t", "--no-title", "-e", "--errexit", "-g", "--chgexit", "-x", "--exec", "-b", "--beep", "-c", "--color",
            "-p", "--precise",
        ],
    ]
    /// Keywords before a command (`if $X`, `do $X`, `! $X`): the program is the word after them.
    static let commandKeywords: Set<String> = ["if", "then", "else", "elif", "do", "while", "until", "!", "{", "("]

    /// The positions in a simple command's words of the words that may name a program: the first after
    /// any keyword (`do`, `if`, `!`); after a wrapper (`sudo`, `timeout 5`, `nsenter -t 1 -m`) every word
    /// up to the program it runs, and every word after an option of the wrapper this does not know (it may
    /// or may not take the next word); the word after `-exec` of find, after `ip netns exec` and its name,
    /// after `--` of kubectl, oc and the container tools, and after `docker exec`'s container.
    static func programPositions(_ words: [String], markers: [String] = []) -> [Int] {
        var index = 0
        while index < words.count, commandKeywords.contains(words[index]) { index += 1 }
        guard index < words.count else { return [] }
        var positions = [index]
        func isPlain(_ word: String) -> Bool {
            !markers.contains(where: word.contains) && word.first?.isLetter == true
                && word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.+-/".contains($0)) }
        }
        // The operand some wrappers take before the program: `timeout 5`, `chroot /host`, `flock f`,
        // `taskset 3`, `chrt 10`, `setarch x86_64`, and perf's subcommand (`perf stat`).
        let leadingOperand: Set<String> = ["timeout", "chroot", "flock", "taskset", "chrt", "setarch"]
        while index < words.count, wrappers.contains(baseName(words[index])) {
            let wrapper = baseName(words[index])
            // `command -v NAME` prints where NAME is; it runs nothing.
            if wrapper == "command", index + 1 < words.count, ["-v", "-V"].contains(words[index + 1]) { break }
            let valued = wrapperOptions[wrapper, default: []]
            let flags = wrapperFlags[wrapper, default: []]
            var operand = leadingOperand.contains(wrapper)
            // After an option this does not know, any later word may be the program; so after perf,
            // whose subcommands nest (`perf stat record PROGRAM`).
            var unsure = wrapper == "perf"
            index += 1
            var program: Int?
            while index < words.count {
                let word = words[index]
                if word == "--" {
                    index += 1
                    if index < words.count { positions.append(index) }
                    program = index
                    break
                }
                if word.hasPrefix("-"), word.count > 1 {
                    if word.contains("=") || flags.contains(word) {
                        index += 1
                    } else if valued.contains(word) || PreparedCommand.takesValue(word, of: wrapper) {
                        index += 2
                    } else {
                        unsure = true
                        index += 1
                    }
                    continue
                }
                if wrapper == "env", RiskClassifier.isAssignment(word) {
                    index += 1
                    continue
                }
                if unsure {
                    positions.append(index)
                    index += 1
                    continue
                }
                if operand {
                    operand = false
                    index += 1
                    continue
                }
                positions.append(index)
                if isPlain(word) {
                    program = index
                    break
                }
                index += 1
            }
            guard let found = program, found < words.count else { break }
            index = found
        }
        let program = baseName(words[positions.last ?? 0])
        let containers: Set<String> = ["kubectl", "oc", "docker", "podman", "nerdctl", "crictl", "ctr", "lxc", "incus"]
        for (at, word) in words.enumerated() where at + 1 < words.count {
            if program == "find", ["-exec", "-execdir", "-ok", "-okdir"].contains(word) { positions.append(at + 1) }
            if containers.contains(program), word == "--" { positions.append(at + 1) }
            if program == "ip", word == "exec", words[..<at].contains("netns") {
                positions.append(at + 1)
                if at + 2 < words.count { positions.append(at + 2) }
            }
        }
        // `docker exec [options] CONTAINER PROGRAM` (crictl's and compose's too): the word after the
        // container or service, and after an option this does not know, every word.
        let execTools: Set<String> = ["docker", "podman", "nerdctl", "crictl", "docker-compose", "podman-compose"]
        if execTools.contains(program), let verb = words.firstIndex(of: "exec") {
            let valued: Set<String> = ["-e", "--env", "-u", "--user", "-w", "--workdir", "--env-file", "--detach-keys"]
            let flags: Set<String> = [
                "-i", "-t", "-it", "-ti", "-d", "--interactive", "--tty", "--detach", "--privileged",
            ]
            var at = verb + 1
            var operands = 0
            var unsure = false
            while at < words.count, words[at] != "--" {
                let word = words[at]
                if word.hasPrefix("-") {
                    if valued.contains(word) {
                        at += 1
                    } else if !flags.contains(word), !word.contains("=") {
                        unsure = true
                    }
                } else {
                    operands += 1
                    if operands == 2 || unsure { positions.append(at) }
                    if operands == 2 && !unsure { break }
                }
                at += 1
            }
        }
        return positions
    }

    /// The runner a simple command involves, if any: its program, or any later word naming one (an
    /// unknown wrapper such as `taskset -c 0 sh -c ...`), unless the program only reads data.
    static func runnerOfSegment(_ segment: ShellSegment) -> String? {
        runner(ofCommand: commandWords(segment), expanding: segment.expanding)
    }

    /// The runner of a simple command's words, from its program on (`runnerOfSegment`); `expanding` holds
    /// the positions (in the segment's words, as `words` counts them) of the words the shell expands
    /// something in (`-n $NS`).
    private static func runner(ofCommand words: ArraySlice<String>, expanding: Set<Int>) -> String? {
        guard let program = words.first else { return nil }
        if let runner = runner(program) { return runner }
        // A program named by a variable, a substitution, a glob or a brace expansion (`$SHELL -c`, `"$1"`,
        // `/bin/[d]ash`, `{sh,}`) could be any shell.
        if program != "[", program != "[[", program.contains(where: { "$`[*?{".contains($0) }) {
            return "a program named by \(program)"
        }
        let name = baseName(program)
        if dataPrograms.contains(name) { return nil }
        if ["kubectl", "oc"].contains(name), let verb = kubectlVerb(words) {
            // `exec -i`, `attach -i`, `debug -i` and `run -i` give their input to a process in the cluster.
            let stdin = words.contains {
                $0 == "--stdin" || $0.hasPrefix("-") && !$0.hasPrefix("--") && $0.contains("i")
            }
            if ["exec", "attach", "debug", "run"].contains(verb), stdin {
                let inner = words.firstIndex(of: "--").flatMap {
                    runner(ofCommand: words[($0 + 1)...], expanding: expanding)
                }
                return inner ?? "\(name) \(verb) -i"
            }
            // A word the shell expands before the verb (`-n $NS logs`) could split into words and move the
            // verb onto a value: judged as any program. After the verb, the verb stands (`logs -n ns $POD`).
            let verbAt = words.indices.first { words[$0] == verb } ?? words.startIndex
            // (Said as such: the program is still kubectl, and what could move is its verb.)
            if let expansion = words.indices.first(where: { expanding.contains($0) && $0 < verbAt }) {
                return
                    "\(name) with \(words[expansion]) before its verb, which could split into words and move the verb"
            }
            if kubectlDataVerbs.contains(verb) || verb == "debug" || verb == "run" {
                // `run` and `debug` start the command after `--`; so do `create job ... --` and the like.
                return words.firstIndex(of: "--").flatMap {
                    runner(ofCommand: words[($0 + 1)...], expanding: expanding)
                }
            }
        }
        if name == "sudo" || name == "doas",
            words.dropFirst().prefix(while: { $0.hasPrefix("-") }).contains(where: {
                !$0.hasPrefix("--") && ($0.contains("s") || $0.contains("i")) || $0 == "--shell" || $0 == "--login"
            })
        {
            return "\(name) -s"
        }
        if name == "env",
            words.contains(where: {
                $0.hasPrefix("--split-string") || $0.hasPrefix("-") && !$0.hasPrefix("--") && $0.contains("S")
            })
        {
            return "env -S"
        }
        // The `.` of `find . -name x` is a folder; elsewhere a later `.` could still be the builtin
        // (bash reads `X+=1 . file`, `{fd}>x . file`, `command . file` as running it).
        let later = words.dropFirst().lazy.filter {
            $0 != "." || !(Self.folderPrograms.contains(name) || name == "jq" || name == "yq")
        }
        if let later = later.compactMap(runner).first { return later }
        // `command $SHELL -c`, `env "$X" ...`: a later word that is only an expansion may be the program.
        // Arithmetic (`sleep $(( {{m}} * 60 ))`) is a number, never a program.
        return words.dropFirst().first {
            ($0.hasPrefix("$") || $0.hasPrefix("`")) && !$0.hasPrefix("$((") && !$0.hasPrefix("$[")
        }.map { "a program named by \($0)" }
    }

    /// Whether a segment that involves `runner` takes code from its standard input: a shell or an
    /// interpreter given no script, `ssh HOST` with no remote command, `xargs` or `parallel` feeding
    /// a runner. `| awk '{print $1}'`, `| jq .`, `| python3 -c '...'` read their input as data.
    static func readsCode(_ segment: ShellSegment, runner: String) -> Bool {
        let words = commandWords(segment)
        let program = words.first.map(baseName) ?? ""
        if program == "xargs" || program == "parallel" { return true }
        // A wrapper that is a runner itself (`flock`, `busybox`) hands its input to the shell after it.
        if wrappers.contains(runner) || runner.hasPrefix("a program named by"),
            let inner = words.dropFirst().compactMap(Self.runner).first(where: {
                $0 != runner && !wrappers.contains($0)
            })
        {
            return readsCode(segment, runner: inner)
        }
        // `sudo -s` and `env -S` are judged by the rules for sudo and env.
        guard let at = words.firstIndex(where: { Self.runner($0) == runner }) else { return false }
        let args = words[(at + 1)...]
        switch runner {
        case _ where shells.contains(runner):
            let script = args.contains { $0.hasPrefix("-") && !$0.hasPrefix("--") && $0.dropFirst().contains("c") }
            let operand = args.first { !$0.hasPrefix("-") && !$0.hasPrefix("+") }
            let stdin: Set<String> = ["/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"]
            return !script && (operand == nil || args.contains("-s") || stdin.contains(operand!))
        case "ssh":
            return RiskRules.dropOptions(args, valued: RiskRules.sshValuedOptions).count <= 1
        case _
        where prefixes.contains(where: { runner.hasPrefix($0) }) || ["node", "nodejs", "deno", "bun"].contains(runner):
            let script = args.contains { ["-c", "-e", "-m", "-E"].contains($0) }
            let operand = args.contains { !$0.hasPrefix("-") }
            return !script && (!operand || args.contains("-"))
        default:
            return false
        }
    }

    /// Positions of the words where a placeholder stays data in a segment that involves `runner`, and
    /// among them those whose value must not start with `-` (an ssh host, a database connection value).
    private static func allowedWords(_ words: [String], runner: String) -> (allowed: [Int], optionLike: [Int]) {
        guard let at = words.firstIndex(where: { Self.runner($0) == runner }) else { return ([], []) }
        // The program's own path (`{{app_dir}}/venv/bin/python`), and the words of the wrapper in front of
        // it (`kubectl exec {{pod}} -- sh -c ...`) unless they set a variable (`env X={{v}} sh -c '$X'`).
        let allowed = [at] + (0..<at).filter { !words[$0].contains("=") }
        // Another runner among the arguments (`ssh -o ProxyCommand=sh {{host}}`) makes them all suspect.
        guard words.indices.allSatisfy({ $0 <= at || Self.runner(words[$0]) == nil }) else { return (allowed, []) }
        let args = words[(at + 1)...]
        var optionLike: [Int] = []
        if connectingClients.contains(runner) {
            // Where to connect is data: the value after `-h`, `-p`, `-U`, `-d` and their long forms. The
            // SQL is not.
            let connection: Set<String> = [
                "-h", "--host", "-p", "--port", "-U", "--username", "-u", "--user", "-d", "--dbname", "-D",
                "--database", "-S", "--server",
            ]
            optionLike = args.indices.dropLast().filter { connection.contains(words[$0]) }.map { $0 + 1 }
        } else if runner == "ssh" {
            // The host only: the words after it are joined into a line for the remote shell.
            let rest = RiskRules.dropOptions(args, valued: RiskRules.sshValuedOptions)
            if !rest.isEmpty { optionLike = [args.endIndex - rest.count] }
        }
        return (allowed + optionLike, optionLike)
    }
}
