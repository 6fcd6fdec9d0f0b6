/// Splits a command template into text and placeholders, tracking the shell quoting context
/// (quotes, `$(...)`, backticks, `${...}`, comments, here-documents) at each placeholder.
enum TemplateScanner {
    private enum Frame {
        case code, single, double, ansiC, command(depth: Int), backtick, parameter(depth: Int)
        /// `$((...))` or a `((...))` command; `$[...]`. Their depth counts the parentheses or brackets opened
        /// inside them.
        case arithmetic(depth: Int), bracketArithmetic(depth: Int)

        /// Where the shell starts parsing afresh: a value quoted there stays one word.
        var isCommand: Bool {
            switch self {
            case .code, .command, .backtick: true
            default: false
            }
        }
    }

    private struct HereDoc {
        var delimiter: [UInt8]
        var stripsTabs: Bool
    }

    /// Single-word go-template actions that look like names but are not placeholders.
    private static let templateKeywords: Set<String> = ["end", "else", "break", "continue", "nil"]

    static func parts(of template: String) -> [TemplatePart] { scan(template).parts }

    /// What `text` leaves open at its end, as the shell would complain of it: a quote (`'`, `"`, `$'`),
    /// a backtick, `$(` or `${`; nil when everything it opens is closed.
    static func unclosed(_ text: String) -> String? {
        for frame in scan(text).open.reversed() {
            switch frame {
            case .single: return "'"
            case .ansiC: return "$'"
            case .double: return "\""
            case .backtick: return "`"
            case .command: return "$("
            case .parameter: return "${"
            case .code, .arithmetic, .bracketArithmetic: continue
            }
        }
        return nil
    }

