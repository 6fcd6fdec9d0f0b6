import Foundation
import IncidentKit

// Routing evaluation: reads a labelled TSV (symptom, expected paths separated by | or NONE, source) and
// prints top-1 and top-3 accuracy, the share of NONE rows declined and of answerable rows wrongly
// declined, by source kind, and the median time per query, for the router and for plain BM25.
// With --train it prints the router's re-ranking weights learned from the labels instead.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct Row {
    var symptom: String
    var expected: Set<String>
    var source: String
    var kind: String { String(source.split(separator: ":").first ?? "") }
}

struct Tally {
    var answerable = 0
    var top1 = 0
    var top3 = 0
    var wronglyDeclined = 0
    /// Answerable rows routed with confidence to a wrong runbook: the costly mistake.
    var confidentlyWrong = 0
    var none = 0
    var declined = 0

    mutating func add(_ row: Row, ranked: [String], confident: Bool) {
        if row.expected.isEmpty {
            none += 1
            if !confident { declined += 1 }
            return
        }
        answerable += 1
        if let first = ranked.first, row.expected.contains(first) { top1 += 1 }
        if ranked.prefix(3).contains(where: row.expected.contains) { top3 += 1 }
        if !confident { wronglyDeclined += 1 }
        if confident, let first = ranked.first, !row.expected.contains(first) { confidentlyWrong += 1 }
    }

    static func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "   -  " : pad(String(Double(part * 1000 / whole) / 10) + "%", 6)
    }

    func line(_ label: String) -> String {
        pad(label, 22) + pad(String(answerable + none), 5) + "  top-1 " + Self.percent(top1, answerable) + "  top-3 "
            + Self.percent(top3, answerable) + "  NONE declined " + Self.percent(declined, none)
            + "  wrongly declined " + Self.percent(wronglyDeclined, answerable) + "  confidently wrong "
            + Self.percent(confidentlyWrong, answerable)
    }
}

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

