import Foundation
import Synchronization
import Testing

@testable import IncidentKit

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C while evidence commands run: the children are stopped, the state is saved, the exit status is
/// 130, and `resume` continues.
@Suite(.serialized) struct InterruptTests {
    @Test(.timeLimit(.minutes(2))) func sigintDuringEvidenceSavesStateAndResumeContinues() throws {
        let folder = try Scratch.folder("sigint")
        let incidents = folder + "/incidents"
        let flag = folder + "/quick"
        let library = Paths.fixtures + "/slow-library"
        let registry = ProcessGroupRegistry()
        let runner = ProcessRunner(
            options: RunnerOptions(defaultTimeout: .seconds(90), redactor: nil), registry: registry)
        let command =
            "exec "
            + Processes.shell([
                Processes.incident, "triage", "slow", "--no-input", "--yes", "--library", library, "--out", incidents,
                "--set", "service=shop", "--set", "flag=\(flag)",
            ])
        let before = Set(Self.sleepers())
        let outcome = Mutex<CommandResult?>(nil)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let result = try? runner.run(CommandSpec(command, environment: ["NO_COLOR": "1"]))
            outcome.withLock { $0 = result }
            done.signal()
        }
        // Wait until the slow evidence command runs: its `sleep 60` exists.
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, Set(Self.sleepers()).subtracting(before).isEmpty { usleep(50_000) }
        #expect(!Set(Self.sleepers()).subtracting(before).isEmpty, "the triage never reached its slow evidence command")
        let incident = try #require(registry.liveGroups.first)
        kill(incident, SIGINT)
        #expect(done.wait(timeout: .now() + 30) == .success)
        let result = try #require(outcome.withLock { $0 })
        #expect(result.status == .exited(130))
        #expect(result.stderr.text.contains("interrupted: state saved; continue with 'incident resume INC-"))
        #expect(
            Set(Self.sleepers()).subtracting(before).isEmpty, "the interrupted run left its evidence command running")

        let store = IncidentStore(root: incidents)
        let id = try #require(store.ids().first)
        let interrupted = try store.load(id)
        #expect(interrupted.phase == .evidence)
        #expect(interrupted.answers["service"] == "shop")
        #expect(store.timeline(id).last?.kind == "interrupted")

        #expect(FileManager.default.createFile(atPath: flag, contents: Data()))
        let resumed = Processes.runIncident(
            ["resume", id, "--no-input", "--yes", "--out", incidents], directory: folder)
        #expect(resumed.status == 0 || resumed.status == 1, "\(resumed.errors)")
        let finished = try store.load(id)
        #expect(finished.phase > .evidence)
        #expect(finished.evidence.map(\.status) == [.ran, .ran])
        #expect(finished.evidence.last?.lines == ["quick"])
        #expect(store.timeline(id).contains { $0.kind == "resumed" })
    }

    /// The `sleep 60` processes running now (the slow evidence command), read from /proc.
    static func sleepers() -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { Int32($0) }.filter { pid in
            guard let command = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline")),
                let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), !stat.contains(") Z ")
            else { return false }
            return command == Data("sleep\u{0}60\u{0}".utf8)
        }
    }
}