    /// The parts of `template`, and the frames still open at its end.
    private static func scan(_ template: String) -> (parts: [TemplatePart], open: [Frame]) {
        let bytes = Array(template.utf8)
        var parts: [TemplatePart] = []
        var stack: [Frame] = [.code]
        var textStart = 0
        var index = 0
        var pendingHereDocs: [HereDoc] = []

        func flushText(upTo end: Int) {
            if end > textStart {
                parts.append(.text(String(decoding: bytes[textStart..<end], as: UTF8.self)))
            }
        }
        func addPlaceholder(_ name: String, _ context: PlaceholderContext, end: Int) {
            flushText(upTo: index)
            parts.append(.placeholder(name: name, context: context))
            index = end
            textStart = end
        }
        func isWordStart(_ position: Int) -> Bool {
            position == 0 || " \t\n;&|()".utf8.contains(bytes[position - 1])
        }

        while index < bytes.count {
            let frame = stack[stack.count - 1]
            if let (name, end) = placeholder(in: bytes, at: index) {
                addPlaceholder(name, context(in: stack), end: end)
                continue
            }
            let byte = bytes[index]
            let next: UInt8 = index + 1 < bytes.count ? bytes[index + 1] : 0
            let afterNext: UInt8 = index + 2 < bytes.count ? bytes[index + 2] : 0
            // `$((...))`, `$[...]` and the `((...))` command (after a blank, `;`, `if`, `while`, `{`, `!`...):
            // the shell expands `$(...)` inside them even within quotes (see `PlaceholderContext`).
            let quoted: Bool
            switch frame {
            case .single, .ansiC: quoted = true
            default: quoted = false
            }
            if !quoted, byte == 0x24, next == 0x28, afterNext == 0x28 {
                stack.append(.arithmetic(depth: 0))
                index += 3
                continue
            }
            if !quoted, byte == 0x24, next == 0x5B {
                stack.append(.bracketArithmetic(depth: 0))
                index += 2
                continue
            }
            if frame.isCommand || isArithmetic(frame), byte == 0x28, next == 0x28,
                index == 0 || bytes[index - 1] != 0x24
            {
                stack.append(.arithmetic(depth: 0))
                index += 2
                continue
            }
            switch frame {
            case .single:
                if byte == 0x27 { stack.removeLast() }
            case .ansiC:
                if byte == 0x5C {
                    index += 1
                } else if byte == 0x27 {
                    stack.removeLast()
                }
            case .double:
                if byte == 0x5C {
                    index += 1
                } else if byte == 0x22 {
                    stack.removeLast()
                } else if byte == 0x60 {
                    stack.append(.backtick)
                } else if byte == 0x24 && next == 0x28 {
                    stack.append(.command(depth: 0))
                    index += 1
                } else if byte == 0x24 && next == 0x7B {
                    stack.append(.parameter(depth: 0))
                    index += 1
                }
            case .code, .command, .backtick, .parameter, .arithmetic, .bracketArithmetic:
                if case .arithmetic(let depth) = frame, byte == 0x28 || byte == 0x29 {
                    if byte == 0x28 {
                        stack[stack.count - 1] = .arithmetic(depth: depth + 1)
                    } else if depth > 0 {
                        stack[stack.count - 1] = .arithmetic(depth: depth - 1)
                    } else if next == 0x29 {
                        stack.removeLast()
                        index += 1
                    }
                    index += 1
                    continue
                }
                if case .bracketArithmetic(let depth) = frame, byte == 0x5B || byte == 0x5D {
                    if byte == 0x5B {
                        stack[stack.count - 1] = .bracketArithmetic(depth: depth + 1)
                    } else if depth > 0 {
                        stack[stack.count - 1] = .bracketArithmetic(depth: depth - 1)
                    } else {
                        stack.removeLast()
                    }
                    index += 1
                    continue
                }
                switch byte {
                case 0x5C:
                    index += 1
                case 0x27:
                    stack.append(index > 0 && bytes[index - 1] == 0x24 ? .ansiC : .single)
                case 0x22:
                    stack.append(.double)
                case 0x60:
                    if case .backtick = frame { stack.removeLast() } else { stack.append(.backtick) }
                case 0x24 where next == 0x28:
                    stack.append(.command(depth: 0))
                    index += 1
                case 0x24 where next == 0x7B:
                    stack.append(.parameter(depth: 0))
                    index += 1
                case 0x28:
                    if case .command(let depth) = frame {
                        stack[stack.count - 1] = .command(depth: depth + 1)
                    }
                case 0x29:
                    if case .command(let depth) = frame {
                        if depth == 0 {
                            stack.removeLast()
                        } else {
                            stack[stack.count - 1] = .command(depth: depth - 1)
                        }
                    }
                case 0x7B:
                    if case .parameter(let depth) = frame {
                        stack[stack.count - 1] = .parameter(depth: depth + 1)
                    }
                case 0x7D:
                    if case .parameter(let depth) = frame {
                        if depth == 0 {
                            stack.removeLast()
                        } else {
                            stack[stack.count - 1] = .parameter(depth: depth - 1)
                        }
                    }
                case 0x23 where isWordStart(index) && !isArithmetic(frame):
                    // A comment runs to the end of the line; a value there could end it with a newline.
                    let end = bytes[index...].firstIndex(of: 0x0A) ?? bytes.count
                    mark(
                        in: bytes, from: index, to: end, as: .unsupported("in a comment"), parts: &parts,
                        textStart: &textStart)
                    index = end
                    continue
                // `<<` starts a here-document; `<<<` (a here-string) does not, from its first `<` or its second.
                case 0x3C
                where !isArithmetic(frame) && next == 0x3C && (index + 2 >= bytes.count || bytes[index + 2] != 0x3C)
                    && (index == 0 || bytes[index - 1] != 0x3C):
                    if let (hereDoc, end) = hereDocHeader(in: bytes, at: index + 2) {
                        pendingHereDocs.append(hereDoc)
                        index = end
                        continue
                    }
                case 0x0A where !pendingHereDocs.isEmpty:
                    var end = index + 1
                    for hereDoc in pendingHereDocs {
                        end = hereDocBodyEnd(in: bytes, from: end, hereDoc)
                    }
                    mark(
                        in: bytes, from: index + 1, to: end, as: .unsupported("inside a here-document"),
                        parts: &parts, textStart: &textStart)
                    pendingHereDocs.removeAll()
                    index = end
                    continue
                default:
                    break
                }
            }
            index += 1
        }
        if bytes.count > textStart {
            parts.append(.text(String(decoding: bytes[textStart...], as: UTF8.self)))
        }
        return (parts, stack)
    }

