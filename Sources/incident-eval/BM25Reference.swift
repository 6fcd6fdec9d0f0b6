import Foundation
import IncidentKit

/// Plain BM25 over whole files, the reference the router is measured against: lowercase ASCII words,
/// no stemming, no fields, no synonyms, no stop words, k1 = 1.2, b = 0.75.
struct BM25Reference {
    private var postings: [String: [(document: Int, count: Int)]] = [:]
    private var lengths: [Int] = []
    private let paths: [String]
    private var averageLength = 1.0

    init(library: Library) {
        paths = library.index.routes.map(\.file)
        for (document, path) in paths.enumerated() {
            let bytes = FileSystem.read(library.root + "/" + path) ?? []
            var counts: [String: Int] = [:]
            let words = Self.words(String(decoding: bytes, as: UTF8.self))
            for word in words { counts[word, default: 0] += 1 }
            for (word, count) in counts { postings[word, default: []].append((document, count)) }
            lengths.append(words.count)
        }
        averageLength = Double(lengths.reduce(0, +)) / Double(max(1, lengths.count))
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init)
    }

    /// The paths of the best `top` files for `query`.
    func rank(_ query: String, top: Int) -> [String] {
        var scores: [Int: Double] = [:]
        let count = Double(paths.count)
        for word in Set(Self.words(query)) {
            guard let list = postings[word] else { continue }
            let idf = log(1 + (count - Double(list.count) + 0.5) / (Double(list.count) + 0.5))
            for (document, frequency) in list {
                let tf = Double(frequency)
                let norm = 1.2 * (1 - 0.75 + 0.75 * Double(lengths[document]) / averageLength)
                scores[document, default: 0] += idf * tf * 2.2 / (tf + norm)
            }
        }
        return scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(top).map {
            paths[$0.key]
        }
    }
}
