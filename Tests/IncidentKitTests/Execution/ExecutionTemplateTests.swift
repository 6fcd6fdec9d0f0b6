import Foundation
import IncidentKit
import Testing

@Suite(.timeLimit(.minutes(1)))
struct ExecutionTemplateTests {
    @Test func namesInOrderOfFirstUse() {
        let template = CommandTemplate("kubectl -n {{ns}} logs {{ pod }} --since={{since}} -n {{ns}}")
        #expect(template.variableNames == ["ns", "pod", "since"])
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
        #expect(template.problems.map(\.reason) == [reason])
        #expect(template.resolve(using: [Variable(name: "v", value: "x")]) == .unsafe(["v"]))
    }

    @Test(arguments: [
        (#"sh -c "echo {{v}}""#, "sh"),
        ("bash -lc 'grep {{v}} /var/log/syslog'", "bash"),
        (#"eval "ls {{v}}""#, "eval"),
        ("eval ls {{v}}", "eval"),
        ("ssh db1 journalctl -u {{v}}", "ssh db1"),
        (#"ssh -p 2222 db1 "cat {{v}}""#, "ssh db1"),
        (#"sudo sh -c "cat {{v}}""#, "sh"),
        (#"kubectl exec -n web api-0 -- sh -c "cat {{v}}""#, "sh"),
        ("docker exec api bash -c 'ls {{v}}'", "bash"),
        (#"su -c "psql -c {{v}}" postgres"#, "su"),
        ("watch -n 5 ls {{v}}", "watch"),
        (#"find /var/log -name '*.log' -exec sh -c 'tail {{v}}' \;"#, "sh"),
        (#"printf '%s\n' a | xargs sh -c 'echo {{v}}'"#, "sh"),
        (#"echo "$(sh -c 'echo {{v}}')""#, "sh"),
        (#"flock /tmp/lock -c "cat {{v}}""#, "flock"),
        (#"ssh db1 "sh -c 'cat {{v}}'""#, "ssh db1"),
    ])
    func placeholdersInTextAnotherShellParsesAreRefused(_ text: String, _ via: String) {
        let template = CommandTemplate(text)
        #expect(template.problems.map(\.reason) == ["inside text that \(via) runs through a shell again"])
        #expect(template.resolve(using: [Variable(name: "v", value: "x")]) == .unsafe(["v"]))
    }

    @Test(arguments: [
        #"sh -c 'printf "%s" "$1"' sh {{v}}"#, "ssh {{v}} uptime", "kubectl exec {{v}} -- cat /etc/hosts",
        "kubectl exec api-0 -- cat {{v}}", "sudo systemctl status {{v}}", "timeout 5 journalctl -u {{v}}",
        "docker exec api ls {{v}}",
    ])
    func placeholdersThatStayArgumentsAreAccepted(_ text: String) {
        let template = CommandTemplate(text)
        #expect(template.problems.isEmpty)
        #expect(template.resolve(using: [Variable(name: "v", value: "x")]).command != nil)
    }

    @Test func placeholderNumbersDoNotCollide() {
        // Part 1 is {{b}}, part 10 the second {{c}}: the probe word of part 1 must not be found
        // inside the probe word of part 10.
        let text = "echo {{b}} {{a}} {{a}} {{a}} && sh -c 'ls {{c}}{{c}}'"
        #expect(CommandTemplate(text).problems.map(\.name) == ["c", "c"])
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

    @Test func enoughPayloads() { #expect(Self.payloads.count >= 30) }

    /// Through a real shell: `sh -c "printf %s {{v}}"` would run the payloads as code in the inner
    /// shell, so it is refused for every one of them; the positional form passes each one intact.
    @Test func innerShellsGetValuesOnlyAsArguments() throws {
        let directory = try ExecutionTestSupport.temporaryDirectory()
        let runner = ProcessRunner(
            options: ExecutionTestSupport.options(redactor: nil), registry: ProcessGroupRegistry())
        let refused = CommandTemplate(#"sh -c "printf %s {{v}}""#)
        let positional = CommandTemplate(#"sh -c 'printf %s "$1"' sh {{v}}"#)
        for payload in Self.payloads {
            let variables = [Variable(name: "v", value: payload)]
            #expect(refused.resolve(using: variables) == .unsafe(["v"]))
            let command = try #require(positional.resolve(using: variables).command)
            let result = try runner.run(CommandSpec(command, workingDirectory: directory))
            #expect(result.status == .exited(0), "\(payload.debugDescription): \(result.stderr.text)")
            #expect(result.stdout.head == Array(payload.utf8), "\(payload.debugDescription)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test(arguments: templates)
    func valuesArriveByteForByteAndRunNothing(_ text: String) throws {
        let directory = try ExecutionTestSupport.temporaryDirectory()
        let runner = ProcessRunner(
            options: ExecutionTestSupport.options(redactor: nil), registry: ProcessGroupRegistry())
        let template = CommandTemplate(text)
        for payload in Self.payloads {
            let resolution = template.resolve(using: [Variable(name: "v", value: payload)])
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
