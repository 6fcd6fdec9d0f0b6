import Foundation
import Testing

@testable import IncidentKit

/// Shell variables a runbook written for people leaves to its reader (`oc -n $NAMESPACE get pods`): found,
/// asked for as placeholders, or set by the runbook's own assignment commands run first.
@Suite struct ShellVariableTests {
    /// The checklist of a runbook whose markdown is `markdown`.
    static func checklist(_ markdown: String) -> Checklist {
        let path = "alerts/X.md"
        return Checklist(LibraryFile(path: path, document: MarkdownDocument(path: path, bytes: Array(markdown.utf8))))
    }

    @Test func referencesAreThoseTheShellExpands() {
        let text = #"oc -n $NAMESPACE get "$POD" '$QUOTED' \$ESCAPED ${NODE} ${DEFAULT:-x} $lower $1 # $COMMENT"#
        #expect(
            ShellVariables.references(in: text).map(\.name) == ["NAMESPACE", "POD", "NODE", "lower"])
        // Quoting the scan does not follow: nothing is taken from it.
        #expect(ShellVariables.references(in: "echo `date` $NAMESPACE").isEmpty)
        #expect(ShellVariables.references(in: "cat <<EOF\n$NAMESPACE\nEOF").isEmpty)
    }

    /// Found in review: `$$`, quotes inside `"$(...)"`, and keywords in paths (`/usr/local/`) or after
    /// `while` are read as the shell reads them.
    @Test func theScanReadsQuotesAndKeywordsAsTheShellDoes() {
        #expect(ShellVariables.references(in: "echo $$NS").isEmpty)
        #expect(ShellVariables.references(in: #"echo "$(oc get x | awk '{print $NF}')" $NS"#).map(\.name) == ["NS"])
        #expect(ShellVariables.references(in: #"echo "$(printf '%s' 'literal $NS')""#).isEmpty)
        #expect(ShellVariables.references(in: #"echo "$(echo "$A")" "$B""#).map(\.name) == ["A", "B"])
        #expect(!ShellVariables.assigned(in: #"sh -c "ls /usr/local/${DIR}""#).contains("DIR"))
        #expect(!ShellVariables.assigned(in: "oc get pods --read-only -n ${NS}").contains("NS"))
        let loop = #"oc get pods -n ${NAMESPACE} -o name | while read pod; do echo "${NAMESPACE} $pod"; done"#
        #expect(ShellVariables.assigned(in: loop) == ["pod"])
        #expect(
            ShellVariables.assigned(in: "read -r -p PROMPT A B; printf -v C %s x; mapfile -t D < f") == [
                "A", "B", "C", "D",
            ])
    }

    @Test func onlyCapitalisedNamesNoShellSetsAndNoSecretAreTheReaders() {
        for name in ["NAMESPACE", "POD", "NODE_NAME", "HPP_NAMESPACE", "VM2", "PATH_PREFIX"] {
            #expect(ShellVariables.isReaders(name), "\(name)")
        }
        for name in [
            "HOME", "PATH", "KUBECONFIG", "LC_ALL", "XDG_RUNTIME_DIR", "pod", "Pod", "X", "API_TOKEN", "PGPASSWORD",
            "AWS_SECRET_ACCESS_KEY", "SSH_AUTH_SOCK", "GITHUB_PAT", "DB_PRIVKEY", "VAULT_BEARER", "MYSQL_PWD",
            "ADMIN_PW", "SENTRY_DSN", "DB_CONN", "JWT", "TZ", "USERNAME", "SHLVL",
        ] {
            #expect(!ShellVariables.isReaders(name), "\(name)")
        }
    }

    /// A name that says it holds a secret, in any case, is one: never asked on a terminal, and a value
    /// given for it (`--set db_password=...`) is kept out of the record.
    @Test func namesOfSecretsAreSecrets() {
        for name in [
            "password", "db-pass", "apiKey", "ADMIN_PW", "sentry.dsn", "MYSQL_PWD", "ROOTPW", "LDAP_BINDPW", "PINCODE",
            "MFACODE", "OTPCODE", "PWHASH",
            // A webhook's address carries its token (Slack, Teams, Discord); an HMAC key signs.
            "webhook", "SLACK_WEBHOOK_URL", "HMAC", "hmac-key", "SLACK_HOOK_URL", "DISCORD_HOOK",
        ] {
            #expect(ShellVariables.looksSecret(name), "\(name)")
        }
        #expect(!ShellVariables.looksSecret("namespace") && !ShellVariables.looksSecret("pod-name"))
        var record = IncidentRecord(
            id: "INC-20261130-001", symptom: "x", openedAt: Date(), library: "/lib",
            route: RouteChoice(title: "t", file: "f", line: 1, targets: [], confident: true, why: [], warning: nil))
        record.variables = ["db_password": "hunter2", "namespace": "prod"]
        record.redactEnteredText()
        #expect(record.secretKeys == ["db_password"])
        #expect(record.withoutSecretValues.variables == ["namespace": "prod"])
    }

    /// A value from the environment is judged as a given one is: `helm $ACTION my-release` with
    /// `ACTION=uninstall` exported is a change (found in review: only `"${ACTION}"` was judged).
    @Test func aValueFromTheEnvironmentIsJudged() throws {
        let (items, folder, _) = try Self.triage(
            [], environment: ["ACTION": "uninstall"],
            markdown: "# PodStuck\n\n## Diagnosis\n\n```console\n$ helm $ACTION my-release\n```\n"
        ) { folder in
            // A helm of our own, so that the command is available: it must not run.
            try FileManager.default.createDirectory(atPath: folder + "/bin", withIntermediateDirectories: true)
            try "#!/bin/sh\ntouch \"$0.ran\"\n".write(toFile: folder + "/bin/helm", atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder + "/bin/helm")
            return ["PATH": folder + "/bin:/usr/bin:/bin"]
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/bin/helm.ran"))
        let item = try #require(items.first)
        #expect(item.status == .mutatingNotRun, "\(item)")
        #expect(item.note?.contains("helm uninstall") == true, "\(item)")
    }

    /// `[read-only]` vouches for the command it marks, not for another block's assignment run first.
    @Test func readOnlyDoesNotCoverTheSetup() throws {
        let checklist = Self.checklist(
            """
            # PodStuck

            ## Restart the stuck deployment

            ```bash
            export NEWPOD="$(kubectl rollout restart deploy/web; echo web-1)"
            ```

            ## Diagnosis

            ```bash
            # Logs of the new pod [read-only]
            echo logs of $NEWPOD
            ```
            """)
        let command = try #require(checklist.commands.first)
        let record = IncidentRecord(
            id: "INC-20261130-001", symptom: "x", openedAt: Date(), library: "/lib",
            route: RouteChoice(title: "t", file: "f", line: 1, targets: [], confident: true, why: [], warning: nil))
        var tools = ToolLocator(path: "/usr/bin:/bin")
        tools.assumeInstalled = true
        let prepared = PreparedCommand.prepare(
            command, path: checklist.path, scope: VariableScope(declarations: [], record: record, form: nil),
            tools: tools, redactor: Redactor())
        #expect(prepared.isMutating, "\(prepared.reasons)")
        #expect(prepared.reasons.first?.hasPrefix("the runbook's assignment first: ") == true, "\(prepared.reasons)")
    }

    @Test func namesACommandSetsItselfAreNotAsked() {
        #expect(ShellVariables.assigned(in: "NS=x; oc -n $NS get pods").contains("NS"))
        #expect(ShellVariables.assigned(in: "for POD in a b; do oc logs $POD; done").contains("POD"))
        #expect(ShellVariables.assigned(in: "oc get pods -o name | while read POD; do echo $POD; done").contains("POD"))
        #expect(
            ShellVariables.placeholders(in: "for POD in a b; do oc logs $POD -n $NS; done", skipping: []).names == [
                "NS"
            ])
    }

    @Test func assignmentCommandsAreDefinitions() throws {
        let computed = try #require(
            ShellVariables.definitions(
                in: #"export NAMESPACE="$(oc get kubevirt -A -o custom-columns="":.metadata.namespace)""#))
        #expect(computed.map(\.name) == ["NAMESPACE"] && computed.map(\.definition) == [.computed])
        #expect(try #require(ShellVariables.definitions(in: "NODE_NAME='<value>'")).map(\.definition) == [.fillIn])
        #expect(try #require(ShellVariables.definitions(in: "MAC={{MAC_ADDRESS}}")).map(\.definition) == [.fillIn])
        #expect(
            try #require(ShellVariables.definitions(in: "MYPOD=<pod identified as the problem pod>")).map(\.name)
                == ["MYPOD"])
        #expect(ShellVariables.definitions(in: "NAMESPACE=x oc get pods") == nil)
        #expect(ShellVariables.definitions(in: "export X=1 > /tmp/f") == nil)
    }

    @Test func aRunbookSetsUpWhatItComputesAndAsksForTheRest() throws {
        let checklist = Self.checklist(
            """
            # VirtApiDown

            ## Diagnosis

            ```bash
            $ export NAMESPACE="$(oc get kubevirt -A -o custom-columns="":.metadata.namespace)"
            ```

            ```bash
            $ oc -n $NAMESPACE get pods -l kubevirt.io=virt-api
            ```

            ```bash
            $ NODE_NAME='<value>'
            ```

            ```bash
            $ oc describe node "${NODE_NAME}" -n $OTHER
            ```

            ```bash
            $ curl -H "Authorization: Bearer $API_TOKEN" https://$HOST/api
            ```
            """)
        // The assignment commands print nothing: they are not evidence of their own.
        #expect(checklist.commands.count == 3)
        // A secret and a name the login sets stay the shell's: no value is written into the command.
        #expect(checklist.commands.last?.command == #"curl -H "Authorization: Bearer $API_TOKEN" https://$HOST/api"#)
        let pods = try #require(checklist.commands.first)
        #expect(pods.command == "oc -n $NAMESPACE get pods -l kubevirt.io=virt-api")
        #expect(pods.setup == [#"export NAMESPACE="$(oc get kubevirt -A -o custom-columns="":.metadata.namespace)""#])
        #expect(pods.script.hasSuffix("\noc -n $NAMESPACE get pods -l kubevirt.io=virt-api"))
        #expect(pods.readersVariables.isEmpty)
        let node = checklist.commands[1]
        #expect(node.command == #"oc describe node "{{NODE_NAME}}" -n {{OTHER}}"#)
        #expect(node.setup.isEmpty)
        #expect(node.writtenPlaceholders == ["NODE_NAME": "$NODE_NAME", "OTHER": "$OTHER"])
    }

    /// The runbook of the end-to-end tests: printf's arguments, one per line, are the words the program got.
    static let runbook = """
        # PodStuck

        ## Diagnosis

        ```console
        $ printf '[%s]\\n' -n $NAMESPACE get pod "$POD"
        ```

        ## Namespace

        ```console
        $ export ZONE="$(echo zone-a)"
        ```

        ```console
        $ printf '[%s]\\n' zone $ZONE
        ```
        """

    /// Triages `markdown` as a one-runbook library with `--yes`; `setUp` prepares the scratch folder and
    /// returns more environment.
    static func triage(
        _ extra: [String], environment: [String: String] = [:], markdown: String = runbook,
        setUp: (String) throws -> [String: String] = { _ in [:] }
    ) throws -> (items: [EvidenceItem], folder: String, output: String) {
        let (folder, library) = try Processes.runbookLibrary("PodStuck", markdown: markdown)
        let out = folder + "/incidents"
        let more = try setUp(folder)
        let run = Processes.runIncident(
            ["triage", "PodStuck", "--no-input", "--yes", "--library", library, "--out", out] + extra,
            directory: folder,
            environment: ["XDG_CACHE_HOME": folder + "/cache"].merging(environment) { $1 }.merging(more) { $1 })
        #expect(run.status != 64, "\(run.errors)")
        let store = IncidentStore(root: out)
        let id = try #require(store.ids().first)
        return (try store.load(id).evidence, folder, run.output)
    }

    @Test func aVariableNobodyGaveIsNeededNotRunEmpty() throws {
        let (items, _, output) = try Self.triage([])
        #expect(items.count == 2, "\(items)")
        #expect(items[0].status == .skippedMissingVariables && items[0].missing == ["NAMESPACE", "POD"])
        #expect(output.contains("needs NAMESPACE (--set NAMESPACE=VALUE), POD (--set POD=VALUE)"), "\(output)")
        // The runbook's own assignment ran first, in the same shell.
        #expect(items[1].status == .ran && items[1].lines == ["[zone]", "[zone-a]"], "\(items[1])")
    }

    @Test func aGivenValueIsOneWordWhateverItHolds() throws {
        let (items, folder, _) = try Self.triage(["--set", "NAMESPACE=prod ns; touch pwned", "--set", "POD=web-1"])
        #expect(items[0].status == .ran)
        #expect(items[0].lines == ["[-n]", "[prod ns; touch pwned]", "[get]", "[pod]", "[web-1]"], "\(items[0])")
        #expect(!FileManager.default.fileExists(atPath: folder + "/pwned"))
        // `show` lists the values given, beside the answers.
        let store = IncidentStore(root: folder + "/incidents")
        let shown = Processes.runIncident(
            ["show", try #require(store.ids().first), "--out", folder + "/incidents"], directory: folder)
        #expect(shown.output.contains("answers:\n  none\n\nvalues:\n  NAMESPACE: prod ns; touch pwned\n  POD: web-1\n"))
    }

    /// A value from the environment is read there by the shell (`"${NAMESPACE}"`), as one word, and never
    /// written into the command shown or saved; `--set` wins over it.
    @Test func theEnvironmentGivesAValueSetDoesNot() throws {
        let fromEnvironment = try Self.triage(["--set", "POD=web-1"], environment: ["NAMESPACE": "from env *"])
        #expect(fromEnvironment.items[0].lines == ["[-n]", "[from env *]", "[get]", "[pod]", "[web-1]"])
        #expect(fromEnvironment.items[0].command == #"printf '[%s]\n' -n "${NAMESPACE}" get pod ""'web-1'"""#)
        #expect(fromEnvironment.output.contains("From the environment (the commands read them there): NAMESPACE"))
        let store = IncidentStore(root: fromEnvironment.folder + "/incidents")
        let id = try #require(store.ids().first)
        for file in ["state.json", "incident_report.md"] {
            let text = try String(contentsOfFile: store.folder(id) + "/" + file, encoding: .utf8)
            #expect(text.contains("${NAMESPACE}") && !text.contains("-n 'from env"), "\(file)")
        }
        let overridden = try Self.triage(
            ["--set", "POD=web-1", "--set", "NAMESPACE=given"], environment: ["NAMESPACE": "from env"])
        #expect(overridden.items[0].lines == ["[-n]", "[given]", "[get]", "[pod]", "[web-1]"])
    }

    /// Found in review, each over a real shell: an assignment under Mitigation never runs as another
    /// command's setup; a value never names the program (`$OC` given `eval`); assignments run in the
    /// runbook's order; `BB=$XX` computes BB from the value of XX.
    @Test func reviewedHolesStayClosed() throws {
        let (items, folder, output) = try Self.triage(
            ["--set", "OC=eval", "--set", "NAMESPACE=x; touch pwned", "--set", "XX=b b"],
            markdown: """
                # PodStuck

                ## Diagnosis

                ```console
                $ $OC get pods -n $NAMESPACE
                ```

                ```console
                $ STAGE=one
                $ LABEL="stage-$STAGE"
                $ STAGE=two
                $ export AA=1 BB=$XX
                ```

                ```console
                $ printf '[%s]\\n' $STAGE $LABEL
                $ echo "$BB"
                ```

                ## Mitigation

                ```console
                $ export RESULT="$(touch fix-ran; echo restarted)"
                ```

                ## Verification

                ```console
                $ echo "restart said: $RESULT"
                ```
                """)
        #expect(!FileManager.default.fileExists(atPath: folder + "/pwned"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/fix-ran"), "\(output)")
        #expect(items.count == 4, "\(items)")
        #expect(items[0].status == .unsafe && items[0].note?.contains("$OC") == true, "\(items[0])")
        #expect(items[1].lines == ["[two]", "[stage-one]"], "\(items[1])")
        // BB is computed from the value of XX, then expanded: the value could split there, so it is refused.
        #expect(items[2].status == .unsafe && items[2].note?.contains("$XX stands in $BB") == true, "\(items[2])")
        // The fixing step's variable is not set up for the evidence: it is asked for instead.
        #expect(items[3].status == .skippedMissingVariables && items[3].missing == ["RESULT"], "\(items[3])")
        #expect(output.contains("Not run as evidence: 1 command under Mitigation"), "\(output)")
    }
}
