import Foundation
import Testing

@testable import IncidentKit

/// Quoting a value as one word does not keep it data where the shell evaluates arithmetic: inside
/// `$((...))` quotes are not quotes (POSIX reads the expression as if double-quoted, so dash runs a
/// `$(...)` there), and bash expands a variable's subscript (`a[$(cmd)]`) again wherever it reads a
/// word as a number or a name. These tests run real shells: `/bin/sh` as the tool does, and bash as
/// `/bin/sh` is on macOS and Red Hat systems.
@Suite(.timeLimit(.minutes(1)))
struct ArithmeticValueTests {
    private func run(_ command: String, in directory: String) throws -> CommandResult {
        let runner = ProcessRunner(
            options: ExecutionTestSupport.options(redactor: nil), registry: ProcessGroupRegistry())
        return try runner.run(CommandSpec(command, workingDirectory: directory))
    }

    private func contexts(_ text: String) -> [PlaceholderContext] {
        CommandTemplate(text).parts.compactMap { part in
            guard case .placeholder(_, let context) = part else { return nil }
            return context
        }
    }

    /// The contexts the scanner alone gives, before the command as a whole is judged (which refuses every
    /// placeholder of a command with `((`, `$[`, a here-document or quotes inside `${...}`).
    private func scanned(_ text: String) -> [PlaceholderContext] {
        TemplateScanner.parts(of: text).compactMap { part in
            guard case .placeholder(_, let context) = part else { return nil }
            return context
        }
    }

    @Test func arithmeticIsAContextOfItsOwn() {
        for text in [
            "echo $(( {{n}} * 2 ))", "echo \"total: $(( {{n}} + 1 ))\"", "(( {{n}} > 5 )) && echo big",
            "for (( i = 0; i < {{n}}; i++ )); do echo hi; done", "echo $[ {{n}} + 1 ]",
            "echo $(( ({{n}} + 1) * 2 )) done", "x=$(( {{n}}", "echo $(( 1 + ({{n}}) ))",
            // `((` right after a reserved word, `{` or `!`, with no blank in between.
            "if(({{n}} > 5)); then echo big; fi", "i=0; while((i<{{n}})); do i=$((i+1)); done",
            "for((i=0;i<{{n}};i++)); do echo hi; done", "{(({{n}}>1));}", "!(({{n}}))",
            // Quotes and substitutions inside arithmetic do not end it early.
            "echo $(( $(echo \")))\" | wc -c) + {{n}} ))", "echo \"$(( \"{{n}}\" ))\"", "echo $(( '{{n}}' ))",
            "echo $(( 1 << {{n}} ))", "echo $(( 16#ff + {{n}} ))",
        ] {
            #expect(contexts(text) == [.arithmetic], "\(text)")
        }
        // Quoted, a subshell, or after the arithmetic has closed, the value is an ordinary word.
        #expect(scanned("echo '$(( {{n}} ))' \"(( {{n}} ))\"") == [.singleQuoted, .doubleQuoted])
        #expect(contexts("echo $(( 1 + 2 )) {{n}}") == [.unquoted])
        #expect(contexts("x=$(echo {{n}}); echo $((1)) ( ( echo {{n}} ) )") == [.unquoted, .unquoted])
        #expect(scanned("echo $[1] \"$[2]{{n}}\"") == [.doubleQuoted])
    }

    /// Inside `${...}`, quotes are not what they seem (`"${X:-'{{v}}'}"` holds literal `'`, so a quoted
    /// value ran as code even under dash): a placeholder there is refused, unless a command substitution
    /// opened inside it.
    @Test func quotesInsideAParameterExpansionDoNotProtectAValue() {
        for text in [
            "echo \"${NAME:-'{{v}}'}\"", "cd \"${DIR:-\"{{v}}\"}\" && ls", "echo \"${NAME:-\"{{v}}\"}\"",
            "echo ${arr['{{v}}']}", "echo \"${arr[\"{{v}}\"]}\"", "echo \"${x:\"{{v}}\"}\"", "echo ${x:'{{v}}'}",
        ] {
            #expect(contexts(text) == [.unsupported("inside ${...}")], "\(text)")
        }
        #expect(contexts("echo \"${x:-$(printf %s {{v}})}\"") == [.unquoted])
        #expect(scanned("echo \"${x:-$(printf %s '{{v}}')}\"") == [.singleQuoted])
    }

