import Foundation
import Testing

@testable import IncidentKit

/// Dry runs, overrides and runbook changes seen by resume, with the real binary and real children.
@Suite struct TriageOptionsTests {
    static let answers = [
        "service=shop", "env=production", "impact=some users", "error_text=502",
        "upstream=127.0.0.1:9", "public_url=http://127.0.0.1:9", "error_log=/nonexistent.log",
    ].flatMap { ["--set", $0] }

    /// A copy of the default library that a test may change.
    static func libraryCopy() throws -> String {
        let root = try Scratch.folder("library")
        for folder in ["runbooks", "forms", "checklists", "workflows", "gates", "artifacts"] {
            try FileManager.default.copyItem(atPath: Paths.packageRoot + "/" + folder, toPath: root + "/" + folder)
        }
        return root
    }

    @Test func withoutYesNothingRunsUnattended() throws {
        let folder = try Scratch.folder("no-yes")
        let run = Processes.runIncident(
            ["triage", "502", "--no-input", "--library", Paths.packageRoot, "--out", folder + "/incidents"]
                + Self.answers, directory: folder)
        #expect(run.status == 1, "\(run.errors)")
        let store = IncidentStore(root: folder + "/incidents")
        let record = try store.load(try #require(store.ids().first))
        #expect(!record.evidence.contains { $0.status == .ran })
        #expect(record.actions.allSatisfy { $0.decision != .ran })
        let gates = try #require(record.gateRuns.last)
        #expect(!gates.results.isEmpty)
        #expect(gates.results.allSatisfy { $0.status == .unknown })
        #expect(gates.results.contains { $0.detail == "not run: not confirmed (pass --yes to run the gate checks)" })
        #expect(run.output.contains("Not mitigated: a required gate could not be checked."))
        #expect(record.mitigatedAt == nil)
    }

    @Test func givenAnswersAreCheckedAsTypedOnesAre() throws {
        let folder = try Scratch.folder("given")
        func triage(_ extra: [String]) -> (status: Int32, output: String, errors: String) {
            Processes.runIncident(
                [
                    "triage", "502", "--no-input", "--dry-run", "--library", Paths.packageRoot, "--out",
                    folder + "/incidents",
                ]
                    + Self.answers + extra, directory: folder)
        }
        let wrong = triage(["--set", "env=qa"])
        #expect(wrong.status == 64)
        #expect(
            wrong.errors.contains(
                "--set env=qa: 'qa' is not one of dev, staging, production, unknown (the choices of 2) ENV (dev/staging/production/unknown))"
            ), "\(wrong.errors)")
        let empty = triage(["--set", "impact= "])
        #expect(empty.status == 64)
        #expect(empty.errors.contains("--set impact= is empty, but 7) Impact (users affected?) needs an answer"))
        let typo = triage(["--set", "env=prod", "--set", "upstrem=10.0.0.5:8080"])
        #expect(typo.status == 0, "\(typo.errors)")
        #expect(
            typo.errors.contains(
                "warning: 'upstrem' (given with --set or --answers) is not a field of the form nor a variable of this "
                    + "route's commands; check its spelling"
            ))
        #expect(!typo.errors.contains("--set upstream="))
        let store = IncidentStore(root: folder + "/incidents")
        let id = try #require(store.ids().last)
        #expect(try store.load(id).answers["env"] == "production")
        let given = store.timeline(id).filter { $0.kind == "answer" && $0.data["how"] == "given" }
        #expect(given.contains { $0.message == "env: production" })
        #expect(store.ids().count == 1, "refused runs open no incident")
    }

    @Test func dryRunShowsEveryCommandAndRunsNone() throws {
        let folder = try Scratch.folder("dry-run")
        let run = Processes.runIncident(
            [
                "triage", "502", "--no-input", "--yes", "--yes-mutating", "--dry-run", "--library", Paths.packageRoot,
                "--out", folder + "/incidents",
            ] + Self.answers, directory: folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("$ curl -sS -m 5 -I \"http://\"'127.0.0.1:9'/ 2>&1"))
        #expect(run.output.contains("Dry run: nothing was run."))
        let store = IncidentStore(root: folder + "/incidents")
        let record = try store.load(try #require(store.ids().first))
        #expect(record.dryRun)
        #expect(!record.evidence.contains { $0.status == .ran })
        #expect(record.evidence.contains { $0.status == .dryRun })
        #expect(record.actions.allSatisfy { $0.decision != .ran })
        #expect(record.gateRuns.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: store.folder(record.id) + "/evidence"))
    }

    @Test func overrideCallsItMitigatedAndRecordsWhy() throws {
        let folder = try Scratch.folder("override")
        let run = Processes.runIncident(
            [
                "triage", "502", "--no-input", "--yes", "--library", Paths.packageRoot, "--out", folder + "/incidents",
                "--override", "upstream moved; gates point at the old address",
            ] + Self.answers, directory: folder)
        #expect(run.status == 0, "\(run.output)\n\(run.errors)")
        let store = IncidentStore(root: folder + "/incidents")
        let record = try store.load(try #require(store.ids().first))
        #expect(record.gateRuns.last?.passed == false)
        #expect(record.override == "upstream moved; gates point at the old address")
        #expect(record.mitigatedAt != nil)
        #expect(store.timeline(record.id).contains { $0.kind == "mitigated" && $0.data["override"] != nil })
        let report = try String(contentsOfFile: store.folder(record.id) + "/incident_report.md", encoding: .utf8)
        #expect(report.contains("upstream moved; gates point at the old address"))
    }

    @Test func resumeWarnsAboutRunbooksChangedSinceTheIncidentOpened() throws {
        let library = try Self.libraryCopy()
        let folder = try Scratch.folder("changed")
        let first = Processes.runIncident(
            ["triage", "502", "--no-input", "--yes", "--library", library, "--out", folder + "/incidents"]
                + Self.answers,
            directory: folder)
        #expect(first.status == 1)
        let checklist = library + "/checklists/NGINX_502_EVIDENCE.md"
        try (String(contentsOfFile: checklist, encoding: .utf8) + "\n<!-- edited during the incident -->\n").write(
            toFile: checklist, atomically: true, encoding: .utf8)
        let store = IncidentStore(root: folder + "/incidents")
        let id = try #require(store.ids().first)
        let resumed = Processes.runIncident(
            ["resume", id, "--no-input", "--yes", "--out", folder + "/incidents"], directory: folder)
        #expect(resumed.errors.contains("warning: checklists/NGINX_502_EVIDENCE.md changed since \(id) opened"))
        #expect(!resumed.errors.contains("workflows/nginx_502_504.md changed"))
    }

    /// A file the route's flow links to that is gone (a deleted workflow) is named, not passed over.
    @Test func aMissingLinkedFileIsNamed() throws {
        let folder = try Scratch.folder("missing-link")
        for name in ["runbooks", "forms", "checklists", "workflows", "gates", "artifacts"] {
            try FileManager.default.copyItem(atPath: Paths.packageRoot + "/" + name, toPath: folder + "/" + name)
        }
        try FileManager.default.removeItem(atPath: folder + "/workflows/nginx_502_504.md")
        let run = Processes.runIncident(
            [
                "triage", "502", "--no-input", "--dry-run", "--library", folder, "--out", folder + "/incidents",
                "--set",
                "service=shop", "--set", "env=staging", "--set", "impact=x", "--set", "error_text=y",
            ], directory: folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(
            run.errors.contains(
                "warning: runbooks/INCIDENT_TRIAGE.md:63 links to ../workflows/nginx_502_504.md, which is not in the "
                    + "library; going on without it ('incident lint' lists every such link)"), "\(run.errors)")
    }

    @Test func aCollectionWithoutIndexGatesOrTemplateIsNeverCalledMitigated() throws {
        let folder = try Scratch.folder("corpus")
        let run = Processes.runIncident(
            [
                "triage", "pods keep restarting", "--no-input", "--yes", "--library", Paths.prometheusCorpus, "--out",
                folder + "/incidents",
            ], directory: folder)
        #expect(run.status == 1, "\(run.output)\n\(run.errors)")
        // Confident, but a near tie: without input the best match is taken, with a warning.
        #expect(
            run.errors.contains(
                "warning: near tie with \"AlertmanagerClusterCrashlooping\" "
                    + "(content/runbooks/alertmanager/AlertmanagerClusterCrashlooping.md); took the best match"),
            "\(run.errors)")
        #expect(run.output.contains("The library has no quality gates"))
        let store = IncidentStore(root: folder + "/incidents")
        let record = try store.load(try #require(store.ids().first))
        #expect(record.route.title == "KubePodCrashLooping")
        #expect(record.mitigatedAt == nil)
        // The report comes from the built-in template.
        let report = try String(contentsOfFile: store.folder(record.id) + "/incident_report.md", encoding: .utf8)
        #expect(report.hasPrefix("# Incident Report: \(record.id) KubePodCrashLooping"))
    }
}

/// Triage over a collection without an index, forms or workflows: the runbook itself is the guide.
@Suite struct IndexlessTriageTests {
    @Test func theRoutedRunbookIsShownWhenThereIsNoWorkflow() throws {
        let folder = try Scratch.folder("indexless")
        let run = Processes.runIncident(
            [
                "triage", "pods keep restarting", "--no-input", "--dry-run", "--library", Paths.prometheusCorpus,
                "--out", folder + "/incidents",
            ], directory: folder)
        #expect(run.status == 0, "\(run.errors)")
        let path = "content/runbooks/kubernetes/KubePodCrashLooping.md"
        #expect(run.output.contains("== Runbook (\(path))\n  ## Meaning\n\n  Pod is in CrashLoop"))
        #expect(run.output.contains("  - Check pod events via `kubectl -n $NAMESPACE describe pod $POD`.\n"))
        #expect(run.output.contains("No evidence commands: the route's checklists and runbooks have no shell blocks."))
        #expect(run.output.contains("No evidence command ran, so there is nothing to match."))
        #expect(!run.output.contains("Read the outputs in"))
        let store = IncidentStore(root: folder + "/incidents")
        let id = try #require(store.ids().first)
        #expect(store.timeline(id).contains { $0.kind == "runbook" && $0.data["path"] == path })
    }

    /// A runbook that is its own checklist gives its Diagnosis commands as evidence, never those of its
    /// Mitigation section (`etcdctl defrag` in the corpus), and says how many it left to the responder.
    @Test func aRunbooksFixingStepsAreNotEvidence() throws {
        let (folder, library) = try Processes.runbookLibrary(
            "EtcdSpaceLow",
            markdown: """
                # EtcdSpaceLow

                ## Meaning

                The etcd database is close to its quota.

                ## Diagnosis

                ```shell
                echo diagnosis-ran
                ```

                ## Mitigation

                ### Defragment

                ```shell
                echo mitigation-ran
                ```

                ```shell
                echo mitigation-ran-again
                ```

                ## Verification

                ```shell
                echo verification-ran
                ```
                """)
        let run = Processes.runIncident(
            [
                "triage", "EtcdSpaceLow", "--no-input", "--yes", "--library", library, "--out", folder + "/incidents",
            ], directory: folder, environment: ["XDG_CACHE_HOME": folder + "/cache"])
        #expect(
            run.output.contains(
                "  Not run as evidence: 2 commands under Mitigation, which fix rather than look (see the runbook below).\n"
            ),
            "\(run.output)")
        let store = IncidentStore(root: folder + "/incidents")
        let record = try store.load(try #require(store.ids().first))
        #expect(record.evidence.map(\.command) == ["echo diagnosis-ran", "echo verification-ran"])
        #expect(record.evidence.allSatisfy { $0.status == .ran })
    }

    /// A `<name>` the runbook leaves to fill in is asked for like any variable, and reaches the command
    /// as one quoted word.
    @Test func anAngleBracketPlaceholderIsFilledFromSet() throws {
        let (folder, library) = try Processes.runbookLibrary(
            "PodDown", markdown: "# PodDown\n\n## Diagnosis\n\n```shell\necho pod=<POD_NAME>\n```\n")
        func triage(_ extra: [String]) throws -> EvidenceItem {
            let out = folder + "/incidents-\(extra.count)"
            let run = Processes.runIncident(
                ["triage", "PodDown", "--no-input", "--yes", "--library", library, "--out", out] + extra,
                directory: folder, environment: ["XDG_CACHE_HOME": folder + "/cache"])
            #expect(run.status != 64, "\(run.errors)")
            let store = IncidentStore(root: out)
            let id = try #require(store.ids().first)
            return try #require(try store.load(id).evidence.first)
        }
        let missing = try triage([])
        #expect(missing.status == .skippedMissingVariables && missing.missing == ["POD_NAME"])
        let filled = try triage(["--set", "POD_NAME=api-0; touch pwned"])
        #expect(filled.status == .ran && filled.lines == ["pod=api-0; touch pwned"], "\(filled)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/pwned"))
    }

    @Test func anExcerptStartsAtTheFirstSectionAndSaysWhatIsLeft() {
        let text =
            "---\ntitle: X\n---\n# X\n\nbadge\n\n## Meaning\n\n\n\nOne.  \n## Fix\n"
            + (1...50).map { "step \($0)" }
            .joined(separator: "\n") + "\n\n"
        let excerpt = TriageSession.excerpt(of: text, limit: 6)
        #expect(excerpt.lines == ["## Meaning", "", "One.", "## Fix", "step 1", "step 2"])
        #expect(excerpt.more == 48)
    }

    @Test func controlCharactersAreShownNotObeyed() {
        #expect(TerminalText.printable("502 \u{1B}]0;pwned\u{07}\u{1B}[2J ok\t\n") == "502 ^[]0;pwned^G^[[2J ok\t\n")
        #expect(TerminalText.printable("del\u{7F} c1\u{9B}31m") == "del^? c1?31m")
        #expect(TerminalText.printable("plain é 日本") == "plain é 日本")
    }
}

/// Output piped into a reader that stops early (`| head`) does not cut the run short.
@Suite struct ClosedOutputTests {
    @Test func aClosedPipeDoesNotKillTheRunHalfway() throws {
        let folder = try Scratch.folder("closed-pipe")
        let triage = Processes.shell(
            [
                Processes.incident, "triage", "502", "--no-input", "--yes", "--library", Paths.packageRoot, "--out",
                folder + "/incidents",
            ] + TriageOptionsTests.answers)
        // `head -n 1` exits after the first line; the triage goes on writing into the closed pipe.
        let run = Processes.sh("{ NO_COLOR=1 \(triage); echo $? >rc; } | head -n 1", directory: folder)
        #expect(run.output == "Symptom: 502\n")
        let status = try String(contentsOfFile: folder + "/rc", encoding: .utf8)
        #expect(status == "1\n", "gates fail as in any run, not 141 from SIGPIPE")
        let store = IncidentStore(root: folder + "/incidents")
        let record = try store.load(try #require(store.ids().first))
        #expect(record.phase == .gates)
        #expect(record.reportPath != nil)
    }
}
