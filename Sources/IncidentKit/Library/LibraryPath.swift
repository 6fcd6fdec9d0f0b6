/// Path arithmetic inside a library: joining, normalizing `.` and `..`, and resolving links so that
/// nothing resolves outside the library root.
public enum LibraryPath {
    /// `path` with `.` and empty segments removed and `..` applied; nil when it climbs above its start.
    public static func normalize(_ path: String) -> String? {
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." {
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            } else {
                segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }

    /// The folder part of a relative path (`runbooks` for `runbooks/00_INDEX.md`, empty at the root).
    public static func directory(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// The last segment of a path.
    public static func fileName(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    /// Whether a link destination points outside the library (a URL, mail address or pure anchor).
    public static func isExternal(_ destination: String) -> Bool {
        if destination.isEmpty || destination.hasPrefix("#") { return true }
        if let colon = destination.firstIndex(of: ":") {
            let scheme = destination[..<colon]
            return !scheme.isEmpty
                && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
        }
        return false
    }

    /// The candidate library-relative paths of a link written in `file`: relative to the file first, then
    /// relative to the library root as router packs write them. Candidates outside the root are dropped.
    public static func candidates(for destination: String, from file: String) -> [String] {
        var target = destination
        if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
        if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
        if target.utf8.containsSequence("%20") {
            target = target.split(separator: "%20", omittingEmptySubsequences: false).joined(separator: " ")
        }
        guard !target.isEmpty else { return [] }
        if target.hasPrefix("/") {
            return normalize(target).map { [$0] } ?? []
        }
        var result: [String] = []
        let base = directory(of: file)
        if let relative = normalize(base.isEmpty ? target : base + "/" + target) { result.append(relative) }
        if let fromRoot = normalize(target), !result.contains(fromRoot) { result.append(fromRoot) }
        return result
    }

    /// Whether a path listed from a folder has a name that is not UTF-8: the walk shows such bytes as
    /// U+FFFD, and the file cannot be opened by that name.
    /// The absolute `path` as seen from the absolute folder `base`: `runbooks/x.md` below it,
    /// `../corpora/x.md` beside it; the absolute path when that takes more than two `..`.
    public static func relative(_ path: String, from base: String) -> String {
        let target = path.split(separator: "/")
        let from = base.split(separator: "/")
        guard path.hasPrefix("/"), base.hasPrefix("/") else { return path }
        var common = 0
        while common < target.count, common < from.count, target[common] == from[common] { common += 1 }
        let up = from.count - common
        guard up <= 2, common < target.count else { return path }
        return (Array(repeating: "..", count: up) + target[common...].map(String.init)).joined(separator: "/")
    }

    /// Whether `path` holds U+FFFD (whose UTF-8 starts with 0xEF, which few names have).
    static func isUndecodable(_ path: String) -> Bool {
        path.utf8.contains(0xEF) && path.unicodeScalars.contains("\u{FFFD}")
    }

    /// Whether `bytes` (ASCII) lowercased are `lowercase`.
    static func equalsLowercased(_ bytes: some Collection<UInt8>, _ lowercase: [UInt8]) -> Bool {
        bytes.count == lowercase.count && zip(bytes, lowercase).allSatisfy { TextAnalyzer.lower($0) == $1 }
    }
}
