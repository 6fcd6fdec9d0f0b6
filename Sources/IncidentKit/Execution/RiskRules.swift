/// The per-command knowledge of the risk classifier: which programs and subcommands change things.
enum RiskRules {
    /// What a rule may look at beyond the command's own words.
    struct Context {
        /// Here-documents and here-strings fed to this command.
        var hereDocuments: [String]
        /// Every word of every command in the same pipeline (SQL piped into a client).
        var pipelineWords: [String]
        /// Nesting depth of wrappers and substitutions, to bound recursion.
        var depth: Int
        /// Whether an earlier command of the pipeline feeds this one (`echo FLUSHALL | nc redis 6379`).
        var fed = false
        /// The words of the earlier commands of the pipeline, each command's own.
        var feeders: [[String]] = []
        /// Whether standard input is redirected from a file (`< drop.sql`; `/dev/null` is none).
        var readsFile = false

        /// Whether what this command reads comes from somewhere its words do not show: a file, or a
        /// command other than `echo` or `printf` (whose text is in the pipeline's words).
        var readsUnseenText: Bool {
            readsFile
                || feeders.contains { !["echo", "printf"].contains(RiskRules.programName($0.first ?? "")) }
        }
    }

    /// The reasons why `words` (a command and its arguments) may change the system.
    static func reasons(_ words: [String], _ context: Context) -> [String] {
        guard let first = words.first, context.depth < 8 else { return [] }
        let name = programName(first)
        let args = Array(words.dropFirst())
        // A program named by a variable may be a shell (`$SHELL -c '...'`), a wrapper of the command after
        // it (`$SUDO rm -rf x`), or the program its name says (`$KUBECTL delete pod x`, `$PSQL -c 'DROP
        // …'`, `$REDIS_CLI FLUSHALL`): the change of any reading counts.
        // A program named by a command's output, a pattern or a brace list (`$(which python3)`, `/bin/r?`,
        // `{rm,-rf,x}`, `$'\x72\x6d'`): which program runs is not shown.
        let globbed = first.count > 1 && first != "[[" && first.contains(where: { "*?[".contains($0) })
        let braced = first.contains("{") && first.contains(",") && !first.contains("{{")
        // (Also a path with a variable in it, `./$TOOL reset`, and the script's own arguments, `"$@"`, `$1`.)
        let variablePath = first.contains("$") && !first.hasPrefix("$")
        let arguments =
            ["$@", "$*", "${@}", "${*}"].contains(first)
            || first.range(of: #"^\$\{?[0-9]"#, options: .regularExpression) != nil
        if first.contains("$(") || first.contains("`") || first.hasPrefix("$'") || first.contains("\\") || globbed
            || braced || variablePath || arguments
        {
            return ["runs a program whose name is computed (\(first))"]
        }
        // `at` and `batch` fed commands schedule them, whatever their words look like.
        if ["at", "batch"].contains(name), context.fed || !context.hereDocuments.isEmpty,
            !hasFlag(args, ["-l", "-c", "-V"])
        {
            return ["schedules commands to run later (\(name))"]
        }
        if first.hasPrefix("$") {
            // A bare `$` is a prompt copied with its command (`$ oc delete pod x`), not a variable.
            guard first != "$" else { return inner(args, context, via: first) }
            var found: [String] = []
            if shellRunsText(args), let shell = wrapped("sh", args, context) { found += shell }
            // (As a wrapper, the words after it need not name a program: `$KUBECTL get pods`.)
            found += inner(args, context, via: first).filter { !$0.contains(unknownMarker) }
            // The name without braces, a default (`${PSQL:-psql}`) or a `_CMD`/`_BIN` ending, with `-` for `_`.
            var named = String(first.dropFirst().filter { $0 != "{" && $0 != "}" }.prefix { $0 != ":" }).lowercased()
            for ending in ["_cmd", "_bin", "_exe", "_path"] where named.hasSuffix(ending) {
                named.removeLast(ending.count)
            }
            named = String(named.map { $0 == "_" ? "-" : $0 })
            if !named.isEmpty, named.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) {
                found += inner([named] + args, context, via: first)
            }
            // The default of `${CLEAN:-rm}` or `${CLEAN-rm}` is a program too.
            if first.hasPrefix("${"), first.hasSuffix("}") {
                let operation = first.dropFirst(2).dropLast().drop { $0.isLetter || $0.isNumber || $0 == "_" }
                let fallback = operation.drop { $0 == ":" }.drop { "-=?+".contains($0) }
                if !fallback.isEmpty, fallback.count < operation.count {
                    found += inner([String(fallback)] + args, context, via: first)
                }
            }
            // (Fail closed only through the readings above: `$SUDO cat x` is `sudo cat x`.)
            found += verbReasons(first, args, failClosed: false)
            var seen = Set<String>()
            return found.filter { seen.insert($0).inserted }
        }
        // An init script is its service (`/etc/init.d/nginx restart` is `service nginx restart`).
        if ["/etc/init.d/", "/etc/rc.d/init.d/", "/etc/rc.d/"].contains(where: first.hasPrefix) {
            return system("service", [name] + args) ?? []
        }
        if let script = scriptReasons(first, name, args) { return script }
        if let inner = wrapped(name, args, context) { return inner }
        if name == "openssl" && args.first == "s_client" || name == "gnutls-cli",
            let fed = sentToTLSService(name == "openssl" ? "openssl s_client" : name, context)
        {
            return fed
        }
        return system(name, args) ?? platform(name, args, context) ?? unknownProgram(name, args)
    }

