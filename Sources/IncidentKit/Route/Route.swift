/// One route of the index: a symptom category with its keywords and the files it routes to.
public struct Route: Sendable, Hashable {
    /// A keyword or phrase of a route, with the line it was written on.
    public struct Keyword: Sendable, Hashable {
        public var text: String
        public var line: Int
    }

    /// A file the route leads to (a flow, checklist, workflow, or for an automatic route the runbook).
    public struct Target: Sendable, Hashable {
        /// The link destination as written.
        public var destination: String
        /// The library-relative path, nil when the link leads nowhere in the library.
        public var path: String?
        public var line: Int
    }

    /// A symptom under `**Examples:**` that must route here.
    public struct Example: Sendable, Hashable {
        public var text: String
        public var line: Int
    }

    /// A piece of a runbook's text the router scores, with its kind and where it is.
    public struct Field: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable, CaseIterable {
            case title, alert, heading, summary, body, code, example

            /// The kind's position in `allCases`, for per-kind arrays.
            var ordinal: Int {
                switch self {
                case .title: 0
                case .alert: 1
                case .heading: 2
                case .summary: 3
                case .body: 4
                case .code: 5
                case .example: 6
                }
            }
        }
        public var kind: Kind
        public var text: String
        public var line: Int
        /// The heading of the section the text is in, empty before the first heading.
        public var section: String = ""
    }

    public var title: String
    /// The file the route is declared in: the index, or the runbook itself for an automatic route.
    public var file: String
    public var line: Int
    public var keywords: [Keyword]
    public var targets: [Target]
    public var severity: String?
    public var examples: [Example]
    /// Text fields the router scores beside the keywords (titles, headings, sections, body).
    public var fields: [Field]

    /// The library-relative paths of the targets that resolved.
    public var targetPaths: [String] { targets.compactMap(\.path) }
}
