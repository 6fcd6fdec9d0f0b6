import Foundation

/// One line of `timeline.jsonl`: an append-only audit trail of the incident.
public struct TimelineEvent: Codable, Sendable, Equatable {
    /// `declared`, `answer`, `severity`, `command.started`, `command.finished`, `finding`, `step`,
    /// `gates`, `mitigated`, `report`, `resumed`, `interrupted`...
    public var kind: String
    public var at: Date
    public var message: String
    public var data: [String: String]

    public init(kind: String, at: Date, message: String, data: [String: String] = [:]) {
        self.kind = kind
        self.at = at
        self.message = message
        self.data = data
    }
}
