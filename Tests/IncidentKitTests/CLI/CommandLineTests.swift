import Foundation
import Testing

@testable import IncidentKit

@Suite struct CommandLineTests {
    private func run(_ arguments: [String], environment: [String: String] = [:]) -> (Int32, String, String) {
        let console = CapturingConsole()
        let context = CommandContext(console: console, environment: environment, currentDirectory: Paths.packageRoot)
        let status = IncidentCLI(context: context).run(arguments)
        return (status, console.output, console.errors)
    }

    @Test func helpAndVersionGoToStandardOutput() {
        let (status, output, errors) = run(["--help"])
        #expect(status == 0)
        #expect(output.contains("incident route SYMPTOM [--library DIR] [--top N] [--json]"))
        #expect(output.contains("incident lint [--library DIR] [--json]"))
        #expect(errors.isEmpty)
        #expect(run(["--version"]).1 == "incident \(IncidentVersion.current)\n")
    }

    @Test(arguments: [["help", "route"], ["route", "--help"], ["route", "-h"]])
    func commandHelp(arguments: [String]) {
        let (status, output, _) = run(arguments)
        #expect(status == 0)
        #expect(output.hasPrefix("Usage: incident route SYMPTOM [--library DIR] [--top N] [--json]\n"))
        #expect(output.contains("--top N"))
        #expect(output.contains("incident route -- \"-bash: fork: retry: Resource temporarily unavailable\""))
    }

    /// A result that could not be written (a full disk, a closed descriptor) is a failure a script sees;
    /// the whole process is run, since only the executable turns the failed write into its status.
    @Test func outputThatCannotBeWrittenExitsOneWithTheReason() {
        let route = Processes.shell([Processes.incident, "route", "502", "--json", "--library", Paths.packageRoot])
        let full = Processes.sh(route + " >/dev/full")
        #expect(full.status == 1)
        #expect(full.errors == "incident: error: could not write the output: No space left on device\n")
        let closed = Processes.sh(route + " >&-")
        #expect(closed.status == 1)
        #expect(closed.errors == "incident: error: could not write the output: Bad file descriptor\n")
        let written = Processes.sh(route)
        #expect(written.status == 0)
        #expect(written.output.hasPrefix("{"))
        #expect(written.errors.isEmpty)
    }

    @Test func aLongPasteIsEchoedCutButRoutedWhole() {
        let paste = String(repeating: "lorem ipsum dolor sit amet ", count: 400)
        let (status, output, _) = run(["route", paste])
        #expect(status == 0)
        let header = String(output.prefix { $0 != "\n" })
        #expect(header.hasPrefix("No confident match for \"lorem ipsum dolor"))
        #expect(header.hasSuffix("… (\(paste.trimmed.count) characters)\"."))
        #expect(header.count < 260)
        let (_, json, _) = run(["route", paste, "--json"])
        #expect(json.contains(paste.trimmed))
    }

    @Test func anOptionValueWithSpacesIsAValue() throws {
        let folder = try Scratch.folder("library with spaces")
        try FileManager.default.createDirectory(atPath: folder + "/alerts", withIntermediateDirectories: true)
        try "# Disk full\n\n## Meaning\n\nA disk is full.\n".write(
            toFile: folder + "/alerts/DiskFull.md", atomically: false, encoding: .utf8)
        let (status, output, errors) = run(["route", "disk full", "--library=\(folder)"])
        #expect(status == 0, "\(errors)")
        #expect(output.contains("alerts/DiskFull.md:1"))
        let (unknown, _, message) = run(["route", "disk full", "--bash: fork failed"])
        #expect(unknown == 64)
        #expect(message.hasPrefix("incident: error: unknown option '--bash: fork failed'; an argument that starts"))
    }

