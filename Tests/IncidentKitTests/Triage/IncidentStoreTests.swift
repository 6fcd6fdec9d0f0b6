import Foundation
import Synchronization
import Testing

@testable import IncidentKit

@Suite struct IncidentStoreTests {
    @Test func idsAreUniqueUnderConcurrentClaims() throws {
        let store = IncidentStore(root: try Scratch.folder("store") + "/incidents")
        let date = Date(timeIntervalSince1970: 1_767_609_000)  // 2026-01-05
        let ids = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 40) { _ in
            if let id = try? store.claimID(on: date) { ids.withLock { $0.append(id) } }
        }
        let claimed = ids.withLock { $0 }
        #expect(claimed.count == 40)
        #expect(Set(claimed).count == 40)
        #expect(claimed.sorted().first == "INC-20260105-001")
        #expect(claimed.sorted().last == "INC-20260105-040")
    }

    @Test func saveLoadAndConcurrentTimelineAppends() throws {
        let store = IncidentStore(root: try Scratch.folder("store"))
        let id = try store.claimID(on: Date())
        let record = IncidentRecord(
            id: id, symptom: "502", openedAt: Date(timeIntervalSince1970: 1_767_609_000), library: "/lib",
            route: RouteChoice(
                title: "t", file: "f", line: 1, targets: ["a.md"], confident: true, why: ["w"], warning: nil))
        try store.save(record)
        #expect(try store.load(id) == record)
        DispatchQueue.concurrentPerform(iterations: 200) { index in
            try? store.append(
                TimelineEvent(kind: "answer", at: Date(), message: String(repeating: "x", count: index * 50)), to: id)
        }
        #expect(store.timeline(id).count == 200)
        #expect(
            throws: IncidentError.input(
                "no incident 'INC-19990101-001' in '\(store.root)' (run 'incident list' to see them, or pass --out DIR)"
            )
        ) {
            try store.load("INC-19990101-001")
        }
        try "{ not json".write(toFile: store.folder(id) + "/state.json", atomically: true, encoding: .utf8)
        #expect(throws: IncidentError.self) { try store.load(id) }
    }
}