    /// Shells whose `-c` text is classified, and whose script file is not.
    static let scriptShells: Set<String> = ["sh", "bash", "dash", "zsh", "ksh", "ash"]

    /// Whether a shell's options include `-c` (alone or in a cluster: `-ec`): it runs a text, not a file.
    static func shellRunsText(_ args: [String]) -> Bool {
        args.contains { $0.hasPrefix("-") && !$0.hasPrefix("--") && $0.dropFirst().contains("c") }
    }

    /// The index of a shell's first operand, after its options: the `-c` text or the script file. `-o NAME`
    /// and `-O NAME` take a value, also at the end of a cluster (`-euo pipefail`).
    static func shellOperand(_ args: [String]) -> Int? {
        var index = 0
        while index < args.count, args[index].hasPrefix("-") || args[index].hasPrefix("+") {
            let option = args[index]
            index += !option.hasPrefix("--") && (option.hasSuffix("o") || option.hasSuffix("O")) ? 2 : 1
        }
        return index < args.count ? index : nil
    }

    /// Extensions of script files run by name (`./failover.sh`, `/opt/runbooks/fix.py`).
    static let scriptExtensions = [".sh", ".bash", ".zsh", ".ksh", ".py", ".pl", ".rb", ".js", ".php", ".lua"]

    /// A program whose commands nobody has classified: a script run by name, or an interpreter given a
    /// program (`python3 fix.py`, `python3 -c CODE`, `perl -e CODE`). Nil for anything else.
    /// `python3 -m json.tool` only formats what it reads.
    static func scriptReasons(_ first: String, _ name: String, _ args: [String]) -> [String]? {
        if first.contains("/"), scriptExtensions.contains(where: name.hasSuffix) {
            return ["runs a script that is not classified (\(first))"]
        }
        // A shell without -c runs its first operand, a script file (`bash -euo pipefail fix.sh`).
        if scriptShells.contains(name), !shellRunsText(args) {
            return shellOperand(args).map { ["runs a script that is not classified (\(name) \(args[$0]))"] }
        }
        // `python3.11`, `perl5.36`: a known name, then only a version.
        let interpreter = name.prefix { !$0.isNumber && $0 != "." }
        guard (CodeRunners.prefixes + ["node", "nodejs", "deno", "bun"]).contains(String(interpreter)),
            name.dropFirst(interpreter.count).allSatisfy({ $0.isNumber || $0 == "." })
        else { return nil }
        // `-c CODE` (python), `-e CODE` (perl, ruby, node), also in a cluster (`perl -ne CODE`).
        let takesCode = { (arg: String) -> Bool in
            ["--eval", "--print", "-r", "--require", "--import"].contains(String(arg.prefix { $0 != "=" }))
                || (arg.hasPrefix("-") && !arg.hasPrefix("--") && arg.dropFirst().contains { "ceEp".contains($0) })
        }
        if let code = args.firstIndex(where: takesCode) {
            return ["runs a program that is not classified (\(name) \(args[code]))"]
        }
        if let module = args.firstIndex(of: "-m") {
            return args.dropFirst(module + 1).first == "json.tool"
                ? [] : ["runs a module that is not classified (\(name) -m)"]
        }
        // No script and no code: a version, help, or an interpreter reading the empty input it is given.
        guard let script = args.first(where: { !$0.hasPrefix("-") }) else { return [] }
        return ["runs a script that is not classified (\(name) \(script))"]
    }

    /// Reasons of the inner command words, each followed by how it is reached.
    static func inner(_ words: some Collection<String>, _ context: Context, via: String) -> [String] {
        var deeper = context
        deeper.depth += 1
        return reasons(Array(words), deeper).map { $0 + " via " + via }
    }

