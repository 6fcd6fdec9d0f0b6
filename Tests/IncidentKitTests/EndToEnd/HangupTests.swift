import Foundation
import Testing

@testable import IncidentKit

/// A lost SSH session: SIGHUP to a real `incident triage` while its evidence command runs stops the
/// child too (it runs in a process group of its own, which the hangup does not reach), records the
/// interruption and exits 129.
@Suite struct HangupTests {
    /// Whether a process runs `sleep SECONDS` (read from /proc, so no tool is needed).
    static func sleeping(_ seconds: String) -> Bool {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.contains { entry in
            guard entry.allSatisfy(\.isNumber), let bytes = FileSystem.read("/proc/\(entry)/cmdline") else {
                return false
            }
            return bytes.split(separator: 0).map { String(decoding: $0, as: UTF8.self) } == ["sleep", seconds]
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/cmdline"), "needs /proc"))
    func aHangupStopsTheChildrenAndKeepsTheRecord() throws {
        let seconds = "3\(Int.random(in: 100...999))"
        let (folder, library) = try Processes.diagnosisLibrary("AppLogErrors", blocks: ["sleep \(seconds)"])
        let triage = [
            Processes.incident, "triage", "AppLogErrors", "--no-input", "--yes", "--library", library, "--out",
            folder + "/incidents",
        ].map(ShellQuote.word).joined(separator: " ")
        // Started in the background; hung up once its evidence command has started.
        let script = """
            NO_COLOR=1 XDG_CACHE_HOME=\(ShellQuote.word(folder + "/cache")) \(triage) > out.txt 2> err.txt &
            pid=$!
            i=0
            until grep -q 'started.*sleep' out.txt || [ $i -ge 300 ]; do sleep 0.1; i=$((i+1)); done
            sleep 0.3
            kill -HUP $pid
            wait $pid
            echo "exit=$?"
            """
        let run = Processes.sh(script, directory: folder, timeout: .seconds(90))
        let errors = (try? String(contentsOfFile: folder + "/err.txt", encoding: .utf8)) ?? ""
        #expect(run.output.contains("exit=129"), "\(run.output)\n\(errors)")
        #expect(errors.contains("the terminal went away (SIGHUP): state saved; continue with 'incident resume"))
        var left = Self.sleeping(seconds)
        for _ in 0..<50 where left {
            usleep(100_000)
            left = Self.sleeping(seconds)
        }
        #expect(!left, "the evidence command outlived the hangup")
        let store = IncidentStore(root: folder + "/incidents")
        let id = try #require(store.ids().first)
        #expect(store.timeline(id).contains { $0.kind == "interrupted" && $0.message.contains("SIGHUP") })
    }
}