    @Test func controlCharactersAreNeutralisedOnTheTerminalAndKeptInJSON() throws {
        let typed = "printer \u{1B}[31mjams\u{7}"
        let (status, output, _) = run(["route", typed])
        #expect(status == 0)
        #expect(!output.contains("\u{1B}") && !output.contains("\u{7}"))
        let (_, json, _) = run(["route", typed, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["symptom"] as? String == typed)
        #expect(json.contains("\\u001b"))
    }

    @Test func aRunbookCannotSendControlCharactersToTheTerminal() throws {
        let root = try Scratch.folder("escape-title")
        try FileManager.default.createDirectory(atPath: root + "/alerts", withIntermediateDirectories: true)
        try "# Disk \u{1B}[2J\u{1B}]0;owned\u{7}full\n\n## Meaning\n\nThe disk \u{1B}[31mis full.\n".write(
            toFile: root + "/alerts/Disk\u{1B}[5mFull.md", atomically: false, encoding: .utf8)
        for arguments in [["route", "disk full"], ["route", "full disk", "--top", "1"]] {
            let (status, output, errors) = run(arguments + ["--library", root])
            #expect(status == 0, "\(errors)")
            #expect(output.contains("Disk ^[[2J^[]0;owned^Gfull"))
            #expect(!output.contains("\u{1B}") && !output.contains("\u{7}"), "\(output)")
        }
    }

    @Test func aSymptomThatStartsWithADashGoesAfterTheDoubleDash() {
        let (status, output, errors) = run(["route", "--", "-bash: fork: retry: Resource temporarily unavailable"])
        #expect(status == 0)
        #expect(output.contains("No confident match for \"-bash: fork: retry: Resource temporarily unavailable\"."))
        #expect(errors.isEmpty)
    }

    /// An option of the command written after `--` is refused rather than read as symptom text: a
    /// `--dry-run` there would otherwise leave the run real. Other dashed words after `--` stay text.
    @Test func anOptionAfterTheDoubleDashIsRefused() throws {
        let folder = try Scratch.folder("after-dashes")
        let (status, output, errors) = run(
            ["triage", "--no-input", "--out", folder, "--", "-x 502", "--dry-run"])
        #expect(status == 64)
        #expect(output.isEmpty)
        #expect(
            errors.hasPrefix(
                "incident: error: '--dry-run' comes after --, where it would be read as text, not as an option; "
                    + "put the options before --"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty, "no incident was opened")
        #expect(run(["route", "--top=2", "--", "-x", "--top=3"]).0 == 64)
        let (pasted, json, _) = run(["route", "--json", "--", "-x 502", "--not-an-option"])
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(pasted == 0 && object?["symptom"] as? String == "-x 502 --not-an-option", "\(json)")
    }

    @Test func unknownCommandExits64WithReasonAndUsage() {
        let (status, output, errors) = run(["frobnicate"])
        #expect(status == 64)
        #expect(output.isEmpty)
        #expect(errors.hasPrefix("incident: error: unknown command 'frobnicate'\nUsage:\n  incident triage SYMPTOM"))
        #expect(errors.contains("\n  incident route SYMPTOM [--library DIR] [--top N] [--json]\n"))
    }

    /// A typing slip names the command meant; `help --help` is help, and `--version` takes nothing.
    @Test func slipsAndStrayArguments() {
        #expect(
            run(["triag", "502"]).2.hasPrefix("incident: error: unknown command 'triag'; did you mean 'triage'?\n")
        )
        #expect(
            run(["help", "resovle"]).2.hasPrefix(
                "incident: error: unknown command 'resovle'; did you mean 'resolve'?\n"))
        #expect(run(["zzz"]).2.hasPrefix("incident: error: unknown command 'zzz'\n"))
        let help = run(["help", "--help"])
        #expect(help.0 == 0 && help.1.hasPrefix("incident "))
        let version = run(["--version", "extra"])
        #expect(version.0 == 64 && version.2.contains("--version takes no argument ('extra')"))
    }

    @Test(arguments: [
        (
            ["route", "502", "--bogus"],
            "incident: error: unknown option '--bogus'\nUsage: incident route SYMPTOM [--library DIR] [--top N] [--json]\nRun 'incident help route' for details.\n"
        ),
        (
            ["route", "-bash: fork: retry: Resource temporarily unavailable"],
            "incident: error: unknown option '-bash: fork: retry: Resource temporarily unavailable'; an argument that starts with '-' goes after --\nUsage: incident route SYMPTOM [--library DIR] [--top N] [--json]\nRun 'incident help route' for details.\n"
        ),
        (
            ["route", "502", "--library", ""],
            "incident: error: --library needs a folder, not an empty value\nUsage: incident route SYMPTOM [--library DIR] [--top N] [--json]\nRun 'incident help route' for details.\n"
        ),
        (
            ["route", "502", "--top", "zero"],
            "incident: error: --top needs a whole number of at least 1, not 'zero'\nUsage: incident route SYMPTOM [--library DIR] [--top N] [--json]\nRun 'incident help route' for details.\n"
        ),
        (
            ["route"],
            "incident: error: missing SYMPTOM\nUsage: incident route SYMPTOM [--library DIR] [--top N] [--json]\nRun 'incident help route' for details.\n"
        ),
        (
            ["route", "502", "--top"],
            "incident: error: option '--top' needs a value (N)\nUsage: incident route SYMPTOM [--library DIR] [--top N] [--json]\nRun 'incident help route' for details.\n"
        ),
        (
            ["lint", "--json=yes"],
            "incident: error: option '--json' takes no value\nUsage: incident lint [--library DIR] [--json]\nRun 'incident help lint' for details.\n"
        ),
        (
            ["route", "x", "--library", "/nonexistent/lib"],
            "incident: error: --library '/nonexistent/lib' is not a folder\nUsage: incident route SYMPTOM [--library DIR] [--top N] [--json]\nRun 'incident help route' for details.\n"
        ),
    ])
    func badUsageExits64(arguments: [String], expected: String) {
        let (status, output, errors) = run(arguments)
        #expect(status == 64)
        #expect(output.isEmpty)
        #expect(errors == expected)
    }

    @Test func badValuesSayWhatIsExpected() throws {
        let (timeoutStatus, _, timeoutErrors) = run(["triage", "502", "--timeout", "0", "--no-input"])
        #expect(timeoutStatus == 64)
        #expect(
            timeoutErrors.hasPrefix(
                "incident: error: --timeout needs a number of seconds above 0 and at most 86400, not '0'\n"))
        let folder = try Scratch.folder("answers")
        #expect(FileManager.default.createFile(atPath: folder + "/a.json", contents: Data(#"{"env": "#.utf8)))
        let (answersStatus, _, answersErrors) = run(["triage", "502", "--answers", folder + "/a.json", "--no-input"])
        #expect(answersStatus == 64)
        // The parser's own words (Foundation's differ between Linux and macOS), not a generic sentence.
        #expect(answersErrors.hasPrefix("incident: error: --answers file '\(folder)/a.json' is not valid JSON: "))
        #expect(answersErrors.contains("end of file"))
        #expect(!answersErrors.contains("Usage:"), "a bad file is no misuse of the command line")
        // Where Foundation names a character, the error names the line of the file.
        #expect(
            FileManager.default.createFile(
                atPath: folder + "/b.json", contents: Data("{\n  \"env\": \"prod\",\n  \"impact\": ,\n}\n".utf8)))
        let (_, _, lineErrors) = run(["triage", "502", "--answers", folder + "/b.json", "--no-input"])
        #expect(lineErrors.hasPrefix("incident: error: \(folder)/b.json:3: not valid JSON ("), "\(lineErrors)")
        let (helpStatus, help, _) = run(["help", "help"])
        #expect(helpStatus == 0)
        #expect(help.hasPrefix("incident"))
        #expect(help == run(["--help"]).1)
    }

    @Test func routePrintsTheBestRouteAndWhy() {
        let (status, output, _) = run(["route", "502"])
        #expect(status == 0)
        #expect(output.hasPrefix("Nginx 502 / 504 bad gateway (confident match)\n"))
        #expect(
            output.contains(
                "routes to: runbooks/INCIDENT_TRIAGE.md, checklists/NGINX_502_EVIDENCE.md, workflows/nginx_502_504.md"))
        #expect(output.contains("why: keyword \"502\" (runbooks/00_INDEX.md:"))
    }

    @Test func routeWithoutAnyMatchSaysSoPlainly() {
        let (status, output, _) = run(
            ["route", "printer on floor three jams", "--library", Paths.prometheusCorpus],
            environment: ["NO_COLOR": "1"])
        #expect(status == 0)
        #expect(
            output == """
                No confident match for "printer on floor three jams".
                This library has no generic triage flow.
                No route shares a word with the symptom.

                """)
    }

    /// The usage line of every command names each option its --help lists, and no other: the top-level
    /// help is made of these lines.
    @Test func everyUsageLineNamesTheOptionsOfItsCommand() {
        for command in IncidentCLI.commands {
            let named = Set(
                command.synopsis.split(whereSeparator: { " []".contains($0) }).filter { $0.hasPrefix("--") }.map {
                    String($0.dropFirst(2))
                })
            let listed = Set(command.options.map(\.name).filter { $0 != "help" })
            #expect(named == listed, "\(command.name): usage names \(named.sorted()), --help lists \(listed.sorted())")
        }
    }

    @Test func lintOfAFolderWithoutMarkdownIsAnError() throws {
        let empty = try Scratch.folder("empty-library")
        let (status, output, errors) = run(["lint", "--library", empty])
        #expect(status == 1)
        #expect(output.isEmpty)
        #expect(errors == "incident: error: no markdown files in '\(empty)': point --library at the runbook folder\n")
    }

    /// A link to a runbook that is gone, or a FIFO named `.md`, is not silently missing from the library:
    /// lint says so, and route warns as it routes the rest.
    @Test func entriesThatAreNotFilesAreReportedByLint() throws {
        let library = try Scratch.folder("left-out")
        #expect(
            FileManager.default.createFile(
                atPath: library + "/DiskFull.md", contents: Data("# Disk full\n\nThe disk is full.\n".utf8)))
        try FileManager.default.createSymbolicLink(
            atPath: library + "/Gone.md", withDestinationPath: library + "/moved/Gone.md")
        #expect(mkfifo(library + "/Pipe.md", 0o600) == 0)
        let (status, output, errors) = run(["lint", "--library", library])
        #expect(status == 0, "\(errors)")
        #expect(
            output.contains(
                "Gone.md:1: warning: a link to a file that is not there, so it is left out; fix the link or remove it"))
        #expect(
            output.contains(
                "Pipe.md:1: warning: not a regular file (a FIFO, socket or device), so it is left out; remove it or "
                    + "rename it"))
        #expect(errors.hasSuffix("1 file checked: 0 errors, 2 warnings\n"), "\(errors)")
        let (routed, routes, warnings) = run(["route", "disk full", "--library", library])
        #expect(routed == 0)
        #expect(routes.contains("DiskFull"))
        #expect(
            warnings.contains(
                "warning: Gone.md: a link to a file that is not there, so it is left out; fix the link or remove it\n"))
        #expect(warnings.contains("warning: Pipe.md: not a regular file (a FIFO, socket or device)"))
        // From the route cache too, which is kept all the same.
        let cache = try Scratch.folder("left-out-cache")
        for _ in 0..<2 {
            let (_, cached, again) = run(
                ["route", "the disk is full", "--library", library], environment: ["XDG_CACHE_HOME": cache])
            #expect(cached.contains("DiskFull"))
            #expect(again.contains("warning: Gone.md: a link to a file that is not there"))
        }
        #expect(FileSystem.files(under: cache, suffix: "").count == 1, "one route cache written")
    }

    @Test func hugoReferencesAreLinksToTheirPage() throws {
        let (status, output, errors) = run(["lint", "--library", Paths.prometheusCorpus])
        #expect(status == 1, "the corpus has one real unterminated fence")
        #expect(errors.hasSuffix("108 files checked: 1 error, 3 warnings\n"), "no '{{<' link reported missing")
        // A placeholder twice in one command, for two reasons: one warning that gives both.
        #expect(
            output.contains(
                "KubePersistentVolumeFillingUp.md:98: warning: <my-namespace> stands in a command with backticks, "
                    + "which sh and bash read differently, and inside backticks (use $(...)), where its value could "
                    + "run as code; the command will be refused\n"))
        #expect(output.components(separatedBy: "KubePersistentVolumeFillingUp.md:98:").count == 2)
        // The warnings: `<my-pvc>` left to fill in, inside backticks, where the tool will not fill it.
        #expect(!output.contains("missing file") && !output.contains("incidentplaceholder"))
        #expect(
            output.contains(
                "content/runbooks/kubernetes/KubePersistentVolumeFillingUp.md:70: warning: <my-pvc> stands inside "
                    + "backticks (use $(...)), where its value could run as code; the command will be refused"))
        let links = Inline.links(
            in: #"See [Node RAID Degraded]({{< ref "./NodeRAIDDegraded.md" >}}) and [x](y.md "t")"#)
        #expect(links.map(\.destination) == ["./NodeRAIDDegraded.md", "y.md"])
    }

    @Test func routeNamesTheGenericFlowTriageWouldFollow() throws {
        // Routing reads only the index; the generic flow beside it is still found, as triage finds it.
        let (status, output, _) = run(
            ["route", "kafka consumer lag", "--json", "--library", Paths.packageRoot], environment: ["NO_COLOR": "1"])
        #expect(status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(object["confident"] as? Bool == false)
        #expect(object["fallback"] as? String == "runbooks/INCIDENT_TRIAGE.md")
    }

    @Test func routeFindsTheLibraryFromTheEnvironment() {
        let (status, output, _) = run(
            ["route", "pods keep restarting", "--json"], environment: ["INCIDENT_LIBRARY": Paths.prometheusCorpus])
        #expect(status == 0)
        #expect(output.contains("\"file\": \"content/runbooks/kubernetes/KubePodCrashLooping.md\""))
    }

    @Test func lintExitsOneOnErrorsAndZeroWhenClean() {
        let (clean, _, summary) = run(["lint"])
        #expect(clean == 0)
        #expect(summary.contains("0 errors, 0 warnings"))
        let (broken, output, _) = run(["lint", "--library", Paths.fixtures + "/broken-library"])
        #expect(broken == 1)
        #expect(output.contains("runbooks/DISK.md:6: error: unterminated code fence: '```' is never closed\n"))
    }

    /// Lint names files from the folder it runs in, as compilers do, so that `path:line` opens as printed.
    @Test func lintPathsAreFromTheCurrentFolder() throws {
        #expect(LibraryPath.relative("/w/main/runbooks/x.md", from: "/w/main") == "runbooks/x.md")
        #expect(LibraryPath.relative("/w/shared/corpora/a/x.md", from: "/w/main") == "../shared/corpora/a/x.md")
        #expect(LibraryPath.relative("/w/lib/x.md", from: "/w/main/deep/er") == "/w/lib/x.md")
        #expect(LibraryPath.relative("/x.md", from: "/") == "x.md")
        let folder = try Scratch.folder("lint-paths")
        try FileManager.default.createDirectory(atPath: folder + "/work", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Paths.fixtures + "/broken-library", toPath: folder + "/broken")
        let lint = Processes.runIncident(["lint", "--library", "../broken"], directory: folder + "/work")
        #expect(lint.status == 1)
        let lines = lint.output.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("../broken/runbooks/DISK.md:6: error: unterminated code fence") })
        #expect(lines.allSatisfy { $0.hasPrefix("../broken/") }, "\(lint.output)")
    }

    @Test func lintJSON() throws {
        let (status, output, _) = run(["lint", "--json", "--library", Paths.fixtures + "/broken-library"])
        #expect(status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 13)
        #expect((object["diagnostics"] as? [[String: Any]])?.count == 23)
    }

    @Test func argumentParserAcceptsEqualsRepeatsAndDoubleDash() throws {
        let parser = ArgumentParser(options: [.value("set", "K=V", "", repeatable: true), .flag("yes", "")])
        let parsed = try parser.parse(["--set=a=1", "--set", "b=2", "--yes", "--", "--not-a-flag"])
        #expect(parsed.all("set") == ["a=1", "b=2"])
        #expect(parsed.flag("yes"))
        #expect(parsed.positionals == ["--not-a-flag"])
    }
}

