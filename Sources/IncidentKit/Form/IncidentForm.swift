/// An incident form: numbered questions (`1) App/Service name`) with hints, choices and defaults.
public struct IncidentForm: Sendable {
    public var path: String
    public var title: String
    public var fields: [FormField]

    /// Reads the form's fields from the ordered lists of `file`.
    public init(_ file: LibraryFile) {
        path = file.path
        title = file.document.title ?? path
        fields = []
        for block in file.document.blocks {
            guard case .list(let list) = block, list.isOrdered else { continue }
            for item in list.items { fields.append(Self.field(from: item, position: fields.count + 1)) }
        }
    }

    /// The field a `--set` key names: its key, its number, or its label, compared case-insensitively.
    public func field(named name: String) -> FormField? {
        let wanted = name.lowercased()
        return fields.first { $0.key.lowercased() == wanted }
            ?? Int(name).flatMap { number in fields.first { $0.number == number } }
            ?? fields.first { $0.label.lowercased() == wanted }
    }

    static func field(from item: ListItem, position: Int) -> FormField {
        var label = item.title
        var key: String?
        // The key is a code span at the end of the label: ``1) App/Service name `service` ``.
        if label.hasSuffix("`"), let open = label.dropLast().lastIndex(of: "`") {
            key = String(label[label.index(after: open)..<label.index(before: label.endIndex)]).trimmed
            label = String(label[..<open]).trimmed
        }
        if label.hasSuffix(":") { label = String(label.dropLast()).trimmed }
        var field = FormField(
            number: item.number ?? position, key: key ?? slug(label), label: Inline.plainText(label),
            choices: choices(in: label), hint: nil, defaultValue: nil, isRequired: true, isMultiline: false,
            isSecret: false, line: item.line)
        field.isMultiline = label.lowercased().contains("lines)")
        for block in item.blocks.dropFirst() {
            guard case .list(let attributes) = block else { continue }
            for attribute in attributes.items {
                let text = Inline.plainText(attribute.text)
                guard let colon = text.firstIndex(of: ":") else { continue }
                let name = text[..<colon].trimmed.lowercased()
                let value = text[text.index(after: colon)...].trimmed
                let yes = ["yes", "true", "y"].contains(value.lowercased())
                switch name {
                case "hint", "help": field.hint = value
                case "default": field.defaultValue = value
                case "optional": field.isRequired = !yes
                case "required": field.isRequired = yes
                case "multiline", "multi-line": field.isMultiline = yes
                case "secret": field.isSecret = yes
                case "choices":
                    field.choices =
                        ["none", "free", "any"].contains(value.lowercased())
                        ? [] : value.split(whereSeparator: { $0 == "/" || $0 == "," }).map { String($0).trimmed }
                default: break
                }
            }
        }
        return field
    }

    /// The choices of a label that ends with a parenthesised list of single words separated by slashes.
    static func choices(in label: String) -> [String] {
        guard label.hasSuffix(")"), let open = label.lastIndex(of: "(") else { return [] }
        let inner = label[label.index(after: open)..<label.index(before: label.endIndex)]
        let options = inner.split(separator: "/").map { String($0).trimmed }
        guard options.count >= 2, options.allSatisfy({ !$0.isEmpty && !$0.contains(" ") }) else { return [] }
        return options
    }

    /// `App/Service name` → `app_service_name`.
    static func slug(_ label: String) -> String {
        var base = label
        if let open = base.firstIndex(of: "(") { base = String(base[..<open]) }
        let words = base.lowercased().split { !($0.isLetter || $0.isNumber) }
        return words.joined(separator: "_")
    }
}
