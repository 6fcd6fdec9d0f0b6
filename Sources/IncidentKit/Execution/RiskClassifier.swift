/// Classifies a shell command as read-only or mutating from its text alone.
///
/// The command is lexed into simple commands (every part of a pipeline, `;`, `&&`, `||` list and
/// `$(...)` substitution counts); wrappers such as `sudo`, `ssh HOST`, `xargs`, `env`, `nohup`,
/// `timeout N`, `sh -c` and `kubectl exec` are looked through. A command is read-only only when it is
/// known to only read (a program no rule knows asks first): this is a guard against accidents, not a
/// sandbox.
public enum RiskClassifier {
    /// The risk of `command`, with every reason found.
    public static func classify(_ command: String) -> CommandRisk {
        var reasons: [String] = []
        collect(command, depth: 0, into: &reasons)
        var seen: Set<String> = []
        let unique = reasons.filter { seen.insert($0).inserted }
        return unique.isEmpty ? .readOnly : .mutating(reasons: unique)
    }

    /// Whether every reason of a mutating risk is only that a program is not known (no known change).
    public static func onlyUnknown(_ risk: CommandRisk) -> Bool {
        risk.isMutating && risk.reasons.allSatisfy { $0.contains(RiskRules.unknownMarker) }
    }

    /// The reasons a command marked read-only by a runbook is mutating after all, or nil when the
    /// mark agrees with the classifier (the linter turns a non-nil answer into a warning). A program the
    /// rules do not know is no conflict: the mark is how a runbook vouches for it.
    public static func readOnlyMarkConflict(_ command: String) -> [String]? {
        let known = classify(command).reasons.filter { !$0.contains(RiskRules.unknownMarker) }
        return known.isEmpty ? nil : known
    }

    /// What a shell text run by a wrapper reads: the wrapper's own input (`ssh db psql < x.sql`,
    /// `cat x.sql | ssh db 'psql'`).
    struct Input {
        var feeders: [[String]] = []
        var readsFile = false
    }

    static func collect(
        _ text: String, depth: Int, via: String = "", input: Input = Input(), into reasons: inout [String]
    ) {
        guard depth < 8 else { return }
        let (segments, substitutions) = ShellLexer.lex(text)
        for segment in segments {
            let found = commandReasons(segment, in: segments, depth: depth, input: input)
            for reason in redirectionReasons(segment) + found {
                reasons.append(reason + via)
            }
        }
        for substitution in substitutions {
            collect(substitution, depth: depth + 1, via: via, into: &reasons)
        }
    }

    private static let harmlessTargets: Set<String> = ["/dev/null", "/dev/stdout", "/dev/stderr", "/dev/tty"]

    private static func redirectionReasons(_ segment: ShellSegment) -> [String] {
        segment.redirections.compactMap { redirection in
            let op = redirection.op
            let writes = op.contains(">") && !(op.hasSuffix(">&") && isDescriptor(redirection.target))
            guard writes, !harmlessTargets.contains(redirection.target),
                !redirection.target.hasPrefix("/dev/fd/")
            else { return nil }
            return "writes output into a file (\(op) \(redirection.target))"
        }
    }

    private static func isDescriptor(_ word: String) -> Bool {
        word == "-" || (!word.isEmpty && word.allSatisfy(\.isNumber))
    }

    private static let reservedWords: Set<String> = [
        "!", "{", "}", "if", "then", "elif", "else", "fi", "do", "done", "while", "until", "time", "esac",
    ]

