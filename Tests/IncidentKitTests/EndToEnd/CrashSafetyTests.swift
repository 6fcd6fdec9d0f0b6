import Foundation
import Testing

@testable import IncidentKit

#if canImport(Glibc)
    import Glibc
#endif

/// `kill -9` at random moments never leaves an unreadable record.
@Suite(.serialized) struct CrashSafetyTests {
    @Test(.timeLimit(.minutes(4))) func killNineAtRandomMomentsLeavesReadableState() throws {
        let folder = try Scratch.folder("kill9")
        let incidents = folder + "/incidents"
        var generator = SystemRandomNumberGenerator()
        let arguments =
            ["triage", "502", "--no-input", "--yes", "--library", Paths.packageRoot, "--out", incidents]
            + [
                "service=shop", "env=production", "impact=some users", "error_text=502",
                "upstream=127.0.0.1:9", "public_url=http://127.0.0.1:9", "error_log=/nonexistent.log",
            ].flatMap { ["--set", $0] }
        for _ in 0..<50 {
            let delay = Double(UInt32.random(in: 1...700, using: &generator)) / 1000
            let command =
                "\(Processes.shell([Processes.incident] + arguments)) >/dev/null 2>&1 & pid=$!; sleep \(delay); kill -9 $pid; wait"
            Processes.sh(command, directory: folder, timeout: .seconds(30))
        }
        let store = IncidentStore(root: incidents)
        let folders = try FileManager.default.contentsOfDirectory(atPath: incidents).filter { $0.hasPrefix("INC-") }
        #expect(folders.count <= 50)  // a kill in the first milliseconds comes before the incident is opened
        var readable = 0
        for id in folders {
            let statePath = store.folder(id) + "/state.json"
            guard FileManager.default.fileExists(atPath: statePath) else { continue }  // killed before the first save
            _ = try store.load(id)  // throws, failing the test, when unreadable
            readable += 1
            let lines = ((try? String(contentsOfFile: store.folder(id) + "/timeline.jsonl", encoding: .utf8)) ?? "")
                .split(separator: "\n")
            #expect(lines.count == store.timeline(id).count, "a torn timeline line in \(id)")
        }
        #expect(readable > 25)
        // The kills landed at different moments: records stopped in different phases.
        let phases = Set(
            try folders.compactMap { id -> IncidentRecord.Phase? in
                FileManager.default.fileExists(atPath: store.folder(id) + "/state.json")
                    ? try store.load(id).phase : nil
            })
        #expect(phases.count >= 2)
    }
}
