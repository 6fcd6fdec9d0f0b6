/// One ranked route for a symptom, with its score and the reasons in words.
public struct RouteMatch: Sendable {
    public var route: Route
    /// What the matches are ranked by: the evidence, for a runbook collection adjusted for coverage, name
    /// coverage and length (`RouterTuning.rerank`).
    public var score: Double
    /// The weight of the symptom's words the route has (BM25F with bonuses), before any adjustment.
    public var evidence: Double
    /// How many terms the route's text holds: its title, names, headings and body together.
    public var length: Int
    /// The share of the symptom's weight the route's title and alert name account for, 0...1.
    public var nameCoverage: Double
    /// Human-readable reasons: which keyword or phrase matched, and where (`file:line`).
    public var why: [String]
    /// The share of the symptom's weight (by rarity of its words) this route accounts for, 0...1.
    public var coverage: Double
}

/// The outcome of routing a symptom: ranked matches and the decision whether to trust the best one.
public struct RoutingResult: Sendable {
    public var symptom: String
    /// The terms the symptom was reduced to after normalization.
    public var terms: [String]
    public var matches: [RouteMatch]
    /// Whether the best match is trustworthy enough to follow without asking.
    public var confident: Bool
    /// How many routes, from the first, score almost as high as the first (1 without a near tie): the
    /// routes a terminal user picks from.
    public var tied: Int
    /// Whether the second route scores almost as high as the first.
    public var nearTie: Bool { tied > 1 }
    /// The generic triage flow to use when not confident, if the library has one.
    public var fallback: String?

    /// The best match, if any.
    public var best: RouteMatch? { matches.first }
}
