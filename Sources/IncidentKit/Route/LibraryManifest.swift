/// The runbook files of a library without an index, with their sizes and modification times: what the
/// route cache was built from, and how a later run knows whether it is still valid.
struct LibraryManifest: Equatable, Sendable {
    struct Entry: Equatable, Sendable {
        var path: String
        var size: Int64
        var modified: Int64
    }
    var entries: [Entry]

    /// The files of `root` the way `Library.load` lists them (every markdown file but collection
    /// boilerplate), in order.
    static func paths(root: String) -> [String] { listing(root: root).files }

    /// `paths(root:)`, with the entries named like markdown files that are not files (left out).
    static func listing(root: String) -> FileSystem.Listing {
        var listing = FileSystem.listing(under: root, suffix: ".md")
        listing.files.removeAll(where: Library.isBoilerplate)
        listing.leftOut.removeAll(where: Library.isBoilerplate)
        return listing
    }

    /// Scans `root`: the sizes and modification times of `paths` (its files, as `paths(root:)` lists them).
    static func scan(root: String, paths: [String]) -> LibraryManifest {
        LibraryManifest(
            entries: paths.compactMap { path in
                FileSystem.stamp(root + "/" + path).map { Entry(path: path, size: $0.size, modified: $0.modified) }
            })
    }
}
