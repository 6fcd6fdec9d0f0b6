import Foundation

/// A variable a runbook's commands use as `{{name}}`, declared in a `Variables` table.
public struct VariableDeclaration: Sendable, Hashable {
    public var name: String
    public var defaultValue: String?
    public var description: String
    /// Whether the value must be redacted from all output (the description says `secret`).
    public var isSecret: Bool
    public var line: Int

    /// The declarations in the tables of `document` that have a `Variable` (or `Name`) column.
    static func declarations(in document: MarkdownDocument) -> [VariableDeclaration] {
        var result: [VariableDeclaration] = []
        for block in document.allBlocks {
            guard case .table(let table) = block, let nameColumn = table.column(named: "variable", "name", "var") else {
                continue
            }
            let defaultColumn = table.column(named: "default", "default value", "value")
            let descriptionColumn = table.column(named: "description", "meaning", "notes")
            for row in table.rows {
                let name = Inline.plainText(row.cells[nameColumn]).trimmed
                    .trimmingCharacters(in: CharacterSet(charactersIn: "{} "))
                guard !name.isEmpty else { continue }
                let defaultText = defaultColumn.map { Inline.plainText(row.cells[$0]).trimmed } ?? ""
                let description = descriptionColumn.map { Inline.plainText(row.cells[$0]).trimmed } ?? ""
                let noDefault = defaultText.isEmpty || defaultText == "-" || defaultText == "—"
                result.append(
                    VariableDeclaration(
                        name: name, defaultValue: noDefault ? nil : defaultText, description: description,
                        isSecret: description.lowercased().split { !$0.isLetter }.contains("secret"), line: row.line))
            }
        }
        return result
    }
}
