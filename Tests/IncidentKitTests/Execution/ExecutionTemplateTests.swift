import Foundation
import IncidentKit
import Testing

@Suite(.timeLimit(.minutes(1)))
struct ExecutionTemplateTests {
    @Test func namesInOrderOfFirstUse() {
        let template = CommandTemplate("kubectl -n {{ns}} logs {{ pod }} --since={{since}} -n {{ns}}")
        #expect(template.variableNames == ["ns", "pod", "since"])
    }

    @Test func aSuppliedValueThatStartsWithADashWhereAWordBeginsIsOptionLike() {
        func optionLike(_ command: String, _ values: [String: String], defaults: [String: String] = [:]) -> [String] {
            var variables: [String: Variable] = [:]
            for (name, value) in values { variables[name] = Variable(name: name, value: value) }
            for (name, value) in defaults { variables[name] = Variable(name: name, defaultValue: value) }
            return CommandTemplate(command).optionLikeValues(variables)
        }
        #expect(optionLike("kill -TERM {{pid}}", ["pid": "-1"]) == ["pid"])
        #expect(optionLike("curl -s {{url}} | head", ["url": "-o/etc/cron.d/x"]) == ["url"])
        #expect(optionLike("grep \"{{pattern}}\" app.log", ["pattern": "-r"]) == ["pattern"])
        #expect(optionLike("ls;rm {{a}} '{{b}}'", ["a": "-rf", "b": "-x"]) == ["a", "b"])
        #expect(optionLike("{{tool}} status", ["tool": "-c"]) == ["tool"])
        for command in ["a;{{x}}", "a|{{x}}", "a && {{x}}", "a&&{{x}}", "({{x}})", "echo hi\n{{x}}", "x\t{{x}} {{x}}"] {
            #expect(optionLike(command, ["x": "-rf"]) == ["x"], "\(command)")
        }
        // After `=`, inside a word or behind another value, a dash is part of a value, not an option.
        #expect(optionLike("kubectl logs --tail={{lines}} app", ["lines": "-1"]).isEmpty)
        #expect(optionLike("echo \"since {{t}}\" x{{u}} {{t}}{{u}}", ["t": "1h", "u": "-5"]).isEmpty)
        #expect(optionLike("kill -TERM {{pid}}", ["pid": "1234"]).isEmpty)
        #expect(optionLike("echo a\"{{x}}\" \"x '{{x}}'\"", ["x": "-rf"]).isEmpty)
        // A placeholder where no quoting is safe is refused before anything runs, never judged here.
        #expect(optionLike("cat <<EOF\n{{x}}\nEOF", ["x": "-rf"]).isEmpty)
        // The runbook's own default is written like its commands; only a value given for the run counts.
        #expect(optionLike("date -d {{when}}", [:], defaults: ["when": "-1 day"]).isEmpty)
    }

    /// Empty values and empty quotes add nothing to a word, so a dash value after them still begins it.
    /// Each case runs through `/bin/sh`, which says where the words of the filled-in command begin.
    @Test func emptyValuesAndEmptyQuotesBeforeADashValueStillLeaveItAtTheStartOfAWord() throws {
        let directory = try Scratch.folder("exec")
        let runner = ProcessRunner(
            options: ExecutionTestSupport.options(redactor: nil), registry: ProcessGroupRegistry())
        let cases: [(text: String, values: [String: String], flagged: Bool)] = [
            ("{{e}}{{x}}", ["e": "", "x": "-rf"], true),
            ("''{{x}}", ["x": "-rf"], true),
            ("\"\"''{{x}}", ["x": "-rf"], true),
            ("\"{{e}}{{x}}\"", ["e": "", "x": "-rf"], true),
            ("{{e}}\"{{x}}\"", ["e": "", "x": "-rf"], true),
            ("'{{e}}''{{x}}'", ["e": "", "x": "-rf"], true),
            ("{{e}}{{x}}", ["e": "a", "x": "-rf"], false),
            ("'a'''{{x}}", ["x": "-rf"], false),
            ("x''{{x}}", ["x": "-rf"], false),
            ("\"a{{e}}{{x}}\"", ["e": "", "x": "-rf"], false),
        ]
        for (text, values, flagged) in cases {
            var variables: [String: Variable] = [:]
            for (name, value) in values { variables[name] = Variable(name: name, value: value) }
            let template = CommandTemplate("printf '[%s]\\n' " + text)
            #expect(template.optionLikeValues(variables) == (flagged ? ["x"] : []), "\(text)")
            let command = try #require(template.resolve(variables).command)
            let result = try runner.run(CommandSpec(command, workingDirectory: directory))
            let word = String(decoding: result.stdout.head, as: UTF8.self)
            #expect(word.hasPrefix("[-") == flagged, "\(text) gives the word \(word)")
        }
    }

