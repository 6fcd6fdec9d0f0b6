import Foundation

/// Figures over a set of incidents: how many, how many mitigated (and how many of those by override),
/// time to mitigate (open to gates passed), severity and route counts, and repeats (an incident whose
/// route an earlier incident already took).
public struct IncidentStats: Sendable {
    public var total: Int
    public var mitigated: Int
    public var overridden: Int
    /// Seconds from opening to mitigation, for every mitigated incident, in order of opening.
    public var timesToMitigate: [Double]
    /// Severity level ("not classified" for none) and count, most severe first.
    public var bySeverity: [(level: String, count: Int)]
    /// Route title and count, most used first (ties by title).
    public var byRoute: [(route: String, count: Int)]
    public var repeats: Int

    public init(_ records: [IncidentRecord]) {
        let ordered = records.sorted { $0.openedAt != $1.openedAt ? $0.openedAt < $1.openedAt : $0.id < $1.id }
        total = ordered.count
        mitigated = ordered.filter { $0.mitigatedAt != nil }.count
        overridden = ordered.filter { $0.mitigatedAt != nil && $0.override != nil }.count
        timesToMitigate = ordered.compactMap { record in
            record.mitigatedAt.map { max(0, $0.timeIntervalSince(record.openedAt)) }
        }
        var severities: [String: Int] = [:]
        var routes: [String: Int] = [:]
        var seen: Set<String> = []
        var repeats = 0
        for record in ordered {
            severities[record.severity?.level ?? "not classified", default: 0] += 1
            routes[record.route.title, default: 0] += 1
            if !seen.insert(record.route.title).inserted { repeats += 1 }
        }
        self.repeats = repeats
        bySeverity = severities.map { ($0.key, $0.value) }.sorted { $0.level < $1.level }
        byRoute = routes.map { ($0.key, $0.value) }.sorted {
            $0.count != $1.count ? $0.count > $1.count : $0.route < $1.route
        }
    }

    public var open: Int { total - mitigated }

    /// The median time to mitigate in seconds, nil when nothing was mitigated.
    public var medianTimeToMitigate: Double? {
        let sorted = timesToMitigate.sorted()
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The mean time to mitigate in seconds (MTTR, as the seeds call it), nil when nothing was mitigated.
    public var meanTimeToMitigate: Double? {
        timesToMitigate.isEmpty ? nil : timesToMitigate.reduce(0, +) / Double(timesToMitigate.count)
    }

    func text(folder: String) -> String {
        guard total > 0 else { return "No incidents in \(folder) (dry runs are not counted).\n" }
        func share(_ part: Int) -> String { "\(part * 100 / total)%" }
        func duration(_ seconds: Double) -> String { ReportTime.duration(milliseconds: Int(min(seconds, 1e12) * 1000)) }
        var text = "\(total) incident\(total == 1 ? "" : "s") in \(folder) (dry runs are not counted)\n"
        text += "  mitigated:         \(mitigated) (\(share(mitigated)))"
        text += overridden > 0 ? ", \(overridden) of them by override" : ""
        text += "; open: \(open)\n"
        if let median = medianTimeToMitigate, let mean = meanTimeToMitigate {
            text += "  time to mitigate:  median \(duration(median)), mean \(duration(mean))\n"
        }
        text += "  by severity:       " + bySeverity.map { "\($0.level) \($0.count)" }.joined(separator: ", ") + "\n"
        text += "  by route:          " + byRoute.map { "\($0.route) \($0.count)" }.joined(separator: ", ") + "\n"
        text += "  repeats:           \(repeats) (\(share(repeats))): the route was taken by an earlier incident\n"
        return text
    }

    var json: JSONValue {
        .object([
            ("incidents", .integer(total)), ("mitigated", .integer(mitigated)), ("overridden", .integer(overridden)),
            ("open", .integer(open)),
            ("medianSecondsToMitigate", medianTimeToMitigate.map { .number($0) } ?? .null),
            ("meanSecondsToMitigate", meanTimeToMitigate.map { .number($0) } ?? .null),
            ("bySeverity", .object(bySeverity.map { ($0.level, .integer($0.count)) })),
            ("byRoute", .object(byRoute.map { ($0.route, .integer($0.count)) })),
            ("repeats", .integer(repeats)),
        ])
    }
}
