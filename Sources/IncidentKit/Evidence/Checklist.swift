/// An evidence checklist: variables, the commands to run, and the error patterns that turn their output
/// into findings.
public struct Checklist: Sendable {
    public var path: String
    public var title: String
    public var variables: [VariableDeclaration]
    public var commands: [RunbookCommand]
    public var patterns: [ErrorPattern]

    /// Reads a checklist (or any runbook) file.
    public init(_ file: LibraryFile) {
        path = file.path
        title = file.document.title ?? path
        variables = VariableDeclaration.declarations(in: file.document)
        var commands: [RunbookCommand] = []
        var section = ""
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .heading(let heading): section = Inline.plainText(heading.text)
                case .code(let code): commands += RunbookCommand.commands(in: code, section: section)
                case .list(let list): list.items.forEach { visit($0.blocks) }
                case .quote(let quote): visit(quote.blocks)
                default: break
                }
            }
        }
        visit(file.document.blocks)
        self.commands = commands
        patterns = ErrorPattern.patterns(in: file.document)
    }
}