func warn(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

let arguments = Array(CommandLine.arguments.dropFirst())
let usage = """
    usage: incident-eval [--labels FILE] [--library DIR] [--misses] [--dump FILE] [--tuning NAME=VALUE,...]
                         [--train | --sizes | --check-search]

    Routes every row of a labelled TSV (symptom, expected paths separated by | or NONE, source) and prints
    top-1 and top-3 accuracy, NONE rows declined and answerable rows wrongly declined, by source, and the
    median time per query, for the router and for plain BM25 in the same run.

      --labels FILE        the labelled rows (default bench/route-eval/labels.tsv)
      --library DIR        the library routed over (default ../shared/corpora)
      --misses             also print each row the router gets wrong
      --dump FILE          write each row's scores as TSV to FILE
      --tuning N=V,...     router tuning to try (also INCIDENT_TUNING)
      --train              fit the re-ranking weights instead (pairwise logistic regression)
      --sizes              confidence over subsets of the library, by size
      --check-search       route every row with and without the search path; exit 1 if any differs

    """
if arguments.contains("--help") || arguments.contains("-h") {
    print(usage, terminator: "")
    exit(0)
}
// Every word is a known option or the value after one: a typo must not run the whole evaluation.
let valued: Set<String> = ["--labels", "--library", "--dump", "--tuning"]
let flags: Set<String> = ["--misses", "--train", "--sizes", "--check-search"]
var position = 0
while position < arguments.count {
    let word = arguments[position]
    if valued.contains(word), position + 1 < arguments.count {
        position += 2
    } else if flags.contains(word) {
        position += 1
    } else {
        FileHandle.standardError.write(
            Data(
                "incident-eval: \(valued.contains(word) ? "\(word) needs a value" : "unknown option '\(word)'")\n\(usage)"
                    .utf8))
        exit(64)
    }
}
func option(_ name: String, _ fallback: String) -> String {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
    return arguments[index + 1]
}
let libraryPath = option("--library", "../shared/corpora")
let labelsPath = option("--labels", "bench/route-eval/labels.tsv")
let showMisses = arguments.contains("--misses")
let dumpPath = option("--dump", "")
var dump = "kind\tnone\tcorrect\tconfident\tscore1\tscore2\tcoverage\tterms\tevidence\ttop3\tsymptom\n"

guard let labelBytes = FileSystem.read(labelsPath) else {
    warn("route-eval: cannot read \(labelsPath)\n")
    exit(66)
}
var rows: [Row] = []
for (number, line) in String(decoding: labelBytes, as: UTF8.self).split(separator: "\n").enumerated() {
    if line.hasPrefix("#") || line.allSatisfy(\.isWhitespace) { continue }
    let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
    guard columns.count >= 3 else {
        warn("\(labelsPath):\(number + 1): error: expected 3 tab-separated columns\n")
        exit(65)
    }
    let expected = columns[1] == "NONE" ? [] : Set(columns[1].split(separator: "|").map(String.init))
    rows.append(Row(symptom: String(columns[0]), expected: expected, source: String(columns[2])))
}

let loadStart = now()
let library: Library
do {
    library = try Library.load(root: libraryPath)
} catch {
    warn("route-eval: \(error)\n")
    exit(66)
}
for row in rows {
    for path in row.expected where library.files[path] == nil {
        warn("route-eval: expected file '\(path)' is not in the library\n")
        exit(65)
    }
}
var tuning = RouterTuning()
tuning.apply(option("--tuning", ProcessInfo.processInfo.environment["INCIDENT_TUNING"] ?? ""))
let router = Router(index: library.index, tuning: tuning)
let loaded = now()
let reference = BM25Reference(library: library)

if arguments.contains("--sizes") {
    // Row counts are rows × subsets: each subset routes every row.
    print("confidence over subsets of \(library.root) (40 per size, each with one answerable row's runbook):")
    for (size, tally) in LibrarySizes.tallies(
        rows: rows, routes: library.index.routes, tuning: tuning, sizes: [3, 5, 10, 30, 100], samples: 40)
    {
        print("  " + tally.line("\(size) runbooks") + "  (\(tally.answerable) answerable)")
    }
    exit(0)
}
if arguments.contains("--check-search") {
    // Each row routed from the runbooks a search finds (no cache folder, so the loader always searches)
    // must rank and score as the router over the whole library does.
    var differing: [String] = []
    var searched = 0
    for row in rows {
        guard
            let loaded = try? RouterLoader.load(
                root: libraryPath, environment: [:], tuning: tuning, symptom: row.symptom)
        else {
            warn("route-eval: cannot load \(libraryPath)\n")
            exit(66)
        }
        searched += loaded.router.index.routes.count
        let expected = router.route(row.symptom, top: 5)
        let actual = loaded.router.route(row.symptom, top: 5)
        if actual.matches.map(\.route.file) != expected.matches.map(\.route.file)
            || actual.matches.map(\.score) != expected.matches.map(\.score) || actual.confident != expected.confident
            || actual.nearTie != expected.nearTie
        {
            differing.append(row.symptom)
        }
    }
    let share = Double(searched) / Double(max(1, rows.count * library.index.routes.count)) * 100
    print(
        "search path over \(rows.count) rows of \(labelsPath): \(differing.count) rank or score otherwise",
        terminator: "")
    print(" than the whole library; \(String(format: "%.1f", share))% of the runbooks analysed on average")
    for symptom in differing { print("  differs: \(symptom)") }
    exit(differing.isEmpty ? 0 : 1)
}
if arguments.contains("--train") {
    // Candidates ranked by evidence alone, as the re-ranking sees them.
    var plain = tuning
    plain.rerank = false
    let training = RerankTraining(rows: rows, router: Router(index: library.index, tuning: plain))
    let weights = RerankTraining.fit(training.examples)
    guard weights.count == 4 else {
        warn("route-eval: \(labelsPath) has no answerable row whose runbook is among the candidates\n")
        exit(65)
    }
    let fitted = RerankTraining.accuracy(training.examples, weights)
    let validated = training.crossValidate()
    func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
    print("re-ranking weights from \(training.examples.count) answerable rows of \(labelsPath):")
    print("  rerankCoverage=\(String(format: "%.3f", weights[1] / weights[0]))", terminator: "")
    print(",rerankLength=\(String(format: "%.3f", -weights[2] / weights[0]))", terminator: "")
    print(",rerankName=\(String(format: "%.3f", weights[3] / weights[0]))")
    print("  fitted on all rows: top-1 \(percent(fitted.top1)), top-3 \(percent(fitted.top3))")
    print("  5-fold cross-validation (5 shuffles): top-1 \(percent(validated.top1)), top-3 \(percent(validated.top3))")
    let unranked = RerankTraining.accuracy(training.examples, [1, 0, 0, 0])
    print("  evidence alone: top-1 \(percent(unranked.top1)), top-3 \(percent(unranked.top3))")
    exit(0)
}
var ours: [String: Tally] = [:]
var theirs: [String: Tally] = [:]
var ourTimes: [Double] = []
var theirTimes: [Double] = []
var misses: [String] = []
for row in rows {
    let start = now()
    let result = router.route(row.symptom, top: 3, explain: ProcessInfo.processInfo.environment["NO_EXPLAIN"] == nil)
    ourTimes.append(now() - start)
    let ranked = result.matches.map(\.route.file)
    ours[row.kind, default: Tally()].add(row, ranked: ranked, confident: result.confident)
    ours["all", default: Tally()].add(row, ranked: ranked, confident: result.confident)
    let referenceStart = now()
    let referenceRanked = reference.rank(row.symptom, top: 3)
    theirTimes.append(now() - referenceStart)
    theirs[row.kind, default: Tally()].add(row, ranked: referenceRanked, confident: true)
    theirs["all", default: Tally()].add(row, ranked: referenceRanked, confident: true)
    let scores = result.matches.map(\.score) + [0, 0]
    dump +=
        "\(row.kind)\t\(row.expected.isEmpty)\t\(ranked.first.map(row.expected.contains) ?? false)\t\(result.confident)\t"
        + "\(scores[0])\t\(scores[1])\t\(result.matches.first?.coverage ?? 0)\t\(result.terms.count)\t"
        + "\(result.matches.first?.evidence ?? 0)\t\(ranked.prefix(3).contains(where: row.expected.contains))\t\(row.symptom)\n"
    let hit = row.expected.isEmpty ? !result.confident : ranked.first.map(row.expected.contains) ?? false
    if !hit {
        let bm25Top = referenceRanked.first.map(row.expected.contains) ?? false
        let got =
            (result.confident ? (ranked.first ?? "-") : "declined (best: \(ranked.first ?? "-"))")
            + (bm25Top && !row.expected.isEmpty ? "  [BM25 right]" : "")
        misses.append(
            "MISS \(row.source)\n  symptom:  \(row.symptom)\n  terms:    \(result.terms.joined(separator: " "))\n  expected: \(row.expected.isEmpty ? "NONE" : row.expected.sorted().joined(separator: " | "))\n  got:      \(got)"
        )
    }
}

print("library: \(library.root) (\(library.index.routes.count) routes), labels: \(labelsPath) (\(rows.count) rows)")
print("router ready in \(Int((loaded - loadStart) * 1000)) ms\n")
for (name, tallies) in [("incident router", ours), ("plain BM25 (reference)", theirs)] {
    print(name)
    print("  " + tallies["all"]!.line("all"))
    for kind in tallies.keys.sorted() where kind != "all" { print("  " + tallies[kind]!.line(kind)) }
    print("")
}
print("median time per query: router \(Int(median(ourTimes) * 1e6)) µs, BM25 \(Int(median(theirTimes) * 1e6)) µs")
if showMisses { print("\n" + misses.joined(separator: "\n")) }
if !dumpPath.isEmpty { _ = FileManager.default.createFile(atPath: dumpPath, contents: Data(dump.utf8)) }
