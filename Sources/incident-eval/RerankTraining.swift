import Foundation
import IncidentKit

/// Learns the router's re-ranking weights (`RouterTuning.rerankCoverage`, `rerankLength`, `rerankName`) from a labelled
/// set as a whole: pairwise logistic regression over each answerable row's candidates, with the right
/// runbook's features set against those of the wrong ones ranked above and below it.
///
/// Features of a candidate: log(1 + evidence), coverage, log(1 + length), name coverage. The ranking key
/// is their weighted sum; with the first weight scaled to 1 it is the log of
/// `(1 + evidence) × e^(coverage weight × coverage + name weight × name coverage) / (1 + length)^(length weight)`.
struct RerankTraining {
    /// One answerable row: its candidates' features, best evidence first, and which are right.
    struct Example {
        var features: [[Double]]
        var right: [Bool]
    }

    static let depth = 30
    /// Wrong candidates each right one is set against, in evidence order.
    static let negatives = 15

    var examples: [Example] = []

    /// The candidates of each answerable row, ranked by evidence alone (no re-ranking).
    init(rows: [Row], router: Router) {
        for row in rows where !row.expected.isEmpty {
            let matches = router.route(row.symptom, top: Self.depth, explain: false).matches
            examples.append(
                Example(
                    features: matches.map {
                        [log(1 + $0.evidence), $0.coverage, log(1 + Double($0.length)), $0.nameCoverage]
                    },
                    right: matches.map { row.expected.contains($0.route.file) }))
        }
    }

    /// Weights fitted on `examples` by gradient descent, with a little L2 regularisation.
    static func fit(_ examples: [Example], iterations: Int = 500, rate: Double = 0.5, l2: Double = 1) -> [Double] {
        var differences: [[Double]] = []
        for example in examples {
            guard let first = example.right.firstIndex(of: true) else { continue }
            let wrong = example.features.indices.filter { !example.right[$0] }.prefix(negatives)
            for index in wrong {
                differences.append(zip(example.features[first], example.features[index]).map { $0 - $1 })
            }
        }
        guard let width = differences.first?.count else { return [] }
        // Standardised by the spread of each feature's differences, so one learning rate suits all.
        let count = Double(differences.count)
        let spreads = (0..<width).map { column -> Double in
            let values = differences.map { $0[column] }
            let mean = values.reduce(0, +) / count
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / count
            return variance.squareRoot() + 1e-9
        }
        let scaled = differences.map { row in zip(row, spreads).map { $0 / $1 } }
        var weights = [Double](repeating: 0, count: width)
        for _ in 0..<iterations {
            var gradient = weights.map { l2 * $0 / count }
            for row in scaled {
                let margin = zip(weights, row).reduce(0) { $0 + $1.0 * $1.1 }
                let loss = 1 / (1 + exp(margin))  // 1 - sigmoid(margin)
                for column in 0..<width { gradient[column] -= loss * row[column] / count }
            }
            for column in 0..<width { weights[column] -= rate * gradient[column] }
        }
        return zip(weights, spreads).map { $0 / $1 }
    }

    /// Top-1 and top-3 shares of `examples` when ranked by `weights`.
    static func accuracy(_ examples: [Example], _ weights: [Double]) -> (top1: Double, top3: Double) {
        var top1 = 0
        var top3 = 0
        for example in examples {
            let keys = example.features.map { zip($0, weights).reduce(0) { $0 + $1.0 * $1.1 } }
            let order = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] > keys[$1] : $0 < $1 }
            if let first = order.first, example.right[first] { top1 += 1 }
            if order.prefix(3).contains(where: { example.right[$0] }) { top3 += 1 }
        }
        let total = Double(max(1, examples.count))
        return (Double(top1) / total, Double(top3) / total)
    }

    /// Five-fold cross-validation over `seeds` shuffles: the mean top-1 and top-3 of rows the weights
    /// were not fitted on.
    func crossValidate(seeds: Int = 5, folds: Int = 5) -> (top1: Double, top3: Double) {
        var top1 = 0.0
        var top3 = 0.0
        for seed in 0..<seeds {
            var generator = SeededGenerator(seed: UInt64(seed + 1))
            let order = examples.indices.shuffled(using: &generator)
            for fold in 0..<folds {
                let held = Set(order.indices.filter { $0 % folds == fold }.map { order[$0] })
                let weights = Self.fit(examples.indices.filter { !held.contains($0) }.map { examples[$0] })
                let result = Self.accuracy(held.sorted().map { examples[$0] }, weights)
                top1 += result.top1 * Double(held.count)
                top3 += result.top3 * Double(held.count)
            }
        }
        let total = Double(seeds * examples.count)
        return (top1 / total, top3 / total)
    }
}
