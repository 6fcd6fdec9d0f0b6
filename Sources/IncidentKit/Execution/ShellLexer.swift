/// A small shell-word lexer for classifying commands: splits a line into simple commands at
/// `|`, `;`, `&&`, `||`, `&`, newlines and parentheses, removes quotes and escapes, collects
/// redirections and here-documents, and extracts the text of `$(...)`, backtick and `<(...)`
/// substitutions so they can be classified too. It does not expand anything.
struct ShellLexer {
    private let bytes: [UInt8]
    private var index = 0
    private var word: [UInt8]?
    /// Whether the word being read expands something (`ShellSegment.expanding`).
    private var wordExpands = false
    private var segment = ShellSegment()
    private var pendingRedirection: String?
    private var pendingHereDocs: [(delimiter: String, stripsTabs: Bool)] = []
    private var pipeline = 0
    /// Where each open subshell's segments start in `segments`.
    private var subshells: [Int] = []
    private(set) var segments: [ShellSegment] = []
    private(set) var substitutions: [String] = []

    /// Lexes `text` into simple commands and the substitutions inside them.
    static func lex(_ text: String) -> (segments: [ShellSegment], substitutions: [String]) {
        var lexer = ShellLexer(bytes: Array(text.utf8))
        lexer.run()
        return (lexer.segments, lexer.substitutions)
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func peek(_ offset: Int = 0) -> UInt8 {
        index + offset < bytes.count ? bytes[index + offset] : 0
    }

    /// Whether the last operator before `index`, past blanks, is a pipe (`|`, `|&`, not `||`).
    private func previousOperatorIsPipe() -> Bool {
        var position = index - 1
        while position >= 0, bytes[position] == 0x20 || bytes[position] == 0x09 { position -= 1 }
        if position >= 0, bytes[position] == 0x26 { position -= 1 }  // `|&`
        return position >= 0 && bytes[position] == 0x7C && (position == 0 || bytes[position - 1] != 0x7C)
    }

    /// Whether the next operator from `index`, past blanks and redirections (`2>&1`), is a pipe (`|`,
    /// `|&`, not `||`).
    private func nextOperatorIsPipe() -> Bool {
        var position = index
        while position < bytes.count,
            !"|;&\n()".utf8.contains(bytes[position])
                || (bytes[position] == 0x26 && position > 0
                    && (bytes[position - 1] == 0x3E || bytes[position - 1] == 0x3C))
        {
            position += 1
        }
        return position < bytes.count && bytes[position] == 0x7C
            && (position + 1 >= bytes.count || bytes[position + 1] != 0x7C)
    }

    private mutating func append(_ byte: UInt8) {
        if word == nil { word = [] }
        word?.append(byte)
    }

    private mutating func run() {
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x20, 0x09:
                finishWord()
                index += 1
            case 0x0A:
                finishWord()
                endSegment(newPipeline: true)
                index += 1
                readHereDocBodies()
            case 0x23 where word == nil:
                while index < bytes.count && bytes[index] != 0x0A { index += 1 }
            case 0x27:
                readSingleQuoted()
            case 0x22:
                readDoubleQuoted()
            case 0x5C:
                if peek(1) != 0x0A && index + 1 < bytes.count { append(bytes[index + 1]) }
                index += 2
            case 0x24 where peek(1) == 0x28:
                readSubstitution(openLength: 2)
            case 0x24 where peek(1) == 0x7B:
                readParameter()
            case 0x60:
                readBackticks()
            case 0x7C:
                finishWord()
                let isOr = peek(1) == 0x7C
                index += (isOr || peek(1) == 0x26) ? 2 : 1
                endSegment(newPipeline: isOr)
            case 0x26:
                if peek(1) == 0x3E {
                    finishWord()
                    readRedirection(prefix: "&", skip: 1)
                } else {
                    finishWord()
                    index += peek(1) == 0x26 ? 2 : 1
                    endSegment(newPipeline: true)
                }
            case 0x3B:
                finishWord()
                index += 1
                endSegment(newPipeline: true)
            case 0x28:
                // A subshell piped into (`echo x | (psql)`) reads what is piped: its commands stay in
                // the pipeline of the command before it.
                finishWord()
                let piped = previousOperatorIsPipe()
                index += 1
                endSegment(newPipeline: !piped)
                subshells.append(segments.count)
            case 0x29:
                // A subshell piped from (`(echo x; cat y) | psql`) feeds every command of it to the next
                // command: they join its pipeline.
                finishWord()
                index += 1
                endSegment(newPipeline: false)
                if let start = subshells.popLast(), nextOperatorIsPipe() {
                    for position in start..<segments.count { segments[position].pipeline = pipeline }
                } else {
                    pipeline += 1
                }
            case 0x3C where peek(1) == 0x28, 0x3E where peek(1) == 0x28:
                finishWord()
                readSubstitution(openLength: 2)
            case 0x3C, 0x3E:
                let descriptor = word.flatMap {
                    $0.allSatisfy(ByteClass.isDigit) ? String(decoding: $0, as: UTF8.self) : nil
                }
                if descriptor != nil { word = nil } else { finishWord() }
                readRedirection(prefix: descriptor ?? "", skip: 0)
            default:
                if byte == 0x24, Self.startsExpansion(peek(1)) { wordExpands = true }
                append(byte)
                index += 1
            }
        }
        finishWord()
        endSegment(newPipeline: true)
    }

    /// Whether `$` followed by `byte` expands something: a name, a digit, `{`, `(` or a special parameter.
    private static func startsExpansion(_ byte: UInt8) -> Bool {
        ByteClass.isAlpha(byte) || ByteClass.isDigit(byte) || "_{(@*#?!$-".utf8.contains(byte)
    }

    private mutating func finishWord() {
        guard let finished = word else { return }
        word = nil
        defer { wordExpands = false }
        let text = String(decoding: finished, as: UTF8.self)
        if let op = pendingRedirection {
            pendingRedirection = nil
            // `<<<` (a here-string) ends in `<<` too: it must be told apart first, or its word is taken
            // for the delimiter of a here-document whose body never comes.
            if op.hasSuffix("<<<") {
                segment.hereDocuments.append(text)
            } else if op.hasSuffix("<<") || op.hasSuffix("<<-") {
                pendingHereDocs.append((text, op.hasSuffix("-")))
            } else {
                segment.redirections.append(.init(op: op, target: text))
            }
        } else {
            if wordExpands { segment.expanding.insert(segment.words.count) }
            segment.words.append(text)
        }
    }

    private mutating func endSegment(newPipeline: Bool) {
        if !segment.isEmpty || !segment.hereDocuments.isEmpty {
            segment.pipeline = pipeline
            segments.append(segment)
        }
        segment = ShellSegment()
        if newPipeline { pipeline += 1 }
    }

    private mutating func readRedirection(prefix: String, skip: Int) {
        index += skip
        var op = prefix
        while index < bytes.count, "<>|&-".utf8.contains(bytes[index]), op.count < prefix.count + 3 {
            // `>&` followed by a word is a duplication; `<<-` strips tabs.
            if bytes[index] == 0x2D && !op.hasSuffix("<<") { break }
            if bytes[index] == 0x26 && !(op.hasSuffix(">") || op.hasSuffix("<")) { break }
            op.append(Character(UnicodeScalar(bytes[index])))
            index += 1
        }
        pendingRedirection = op
        while index < bytes.count && ByteClass.isBlank(bytes[index]) { index += 1 }
    }

    private mutating func readSingleQuoted() {
        index += 1
        if word == nil { word = [] }
        while index < bytes.count && bytes[index] != 0x27 {
            append(bytes[index])
            index += 1
        }
        index += 1
    }

    private mutating func readDoubleQuoted() {
        index += 1
        if word == nil { word = [] }
        while index < bytes.count && bytes[index] != 0x22 {
            let byte = bytes[index]
            if byte == 0x5C && index + 1 < bytes.count && "$`\"\\\n".utf8.contains(bytes[index + 1]) {
                if bytes[index + 1] != 0x0A { append(bytes[index + 1]) }
                index += 2
            } else if byte == 0x24 && peek(1) == 0x28 {
                readSubstitution(openLength: 2)
            } else if byte == 0x60 {
                readBackticks()
            } else {
                if byte == 0x24, Self.startsExpansion(peek(1)) { wordExpands = true }
                append(byte)
                index += 1
            }
        }
        index += 1
    }

    /// `$(...)`, `<(...)`, `>(...)`: the inner text becomes a substitution; the word keeps the raw text.
    private mutating func readSubstitution(openLength: Int) {
        wordExpands = true
        let start = index
        index += openLength
        let innerStart = index
        var depth = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x27 {
                index = (bytes[(index + 1)...].firstIndex(of: 0x27) ?? bytes.count - 1) + 1
                continue
            }
            if byte == 0x5C {
                index += 2
                continue
            }
            // A double-quoted string's `)` closes nothing (`$(echo ")"; rm -rf x)`).
            if byte == 0x22 {
                var position = index + 1
                while position < bytes.count, bytes[position] != 0x22 {
                    position += bytes[position] == 0x5C ? 2 : 1
                }
                index = min(position + 1, bytes.count)
                continue
            }
            if byte == 0x28 { depth += 1 }
            if byte == 0x29 {
                if depth == 0 { break }
                depth -= 1
            }
            index += 1
        }
        let innerEnd = min(index, bytes.count)
        substitutions.append(String(decoding: bytes[innerStart..<innerEnd], as: UTF8.self))
        index = min(index + 1, bytes.count)
        for byte in bytes[start..<index] { append(byte) }
    }

    private mutating func readBackticks() {
        wordExpands = true
        let start = index
        index += 1
        var inner: [UInt8] = []
        while index < bytes.count && bytes[index] != 0x60 {
            if bytes[index] == 0x5C && index + 1 < bytes.count {
                inner.append(bytes[index + 1])
                index += 2
                continue
            }
            inner.append(bytes[index])
            index += 1
        }
        substitutions.append(String(decoding: inner, as: UTF8.self))
        index = min(index + 1, bytes.count)
        for byte in bytes[start..<index] { append(byte) }
    }

    private mutating func readParameter() {
        wordExpands = true
        var depth = 0
        while index < bytes.count {
            let byte = bytes[index]
            append(byte)
            index += 1
            if byte == 0x7B { depth += 1 }
            if byte == 0x7D {
                depth -= 1
                if depth == 0 { return }
            }
        }
    }

    private mutating func readHereDocBodies() {
        for hereDoc in pendingHereDocs {
            var body: [String] = []
            while index < bytes.count {
                let lineEnd = bytes[index...].firstIndex(of: 0x0A) ?? bytes.count
                var line = String(decoding: bytes[index..<lineEnd], as: UTF8.self)
                index = min(lineEnd + 1, bytes.count)
                if hereDoc.stripsTabs { line = String(line.drop { $0 == "\t" }) }
                if line == hereDoc.delimiter { break }
                body.append(line)
            }
            if let last = segments.indices.last {
                segments[last].hereDocuments.append(body.joined(separator: "\n"))
            }
        }
        pendingHereDocs.removeAll()
    }
}
