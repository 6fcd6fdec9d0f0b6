/// A runbook library: its root folder, its markdown files, and the route index over them.
public struct Library: Sendable {
    /// The absolute path of the library root.
    public var root: String
    /// The markdown files, by path relative to the root.
    public var files: [String: LibraryFile]
    /// The routes: from the keyword index, or one per runbook file when there is none.
    public var index: RouteIndex

    /// The file paths in sorted order.
    public var paths: [String] { files.keys.sorted() }

    /// The files that are there but could not be read (no permission, or a name that is not UTF-8 and so
    /// cannot be opened by it): they count as empty.
    public var unreadable: [String] = []

    /// The entries named like markdown files that are not files (a link to a file that is gone, a FIFO):
    /// left out, and said so by lint.
    public var leftOut: [String] = []

    /// Problems found while reading the files (for example unterminated fences), the files that could not
    /// be read at all, and the entries left out.
    public var readDiagnostics: [Diagnostic] {
        leftOut.map { Diagnostic(.warning, path: $0, line: 1, Self.whyLeftOut($0, root: root)) }
            + unreadable.map { path in
                LibraryPath.isUndecodable(path)
                    ? Diagnostic(
                        .error, path: path, line: 1, "the file name is not valid UTF-8, so it cannot be read; rename it"
                    )
                    : Diagnostic(
                        .warning, path: path, line: 1,
                        "cannot read this file (check its permissions); it counts as empty")
            } + paths.flatMap { files[$0]!.document.diagnostics }
    }

    /// Why the entry at `path` (relative to `root`), named like a markdown file, is left out.
    static func whyLeftOut(_ path: String, root: String) -> String {
        FileSystem.isSymbolicLink(root + "/" + path)
            ? "a link to a file that is not there, so it is left out; fix the link or remove it"
            : "not a regular file (a FIFO, socket or device), so it is left out; remove it or rename it"
    }

    /// The paths at which a router pack keeps its keyword index, in the order they are tried.
    public static let indexPaths = ["runbooks/00_INDEX.md", "00_INDEX.md"]

    /// The folders a router pack keeps its markdown in.
    public static let packFolders = ["runbooks", "flows", "forms", "checklists", "workflows", "gates", "artifacts"]

    /// How much of a library to read.
    public enum Scope: Sendable {
        /// Every markdown file (lint, triage).
        case all
        /// What routing needs: the index alone when there is one, else every runbook.
        case routing
    }

    /// Loads the library at `root`. Throws only when the root is not a readable folder.
    public static func load(root: String, scope: Scope = .all) throws(IncidentError) -> Library {
        guard FileSystem.isDirectory(root) else {
            throw .usage("library folder '\(root)' does not exist or is not a folder")
        }
        let trimmedRoot = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        let indexPath = indexPaths.first { FileSystem.isFile(trimmedRoot + "/" + $0) }
        var paths: [String]
        var leftOut: [String] = []
        if let indexPath, scope == .routing {
            paths = [indexPath]
        } else if indexPath != nil {
            let listings = packFolders.map { ($0, FileSystem.listing(under: trimmedRoot + "/" + $0, suffix: ".md")) }
            paths = listings.flatMap { folder, listing in listing.files.map { folder + "/" + $0 } }
            leftOut = listings.flatMap { folder, listing in listing.leftOut.map { folder + "/" + $0 } }
            if let indexPath, !paths.contains(indexPath) { paths.append(indexPath) }
        } else {
            let listing = FileSystem.listing(under: trimmedRoot, suffix: ".md")
            paths = listing.files.filter { !isBoilerplate($0) }
            leftOut = listing.leftOut.filter { !isBoilerplate($0) }
        }
        var files: [String: LibraryFile] = [:]
        var unreadable: [String] = []
        for (file, readable) in Self.read(paths, root: trimmedRoot) {
            files[file.path] = file
            if !readable { unreadable.append(file.path) }
        }
        var library = Library(root: trimmedRoot, files: files, index: RouteIndex(routes: [], source: nil))
        library.unreadable = unreadable
        library.leftOut = leftOut
        if let indexPath, let file = files[indexPath] {
            library.index = RouteIndex.parse(file, in: library)
        } else {
            library.index = RouteIndex.automatic(for: library)
        }
        return library
    }

    /// Reads and parses `paths`, on every core when there are many (a collection of thousands of
    /// runbooks is read on the first route), in the order given.
    static func read(_ paths: [String], root: String) -> [(file: LibraryFile, readable: Bool)] {
        paths.concurrentMap { path in
            let bytes = FileSystem.read(root + "/" + path)
            var document = MarkdownDocument(path: path, bytes: bytes ?? [])
            // No text file holds NUL: an image or an archive named .md reads as noise. (Checked here, where
            // lint and triage read; the route cache's cold reading of thousands of runbooks skips it.)
            if let bytes, let nul = bytes.firstIndex(of: 0) {
                document.diagnostics.append(
                    Diagnostic(
                        .warning, path: path, line: bytes[..<nul].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) },
                        "this file holds NUL bytes: it looks binary, not markdown; remove it or rename it"))
            }
            return (LibraryFile(path: path, document: document), bytes != nil)
        }
    }

    /// Files of a collection that are about the collection, not runbooks of their own.
    static func isBoilerplate(_ path: String) -> Bool {
        let bytes = path.utf8
        // An ASCII name (most) by its bytes, as `Library.Kind` judges folders.
        if bytes.allSatisfy({ $0 < 0x80 }) {
            let name = bytes.reversed().prefix { $0 != UInt8(ascii: "/") }.reversed()
            return boilerplateNames.contains { LibraryPath.equalsLowercased(name, $0) }
        }
        let name = LibraryPath.fileName(of: path).lowercased()
        return boilerplateNames.contains { $0.elementsEqual(name.utf8) }
    }

    private static let boilerplateNames: [[UInt8]] = [
        "readme.md", "_index.md", "index.md", "contributing.md", "changelog.md", "license.md",
        "code_of_conduct.md", "security.md", "template.md",
    ].map { Array($0.utf8) }

    /// Resolves a link written in `file` to a library file path, trying the file's folder first and then
    /// the library root. Returns nil for links to missing files or outside the root.
    public func resolve(_ destination: String, from file: String) -> String? {
        LibraryPath.candidates(for: destination, from: file).first {
            files[$0] != nil || FileSystem.isFile(root + "/" + $0)
        }
    }

    /// The links written in a file, in document order, each with its resolution.
    public func links(in path: String) -> [LibraryLink] {
        guard let file = files[path] else { return [] }
        var result: [LibraryLink] = []
        for block in file.document.allBlocks {
            for (text, line) in block.inlineTexts {
                for link in Inline.links(in: text) where !LibraryPath.isExternal(link.destination) {
                    result.append(
                        LibraryLink(
                            destination: link.destination, resolved: resolve(link.destination, from: path), file: path,
                            line: line))
                }
            }
        }
        return result
    }
}