@Suite struct TriageCommandLineTests {
    @Test func withoutATerminalMissingAnswersStopBeforeAnIncidentIsOpened() throws {
        let folder = try Scratch.folder("no-input")
        let console = CapturingConsole()
        let context = CommandContext(console: console, environment: [:], currentDirectory: folder)
        let status = IncidentCLI(context: context).run(["triage", "502", "--no-input", "--library", Paths.packageRoot])
        #expect(status == 64)
        #expect(console.errors.contains("  1) App/Service name: --set service=VALUE\n"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/incidents"))
    }

    /// On a real terminal (a pty made by `script`), `--json` asks its questions on standard error: what
    /// is typed is answered, and standard output holds the JSON alone.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script"))
    func withJSONTheQuestionsGoToTheTerminalAndNotIntoTheJSON() throws {
        let folder = try Scratch.folder("json-pty")
        let sets = ["service=shop", "env=production", "error_text=502 Bad Gateway"].flatMap { ["--set", $0] }
        let triage =
            ([
                Processes.incident, "triage", "502", "--json", "--dry-run", "--library", Paths.packageRoot, "--out",
                folder + "/incidents",
            ] + sets).map(ShellQuote.word).joined(separator: " ")
        let answers = folder + "/answers.txt"
        // When it started and the last change take their defaults; then the impact; then no links.
        try "\n\nAll users\n\n\n\n".write(toFile: answers, atomically: true, encoding: .utf8)
        let inner = "NO_COLOR=1 \(triage) > \(ShellQuote.word(folder + "/out.json"))"
        let run = Processes.sh(
            "script -qec \(ShellQuote.word(inner)) /dev/null < \(ShellQuote.word(answers))", directory: folder)
        #expect(run.output.contains("Impact"), "the question shows on the terminal\n\(run.output)")
        let json = try #require(FileManager.default.contents(atPath: folder + "/out.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any], "\(run.output)")
        let answersGiven = try #require(object["answers"] as? [String: Any], "\(object.keys)")
        #expect(answersGiven["impact"] as? String == "All users")
    }

