/// The routes of a library, and where they came from.
public struct RouteIndex: Sendable {
    public var routes: [Route]
    /// The index file, or nil when the routes were made from the runbook files themselves.
    public var source: String?
    /// The generic triage flow to fall back on when no route is confident.
    public var fallback: String?

    public init(routes: [Route], source: String?, fallback: String? = nil) {
        self.routes = routes
        self.source = source
        self.fallback = fallback
    }

    /// Whether the routes were made automatically, one per runbook file.
    public var isAutomatic: Bool { source == nil }
}