    /// The hole this closes: `/bin/sh` (dash here) runs a substitution held by a quoted value inside
    /// `$((...))`. The tool now fills in a whole number there, as written, and refuses anything else.
    @Test func onlyAWholeNumberIsFilledIntoArithmetic() throws {
        let directory = try Scratch.folder("exec")
        let quoted = "echo $(( " + ShellQuote.word("$(touch CANARY)") + " ))"
        _ = try run(quoted, in: directory)
        #expect(FileManager.default.fileExists(atPath: directory + "/CANARY"), "the shell ran it: \(quoted)")
        try FileManager.default.removeItem(atPath: directory + "/CANARY")

        let template = CommandTemplate("echo $(( {{n}} * 2 )); (( {{n}} > 5 )) || echo small")
        for (value, doubled) in [("21", "42"), ("-4", "-8"), ("+3", "6"), ("0", "0")] {
            let command = try #require(template.resolve(using: [Variable(name: "n", value: value)]).command)
            let result = try run(command, in: directory)
            #expect(
                String(decoding: result.stdout.head, as: UTF8.self).split(separator: "\n").first == "\(doubled)"[...])
        }
        for payload in [
            "$(touch CANARY)", "`touch CANARY`", "1)); touch CANARY; ((1", "x[$(touch CANARY)]", "1 + 1", "'1'", "",
            "abc", "1e3", "0x10", "- 1", "99999999999999999999",
        ] {
            #expect(template.resolve(using: [Variable(name: "n", value: payload)]) == .unsafe(["n"]), "\(payload)")
        }
        // A default the runbook wrote goes through the same check: there is no quoting to fall back on.
        #expect(
            CommandTemplate("echo $(( {{n}} ))").resolve(using: [Variable(name: "n", defaultValue: "7")])
                == .resolved("echo $(( 7 ))"))
        #expect(
            CommandTemplate("echo $(( {{n}} ))").resolve(using: [Variable(name: "n", defaultValue: "seven")])
                == .unsafe(["n"]))
        #expect(!FileManager.default.fileExists(atPath: directory + "/CANARY"))
    }

    /// bash evaluates some words a second time although they reached it as one quoted word: as a number or
    /// a name it expands a subscript, and `declare -a` reads `(...)` as an array. Each of these commands
    /// runs `touch` under bash when a value is only quoted (shown first); the tool refuses every value
    /// holding a substitution, and whatever it does fill in runs nothing under dash, bash or bash --posix.
    @Test func noValueBecomesCodeUnderAnyShell() throws {
        let directory = try Scratch.folder("exec")
        let templates = [
            "[[ {{v}} -gt 5 ]]", "let {{v}}", "declare -i n={{v}}", "printf -v {{v}} %s x", "read -r {{v}} <<<x",
            "test -v {{v}}", "N={{v}}; echo $((N))", "unset 'arr[{{v}}]'", "arr[{{v}}]=x", "let \"count[{{v}}]+=1\"",
            "printf -v 'out[{{v}}]' %s hi", "read -r 'row[{{v}}]' <<< hi", "declare 'arr[{{v}}]=x'",
            "test -v \"arr[{{v}}]\"", "declare -a hosts={{v}}", "declare -A m={{v}}", "readonly -a r={{v}}",
            "V={{v}}; echo \"${!V}\"", "declare -n r={{v}}; echo \"$r\"", "let sum={{a}}+{{v}}",
            "[[ {{a}}*100/{{v}} -gt 90 ]]", "declare -i pct={{a}}*100/{{v}}", "sleep $(( {{v}} * 0 ))",
            "echo \"${NAME:-'{{v}}'}\"", "echo $(( $(echo \")))\" | wc -c) + {{v}} ))", "if(({{v}} > 5)); then :; fi",
            "grep -c -- {{v}} /dev/null", "declare -a arr={{v}}; echo \"${arr[@]}\"", "[[ {{a}}{{v}} -gt 5 ]]",
            "PS4={{v}}; set -x; true", "MSG={{v}}; echo \"${MSG@P}\"", "[[ {{v}} -gt 5 ]]; echo {{a}}",
        ]
        let payloads: [[String: String]] = [
            ["v": "$(touch CANARY)"], ["v": "a[$(touch CANARY)]"], ["v": "a[`touch CANARY`]"],
            ["v": "a[\"]\"$(touch CANARY)]"], ["v": "a[']'$(touch CANARY)]"], ["v": "a[\\]$(touch CANARY)]"],
            ["v": "($(touch CANARY))"], ["v": "([x]=$(touch CANARY))"], ["v": "a[<(touch CANARY)]"],
            ["v": "1+a[${x:-$(touch CANARY)}]"], ["a": "x[", "v": "$(touch CANARY)]"],
            ["a": "1", "v": "$(touch CANARY)"],
            // Hostile values without a substitution: these are filled in, and must stay data when run.
            ["v": "; touch CANARY"], ["v": "x[0]; touch CANARY"], ["v": "1)); touch CANARY; ((1"], ["v": "$HOME"],
            ["v": "a[$x]"], ["v": "7"], ["v": "-1"], ["a": "x[", "v": "0]; touch CANARY"],
            // A second red-team round: escapes that become `$(` only when bash reads the value again, and
            // a substitution split across two values side by side.
            ["v": "([$'\\x24(touch CANARY)']=1)"], ["v": "(web1 $\\\n(touch CANARY) web2)"],
            ["a": "x[$", "v": "(touch CANARY)]"], ["v": "\\044(touch CANARY) "],
        ]
        // The threat is real: bash runs these with the value only quoted, as the tool used to fill it in.
        for (text, value) in [
            ("[[ {{v}} -gt 5 ]]", "a[$(touch CANARY)]"), ("unset 'arr[{{v}}]'", "$(touch CANARY)"),
            ("declare -a hosts={{v}}", "($(touch CANARY))"), ("let {{v}}", "a[\"]\"$(touch CANARY)]"),
        ] {
            let quoted = text.replacingOccurrences(of: "{{v}}", with: ShellQuote.word(value))
            _ = try run("bash -c " + ShellQuote.word(quoted), in: directory)
            #expect(FileManager.default.fileExists(atPath: directory + "/CANARY"), "bash ran it: \(quoted)")
            try? FileManager.default.removeItem(atPath: directory + "/CANARY")
        }
        let shells = ["sh -c", "bash -c", "bash --posix -c"]
        var runs = 0
        for text in templates {
            let template = CommandTemplate(text)
            for payload in payloads {
                let variables = ["a": "1"].merging(payload) { $1 }.map { Variable(name: $0.key, value: $0.value) }
                guard let command = template.resolve(using: variables).command else { continue }
                for shell in shells {
                    runs += 1
                    _ = try run(shell + " " + ShellQuote.word(command), in: directory)
                    #expect(!FileManager.default.fileExists(atPath: directory + "/CANARY"), "\(shell) \(command)")
                    try? FileManager.default.removeItem(atPath: directory + "/CANARY")
                }
            }
            // An ordinary value still runs.
            let plain = ["a": "1", "v": "7"].map { Variable(name: $0.key, value: $0.value) }
            // Refused whatever the value: a value expanded again as a name (`${!V}`, a nameref) as well.
            let refusedWhatever = [
                "${NAME", "declare -a", "-A m", "readonly -a", "PS4=", "@P}", "${!V}", "declare -n",
                "arr[{{v}}]=x",
            ]
            if !refusedWhatever.contains(where: text.contains), CodeRunners.quotingAmbiguity(text) == nil {
                #expect(template.resolve(using: plain).command != nil, "\(text)")
            }
        }
        #expect(runs > 200, "the filled-in commands were run: \(runs)")
        for ordinary in ["[a-z]+$", "arr[0]", "[ERROR] config not found", "costs $5 [approx]", "a[b]$c", "a[$x]"] {
            let template = CommandTemplate("grep -c {{v}} /dev/null")
            #expect(template.resolve(using: [Variable(name: "v", value: ordinary)]).command != nil, "\(ordinary)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory + "/CANARY"))
    }

    /// bash's `compgen -W` expands its word list and `mapfile -C` runs its callback: both run a value.
    @Test func compgenAndMapfileRunCode() throws {
        let directory = try Scratch.folder("exec")
        _ = try run("bash -c " + ShellQuote.word("compgen -W " + ShellQuote.word("$(touch CANARY)")), in: directory)
        #expect(FileManager.default.fileExists(atPath: directory + "/CANARY"))
        for text in ["compgen -W {{v}}", "mapfile -C {{v}} -c 1 lines < /etc/hostname", "readarray -C {{v}} x"] {
            #expect(CommandTemplate(text).problems.map(\.name) == ["v"], "\(text)")
        }
    }

    /// The reason a refused command gives says what is wrong with the value, in the words the report uses.
    @Test func theRefusalSaysWhy() {
        func reason(_ text: String, _ value: String) -> String? {
            CommandTemplate(text).refusals(["v": Variable(name: "v", value: value)]).first?.reason
        }
        #expect(reason("echo $(( {{v}} ))", "abc") == "stands in shell arithmetic, where only a whole number is safe")
        #expect(
            reason("echo {{v}}", "a[$(id)]")
                == "holds $(, ${, <(, >( or a backtick, which bash can run although it is quoted")
        #expect(reason("sh -c {{v}}", "x") == "stands in a command that runs sh, where a value could become code")
        #expect(
            reason("ssh {{v}} uptime", "-oProxyCommand=x")
                == "starts with '-' where the program would read it as an option")
        #expect(reason("echo $(( {{v}} ))", "12") == nil)
    }

    /// A prepared command (evidence, a workflow step, a gate) refused for its value says so in its note.
    @Test func aPreparedCommandGivenSuchAValueIsNotRunAndSaysWhy() throws {
        func prepare(_ command: String, _ value: String) throws -> PreparedCommand {
            let store = IncidentStore(root: try Scratch.folder("arithmetic"))
            var record = IncidentRecord(
                id: try store.claimID(on: Date()), symptom: "502", openedAt: Date(), library: "/lib",
                route: RouteChoice(title: "t", file: "f", line: 1, targets: [], confident: true, why: [], warning: nil))
            record.answers["n"] = value
            var tools = ToolLocator(path: "/usr/bin:/bin")
            tools.assumeInstalled = true
            return PreparedCommand.prepare(
                RunbookCommand(
                    title: command, command: command, annotations: CommandAnnotations(), section: "s", line: 3),
                path: "checklists/x.md", scope: VariableScope(declarations: [], record: record, form: nil),
                tools: tools, redactor: Redactor())
        }
        let sum = try prepare("echo $(( {{n}} + 1 ))", "41")
        #expect(sum.readiness == .ready("echo $(( 41 + 1 ))"))
        #expect(sum.notReadyReason == nil)
        let word = try prepare("echo $(( {{n}} + 1 ))", "$(id)")
        #expect(word.notReadyReason == "refused: {{n}} stands in shell arithmetic, where only a whole number is safe")
        let indexed = try prepare("[ {{n}} -gt 80 ] && echo high", "a[$(id)]")
        #expect(
            indexed.notReadyReason
                == "refused: {{n}} holds $(, ${, <(, >( or a backtick, which bash can run although it is quoted"
        )
        let comment = try prepare("uptime # {{n}}", "1")
        #expect(comment.notReadyReason == "refused: {{n}} stands in a comment, where a value could become code")
    }
    /// Programs that run a string as a command although no shell is named: through a variable, an option
    /// whose value is a command, a variable name `env` sets, a bash array assignment.
    @Test func commandStringsOtherProgramsRunAreRefused() {
        for text in [
            "GIT_SSH_COMMAND=\"ssh -i {{v}}\" git fetch origin", "git -c core.sshCommand=\"ssh -i {{v}}\" fetch origin",
            "tar -xf backup.tar --to-command=\"gzip > {{v}}\"", "tar -I \"zstd -{{v}}\" -cf out.tar.zst f",
            "env {{v}}=x ./check.sh", "PS4={{v}}; set -x; true", "export PAGER={{v}}; git log",
            "declare -a hosts={{v}}", "local -A m={{v}}", "rsync -e \"ssh -p {{v}}\" a b:",
            "echo \"${MSG@P}\" {{v}}", "env LANG=C {{v}} --version",
        ] {
            #expect(CommandTemplate(text).problems.map(\.name) == ["v"], "\(text)")
        }
        for text in [
            "git log -n {{v}}", "tar -czf /tmp/{{v}}.tgz logs", "export NS={{v}}",
        ] {
            #expect(CommandTemplate(text).problems.isEmpty, "\(text)")
        }
    }

    /// A here-document's delimiter is a shell word: quoted, it may hold blanks, so a body line equal to
    /// its first word does not end it (the scanner used to think it did, and took later placeholders
    /// in the body for code).
    @Test func aQuotedHereDocumentDelimiterMayHoldBlanks() {
        #expect(
            scanned("cat <<'--- end'\nkind: A\n---\nname: {{v}}\n--- end\necho {{w}}")
                == [.unsupported("inside a here-document"), .unquoted])
        #expect(
            contexts("cat <<\"END OF REPORT\"\nEND\n{{v}}\nEND OF REPORT") == [.unsupported("inside a here-document")])
        #expect(contexts("cat <<E\\\\OF\nEOF\n{{v}}\nE\\OF\n") == [.unsupported("inside a here-document")])
    }

    /// Blanks before the `-` do not hide it: `kill` skips them, so `" -1"` signals every process.
    @Test func blanksBeforeADashStillMakeAValueOptionLike() {
        for value in [" -1", "\t-1", "\n-1"] {
            let variables = ["pid": Variable(name: "pid", value: value)]
            #expect(CommandTemplate("kill -TERM {{pid}}").optionLikeValues(variables) == ["pid"])
        }
        let host = CommandTemplate("ssh {{host}} uptime")
        #expect(host.resolve(using: [Variable(name: "host", value: " -oProxyCommand=x")]) == .unsafe(["host"]))
    }
}