    /// A severity the table does not have is a usage error before any incident is opened.
    @Test func anUnknownSeverityOpensNoIncident() throws {
        let folder = try Scratch.folder("bad-severity")
        let console = CapturingConsole()
        let context = CommandContext(console: console, environment: [:], currentDirectory: folder)
        let sets = ["service=shop", "env=prod", "impact=some users", "error_text=x", "severity=SEV9"]
        let status = IncidentCLI(context: context).run(
            ["triage", "502", "--no-input", "--library", Paths.packageRoot] + sets.flatMap { ["--set", $0] })
        #expect(status == 64)
        #expect(console.errors.contains("--set severity=SEV9: the severity table"), "\(console.errors)")
        #expect(console.errors.contains("(it has SEV1, SEV2, SEV3, SEV4)"), "\(console.errors)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/incidents"))
    }

    /// A checklist the index routes to but the library lacks is named at triage time, not only by lint.
    @Test func aMissingRouteTargetIsNamedWhenTriaging() throws {
        let folder = try Scratch.folder("missing-target")
        for name in ["runbooks", "forms", "checklists", "workflows", "gates", "artifacts"] {
            try FileManager.default.copyItem(atPath: Paths.packageRoot + "/" + name, toPath: folder + "/" + name)
        }
        try FileManager.default.removeItem(atPath: folder + "/checklists/NGINX_502_EVIDENCE.md")
        // And a workflow whose steps are not headed `## Step`: lint's finding is said as the run starts.
        let workflow = folder + "/workflows/nginx_502_504.md"
        try String(contentsOfFile: workflow, encoding: .utf8).replacingOccurrences(of: "## Step", with: "## Stage")
            .write(toFile: workflow, atomically: true, encoding: .utf8)
        // (Out of process: a triage in this one would take SIGINT from the interrupt tests running beside it.)
        let sets = ["service=shop", "env=production", "impact=some users", "error_text=x"]
        let run = Processes.runIncident(
            ["triage", "502", "--no-input", "--dry-run", "--library", folder, "--out", folder + "/incidents"]
                + sets.flatMap { ["--set", $0] }, directory: folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(
            run.errors.contains(
                "warning: runbooks/00_INDEX.md:11: the route names ../checklists/NGINX_502_EVIDENCE.md, which is not "
                    + "in the library"),
            "\(run.errors)")
        #expect(
            run.errors.contains(
                "workflows/nginx_502_504.md:1: warning: workflow has no steps: use '## Step 1: ...' headings\n"),
            "\(run.errors)")
    }

