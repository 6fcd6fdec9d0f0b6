import Foundation
import Testing

@testable import IncidentKit

@Suite struct LibraryTests {
    @Test func defaultLibraryHasTheSeedScenarioFiles() throws {
        let library = try Library.load(root: Paths.packageRoot)
        #expect(library.index.source == "runbooks/00_INDEX.md")
        #expect(library.index.fallback == "runbooks/INCIDENT_TRIAGE.md")
        for path in [
            "runbooks/INCIDENT_TRIAGE.md", "forms/INCIDENT_MIN.md", "checklists/NGINX_502_EVIDENCE.md",
            "workflows/nginx_502_504.md", "gates/QUALITY_GATES.md", "artifacts/incident_report.md",
        ] {
            #expect(library.files[path] != nil, "missing \(path)")
        }
        let nginx = try #require(library.index.routes.first { $0.keywords.contains { $0.text == "502" } })
        #expect(
            nginx.targetPaths == [
                "runbooks/INCIDENT_TRIAGE.md", "checklists/NGINX_502_EVIDENCE.md", "workflows/nginx_502_504.md",
            ])
    }

    /// A binary file named .md (an image, an archive) is reported where its first NUL byte is.
    @Test func aBinaryFileIsReported() throws {
        let root = try Scratch.folder("binary-md")
        #expect(
            FileManager.default.createFile(
                atPath: root + "/logo.md", contents: Data(Array("# x\nPNG".utf8) + [0, 1, 2, 0x0A, 0])))
        #expect(FileManager.default.createFile(atPath: root + "/fine.md", contents: Data("# fine\n".utf8)))
        let read = Library.read(["logo.md", "fine.md"], root: root)
        #expect(
            read.flatMap(\.file.document.diagnostics).map(\.description) == [
                "logo.md:2: warning: this file holds NUL bytes: it looks binary, not markdown; remove it or rename it"
            ])
    }

    @Test func formHasTheSeedFieldsInOrder() throws {
        let library = try Library.load(root: Paths.packageRoot)
        let form = IncidentForm(try #require(library.files["forms/INCIDENT_MIN.md"]))
        #expect(
            form.fields.map(\.key) == [
                "service", "env", "symptom", "error_text", "started_at", "last_change", "impact", "links",
            ])
        #expect(form.fields.map(\.number) == Array(1...8))
        #expect(form.fields[0].label == "App/Service name")
        #expect(form.fields[1].choices == ["dev", "staging", "production", "unknown"])
        #expect(form.fields[3].isMultiline)
        #expect(form.fields[3].choices == [])
        #expect(form.fields[7].isRequired == false)
        #expect(form.fields[7].choices == [])
        #expect(form.field(named: "2")?.key == "env")
        #expect(form.field(named: "ENV")?.key == "env")
    }

    @Test func checklistCommandsVariablesAndPatterns() throws {
        let library = try Library.load(root: Paths.packageRoot)
        let checklist = Checklist(try #require(library.files["checklists/NGINX_502_EVIDENCE.md"]))
        let variables = Dictionary(uniqueKeysWithValues: checklist.variables.map { ($0.name, $0.defaultValue) })
        #expect(variables["upstream"] == "127.0.0.1:8000")
        #expect(variables["error_log"] == "/var/log/nginx/error.log")
        #expect(variables["health_path"] == "/healthz")
        #expect(checklist.commands.count >= 5)
        #expect(checklist.commands.allSatisfy { !$0.command.hasPrefix("#") && !$0.title.isEmpty })
        let refused = try #require(
            checklist.patterns.first { $0.pattern == "connect() failed (111: Connection refused)" })
        #expect(refused.meaning.lowercased().contains("upstream not running"))
    }

    @Test func commandsAreSplitAtCommentsWithAnnotations() {
        let document = MarkdownDocument(
            path: "c.md",
            text: """
                ## Commands
                ```bash
                # Check nginx status [timeout: 10s] [requires: systemctl]
                systemctl status nginx
                # Output: active (running)

                # Restart it [mutating]
                sudo systemctl restart nginx
                ls /tmp
                curl -I \\
                  http://x
                ```
                """)
        guard case .code(let code) = document.blocks[1] else {
            Issue.record("expected a code block")
            return
        }
        let commands = RunbookCommand.commands(in: code, section: "Commands")
        #expect(
            commands.map(\.command) == [
                "systemctl status nginx", "sudo systemctl restart nginx\nls /tmp\ncurl -I \\\n  http://x",
            ])
        #expect(commands.map(\.title) == ["Check nginx status", "Restart it"])
        #expect(commands[0].annotations.timeoutSeconds == 10)
        #expect(commands[0].annotations.requires == ["systemctl"])
        #expect(commands[1].annotations.marking == .mutating)
        #expect(commands.map(\.line) == [4, 8])
    }

    /// The text of each command of a `bash` block holding `block`.
    private func commands(_ block: String) -> [String] { Self.commands(inBashBlock: block).map(\.command) }

    /// The commands of a `bash` block holding `block`.
    static func commands(inBashBlock block: String) -> [RunbookCommand] {
        let document = MarkdownDocument(path: "c.md", text: "```bash\n" + block + "\n```\n")
        guard case .code(let code)? = document.blocks.first else { return [] }
        return RunbookCommand.commands(in: code, section: "S")
    }

    @Test func aBashBlockWithPromptsIsATranscript() {
        // As the corpora write them: prompts and the output they printed, in a `bash` block.
        let commands = Self.commands(
            inBashBlock: """
                $ kubectl get pods -n monitoring
                NAME                      READY   STATUS             RESTARTS
                prometheus-k8s-0          1/2     CrashLoopBackOff   12
                $ kubectl logs prometheus-k8s-0 \\
                    -c prometheus
                """)
        #expect(
            commands.map(\.command) == [
                "kubectl get pods -n monitoring", "kubectl logs prometheus-k8s-0 \\\n    -c prometheus",
            ])
        #expect(commands.map(\.line) == [2, 5])
    }

    @Test func transcriptsAreKnownByTheirFirstLineAndTheirOutputNeverRuns() {
        // A prompt inside a here-document does not make the block a transcript.
        #expect(
            commands("cat <<'EOF' > /tmp/x\n$ not a prompt\nEOF\nsystemctl restart nginx")
                == ["cat <<'EOF' > /tmp/x\n$ not a prompt\nEOF", "systemctl restart nginx"])
        #expect(commands("cat <<-END\n\t# kept\n\n\tEND\nuptime") == ["cat <<-END\n\t# kept\n\n\tEND", "uptime"])
        #expect(commands("grep x <<< \"$y\"\nuptime") == ["grep x <<< \"$y\"", "uptime"])
        #expect(commands("echo $((1 << 2))\nuptime") == ["echo $((1 << 2))", "uptime"])
        // Output lines that start with `#` are output; each prompt is a command of its own.
        #expect(
            commands(
                "# Load and disk\n$ curl -s localhost:9100/metrics | grep load1\n# HELP node_load1 1m load average.\n"
                    + "# TYPE node_load1 gauge\nnode_load1 0.52\n$ uptime\n$ df -h")
                == ["curl -s localhost:9100/metrics | grep load1", "uptime", "df -h"])
    }

    /// Prompts as the corpora write them, of a shell in a pod or on a node, mark a transcript too.
    @Test func promptsOfOtherShellsAreTranscripts() {
        #expect(commands("sh-5.1$ rados df\nPOOL_NAME USED\n.rgw.root 0 B") == ["rados df"])
        #expect(commands("sh-4.4# chroot /host\nsh-4.4# crictl ps") == ["chroot /host", "crictl ps"])
        #expect(
            commands("[rook@rook-ceph-tools-595d748f7d-p8xt9 /]$ ceph health detail\nHEALTH_WARN 1/3 mons down")
                == ["ceph health detail"])
        #expect(commands("root@node-1:~# uptime\n 10:00:00 up 3 days") == ["uptime"])
        #expect(commands("❯ ocm describe cluster abc\nID: abc") == ["ocm describe cluster abc"])
        #expect(RunbookCommand.promptLength("echo a$ b") == nil && RunbookCommand.promptLength("$HOME/bin/x") == nil)
    }

    /// A line whose quote or `$(` is still open goes on at the next, as the shell reads it: real runbooks
    /// wrap JSON patches that way.
    @Test func anOpenQuoteJoinsTheNextLine() {
        #expect(
            commands("oc patch x --type merge -p '{\"spec\":\n  {\"replicas\": 2}}'\noc get x")
                == ["oc patch x --type merge -p '{\"spec\":\n  {\"replicas\": 2}}'", "oc get x"])
        #expect(commands("echo \"$(date\n)\"\nuptime") == ["echo \"$(date\n)\"", "uptime"])
        #expect(commands("# it's a comment\nuptime") == ["uptime"])
        #expect(commands("echo 'never closed\nuptime\n\ndf -h") == ["echo 'never closed\nuptime", "df -h"])
        #expect(TemplateScanner.unclosed("echo 'a") == "'" && TemplateScanner.unclosed("echo \"$(date") == "$(")
        #expect(TemplateScanner.unclosed("echo 'a' \"b\" $(c) `d` ${e}") == nil)
    }

    /// A loop or an `if` written over several lines is one command, as the shell reads it; a keyword that
    /// is an argument (`echo wait for it`) opens nothing.
    @Test func aCompoundCommandOverSeveralLinesIsOneCommand() {
        let loop = "for pod in ${pods}\ndo\n  echo \"${pod}:\"\n  oc describe pods ${pod}\ndone"
        #expect(commands(loop + "\nuptime") == [loop, "uptime"])
        #expect(commands("if true\nthen\n  uptime\nfi\ndf -h") == ["if true\nthen\n  uptime\nfi", "df -h"])
        #expect(
            commands("while read l; do\n  echo $l\ndone < f\ndf") == ["while read l; do\n  echo $l\ndone < f", "df"])
        #expect(commands("for x in a b; do echo $x; done\nuptime") == ["for x in a b; do echo $x; done", "uptime"])
        #expect(commands("echo wait for it\nuptime") == ["echo wait for it", "uptime"])
        #expect(commands("case $x in\n  a) echo a ;;\nesac\nuptime") == ["case $x in\n  a) echo a ;;\nesac", "uptime"])
        let function = "queue() {\n  local T=\"${1}\"\n  \"${@}\" > \"${T}\" &\n}"
        #expect(commands(function + "\nqueue x ls") == [function, "queue x ls"])
        #expect(commands("{ uptime; date; }\ndf") == ["{ uptime; date; }", "df"])
        // A loop the block never closes ends at the blank line.
        #expect(commands("for x in a b\ndo\n\nuptime") == ["for x in a b\ndo", "uptime"])
    }

    /// Runbooks not written for the tool mark values to fill in as `<name>`: unquoted, the shell would
    /// read a redirection, so it is the placeholder `{{name}}`; quoted, commented or in a here-document
    /// it is text.
    @Test(arguments: [
        ("oc logs <POD_NAME> -n openshift-logging", "oc logs {{POD_NAME}} -n openshift-logging"),
        ("oc debug node/<node-name>", "oc debug node/{{node-name}}"),
        ("curl -k https://<host>:6443/healthz", "curl -k https://{{host}}:6443/healthz"),
        ("grep '<title>' index.html", "grep '<title>' index.html"), (#"echo "<b>""#, #"echo "<b>""#),
        ("cat <<EOF\n<b>\nEOF", "cat <<EOF\n<b>\nEOF"), ("sort <in>out", "sort <in>out"),
        ("ls # see <docs>", "ls # see <docs>"), ("echo <value of the label>", "echo <value of the label>"),
        ("wc -l < input.txt", "wc -l < input.txt"), (#"echo \<x> <y>"#, #"echo \<x> {{y}}"#),
    ])
    func angleBracketsMarkPlaceholders(_ written: String, _ read: String) {
        #expect(RunbookCommand.withAngleBracketPlaceholders(written) == read)
    }

    /// What commands printed, and queries in other languages, sit in untagged blocks beside commands in
    /// real runbooks: they are not commands, and are not run.
    @Test func outputAndQueriesInAShellBlockAreNotCommands() {
        let document = MarkdownDocument(
            path: "c.md",
            text: """
                ```
                ceph status
                cluster:
                  id: 64b63f6a-f6d3-4527-91f5-47e15f2b10d4
                  health: HEALTH_WARN
                {
                "reason": "AllCatalogSourcesHealthy",
                }
                sum by(resource) (rate(apiserver_request_total[1d]))
                / scalar(sum(rate(apiserver_request_total[1d])))
                node_cpu_seconds_total{mode="idle"}[4m]
                1 - irate(x[5m])
                irate (container_cpu_usage_seconds_total{container!=""}[4m])
                and on (node) cluster:master_nodes
                > 2 and on ()(sum(cluster_infrastructure_provider == bool 1)))
                ocs_objectbucketclaim_info * on (namespace, objectbucket) group_left() (ocs_objectbucket_used_bytes)
                default     alertmanager-main-0     1/2     CrashLoopBackOff    37107 2d
                Warning  FailedScheduling  3m53s  default-scheduler  0/6 nodes are available
                // Top 5 containers
                NAMESPACE=openshift-storage
                pods=($(oc get pods -o name))
                [ -f /etc/hosts ] && cat /etc/hosts
                (cd /tmp && ls)
                { uptime; date; }
                if (true); then uptime; fi
                echo $(( (1 + 2) * 3 )) && find . \\( -name x \\) && f() { :; }
                awk '{ print $1 }' x  |  sort   -u
                /usr/bin/uptime
                $SHELL -c 'uptime'
                ```
                """)
        guard case .code(let code)? = document.blocks.first else {
            Issue.record("expected a code block")
            return
        }
        #expect(
            RunbookCommand.commands(in: code, section: "S").map(\.command) == [
                "ceph status", "NAMESPACE=openshift-storage",
                "pods=($(oc get pods -o name))", "[ -f /etc/hosts ] && cat /etc/hosts", "(cd /tmp && ls)",
                "{ uptime; date; }", "if (true); then uptime; fi",
                #"echo $(( (1 + 2) * 3 )) && find . \( -name x \) && f() { :; }"#,
                "awk '{ print $1 }' x  |  sort   -u", "/usr/bin/uptime", "$SHELL -c 'uptime'",
            ])
    }

    @Test(arguments: [
        ("uptime; date", ["uptime"]), ("date&&uptime", ["date"]),
        ("FOO=1 sudo -u www-data nginx -t", ["sudo", "nginx"]),
        ("timeout 5 curl -sS x", ["timeout", "curl"]), ("'/usr/sbin/nginx' -t", []), ("echo hi | grep h", []),
        ("(ss -ltn)", ["ss"]), ("$TOOL status", []), ("sudo -n systemctl status nginx", ["sudo", "systemctl"]),
        ("sudo -s uptime", ["sudo", "uptime"]), ("sudo -iu postgres psql -c 'select 1'", ["sudo", "psql"]),
        ("time -p uptime", ["time", "uptime"]), ("nice -n 10 du -sh /var", ["nice", "du"]),
        ("env -i PATH=/bin ls", ["env", "ls"]), ("timeout -s KILL 5 curl -sS x", ["timeout", "curl"]),
    ])
    func theProgramACommandNeedsIsTheFirstTheShellRuns(_ command: String, _ tools: [String]) {
        #expect(PreparedCommand.leadingTools(command) == tools)
    }

    @Test func workflowStepsWithVerifyRollbackAndFollowUps() throws {
        let library = try Library.load(root: Paths.packageRoot)
        let workflow = Workflow(try #require(library.files["workflows/nginx_502_504.md"]))
        #expect(workflow.steps.count >= 4)
        #expect(workflow.steps.allSatisfy { !$0.commands.isEmpty })
        #expect(workflow.steps.contains { $0.verify != nil })
        #expect(!workflow.rollback.isEmpty)
        #expect(!workflow.followUps.isEmpty)
    }

    @Test func gatesHaveChecksAndExpectations() throws {
        let library = try Library.load(root: Paths.packageRoot)
        let gates = GateSet(try #require(library.files["gates/QUALITY_GATES.md"])).gates
        #expect(gates.count >= 3)
        #expect(gates.allSatisfy { $0.check != nil && $0.expectation != nil })
        #expect(gates.contains { $0.since == "last-mitigation" && $0.expectation == .noOutput })
        #expect(gates.contains { !$0.isRequired })
    }

    @Test(arguments: [
        ("exit 0", GateExpectation.exitStatus(0)), ("output contains `active`", .outputContains("active")),
        ("output matches `^2..$`", .outputMatches("^2..$")), ("HTTP 200", .httpStatus(["200"])),
        ("HTTP 2xx or 3xx", .httpStatus(["2xx", "3xx"])), ("no output", .noOutput),
        ("output does not contain `error`", .outputLacks("error")),
    ])
    func gateExpectations(text: String, expected: GateExpectation) {
        #expect(GateExpectation.parse(text) == expected)
    }

    /// A file's kind is its top folder's name in any case; boilerplate is known by its file name in any
    /// case. Non-ASCII names are judged as lowercased strings (the Kelvin sign lowercases to `k`).
    @Test func kindsAndBoilerplateAreKnownByNameInAnyCase() {
        let kinds: [(String, LibraryFile.Kind)] = [
            ("forms/incident.md", .form), ("/Checklists/a.md", .checklist), ("WORKFLOWS/x/y.md", .workflow),
            ("gates/g.md", .gate), ("Artifacts/t.md", .artifact), ("templates/t.md", .artifact),
            ("runbooks/forms.md", .runbook), ("forms.md", .runbook), ("formsx/a.md", .runbook),
            ("é/forms/a.md", .runbook), ("chec\u{212A}lists/a.md", .checklist), ("gatés/a.md", .runbook),
        ]
        for (path, kind) in kinds { #expect(LibraryFile.Kind(path: path) == kind, "\(path)") }
        for path in ["README.md", "docs/Readme.MD", "a/b/_index.md", "CODE_OF_CONDUCT.md", "x/Template.md"] {
            #expect(Library.isBoilerplate(path), "\(path)")
        }
        for path in ["readme.md/alert.md", "docs/readme.txt", "myreadme.md", "Réadme.md", "index.md.bak"] {
            #expect(!Library.isBoilerplate(path), "\(path)")
        }
    }

    @Test func linksResolveFromTheFileThenTheRootAndNeverOutside() {
        #expect(LibraryPath.candidates(for: "../checklists/A.md", from: "runbooks/00_INDEX.md") == ["checklists/A.md"])
        #expect(
            LibraryPath.candidates(for: "checklists/A.md#step", from: "runbooks/00_INDEX.md") == [
                "runbooks/checklists/A.md", "checklists/A.md",
            ])
        #expect(LibraryPath.candidates(for: "../../etc/passwd", from: "runbooks/x.md") == [])
        #expect(LibraryPath.isExternal("https://example.com/x.md"))
        #expect(LibraryPath.isExternal("#anchor"))
        #expect(LibraryPath.fileName(of: "runbooks/disk/DiskFull.md") == "DiskFull.md")
        #expect(LibraryPath.fileName(of: "DiskFull.md") == "DiskFull.md")
        #expect(LibraryPath.directory(of: "runbooks/disk/DiskFull.md") == "runbooks/disk")
        #expect(LibraryPath.directory(of: "DiskFull.md") == "")
        // Paths split at the byte `/`, as the file system does, even before a combining mark.
        #expect(LibraryPath.fileName(of: "runbooks/\u{301}é.md") == "\u{301}é.md")
        #expect(LibraryPath.directory(of: "runbooks/\u{301}é.md") == "runbooks")
        #expect(!LibraryPath.isExternal("flows/A.md"))
    }

    @Test func automaticRoutesComeFromTitlesAlertNamesAndSections() throws {
        let library = try Library.load(root: Paths.prometheusCorpus)
        let route = try #require(library.index.routes.first { $0.file.hasSuffix("KubePodCrashLooping.md") })
        #expect(route.title == "KubePodCrashLooping")
        #expect(route.targetPaths == ["content/runbooks/kubernetes/KubePodCrashLooping.md"])
        #expect(route.fields.contains { $0.kind == .summary && $0.section == "Meaning" })
        #expect(route.fields.contains { $0.kind == .title && $0.text == "Kube Pod Crash Looping" })
    }
}
