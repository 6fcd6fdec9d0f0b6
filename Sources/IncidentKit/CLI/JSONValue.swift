/// A JSON value with ordered object keys, rendered by hand so output is stable and dependency-free.
public enum JSONValue: Sendable, Equatable {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }

    /// The value as JSON text; `pretty` indents by two spaces.
    public func rendered(pretty: Bool = true) -> String {
        var output = ""
        render(into: &output, pretty: pretty, indent: 0)
        return output
    }

    private func render(into output: inout String, pretty: Bool, indent: Int) {
        let newline = pretty ? "\n" : ""
        let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
        let closePad = pretty ? String(repeating: "  ", count: indent) : ""
        switch self {
        case .string(let text): output += Self.quote(text)
        case .integer(let value): output += String(value)
        case .number(let value):
            if value.isFinite {
                let rounded = (value * 100).rounded() / 100
                output += rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
            } else {
                output += "null"
            }
        case .bool(let value): output += value ? "true" : "false"
        case .null: output += "null"
        case .array(let values):
            guard !values.isEmpty else {
                output += "[]"
                return
            }
            output += "[" + newline
            for (offset, value) in values.enumerated() {
                output += pad
                value.render(into: &output, pretty: pretty, indent: indent + 1)
                output += (offset + 1 < values.count ? "," : "") + newline
            }
            output += closePad + "]"
        case .object(let members):
            guard !members.isEmpty else {
                output += "{}"
                return
            }
            output += "{" + newline
            for (offset, (key, value)) in members.enumerated() {
                output += pad + Self.quote(key) + (pretty ? ": " : ":")
                value.render(into: &output, pretty: pretty, indent: indent + 1)
                output += (offset + 1 < members.count ? "," : "") + newline
            }
            output += closePad + "}"
        }
    }

    /// `text` as a JSON string literal.
    public static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where Self.isTerminalControl(scalar): result += Self.escaped(scalar)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// JSON that Foundation's encoder wrote, with DEL and the C1 controls escaped too (it leaves them
    /// as they are, as JSON allows): the console would otherwise show them as `^?` and `?`, and the JSON
    /// would no longer say what was typed. They can only stand inside strings, so escaping them anywhere
    /// is safe. Tabs, newlines and carriage returns stay: the encoder escapes them inside strings, so
    /// outside they are the layout of pretty-printed JSON.
    public static func escapingControls(_ json: String) -> String {
        func escapes(_ scalar: Unicode.Scalar) -> Bool {
            isTerminalControl(scalar) && scalar != "\t" && scalar != "\n" && scalar != "\r"
        }
        guard json.unicodeScalars.contains(where: escapes) else { return json }
        var result = ""
        for scalar in json.unicodeScalars {
            if escapes(scalar) { result += escaped(scalar) } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    /// C0 controls, DEL, C1 controls and invisible format characters: what `TerminalText` would not let
    /// through as they are.
    private static func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) || TerminalText.isInvisible(scalar.value)
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