    /// `--library lib/runbooks` (a folder of the library) is warned about, naming the library to pass.
    @Test func aFolderOfTheLibraryIsNamedAsSuch() {
        let console = CapturingConsole()
        let context = CommandContext(console: console, environment: [:], currentDirectory: Paths.packageRoot)
        _ = IncidentCLI(context: context).run(["route", "502", "--library", Paths.packageRoot + "/runbooks"])
        #expect(
            console.errors.contains(
                "warning: \(Paths.packageRoot)/runbooks is a folder of the library at \(Paths.packageRoot); "
                    + "pass --library \(Paths.packageRoot) to use all of it\n"), "\(console.errors)")
        let whole = CapturingConsole()
        _ = IncidentCLI(context: CommandContext(console: whole, environment: [:], currentDirectory: Paths.packageRoot))
            .run(["route", "502", "--library", Paths.packageRoot])
        #expect(!whole.errors.contains("is a folder of the library"))
    }

    /// A bad answer is named where it was given: in the --answers file, or by --set.
    @Test func aBadAnswerNamesWhereItWasGiven() throws {
        let folder = try Scratch.folder("answers-origin")
        let file = folder + "/answers.json"
        try #"{"env": "mars", "service": "shop"}"#.write(toFile: file, atomically: true, encoding: .utf8)
        let console = CapturingConsole()
        let context = CommandContext(console: console, environment: [:], currentDirectory: folder)
        let status = IncidentCLI(context: context).run(
            ["triage", "502", "--no-input", "--library", Paths.packageRoot, "--answers", file])
        #expect(status == 64)
        #expect(console.errors.contains("env in --answers \(file): 'mars' is not one of"), "\(console.errors)")
        let set = CapturingConsole()
        _ = IncidentCLI(context: CommandContext(console: set, environment: [:], currentDirectory: folder)).run(
            ["triage", "502", "--no-input", "--library", Paths.packageRoot, "--answers", file, "--set", "env=venus"])
        #expect(set.errors.contains("--set env=venus: 'venus' is not one of"), "\(set.errors)")
    }

    /// A folder with nothing to route to is a wrong --library (exit 64), as lint says too.
    @Test func routingAnEmptyFolderIsAUsageError() throws {
        let folder = try Scratch.folder("empty-library")
        let console = CapturingConsole()
        let status = IncidentCLI(context: CommandContext(console: console, environment: [:], currentDirectory: folder))
            .run(["route", "502", "--library", folder])
        #expect(status == 64)
        #expect(console.errors.contains("no runbooks in '\(folder)': point --library at the runbook folder"))
    }

    @Test func yesMutatingNeedsYes() {
        let console = CapturingConsole()
        let context = CommandContext(console: console, environment: [:], currentDirectory: Paths.packageRoot)
        #expect(IncidentCLI(context: context).run(["triage", "502", "--yes-mutating"]) == 64)
        #expect(console.errors.hasPrefix("incident: error: --yes-mutating only takes effect together with --yes\n"))
    }

    @Test func unknownIncidentIsAUsageError() throws {
        let console = CapturingConsole()
        let folder = try Scratch.folder("show")
        let context = CommandContext(console: console, environment: [:], currentDirectory: folder)
        #expect(IncidentCLI(context: context).run(["show", "INC-20260101-001"]) == 64)
        #expect(console.errors.contains("no incident 'INC-20260101-001'"))
    }
}

