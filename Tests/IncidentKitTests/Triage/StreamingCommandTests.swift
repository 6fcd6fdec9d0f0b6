import Foundation
import Testing

@testable import IncidentKit

@Suite struct StreamingCommandTests {
    @Test(arguments: [
        ("tail -f /var/log/syslog", "tail -f", true), ("tail -n 50 -F app.log", "tail -f", true),
        ("sudo journalctl -fu kubelet", "journalctl -f", true), ("dmesg -w", "dmesg -w", true),
        ("kubectl logs -n prod api-0 -f", "kubectl logs -f", true),
        ("oc get pods -w -n x", "oc get --watch", true), ("ping 10.0.0.1", "ping without -c", true),
        ("tcpdump -i eth0 port 53", "tcpdump without -c", true),
        ("vmstat 1", "vmstat with an interval and no count", true),
        ("top -b", "top -b without -n", true), ("kubectl port-forward svc/api 8080:80", "kubectl port-forward", false),
        ("oc proxy", "oc proxy", false), ("top", "top needs a terminal", false), ("watch -n1 date", "watch", false),
        ("mtr 10.0.0.1", "mtr without --report", false), ("uptime && tail -f x.log", "tail -f", true),
    ])
    func runsUntilStopped(_ command: String, _ what: String, _ follows: Bool) {
        let kind = StreamingCommand.kind(of: command)
        #expect(kind?.what == what && kind?.follows == follows, "\(String(describing: kind))")
    }

    @Test(arguments: [
        "tail -n 50 /var/log/syslog", "journalctl -u kubelet -n 100 --no-pager", "kubectl get -f pod.yaml",
        "kubectl logs api-0 --tail=50", "ping -c 3 10.0.0.1", "ping -w 5 host", "tcpdump -c 10 -i eth0",
        "vmstat 1 5", "vmstat", "top -b -n 1", "top -bn1", "mtr -r -c 5 host", "timeout 10 tail -f app.log",
        "less /etc/hosts", "sar -n DEV 1 3",
    ])
    func endsByItself(_ command: String) {
        #expect(StreamingCommand.kind(of: command) == nil)
    }

    /// Over a real `/bin/sh`: a `[read-only]` mark does not make a change the rules know run unconfirmed
    /// (the folder `rm -rf` would delete survives a `--yes` run), while it does vouch for a program no
    /// rule knows (a script of our own on the PATH, which runs).
    @Test func aReadOnlyMarkVouchesOnlyForWhatTheRulesDoNotKnow() throws {
        let victim = Scratch.path("victim")
        try FileManager.default.createDirectory(atPath: victim, withIntermediateDirectories: true)
        let (folder, library) = try Processes.diagnosisLibrary(
            "AppLogErrors",
            blocks: ["# Clean up [read-only]\nrm -rf \(victim)", "# Ask the in-house tool [read-only]\nfrobctl --frob"])
        try FileManager.default.createDirectory(atPath: folder + "/bin", withIntermediateDirectories: true)
        try "#!/bin/sh\necho frobbed\n".write(toFile: folder + "/bin/frobctl", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder + "/bin/frobctl")
        let run = Processes.runIncident(
            ["triage", "AppLogErrors", "--no-input", "--yes", "--library", library, "--out", folder + "/incidents"],
            directory: folder,
            environment: ["XDG_CACHE_HOME": folder + "/cache", "PATH": folder + "/bin:/usr/bin:/bin"])
        #expect(FileManager.default.fileExists(atPath: victim), "\(run.output)")
        let store = IncidentStore(root: folder + "/incidents")
        let record = try store.load(try #require(store.ids().first))
        let clean = try #require(record.evidence.first { $0.command.hasPrefix("rm -rf") })
        #expect(clean.status == .mutatingNotRun, "\(clean)")
        let frob = try #require(record.evidence.first { $0.command == "frobctl --frob" })
        #expect(frob.status == .ran && frob.lines.contains("frobbed"), "\(frob)")
    }

    /// Over a real `/bin/sh`: `tail -f` of a real file gives its lines as evidence after a few seconds
    /// and counts as followed, not timed out; `yes` is not run at all. The run does not wait out the
    /// default time limit.
    @Test func aFollowingCommandIsEvidenceForAFewSecondsAndAnEndlessOneIsNotRun() throws {
        let log = Scratch.path("streaming") + ".log"
        try "first line\nconnection refused by upstream\n".write(toFile: log, atomically: true, encoding: .utf8)
        let (folder, library) = try Processes.diagnosisLibrary(
            "AppLogErrors", blocks: ["tail -n 5 -f \(log)", "yes"])
        let start = Date()
        let run = Processes.runIncident(
            ["triage", "AppLogErrors", "--no-input", "--yes", "--library", library, "--out", folder + "/incidents"],
            directory: folder, environment: ["XDG_CACHE_HOME": folder + "/cache"])
        #expect(Date().timeIntervalSince(start) < 20, "the run waited for the default time limit")
        #expect(run.output.contains("followed for 5 s"), "\(run.output)")
        // The progress line (not a terminal: a line per command) says so too.
        #expect(run.output.contains("finished  tail -n 5 -f \(log) (followed for 5."), "\(run.output)")
        #expect(!run.output.contains("timed out"), "\(run.output)")
        #expect(
            run.output.contains("runs until stopped (yes); not run as evidence: run it in a terminal"), "\(run.output)")
        let store = IncidentStore(root: folder + "/incidents")
        let record = try store.load(try #require(store.ids().first))
        let tail = try #require(record.evidence.first { $0.command.hasPrefix("tail") })
        #expect(tail.status == .ran && tail.followedSeconds == 5 && !tail.timedOut)
        #expect(tail.lines.contains("connection refused by upstream"))
        #expect(record.evidence.first { $0.command == "yes" }?.status == .runsUntilStopped)
        let report = try String(contentsOfFile: store.folder(record.id) + "/incident_report.md", encoding: .utf8)
        #expect(report.contains("followed for 5 s, then stopped"))
    }
}
