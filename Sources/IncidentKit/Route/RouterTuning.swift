/// The router's parameters in one place: field weights, saturation, bonuses and the confidence decision.
/// The defaults were chosen on the labelled set in `bench/route-eval` as a whole (never row by row);
/// the evaluation harness can override them to measure a change.
public struct RouterTuning: Sendable, Hashable {
    /// Field weights: where a word is found matters more than how often.
    public var weights: [Route.Field.Kind: Double] = [
        .title: 5, .alert: 6, .heading: 2, .summary: 5, .body: 1, .code: 0.25, .example: 3,
    ]
    /// Each field kind's typical length in terms, against which BM25 normalises a field's length: the
    /// averages over the two public corpora the tuning was chosen on. They are the same whatever the
    /// library, so that a runbook's strengths depend on its own text alone: adding runbooks does not
    /// move the others', and a symptom whose words few runbooks use is routed by analysing only those
    /// (`RunbookSearch`), as every later run routes it from the cache.
    public var typicalLengths: [Route.Field.Kind: Double] = [
        .title: 9.35, .alert: 8.32, .heading: 7.42, .summary: 55.40, .body: 95.31, .code: 69.81, .example: 1,
    ]
    /// Weight of an index keyword's words, and the bonus factor for a whole keyword phrase.
    public var keywordWeight = 6.0
    public var keywordPhraseBonus = 2.0
    /// BM25 saturation; `b` is the length normalisation of long fields (body, code, summary) and short ones.
    public var k1 = 1.2
    public var bLong = 0.75
    public var bShort = 0.3
    /// A synonym's match counts this much of a direct match.
    public var synonymWeight = 0.5
    /// Two adjacent symptom words glued together ("not ready" as `notready`) count this much of a word.
    public var glueWeight = 0.3
    /// Bonus for two adjacent symptom words that stand together in a title, heading or summary.
    public var phraseBonus = 1.0
    /// Confidence: the best route's score, in units of the weight of the rarest possible word (which scales
    /// with the size of the library), times the square root of its coverage (the share of the symptom's
    /// weight it accounts for, rare words counting more and words the library never uses counting as the
    /// rarest), must reach this. A strong match on a few words of a long paste passes, and so does a full
    /// match of a short symptom; a middling match on a small part of the symptom does not. Chosen on the
    /// labelled set as a whole and checked by five-fold cross-validation: about 89–91% of the symptoms no
    /// runbook covers fall below it, and about 7–8% of those one does.
    public var minimumStrength = 2.6
    /// Confidence without a keyword also needs the best route to share this many distinct words with a
    /// symptom of more than one word: one shared word out of two or more is a guess ("disk full" landing
    /// on the only runbook whose title says "full"). A one-word symptom is not confident on a near tie.
    public var minimumTerms = 2.0
    /// Two routes are a near tie when the second scores at least this share of the first.
    public var nearTie = 0.85
    /// Re-ranking of a runbook collection's routes by
    /// `(1 + evidence) × e^(rerankCoverage × coverage + rerankName × name coverage) / (1 + length)^rerankLength`
    /// (`RouteMatch` has each part). The weights were learned from the labelled set as a whole (pairwise
    /// logistic regression, `incident-eval --train`) and checked by five-fold cross-validation. A keyword
    /// index is ranked by its evidence alone.
    public var rerank = true
    public var rerankCoverage = 1.965
    public var rerankLength = 0.300
    public var rerankName = 0.655

    public init() {}

    /// Applies overrides written as `name=value,name=value` (for the evaluation harness).
    public mutating func apply(_ overrides: String) {
        for pair in overrides.split(separator: ",") {
            let parts = pair.split(separator: "=")
            guard parts.count == 2, let value = Double(parts[1]) else { continue }
            let name = String(parts[0])
            if let kind = Route.Field.Kind(rawValue: name) {
                weights[kind] = value
                continue
            }
            switch name {
            case "keyword": keywordWeight = value
            case "keywordPhrase": keywordPhraseBonus = value
            case "k1": k1 = value
            case "bLong": bLong = value
            case "bShort": bShort = value
            case "synonym": synonymWeight = value
            case "phrase": phraseBonus = value
            case "glue": glueWeight = value
            case "strength": minimumStrength = value
            case "terms": minimumTerms = value
            case "nearTie": nearTie = value
            case "rerank": rerank = value != 0
            case "rerankCoverage": rerankCoverage = value
            case "rerankLength": rerankLength = value
            case "rerankName": rerankName = value
            default: break
            }
        }
    }
}