@Suite struct RouteChoiceTests {
    private func nearTie() throws -> RoutingResult {
        let library = try Library.load(root: Paths.packageRoot)
        var result = Router(index: library.index).route("502 gunicorn worker failed to boot", top: 3)
        try #require(result.matches.count >= 2)
        result.confident = true
        result.tied = 3
        return result
    }

    @Test func aTerminalUserPicksFromTheTopThreeOnANearTie() throws {
        let routing = try nearTie()
        let prompter = ScriptedPrompter(["7", "2"])
        let (choice, _) = try TriageCommand.choose(routing, prompter: prompter, console: CapturingConsole())
        #expect(choice.title == routing.matches[1].route.title)
        #expect(choice.warning == nil)
        #expect(prompter.shown.contains("Near tie between routes:"))
        #expect(prompter.shown.contains("Type 1 to \(min(3, routing.matches.count))."))
    }

    /// A third route that scores far below the tied two is not offered.
    @Test func onlyTheRoutesThatTieAreOffered() throws {
        var routing = Router(index: try Library.load(root: Paths.corpora).index).route("etcd members down", top: 3)
        try #require(routing.matches.count == 3)
        routing.confident = true
        routing.tied = 2
        let prompter = ScriptedPrompter(["3", "2"])
        let (choice, _) = try TriageCommand.choose(routing, prompter: prompter, console: CapturingConsole())
        #expect(choice.title == routing.matches[1].route.title)
        #expect(prompter.shown.contains("Type 1 to 2."))
        #expect(prompter.shown.contains { $0.hasPrefix("  2) \(routing.matches[1].route.title)") })
        #expect(!prompter.shown.contains { $0.hasPrefix("  3) ") })
    }

    @Test func withoutATerminalTheBestIsTakenWithAWarning() throws {
        let routing = try nearTie()
        let console = CapturingConsole()
        let (choice, _) = try TriageCommand.choose(
            routing, prompter: ScriptedPrompter([], interactive: false), console: console)
        #expect(choice.title == routing.matches[0].route.title)
        #expect(choice.warning?.hasPrefix("near tie with") == true)
        #expect(console.errors.contains("warning: near tie with"))
    }

    @Test func noConfidentMatchFollowsTheGenericFlow() throws {
        let library = try Library.load(root: Paths.packageRoot)
        let routing = Router(index: library.index).route("printer on floor three jams")
        let console = CapturingConsole()
        let (choice, _) = try TriageCommand.choose(
            routing, prompter: ScriptedPrompter([], interactive: false), console: console)
        #expect(choice.targets == ["runbooks/INCIDENT_TRIAGE.md"])
        #expect(!choice.confident)
        #expect(
            console.errors.contains("no confident match; following the generic triage flow runbooks/INCIDENT_TRIAGE.md")
        )
    }
}