    /// `{{ name }}` at `index`: the name and the index after the closing braces.
    private static func placeholder(in bytes: [UInt8], at index: Int) -> (String, Int)? {
        guard index + 4 < bytes.count, bytes[index] == 0x7B, bytes[index + 1] == 0x7B else { return nil }
        var position = index + 2
        while position < bytes.count && ByteClass.isBlank(bytes[position]) { position += 1 }
        let nameStart = position
        guard position < bytes.count, ByteClass.isAlpha(bytes[position]) || bytes[position] == 0x5F else {
            return nil
        }
        while position < bytes.count && ByteClass.isKeyChar(bytes[position]) { position += 1 }
        let nameEnd = position
        while position < bytes.count && ByteClass.isBlank(bytes[position]) { position += 1 }
        guard position + 1 < bytes.count, bytes[position] == 0x7D, bytes[position + 1] == 0x7D else {
            return nil
        }
        let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
        guard !templateKeywords.contains(name) else { return nil }
        return (name, position + 2)
    }

    /// The context of a placeholder met with `stack` open. Only the frames since the shell last started
    /// parsing afresh (`$(...)`, the command line itself) decide it: inside `${...}` quotes are not what
    /// they seem (`"${X:-'{{v}}'}"` holds literal `'`), and inside arithmetic no quote protects a value.
    private static func context(in stack: [Frame]) -> PlaceholderContext {
        // Backquote processing rewrites backslashes and ends at any backtick in the value.
        if stack.contains(where: { if case .backtick = $0 { true } else { false } }) {
            return .unsupported("inside backticks (use $(...))")
        }
        let start = stack.lastIndex(where: \.isCommand) ?? 0
        let open = stack[start...]
        if open.contains(where: { if case .parameter = $0 { true } else { false } }) {
            return .unsupported("inside ${...}")
        }
        if open.contains(where: isArithmetic) { return .arithmetic }
        switch stack[stack.count - 1] {
        case .single: return .singleQuoted
        case .double: return .doubleQuoted
        case .ansiC: return .unsupported("inside $'...'")
        default: return .unquoted
        }
    }

    private static func isArithmetic(_ frame: Frame) -> Bool {
        switch frame {
        case .arithmetic, .bracketArithmetic: true
        default: false
        }
    }

    /// Records every placeholder between `start` and `end` as standing in `context`.
    private static func mark(
        in bytes: [UInt8], from start: Int, to end: Int, as context: PlaceholderContext,
        parts: inout [TemplatePart], textStart: inout Int
    ) {
        var position = start
        while position < end {
            if let (name, after) = placeholder(in: bytes, at: position), after <= end {
                if position > textStart {
                    parts.append(.text(String(decoding: bytes[textStart..<position], as: UTF8.self)))
                }
                parts.append(.placeholder(name: name, context: context))
                textStart = after
                position = after
            } else {
                position += 1
            }
        }
    }

    /// After `<<`: an optional `-`, blanks and the delimiter word (quotes removed).
    private static func hereDocHeader(
        in bytes: [UInt8], at start: Int
    ) -> (HereDoc, Int)? {
        var position = start
        let stripsTabs = position < bytes.count && bytes[position] == 0x2D
        if stripsTabs { position += 1 }
        while position < bytes.count && ByteClass.isBlank(bytes[position]) { position += 1 }
        // The delimiter is a shell word: quotes may hold blanks (`<<'--- end'`), and a backslash keeps the
        // character after it (`E\\OF` is `E\OF`).
        var delimiter: [UInt8] = []
        var quote: UInt8?
        while position < bytes.count {
            let byte = bytes[position]
            if let open = quote {
                if byte == open { quote = nil } else { delimiter.append(byte) }
            } else if byte == 0x27 || byte == 0x22 {
                quote = byte
            } else if byte == 0x5C, position + 1 < bytes.count {
                position += 1
                delimiter.append(bytes[position])
            } else if ByteClass.isSpace(byte) || ";&|<>()".utf8.contains(byte) {
                break
            } else {
                delimiter.append(byte)
            }
            position += 1
        }
        guard !delimiter.isEmpty else { return nil }
        return (HereDoc(delimiter: delimiter, stripsTabs: stripsTabs), position)
    }

    /// The index just after the line that closes a here-document body starting at `start`.
    private static func hereDocBodyEnd(
        in bytes: [UInt8], from start: Int, _ hereDoc: HereDoc
    ) -> Int {
        var lineStart = start
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            var contentStart = lineStart
            if hereDoc.stripsTabs {
                while contentStart < lineEnd && bytes[contentStart] == 0x09 { contentStart += 1 }
            }
            if bytes[contentStart..<lineEnd].elementsEqual(hereDoc.delimiter) {
                return min(bytes.count, lineEnd + 1)
            }
            lineStart = lineEnd + 1
        }
        return bytes.count
    }
}