    private static func commandReasons(
        _ segment: ShellSegment, in all: [ShellSegment], depth: Int, input: Input = Input()
    ) -> [String] {
        var words = segment.words[...]
        while let first = words.first, reservedWords.contains(first) || isAssignment(first) {
            words = words.dropFirst()
            // `time -p rm ...`: the reserved word's own option is no program.
            if first == "time", words.first == "-p" { words = words.dropFirst() }
        }
        guard let first = words.first, !["for", "case", "select", "function"].contains(first) else {
            return []
        }
        // `BASH_ENV=fix.sh bash`, `ENV=fix.sh sh -i`: the shell sources that file before anything else.
        let startup = segment.words.prefix { isAssignment($0) || reservedWords.contains($0) }.first {
            $0.hasPrefix("BASH_ENV=") || $0.hasPrefix("ENV=")
        }
        if let startup, RiskRules.scriptShells.contains(RiskRules.programName(first)) {
            return ["runs a script that is not classified (\(startup))"]
        }
        let pipelineText = all.filter { $0.pipeline == segment.pipeline }.flatMap {
            $0.words + $0.hereDocuments
        }
        var context = RiskRules.Context(
            hereDocuments: segment.hereDocuments, pipelineWords: pipelineText, depth: depth)
        let earlier = all.prefix { $0 != segment }
        context.feeders = earlier.filter { $0.pipeline == segment.pipeline }.map(\.words)
        func readsFile(_ segment: ShellSegment) -> Bool {
            segment.redirections.contains { $0.op.drop { $0.isNumber }.hasPrefix("<") && $0.target != "/dev/null" }
        }
        // `exec < x.sql` gives every later command that input.
        context.readsFile = readsFile(segment) || earlier.contains { $0.words == ["exec"] && readsFile($0) }
        // The first command of a pipeline reads what the wrapper that runs this text reads.
        if context.feeders.isEmpty {
            context.feeders = input.feeders
            context.readsFile = context.readsFile || input.readsFile
        }
        context.fed = !context.feeders.isEmpty || context.readsFile
        // A shell or an interpreter that reads its program from standard input runs text nobody can
        // classify from here (`curl ... | sh`, also through a subshell: `| (sh)`). The runner gives a
        // command /dev/null as input, so such a program only ever reads what is piped or redirected in.
        let program = RiskRules.programName(first)
        // (Every wrapper the code runners know, and a program named by a variable, which may be one.)
        let passesOn =
            CodeRunners.runner(first) != nil || Self.passThrough.contains(program)
            || CodeRunners.wrappers.contains(program) || first.hasPrefix("$")
        // (Only when something feeds it: `python3 --version` or a bare `bash` reads /dev/null.)
        if passesOn, context.fed || !segment.hereDocuments.isEmpty, let runner = CodeRunners.runnerOfSegment(segment),
            CodeRunners.readsCode(segment, runner: runner)
        {
            return ["runs the text piped into it as code (| \(runner))"]
        }
        return RiskRules.reasons(Array(words), context)
    }

    /// Programs that run the command after them (so `sudo sh` reads code; `apt-cache policy python3` does not).
    private static let passThrough: Set<String> = [
        "sudo", "doas", "env", "nice", "ionice", "timeout", "command", "exec", "nohup", "time", "stdbuf", "chrt",
        "taskset", "setsid", "xargs", "parallel", "runuser", "su", "kubectl", "oc", "docker", "podman", "nerdctl",
        // (Found in review 6: `cat fix.sh | flock /tmp/l bash`, `chroot /host bash < fix.sh`.)
        "flock", "chroot", "nsenter", "unshare", "setpriv", "busybox", "faketime", "strace", "ltrace", "valgrind",
        "toolbox", "ip", "torsocks", "proxychains", "proxychains4", "daemonize", "sshpass", "prlimit", "perf", "k",
    ]

    /// `NAME=value` before a command.
    static func isAssignment(_ word: String) -> Bool {
        guard let equals = word.firstIndex(of: "="), equals != word.startIndex else { return false }
        // `NAME+=value` appends in bash, which is `/bin/sh` on some systems, and still runs the command after it.
        var name = word[..<equals]
        if name.last == "+" { name = name.dropLast() }
        return name.allSatisfy { $0 == "_" || $0.isASCII && ($0.isLetter || $0.isNumber) }
            && !(name.first?.isNumber ?? true)
    }
}