    /// Reasons of a shell text run by a wrapper (`sh -c TEXT`, `ssh HOST TEXT`, `su -c TEXT`).
    static func innerText(_ text: String, _ context: Context, via: String) -> [String] {
        var found: [String] = []
        RiskClassifier.collect(
            text, depth: context.depth + 1, via: " via " + via,
            input: RiskClassifier.Input(feeders: context.feeders, readsFile: context.readsFile), into: &found)
        return found
    }

    /// The words after leading options; `valued` options consume the next word too.
    static func dropOptions(_ args: some Collection<String>, valued: Set<String> = []) -> ArraySlice<String> {
        var rest = ArraySlice(args)
        while let first = rest.first, first.hasPrefix("-"), first != "-" {
            rest = rest.dropFirst()
            if first == "--" { break }
            if valued.contains(first) { rest = rest.dropFirst() }
        }
        return rest
    }

    /// The first argument that is one of `verbs` (options and their values are skipped that way).
    static func firstVerb(_ args: [String], in verbs: Set<String>) -> String? {
        args.first { verbs.contains($0) }
    }

    /// Whether `long` or the short option `letter` is given, alone or in a cluster before any of the letters
    /// `before`, which take a value (`nft -cf FILE` checks; in `-fc` the `c` is the file).
    static func hasShortFlag(
        _ args: some Sequence<String>, _ letter: Character, long: String, before valued: String
    ) -> Bool {
        args.contains { arg in
            guard arg != long else { return true }
            guard arg.hasPrefix("-"), !arg.hasPrefix("--") else { return false }
            for option in arg.dropFirst() {
                if option == letter { return true }
                if valued.contains(option) { return false }
            }
            return false
        }
    }

    /// True when any argument is one of `flags`, or a short-option cluster containing one of `letters`.
    static func hasFlag(_ args: [String], _ flags: Set<String>, letters: String = "") -> Bool {
        args.contains { arg in
            if flags.contains(arg) || flags.contains(where: { $0.hasPrefix("--") && arg.hasPrefix($0 + "=") }) {
                return true
            }
            guard !letters.isEmpty, arg.hasPrefix("-"), !arg.hasPrefix("--"), arg.count > 1 else {
                return false
            }
            return arg.dropFirst().contains { letters.contains($0) }
        }
    }

    /// `hasFlag` for flags that make a command a change. GNU `getopt_long` (and the parsers of git and
    /// perf) also take a long option cut short while it stays unambiguous (`date --s=…` is `--set`,
    /// `journalctl --rot` is `--rotate`), so an argument that begins one of `flags`' long options counts
    /// as it; one that could begin several counts as them all, which errs towards asking. Flags that make
    /// a command read-only are matched whole (`hasFlag`).
    /// A short flag (`-k`) also counts inside a cluster or with its value attached (`-km`, `-F/etc/x`):
    /// a letter that is some other option's value counts too, which again errs towards asking.
    static func hasChangingFlag(_ args: [String], _ flags: Set<String>, letters: String = "") -> Bool {
        let shortLetters = flags.compactMap { flag -> Character? in
            flag.count == 2 && flag.hasPrefix("-") && flag != "--" ? flag.last : nil
        }
        return hasFlag(args, flags, letters: letters + String(shortLetters))
            || args.contains { abbreviatedFlag($0, of: flags) != nil }
    }

    /// The long option of `flags` that `arg` (`--name` or `--name=value`) abbreviates, if any.
    static func abbreviatedFlag(_ arg: String, of flags: some Sequence<String>) -> String? {
        guard arg.hasPrefix("--") else { return nil }
        let name = arg.prefix { $0 != "=" }
        guard name.count > 2 else { return nil }
        return flags.first { $0.hasPrefix("--") && $0.hasPrefix(name) }
    }

    /// The program a command word names, without its folder (`/usr/bin/psql` is `psql`).
    static func programName(_ word: String) -> String {
        word.split(separator: "/").last.map(String.init) ?? word
    }

    /// The commands of a tool that takes several separated by `;` words (`tmux ls \; kill-server`,
    /// `nft list ruleset \; flush ruleset`); a word ending in `;` ends one too.
    static func separatedCommands(_ args: [String]) -> [[String]] {
        var commands: [[String]] = [[]]
        for arg in args {
            if arg == ";" {
                commands.append([])
            } else if arg.hasSuffix(";") {
                commands[commands.count - 1].append(String(arg.dropLast()))
                commands.append([])
            } else {
                commands[commands.count - 1].append(arg)
            }
        }
        return commands.filter { !$0.isEmpty }
    }

    /// Arguments that are not options.
    static func positionals(_ args: [String]) -> [String] {
        args.filter { !$0.hasPrefix("-") }
    }
}
