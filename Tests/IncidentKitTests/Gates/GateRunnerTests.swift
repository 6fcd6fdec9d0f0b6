import Foundation
import Testing

@testable import IncidentKit

@Suite(.timeLimit(.minutes(1)))
struct GateRunnerTests {
    /// Two gates run by a real `/bin/sh`: one only reads, one writes a file.
    static func gates(in folder: String) -> [GateSet] {
        let markdown = """
            # Gates

            ## Service answers

            **Check:** `printf 'ok\\n'`

            **Expect:** output contains `ok`

            ## Marker written

            **Check:** `printf 'ok\\n' > \(folder)/marker`

            **Expect:** exit 0
            """
        let file = LibraryFile(path: "gates/G.md", document: MarkdownDocument(path: "gates/G.md", text: markdown))
        return [GateSet(file)]
    }

    static func runner(
        _ folder: String, readOnly: @escaping (Int) -> Bool = { _ in true },
        approve: @escaping (Gate, PreparedCommand) -> Bool
    ) -> GateRunner {
        let record = IncidentRecord(
            id: "INC-20260105-001", symptom: "502", openedAt: Date(), library: "/lib",
            route: RouteChoice(title: "t", file: "f", line: 1, targets: [], confident: true, why: [], warning: nil))
        return GateRunner(
            gates: gates(in: folder), scope: VariableScope(declarations: [], record: record, form: nil),
            runner: ProcessRunner(options: ExecutionTestSupport.options(), registry: ProcessGroupRegistry()),
            tools: ToolLocator(path: "/usr/bin:/bin"), defaultTimeout: .seconds(10), approveReadOnly: readOnly,
            approveMutating: approve)
    }

    @Test func aMutatingCheckDoesNotRunUnapprovedAndIsUnknown() throws {
        let folder = try Scratch.folder("gates")
        var asked: [String] = []
        let run = Self.runner(folder) { gate, command in
            asked.append("\(gate.title): \(command.reasons.joined(separator: "; "))")
            return false
        }.run(at: Date(), since: { _ in Date() })
        #expect(asked == ["Marker written: writes output into a file (> \(folder)/marker)"])
        #expect(run.results.map(\.status) == [.pass, .unknown])
        #expect(
            run.results[1].detail
                == "not run: the check changes the system (writes output into a file (> \(folder)/marker)); confirm it by hand"
        )
        #expect(!run.passed)
        #expect(!FileManager.default.fileExists(atPath: folder + "/marker"))
    }

    @Test func readOnlyChecksNeedTheirOwnApproval() throws {
        let folder = try Scratch.folder("gates")
        var counts: [Int] = []
        let run = Self.runner(
            folder,
            readOnly: {
                counts.append($0); return false
            }
        ) { _, _ in true }
        .run(at: Date(), since: { _ in Date() })
        #expect(counts == [1])
        #expect(run.results.map(\.status) == [.unknown, .pass])
        #expect(run.results[0].detail == "not run: not confirmed (pass --yes to run the gate checks)")
    }

    @Test func anApprovedMutatingCheckRuns() throws {
        let folder = try Scratch.folder("gates")
        let run = Self.runner(folder) { _, _ in true }.run(at: Date(), since: { _ in Date() })
        #expect(run.results.map(\.status) == [.pass, .pass])
        #expect(FileManager.default.contents(atPath: folder + "/marker") == Data("ok\n".utf8))
    }
}

@Suite struct LogWindowTests {
    static let opened = Date(timeIntervalSince1970: 1_700_000_000.4)

    static func run(_ seconds: Double, _ statuses: [(String, GateResult.Status)]) -> GateRun {
        GateRun(
            at: opened.addingTimeInterval(seconds),
            results: statuses.map {
                GateResult(
                    title: $0.0, required: true, expectation: "no output", status: $0.1, detail: "", command: nil)
            })
    }

    /// The window starts at the incident's start (to the fraction: an error in its first second counts),
    /// then at the next whole second after the last mitigation or a run in which that very gate passed.
    @Test func onlyAMitigationOrAPassOfThatGateMovesTheWindow() {
        var record = IncidentRecord(
            id: "INC-20261130-001", symptom: "502", openedAt: Self.opened, library: "/lib",
            route: RouteChoice(title: "t", file: "f", line: 1, targets: [], confident: true, why: [], warning: nil))
        #expect(record.logWindowStart(forGate: "log") == Self.opened)
        record.gateRuns.append(Self.run(5, [("log", .fail), ("http", .pass)]))
        record.gateRuns.append(Self.run(9, [("log", .unknown)]))
        #expect(record.logWindowStart(forGate: "log") == Self.opened)
        record.lastMitigationAt = Self.opened.addingTimeInterval(20)
        #expect(record.logWindowStart(forGate: "log") == Date(timeIntervalSince1970: 1_700_000_021))
        record.gateRuns.append(Self.run(30, [("log", .fail)]))
        #expect(record.logWindowStart(forGate: "log") == Date(timeIntervalSince1970: 1_700_000_021))
        record.gateRuns.append(Self.run(40, [("log", .pass)]))
        #expect(record.logWindowStart(forGate: "log") == Date(timeIntervalSince1970: 1_700_000_041))
        #expect(record.logWindowStart(forGate: "http") == Date(timeIntervalSince1970: 1_700_000_021))
    }
}
