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
            let folder = path.drop { $0 == "/" }.prefix { $0 != "/" }
            switch folder.lowercased() {
            case "forms": self = .form
            case "checklists": self = .checklist
            case "workflows": self = .workflow
            case "gates": self = .gate
            case "artifacts", "templates": self = .artifact
            default: self = .runbook
            }
        }
    }
}
