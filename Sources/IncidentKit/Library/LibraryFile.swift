/// A markdown file of a library, read and parsed, with its path relative to the library root.
public struct LibraryFile: Sendable {
    public var path: String
    public var document: MarkdownDocument

    /// What the file is, judged by the folder it is in.
    public var kind: Kind { Kind(path: path) }

    /// The kinds of library file, one per top-level folder of a router pack.
    public enum Kind: String, Sendable, CaseIterable {
        case runbook, form, checklist, workflow, gate, artifact

        init(path: String) {
            // Every kind's folder name is ASCII: an ASCII path (most) is judged by its bytes, without
            // making a lowercased string for each of ten thousand runbooks.
            if path.utf8.allSatisfy({ $0 < 0x80 }) {
                let folder = path.utf8.drop { $0 == UInt8(ascii: "/") }.prefix { $0 != UInt8(ascii: "/") }
                self = Self.folders.first { LibraryPath.equalsLowercased(folder, $0.name) }?.kind ?? .runbook
                return
            }
            let folder = path.drop { $0 == "/" }.prefix { $0 != "/" }.lowercased()
            self = Self.folders.first { $0.name.elementsEqual(folder.utf8) }?.kind ?? .runbook
        }

        private static let folders: [(name: [UInt8], kind: Kind)] = [
            ("forms", .form), ("checklists", .checklist), ("workflows", .workflow), ("gates", .gate),
            ("artifacts", .artifact), ("templates", .artifact),
        ].map { (Array($0.utf8), $1) }
    }
}