    @Test func goTemplatesAreNotPlaceholders() {
        let template = CommandTemplate(
            "docker inspect -f '{{.State.Status}}' {{container}}; kubectl get pods -o go-template='{{range .items}}{{.metadata.name}}{{end}}'"
        )
        #expect(template.variableNames == ["container"])
        let resolved = template.resolve(["container": Variable(name: "container", value: "api")])
        #expect(
            resolved
                == .resolved(
                    "docker inspect -f '{{.State.Status}}' 'api'; kubectl get pods -o go-template='{{range .items}}{{.metadata.name}}{{end}}'"
                ))
    }

    @Test func valueElseDefaultElseMissing() {
        let template = CommandTemplate("journalctl -u {{unit}} -n {{lines}} --since {{since}}")
        let variables = [
            "unit": Variable(name: "unit", value: "nginx", defaultValue: "x"),
            "lines": Variable(name: "lines", defaultValue: "50"),
            "since": Variable(name: "since"),
        ]
        #expect(template.resolve(variables) == .missing(["since"]))
        #expect(CommandTemplate("echo {{a}} {{b}} {{a}}").resolve([:]) == .missing(["a", "b"]))
        var complete = variables
        complete["since"] = Variable(name: "since", value: "1 hour ago")
        #expect(template.resolve(complete) == .resolved("journalctl -u 'nginx' -n '50' --since '1 hour ago'"))
    }

    @Test func quotingFollowsTheContext() {
        let variables = [Variable(name: "v", value: "it's")]
        #expect(CommandTemplate("echo {{v}}").resolve(using: variables) == .resolved(#"echo 'it'\''s'"#))
        #expect(
            CommandTemplate("echo '{{v}}'").resolve(using: variables) == .resolved(#"echo '''it'\''s'''"#))
        #expect(
            CommandTemplate(#"echo "x{{v}}y""#).resolve(using: variables)
                == .resolved(#"echo "x"'it'\''s'"y""#))
    }

    @Test(arguments: [
        ("echo hi # {{v}}", "in a comment"),
        ("cat <<EOF\n{{v}}\nEOF", "inside a here-document"),
        ("echo ${X:-{{v}}}", "inside ${...}"),
        ("echo `printf %s {{v}}`", "inside backticks (use $(...))"),
        ("echo \"`echo '{{v}}'`\"", "inside backticks (use $(...))"),
    ])
    func placeholdersWhereNoQuotingIsSafeAreRefused(_ text: String, _ reason: String) {
        let template = CommandTemplate(text)
        #expect(template.problems.map(\.reasons) == [[reason]])
        #expect(template.resolve(using: [Variable(name: "v", value: "x")]) == .unsafe(["v"]))
    }

    /// Ways bash (a `/bin/sh` on some systems) runs a builtin or a here-string as code, found by reviews:
    /// each stays refused, whatever the reason given.
    @Test(arguments: [
        #"! eval "ls {{v}}""#, #"time -p eval "ls {{v}}""#, #"if eval "ls {{v}}"; then echo ok; fi"#,
        #"{ eval "ls {{v}}"; }"#, #"while eval "ls {{v}}"; do break; done"#, #"coproc eval "ls {{v}}""#,
        #"command eval "ls {{v}}""#, "builtin source /srv/ops/env.sh {{v}}", #"/usr/bin/command eval "{{v}}""#,
        #"{ function f { eval "{{v}}"; }; f; }"#, #"X+=1 eval "{{v}}""#, "X+=1 . /dev/stdin {{v}}",
        #"coproc NAME { eval "{{v}}"; }"#, #"{fd}>/dev/null eval "{{v}}""#, #"sudo /usr/bin/command eval "{{v}}""#,
        #"bash <<<"{{v}}""#, #"sh -s <<<"{{v}}""#, #". /dev/stdin <<<"{{v}}""#,
        "source /dev/stdin <<< '{{v}}'", #"cat <<<"{{v}}" | sh"#,
    ])
    func placeholdersABuiltinOrAHereStringWouldRunAreRefused(_ text: String) {
        let template = CommandTemplate(text)
        #expect(!template.problems.isEmpty, "\(text)")
        #expect(template.resolve(using: [Variable(name: "v", value: "x")]) == .unsafe(["v"]), "\(text)")
    }

    @Test(arguments: [
        (#"sh -c "echo {{v}}""#, "in a command that runs sh"),
        ("bash -lc 'grep {{v}} /var/log/syslog'", "in a command that runs bash"),
        (#"eval "ls {{v}}""#, "in a command that runs eval"),
        ("eval ls {{v}}", "in a command that runs eval"),
        ("ssh db1 journalctl -u {{v}}", "in a command that runs ssh"),
        (#"ssh -p 2222 db1 "cat {{v}}""#, "in a command that runs ssh"),
        (#"sudo sh -c "cat {{v}}""#, "in a command that runs sh"),
        (#"kubectl exec -n web api-0 -- sh -c "cat {{v}}""#, "in a command that runs sh"),
        ("docker exec api bash -c 'ls {{v}}'", "in a command that runs bash"),
        (#"su -c "psql -c {{v}}" postgres"#, "in a command that runs su"),
        ("watch -n 5 ls {{v}}", "in a command that runs watch"),
        (#"find /var/log -name '*.log' -exec sh -c 'tail {{v}}' \;"#, "in a command that runs sh"),
        (#"printf '%s\n' a | xargs sh -c 'echo {{v}}'"#, "in a command that runs sh"),
        (#"echo "$(sh -c 'echo {{v}}')""#, "in a command that runs sh"),
        (#"flock /tmp/lock -c "cat {{v}}""#, "in a command that runs flock"),
        (#"ssh db1 "sh -c 'cat {{v}}'""#, "in a command that runs ssh"),
        // Found in review: shells fed on standard input, spellings and wrappers no rule parses.
        ("echo {{v}} | sh", "in a pipeline of a command that runs sh"),
        ("echo {{v}} | bash -s", "in a pipeline of a command that runs bash"),
        (#"printf '%s\n' {{v}} | xargs -I{} sh -c 'echo {}'"#, "in a pipeline of a command that runs sh"),
        ("echo {{v}} | ssh db1", "in a pipeline of a command that runs ssh"),
        ("echo {{v}} | python3", "in a pipeline of a command that runs python3"),
        // Found in the second review: subshells, line breaks, dynamic programs, traps, functions.
        ("echo {{v}} | (sh)", "in a pipeline of a command that runs sh"),
        ("echo {{v}} |\n  sh", "in a pipeline of a command that runs sh"),
        ("echo {{v}} | awk '{system($0)}'", "in a pipeline of a command that runs awk"),
        (
            "echo {{v}} | python3 -c 'import sys; print(sys.stdin.read())'",
            "in a pipeline of a command that runs python3"
        ),
        (#"command sh -c "echo {{v}}""#, "in a command that runs sh"),
        (#"$SHELL -c "echo {{v}}""#, "in a command that runs a program named by $SHELL"),
        (#"command -p "$SHELL" -c "echo {{v}}""#, "in a command that runs a program named by $SHELL"),
        (#"trap "echo {{v}}" EXIT"#, "in a command that runs trap"),
        (#"f() { sh -c "$1"; }; f {{v}}"#, "in a command that runs a shell function"),
        ("sh -c '$1' sh {{v}}", "in a command that runs sh"),
        (#"sh -c 'command eval "$1"' sh {{v}}"#, "in a command that runs sh"),
        (#"python3 -c 'import os,sys; os.system(sys.argv[1])' {{v}}"#, "in a command that runs python3"),
        (#"env X={{v}} sh -c 'eval "$X"'"#, "in a command that runs sh"),
        (#"script -qc "echo {{v}}" /dev/null"#, "in a command that runs script"),
        (#"su root -lc "echo {{v}}""#, "in a command that runs su"),
        (#"su root --command="echo {{v}}""#, "in a command that runs su"),
        (#"sh -c -e "echo {{v}}""#, "in a command that runs sh"),
        (#"sh -c -e {{v}} name"#, "in a command that runs sh"),
        (#"bash -c -- "echo {{v}}""#, "in a command that runs bash"),
        (#"taskset -c 0 sh -c "echo {{v}}""#, "in a command that runs sh"),
        (#"unshare -U sh -c "echo {{v}}""#, "in a command that runs sh"),
        (#"strace -f sh -c "echo {{v}}""#, "in a command that runs sh"),
        (#"sg root -c "echo {{v}}""#, "in a command that runs sg"),
        (#"tmux new -d "echo {{v}}""#, "in a command that runs tmux"),
        (#"time -p sh -c "echo {{v}}""#, "in a command that runs sh"),
        (#"V={{v}}; sh -c "echo $V""#, "beside sh on the same line, where the value could reach it"),
        (
            #"export V={{v}} && python3 -c 'import os; os.system(os.environ["V"])'"#,
            "beside python3 on the same line, where the value could reach it"
        ),
        (#"perl -e "print {{v}}""#, "in a command that runs perl"),
        (#"python3 -c "print({{v}})""#, "in a command that runs python3"),
        (#"awk "BEGIN { print {{v}} }""#, "in the program of awk"),
        (#"sed -n "/{{v}}/p" /var/log/syslog"#, "in the program of sed"),
        ("sed 's/x/y/e' {{v}}", "in a command that runs sed"), ("sed -f fix.sed {{v}}", "in a command that runs sed"),
        ("echo {{v}} | sed e", "in a pipeline of a command that runs sed"),
        ("echo {{v}} | sed 's/a/b/w /tmp/out'", "in a pipeline of a command that runs sed"),
        ("echo {{v}} | sed -n '1{p}'", "in a pipeline of a command that runs sed"),
        ("sudo -iu postgres psql -c {{v}}", "in a command that runs sudo -s"),
        ("bash <(printf %s {{v}})", "in a command that runs bash"),
        (#"/bin/sh -c "echo {{v}}""#, "in a command that runs sh"),
        (#"env -S "sh -c 'echo {{v}}'""#, "in a command that runs env -S"),
        (#"sh -c 'eval "$1"' sh {{v}}"#, "in a command that runs sh"),
        // Found in the third review: positional arguments evaluated by the script, loops, set --.
        (#"sh -c 'printf "%s" "$1"' sh {{v}}"#, "in a command that runs sh"),
        (#"bash -c 'x=$1; echo $(( x / 1024 ))' _ {{v}}"#, "in a command that runs bash"),
        (#"bash -c 'echo "$1=${!1}"' _ {{v}}"#, "in a command that runs bash"),
        (#"sh -c 'echo "$(eval "$1")"' sh {{v}}"#, "in a command that runs sh"),
        (#"rbash -c "echo {{v}}""#, "in a command that runs rbash"),
        (
            #"for u in {{v}}; do sh -c "systemctl is-active $u"; done"#,
            "beside sh on the same line, where the value could reach it"
        ),
        (#"set -- {{v}}; sh -c "echo $1""#, "beside sh on the same line, where the value could reach it"),
        (#"f() ( sh -c "$1" ); f {{v}}"#, "in a command that runs a shell function"),
        (#"echo {{v}} > /tmp/x.sh; sh /tmp/x.sh"#, "beside sh on the same line, where the value could reach it"),
        // Found in the fourth review: make, database clients, aliases, versioned interpreters.
        ("make -s -C /srv/ops status ENV={{v}}", "in a command that runs make"),
        (#"sqlite3 /srv/app.db "SELECT id FROM jobs WHERE state = '{{v}}'""#, "in a command that runs sqlite3"),
        (#"psql -h db1 -c "SELECT * FROM jobs WHERE state = '{{v}}'""#, "in a command that runs psql"),
        (#"alias kc='kubectl --context={{v}}'"#, "in a command that runs alias"),
        ("echo {{v}} | tclsh8.6", "in a pipeline of a command that runs tclsh8.6"),
        // The builtin where it is the program still runs code; a later word that runs code still counts.
        (". /srv/ops/env.sh {{v}}", "in a command that runs ."),
        // kubectl's verbs that run commands are judged as before.
        (#"kubectl exec -n $NS api-0 -- sh -c "cat {{v}}""#, "in a command that runs sh"),
        ("kubectl exec api-0 -- $SHELL -c {{v}}", "in a command that runs a program named by $SHELL"),
        ("oc debug node/x -- chroot /host sh -c {{v}}", "in a command that runs sh"),
        ("kubectl krew $CMD {{v}}", "in a command that runs a program named by $CMD"),
        // Found in the red-team review of the kubectl, sed and jq exemptions (each ran a value under dash).
        (
            #"V={{v}}; echo x | sed -n "/$V/p""#,
            "in a pipeline of a command that runs sed"
        ),
        (
            #"V={{v}}; echo x | awk "/$V/""#,
            "in a pipeline of a command that runs awk"
        ),
        (
            "NS={{v}}; kubectl get pods -n $NS",
            "in $NS, which the command expands where the value could split into words or reach a script"
        ),
        (#"kubectl --cache-dir get exec mypod -- sh -c "echo {{v}}""#, "in a command that runs sh"),
        (#"kubectl create job x --image=busybox -- sh -c "echo {{v}}""#, "in a command that runs sh"),
        (#"oc set probe dc/web --liveness -- sh -c "test {{v}}""#, "in a command that runs sh"),
        ("kubectl config set-credentials u --exec-command {{v}}", "in an option whose value is run as a command"),
        (
            "KUBECTL_EXTERNAL_DIFF={{v}} kubectl diff -f x.yaml",
            "in KUBECTL_EXTERNAL_DIFF, which programs run as a command"
        ),
        ("sed -n 1p -e {{v}} /etc/hostname", "in a command that runs sed"),
        ("echo {{v}} | sed 's/[/]/;s/e;#x/y/'", "in a pipeline of a command that runs sed"),
        (#"echo $'it\'s' {{v}} $'\''"#, "in a command with $'...', which sh and bash read differently"),
        ("echo {{v}} | xargs find", "in a pipeline of a command that runs xargs"),
        // Found in the second red-team round (each ran a value under dash or bash).
        (
            #"echo "Region: $(case "$(uname)" in Linux) echo '{{v}}' ;; *) echo 'x' ;; esac)""#,
            "in a command with a ) quoted inside $(...), which sh and bash read differently"
        ),
        (
            #"echo "${x:-'}"'}"{{v}} # '"#,
            "in a command with quotes or braces inside ${...}, which sh and bash read differently"
        ),
        (
            "echo `echo \\\\'` ' ` {{v}} # '",
            "in a command with backticks, which sh and bash read differently"
        ),
        (
            #"true; getopts a: V -a{{v}}; grep -c "$OPTARG" /etc/hostname"#,
            "in $OPTARG, which the command expands where the value could split into words or reach a script"
        ),
        (
            "set -- {{v}}\nfor x do\ngrep -c \"$x\" /etc/hostname\ndone",
            "in $x, which the command expands where the value could split into words or reach a script"
        ),
        (
            #"printf "%s\n" {{v}} > /tmp/f; read V < /tmp/f; grep -c "$V" /etc/hostname"#,
            "in $V, which the command expands where the value could split into words or reach a script"
        ),
        (
            #"printf -v V %s {{v}}; grep -c "$V" /etc/hostname"#,
            "in $V, which the command expands where the value could split into words or reach a script"
        ),
        (
            #"A=({{v}}); grep -c "$A" /etc/hostname"#,
            "in $A, which the command expands where the value could split into words or reach a script"
        ),
        (
            #"echo {{v}}; grep -c "$_" /etc/hostname"#,
            "in a command that expands $_, ${!...} or a nameref, where the value could reach a script"
        ),
        ("TAR_OPTIONS={{v}} tar -tf x.tar", "in TAR_OPTIONS, which programs run as a command"),
        (
            "GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=core.fsmonitor GIT_CONFIG_VALUE_0={{v}} git status",
            "in GIT_CONFIG_VALUE_0, which programs run as a command"
        ),
        (
            "V={{v}} git --config-env=core.fsmonitor=V status",
            "in a command that reads an option's value from a variable (--config-env)"
        ),
        ("git -c diff.external={{v}} diff", "in an option whose value is run as a command"),
        (
            #"printf "%s\n" {{v}} | kubectl attach -i toolbox -c shell"#,
            "in a pipeline of a command that runs kubectl attach -i"
        ),
        (
            #"printf "%s\n" {{v}} | kubectl debug node/n1 -i --image=busybox"#,
            "in a pipeline of a command that runs kubectl debug -i"
        ),
        ("kubectl run dbg --image=busybox --overrides={{v}}", "in an option whose value is run as a command"),
        (
            "set -- {{v}}; kubectl logs -n x $1",
            "in $1, which the command expands where the value could split into words or reach a script"
        ),
        (
            "ls $(printf %s {{v}} | wc -c)",
            "in a $(...) outside double quotes, whose output the shell splits into words"
        ),
        (
            "kubectl -n $NS logs {{v}}",
            "in a command that runs kubectl with $NS before its verb, which could split into words and move the verb"
        ),
        (#"find . -name x -exec sh -c 'echo {{v}}' \;"#, "in a command that runs sh"),
        // jq and yq queries read the environment (`$ENV.TOKEN`, `env(TOKEN)`) and, for yq, files.
        ("jq {{v}} f.json", "in the query of jq, which can read the environment"),
        ("jq -r --arg n x {{v}} f.json", "in the query of jq, which can read the environment"),
        ("jq -f {{v}} f.json", "in the query of jq, which can read the environment"),
        (#"kubectl get pods -o json | jq -r ".items[] | {{v}}""#, "in the query of jq, which can read the environment"),
        ("yq e {{v}} f.yaml", "in the query of yq, which can read the environment"),
        ("yq -o json {{v}} f.yaml", "in the query of yq, which can read the environment"),
        // A value that names the program picks what runs (`eval`), after a wrapper too.
        ("{{v}} get pods", "in a command where a value names the program that runs"),
        ("sudo -u root {{v}} status", "in a command where a value names the program that runs"),
        ("timeout 5 {{v}} x", "in a command where a value names the program that runs"),
        ("/usr/local/bin/{{v}} --version", "in a command where a value names the program that runs"),
        // Printed back by an unquoted $(...), the value is split into words and globbed (found in review).
        (
            "tail -n 5 $(dirname {{v}})/app.log",
            "in a $(...) outside double quotes, whose output the shell splits into words"
        ),
        (
            "ls $(echo {{v}} | tr a b | head -1)",
            "in a $(...) outside double quotes, whose output the shell splits into words"
        ),
        ("uptime; x=$(nice {{v}})", "in a command where a value names the program that runs"),
    ])
    func placeholdersWhereAnotherShellOrInterpreterCouldRunThemAreRefused(_ text: String, _ reason: String) {
        let template = CommandTemplate(text)
        #expect(template.problems.map(\.reasons) == [[reason]], "\(text)")
        #expect(template.resolve(using: [Variable(name: "v", value: "x")]) == .unsafe(["v"]))
    }

    /// Found in the third red-team round, each ran a value under dash or bash: where the checker's
    /// reading of comments, backticks, here-documents and quotes parts from the shell's, the command is
    /// refused as a whole; so are programs and options that run what they are given.
    @Test(arguments: [
        "echo ${x:-(#} '\n} {{v}} '", "echo \\;#'\n{{v}} '", "echo $(date)#'\n{{v}} '", "echo a\\\n#'\n{{v}} '",
        "echo `: #` '\n` {{v}} '", "echo `#'` '` {{v}}", "echo `echo '` '` {{v}}", "echo `cat <<E `\n'\nE\n{{v}} '",
        "echo ${x:-<<E }\n'\nE\n{{v}} '", "cat <<E; echo $(echo X\n'\nE\n{{v}}\n)\nE",
        "cat <<E\nx\\\nE\n\"\nE\necho '{{v}}'", #"cat <<"\"<" '{{v}}'"#, "echo $(cat <<E)\n'\nE\n{{v}}",
        "((cat<<E))\n\"\nE\necho '{{v}}'", #"echo "$[" '"' ']' '{{v}}'"#, "echo $\\\n{{v}}",
        #"n=$(grep -c "fatal)" f.txt); sh -c 'echo {{v}}'"#, #"echo ${x:-"{"}; sh -c 'echo {{v}}'"#,
        #"echo "${x:-"'"}"; sh -c 'echo {{v}}'"#, "/bin/[d]ash -c 'echo {{v}}'", "{sh,} -c 'echo {{v}}'",
        "env -vS {{v}}", #"echo() if :; then eval "$1"; fi; echo {{v}}"#, "alias echo=eval\necho {{v}}",
        "true; hash -p /bin/sh cat; cat -c {{v}}", "git -C repo -c {{v}} status",
        "git -C repo submodule foreach 'git log -1 --format=%s {{v}}'", "env {{v}} git -C repo status",
        #"env {{v}} bash -c "ls /tmp""#, "scp -o {{v}} f.txt localhost:/tmp/x", "gdb -batch -ex {{v}}",
        "strace -o {{v}} true", #"printf "%s\n" {{v}} | ed -s f.txt"#, "ex -s -c {{v}} -c q f.txt", "npx -c {{v}}",
        #"echo {{v}} | awk '{ "date -d @" $1 | getline t; print t }'"#, "ansible web -m shell -a 'df -h {{v}}'",
        "pdsh -w web1 uptime {{v}}",
        // The fourth round: programs and options that run what they are given, missing from the lists.
        "git -C repo rebase --exec {{v}} HEAD~1", "git clone -u {{v}} repo clone",
        "git archive --remote=r --exec {{v}} HEAD",
        "git -C repo difftool -y -x {{v}} HEAD~1 HEAD", "zip -T -TT {{v}} z.zip f.txt", "npm exec --yes -c {{v}}",
        "view -es -c {{v}} -c qa! f.txt", "vimdiff -es -c {{v}} -c qa! f.txt s.py", "pdb3 -c {{v}} -c c s.py",
        #"printf "%s\n" {{v}} | timeout 120 swift -"#, "lldb --batch -o {{v}}", "man -P {{v}} -l x.1",
        "SUDO_EDITOR={{v}} sudoedit /etc/hosts", "JAVA_TOOL_OPTIONS={{v}} java -version",
        "GIT_EXEC_PATH={{v}} git status", "RUBYOPT={{v}} ruby x.rb",
        // Brace expansion: bash makes the value a word of its own, quoted or not (`-rf` an option).
        "ls /tmp/{a,{{v}}}", #"ls {"{{v}}",x}"#, "ls x{{{v}}..z}", "ls {a,b}{{{v}},c}",
    ])
    func thirdRoundTemplatesAreRefused(_ text: String) {
        #expect(CommandTemplate(text).resolve(using: [Variable(name: "v", value: "x")]) == .unsafe(["v"]), "\(text)")
    }

    /// Found in the review of this session's rules (each ran a value, or printed a secret, under dash):
    /// a value naming the program behind a keyword or a wrapper the list lacked, jq behind a wrapper or
    /// an option it did not know, output of other programs split unquoted, braces around `$(...)`.
    @Test(arguments: [
        "for i in 1 2; do {{v}} get pods; done", "if {{v}} get pods; then echo found; fi",
        "while ! {{v}} x; do sleep 1; done", "x=1 && if true; then {{v}} -c y; fi",
        "prlimit --nofile=1024 {{v}} -c x", "setarch x86_64 {{v}} -c x", "setpriv --reuid=0 {{v}} -c x",
        "unshare -r {{v}} -c x", #"find . -maxdepth 0 -exec {{v}} -c x \;"#, "strace -f -e trace=execve {{v}} -c x",
        "exec -a foo {{v}} -c x", "chroot --userspec root:root / {{v}} -c x", "nsenter -t 1 -m {{v}} -c x",
        "kubectl exec api-0 -- {{v}} -c x", "ip netns exec ns1 {{v}} -c x", "sudo -E {{v}} -c x",
        "timeout 5 jq {{v}} f.json", "command jq -r {{v}} f.json", "cat f.json | nice jq -r {{v}}",
        "if jq -r {{v}} f.json; then :; fi", "jq --argfile d f.json -r {{v}} f.json", "yq -w 80 {{v}} f.yaml",
        "yq --xml-force-list item {{v}} f.yaml", "yq --expression {{v}} f.yaml", "jq --from-file={{v}} f.json",
        #"printf '[%s]' $(expr {{v}})"#, "curl -s $(echo {{v}} | tac)", "curl -s $(echo {{v}} | base64 -d)",
        #"export URL="$(echo {{v}})"; curl -s $(printenv URL)"#, "ls {/tmp,$(true),{{v}}}", "ls {/tmp,<(true),{{v}}}",
        #"echo "$(ls {a,{{v}}})""#, "ls {/tmp,$((0)),{{v}}}",
        // The third round: an argument that looks like an assignment, kubectl templates printing the value
        // back, and wrappers whose options or keywords hid the program.
        "kubectl get pods -l app=$(echo {{v}} | tr A-Z a-z)", "grep -c level=$(echo {{v}} | tr a-z A-Z) /dev/null",
        "kubectl get pods $(kubectl get -f /dev/null -o jsonpath={{v}})",
        "ls -l $(kubectl get -f /dev/null -o jsonpath={{v}})",
        #"kubectl get pods -o go-template='{{range .items}}{{if eq .metadata.name "{{v}}"}}{{.spec.nodeName}}{{end}}{{end}}'"#,
        #"kubectl get pods -o jsonpath='{.items[?(@.metadata.name=="{{v}}")].spec.nodeName}'"#,
        "oc get pods --template={{v}}", "kubectl get pods -o custom-columns={{v}}",
        "timeout --foreground 5 {{v}} p1", "timeout -v 5 {{v}} p1", "taskset -c 0 {{v}} r1", "taskset -a 3 {{v}} r1",
        "chrt -f 10 {{v}} r2", "chrt --rr 10 {{v}} r2", "chroot --skip-chdir / {{v}} p4", "time -p {{v}} p2",
        "time -v {{v}} r4", "perf stat {{v}} r5", "ip -all netns exec {{v}} x", "docker exec ctr {{v}}",
        "time -p jq -r {{v}} f.json", "docker exec -u root --foo ctr {{v}}",
        // The fourth round: keywords and escaped separators as arguments before NAME=$(...), a value that
        // picks kubectl's format or reaches its errors, clusters ending in -o, nsenter's attached options,
        // nested perf subcommands, sudo -uroot, crictl and compose exec.
        "printf '[%s]' do X=$(printf %s {{v}})", #"printf '[%s]' \(X=$(printf %s {{v}})"#,
        "find /nonexist-a \\\nX=$(printf %s {{v}}) -maxdepth 0",
        "kubectl logs $(kubectl get pods -l app=web -o {{v}})",
        "kubectl describe $(kubectl get {{v}} -o name 2>/dev/stdout)",
        "kubectl describe $( (kubectl get {{v}} -o name) 2>&1)",
        "kubectl get pods -Ao 'jsonpath={.items[*].metadata.{{v}}}'", "kubectl get pods -Ao custom-columns=N:.{{v}}",
        "nsenter -t 1 -w {{v}} /tmp/victim", "nsenter --target 1 --wd {{v}} /tmp/victim",
        "perf stat record -o /dev/null {{v}} /tmp/victim", "sudo -uroot {{v}} /tmp/victim",
        "crictl exec abc {{v}}", "docker-compose exec web {{v}}", "cpulimit -l 50 {{v}}", "rg --pre {{v}} x /srv",
        // The fifth round: a value glued to short options adds options; rg runs --hostname-bin.
        "sort -r{{v}} /etc/hostname", "rg --hostname-bin={{v}} -n x f", "tar -xzf{{v}} x.tgz",
    ])
    func reviewedTemplatesAreRefused(_ text: String) {
        #expect(CommandTemplate(text).resolve(using: [Variable(name: "v", value: "x")]) == .unsafe(["v"]), "\(text)")
    }

    @Test(arguments: [
        "ssh {{v}} uptime", "ssh -p 2222 {{v}} 'journalctl -n 5'",
        "kubectl exec {{v}} -- cat /etc/hosts", "kubectl exec api-0 -- cat {{v}}", "sudo systemctl status {{v}}",
        "timeout 5 journalctl -u {{v}}", "docker exec api ls {{v}}",
        "kubectl get pods -n {{v}} -o json | jq '.items[].metadata.name'", "journalctl -u {{v}} | awk '{print $5}'",
        "grep -c {{v}} /var/log/ssh", "{{v}}/venv/bin/python -c 'import sys' x",
        "kubectl exec {{v}} -- sh -c 'df -h'", "docker exec {{v}} sh -c 'df -h'", "cd {{v}} && sh -c 'ls -la'",
        "kubectl logs {{v}} -n kube-system | grep -i error", "curl -sS {{v}} | jq .status",
        "psql -h {{v}} -c 'select 1'", "docker logs {{v}} 2>&1 | tail -n 50", "awk -F: '{print $1}' {{v}}",
        // `.` as a folder, not the builtin that runs a file.
        #"find . -name "{{v}}" -mtime -1"#, "du -sh . {{v}}", "cd . && grep -c {{v}} app.log",
        "grep -c eval {{v}}", "grep -rn source {{v}}", #"grep -c error <<<"{{v}}""#,
        // The read-only verbs of kubectl and oc: a kind (`node`), a variable (`$NS`) or jq's `.` among
        // their words is no program (found over the corpora).
        "oc describe node {{v}}",
        "oc get clusterlogforwarder {{v}} -o json | jq .",
        "kubectl top node {{v}}",
        // A quoted `#` is no comment in any shell.
        "grep -v '^#' {{v}}", ##"grep -c "#include" {{v}}"##, "echo $# {{v}}",
        // Output that does not print the value back, quoted output, or an assignment's: one word.
        "oc logs $(oc get pods -l app={{v}} -o name | head -1)", #"tail -n 5 "$(dirname {{v}})/app.log""#,
        "P=$(dirname {{v}}); echo done",
        // After kubectl's verb, a word the shell expands cannot move the verb (`$POD` from the runbook).
        "kubectl logs -n openshift-etcd $POD -c {{v}}", #"oc describe pod "$POD" -n {{v}}"#,
        // The user sudo runs as, the duration of timeout, and the folder of a program are no program.
        "sudo -u {{v}} systemctl status nginx", "timeout {{v}} uptime",
        "timeout --foreground 5 curl -s {{v}}", "command -v {{v}}", "docker exec -it api ls {{v}}",
        "P=$(dirname {{v}}) && echo done", "kubectl get pods -l app={{v}} -o name",
        "oc logs $(oc get pods -n {{v}} -l app=web -o name | head -1)", "oc get pods -n{{v}} -o wide",
        "kubectl logs -l{{v}} --tail=20", "curl --max-time={{v}} https://h/",
        // jq's variables and files are data.
        #"jq --arg n {{v}} '.[$n]' f.json"#, "jq . {{v}}", "yq e '.a' {{v}}",
        // Braces that expand nothing, or quoted, or a parameter.
        "ls {a}{{v}}", #"echo '{a,b}' {{v}}"#, "echo ${x} {a,b} {{v}}", "find . -name {{v}} -exec ls {} \\;",
        "oc debug node {{v}}", "oc debug node/{{v}} -- chroot /host ls",
        // A sed script that only prints, deletes and substitutes runs nothing: its input and files are data.
        "journalctl -u {{v}} | sed -n '/Events/,$p'", "oc describe pod {{v}} | sed -n '/Events/,$p'",
        #"oc exec {{v}} -- etcdctl get / --keys-only | sed '/^$/d' | cut -d/ -f3"#, "sed -n '1,20p' {{v}}",
        #"sed -E 's/[0-9]+/N/g; /^$/d' {{v}}"#, #"sed -e 's/\/x/y/' -e '$d' {{v}}"#,
    ])
    func placeholdersThatStayDataAreAccepted(_ text: String) {
        let template = CommandTemplate(text)
        #expect(template.problems.isEmpty, "\(text): \(template.problems)")
        #expect(template.resolve(using: [Variable(name: "v", value: "x")]).command != nil)
    }

    @Test func aHereStringIsNotAHereDocument() {
        // `<<<` was read as `<<` from its second `<`: the placeholder became a delimiter, never a value.
        let template = CommandTemplate(#"grep -c error <<<"{{v}}""#)
        #expect(template.variableNames == ["v"])
        #expect(
            template.resolve(using: [Variable(name: "v", value: "a b")]) == .resolved(#"grep -c error <<<""'a b'"""#))
        #expect(CommandTemplate("cat <<< {{v}}; cat <<EOF\nx\nEOF").variableNames == ["v"])
    }

    @Test func anAwkFileThatLooksLikeAnOptionIsRefused() {
        let template = CommandTemplate("awk '{print $1}' {{file}}")
        #expect(template.resolve(using: [Variable(name: "file", value: "-f/tmp/evil.awk")]) == .unsafe(["file"]))
        #expect(
            template.resolve(using: [Variable(name: "file", value: "/var/log/x")])
                == .resolved("awk '{print $1}' '/var/log/x'"))
        // A program that runs commands is no plain awk: its input and files are not data to it.
        #expect(!CommandTemplate("awk '{system($0)}' {{file}}").problems.isEmpty)
    }

    @Test func aDatabaseHostThatLooksLikeAnOptionIsRefused() {
        let template = CommandTemplate("psql -h {{host}} -U app -c 'select 1'")
        #expect(template.problems.isEmpty)
        #expect(template.resolve(using: [Variable(name: "host", value: "-cselect 2")]) == .unsafe(["host"]))
        #expect(
            template.resolve(using: [Variable(name: "host", value: "db1")])
                == .resolved("psql -h 'db1' -U app -c 'select 1'"))
    }

    @Test func anSSHHostThatLooksLikeAnOptionIsRefused() {
        let template = CommandTemplate("ssh {{host}} uptime")
        #expect(
            template.resolve(using: [Variable(name: "host", value: "-oProxyCommand=touch CANARY")]) == .unsafe(["host"])
        )
        #expect(template.resolve(using: [Variable(name: "host", value: "db1")]) == .resolved("ssh 'db1' uptime"))
    }

    @Test func placeholderNumbersDoNotCollide() {
        // Part 1 is {{b}}, part 10 the second {{c}}: the probe word of part 1 must not be found
        // inside the probe word of part 10.
        let text = "echo {{b}} {{a}} {{a}} {{a}} && sh -c 'ls {{c}}{{c}}'"
        let template = CommandTemplate(text)
        #expect(template.problems.map(\.name) == ["c"])
        let refused = template.parts.filter { part in
            if case .placeholder(_, .unsupported) = part { return true }
            return false
        }
        #expect(refused.count == 2, "both places of {{c}}")
    }

    @Test func secretValuesAreListedForTheRedactor() {
        let variables = [
            "user": Variable(name: "user", value: "app"),
            "pass": Variable(name: "pass", value: "hunter2", isSecret: true),
        ]
        let template = CommandTemplate("PGPASSWORD={{pass}} psql -U {{user}} -c 'select 1'")
        #expect(template.secretValues(variables) == ["hunter2"])
    }

    @Test func shellQuoteWord() {
        #expect(ShellQuote.word("") == "''")
        #expect(ShellQuote.word("a b") == "'a b'")
        #expect(ShellQuote.word("'") == #"''\'''"#)
    }
}

@Suite(.timeLimit(.minutes(1)))
struct ExecutionInjectionTests {
    static let payloads: [String] = [
        "$(touch CANARY)", "`touch CANARY`", "; touch CANARY", "&& touch CANARY", "|| touch CANARY",
        "| touch CANARY", "\ntouch CANARY", "'; touch CANARY; '", "\"; touch CANARY; \"",
        "' \"$(touch CANARY)\" '",
        "--option", "-n", "*", "/*", "?", "[a-z]*", "~", "~root", "$HOME", "${HOME}", "$((1+1))",
        "\u{201C}smart quotes\u{201D}", "\u{2018}single smart\u{2019}", "", "trailing\\", "\\", "''", "'",
        "\"",
        "a'b\"c", "$'\\x41'", "\u{01}\u{02}\u{1F}\u{7F}", "é ü 日本 🚀", "> CANARY", "< /etc/passwd",
        "& touch CANARY &",
        " leading and trailing ", "\ttab\tseparated", "!!", "#comment", "{a,b}", "%s%n%d", ")(",
        "\\$(touch CANARY)",
        "line1\r\nline2", "'\"'\"'", "'\\''", "}}{{v}}", "$IFS", "\\'; touch CANARY; echo '",
    ]

    static let templates = [
        "printf %s {{v}}", "printf %s '{{v}}'", "printf %s \"{{v}}\"", "printf %s \"$(printf %s {{v}})x\"",
    ]

    @Test func enoughPayloads() {
        #expect(Self.payloads.count >= 30)
        #expect(Self.payloads.filter { !Self.holdsSubstitution($0) }.count >= 30)
    }

    /// A value holding `$(`, `${`, `<(`, `>(` or a backtick is refused in every command (bash evaluates
    /// some quoted words a second time; see `ArithmeticValueTests`).
    static func holdsSubstitution(_ value: String) -> Bool {
        ["$(", "${", "<(", ">(", "`"].contains { value.contains($0) }
    }

    /// Through a real shell: `sh -c "printf %s {{v}}"` would run the payloads as code in the inner
    /// shell, so it is refused for every one of them; a line whose shell cannot see the value passes
    /// each one intact.
    @Test func innerShellsNeverGetValues() throws {
        let directory = try Scratch.folder("exec")
        let runner = ProcessRunner(
            options: ExecutionTestSupport.options(redactor: nil), registry: ProcessGroupRegistry())
        let refused = [
            #"sh -c "printf %s {{v}}""#, "printf %s {{v}} | sh", #"awk "BEGIN { printf \"%s\", {{v}} }""#,
            "printf %s {{v}} | (sh)", #"command sh -c "printf %s {{v}}""#, #"sh -c 'printf %s "$1"' sh {{v}}"#,
        ].map(CommandTemplate.init)
        // Accepted: the value reaches the inner shell as an argument, or a command with no shell as data.
        let accepted = ["printf %s {{v}} | cat", "printf %s {{v}} && sh -c 'true'"].map(CommandTemplate.init)
        for payload in Self.payloads {
            let variables = [Variable(name: "v", value: payload)]
            for template in refused {
                #expect(template.resolve(using: variables) == .unsafe(["v"]), "\(template.text)")
            }
            for template in accepted {
                if Self.holdsSubstitution(payload) {
                    #expect(template.resolve(using: variables) == .unsafe(["v"]), "\(payload.debugDescription)")
                    continue
                }
                let command = try #require(template.resolve(using: variables).command)
                let result = try runner.run(CommandSpec(command, workingDirectory: directory))
                #expect(result.status == .exited(0), "\(payload.debugDescription): \(result.stderr.text)")
                #expect(result.stdout.head == Array(payload.utf8), "\(payload.debugDescription) via \(template.text)")
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test(arguments: templates)
    func valuesArriveByteForByteAndRunNothing(_ text: String) throws {
        let directory = try Scratch.folder("exec")
        let runner = ProcessRunner(
            options: ExecutionTestSupport.options(redactor: nil), registry: ProcessGroupRegistry())
        let template = CommandTemplate(text)
        for payload in Self.payloads {
            let resolution = template.resolve(using: [Variable(name: "v", value: payload)])
            if Self.holdsSubstitution(payload) {
                #expect(resolution == .unsafe(["v"]), "\(payload.debugDescription)")
                continue
            }
            let command = try #require(resolution.command)
            let result = try runner.run(CommandSpec(command, workingDirectory: directory))
            var expected = Array(payload.utf8)
            if text.contains("$(") {
                // Command substitution drops trailing newlines; the `x` marks where the value ended.
                while expected.last == 0x0A { expected.removeLast() }
                expected.append(UInt8(ascii: "x"))
            }
            #expect(result.status == .exited(0), "\(payload.debugDescription): \(result.stderr.text)")
            #expect(
                result.stdout.head == expected, "\(payload.debugDescription) via \(command.debugDescription)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory + "/CANARY"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }
}
