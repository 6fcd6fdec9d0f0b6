/// A command written in a runbook's fenced shell block, under the `# comment` that describes it.
public struct RunbookCommand: Sendable, Hashable {
    /// The comment's text without annotations ("Check nginx status"), or the command itself.
    public var title: String
    /// The command as written (lines joined by newlines), its placeholders written `{{name}}`.
    public var command: String
    public var annotations: CommandAnnotations
    /// The heading of the section the block is in.
    public var section: String
    public var line: Int
    /// The placeholders written `<name>` in the runbook (`withAngleBracketPlaceholders`), not `{{name}}`.
    public var angleBracketNames: [String] = []
    /// The placeholders written `$NAME` in the runbook: shell variables it leaves to its reader
    /// (`Checklist.settingShellVariables`).
    public var shellVariableNames: [String] = []
    /// The runbook's commands that set the shell variables this one uses (`export NAMESPACE="$(...)"`),
    /// run before it in the same shell.
    public var setup: [String] = []
    /// How the setup's placeholders were written, as `writtenPlaceholders` says for the command.
    public var setupPlaceholders: [String: String] = [:]

    /// How the runbook wrote each placeholder it did not write `{{name}}`: `<pod>`, `$NAMESPACE`.
    public var writtenPlaceholders: [String: String] {
        var written = setupPlaceholders
        for name in angleBracketNames { written[name] = "<\(name)>" }
        for name in shellVariableNames { written[name] = "$\(name)" }
        return written
    }

    /// The shell variables of the command and its setup that the runbook leaves to its reader.
    public var readersVariables: [String] {
        writtenPlaceholders.filter { $0.value.hasPrefix("$") }.keys.sorted()
    }

    /// What runs: the setup, then the command.
    public var script: String { (setup + [command]).joined(separator: "\n") }

    static let shellLanguages: Set<String> = ["", "bash", "sh", "shell", "console", "zsh", "shell-session", "terminal"]

    /// The commands of a fenced block. Lines after a `# comment` up to the next comment or blank line form
    /// one command; without comments each line (with `\` continuations) is one. Comments that follow a
    /// command without a blank line (`# Output: ...`) describe output and are skipped. `$ ` prompts of
    /// console blocks are removed; a `bash` block whose lines start with `$ ` is read the same way (a
    /// transcript: the `$ ` lines are commands, the others their output).
    static func commands(in code: CodeBlock, section: String) -> [RunbookCommand] {
        guard shellLanguages.contains(code.language) else { return [] }
        let blockAnnotations = CommandAnnotations.parse(
            "[" + code.info.split(separator: " ").dropFirst().joined(separator: ", ") + "]")
        var commands: [RunbookCommand] = []
        var comment: (text: String, annotations: CommandAnnotations)?
        var lines: [String] = []
        var startLine = code.line
        func flush() {
            let text = lines.joined(separator: "\n").trimmed
            if !text.isEmpty, !Self.looksLikeOutput(String(text.prefix { $0 != "\n" })) {
                var annotations = comment?.annotations ?? CommandAnnotations()
                if annotations.timeoutSeconds == nil {
                    annotations.timeoutSeconds = blockAnnotations.annotations.timeoutSeconds
                }
                if annotations.marking == nil { annotations.marking = blockAnnotations.annotations.marking }
                annotations.retry = annotations.retry || blockAnnotations.annotations.retry
                annotations.requires += blockAnnotations.annotations.requires
                let title = comment?.text ?? String(text.split(separator: "\n").first ?? "")
                let (command, names) = Self.angleBracketPlaceholders(in: text)
                var found = RunbookCommand(
                    title: title, command: command, annotations: annotations, section: section, line: startLine)
                found.angleBracketNames = names
                commands.append(found)
            }
            lines = []
            comment = nil
        }
        var continuing = false
        let isConsole = ["console", "shell-session", "terminal"].contains(code.language)
        // A `bash` block is a transcript when its first line that is not a comment starts with a prompt.
        let firstLine = code.lines.map { $0.text.trimmed }.first { !$0.isEmpty && !$0.hasPrefix("#") }
        let isInferred = !isConsole && firstLine.flatMap(Self.promptLength) != nil
        let isTranscript = isConsole || isInferred
        var afterBlank = true
        var hereDocument: String?  // the delimiter that ends the here-document being read
        for source in code.lines {
            var text = String(source.text)
            let trimmed = text.trimmed
            if let delimiter = hereDocument {
                // A here-document's body belongs to its command, blank lines and `#` lines included.
                lines.append(text)
                if trimmed == delimiter { hereDocument = nil }
                continue
            }
            if trimmed.isEmpty {
                flush()
                continuing = false
                afterBlank = true
                continue
            }
            defer { afterBlank = false }
            // In a transcript, a `#` line right under a command or its output is output (`# HELP ...`).
            if isInferred, !continuing, trimmed.hasPrefix("#"), !afterBlank { continue }
            if trimmed.hasPrefix("#"), !continuing, !trimmed.hasPrefix("#!"), !(isConsole && trimmed.hasPrefix("# ")) {
                let body = String(trimmed.drop { $0 == "#" }).trimmed
                let lower = body.lowercased()
                if lower.hasPrefix("output") || lower.hasPrefix("expected") || lower.hasPrefix("=>") { continue }
                flush()
                comment = CommandAnnotations.parse(body)
                continue
            }
            if isTranscript, !continuing {
                let prompt = isConsole && trimmed.hasPrefix("# ") ? 2 : Self.promptLength(trimmed)
                guard let prompt else { continue }
                text = String(trimmed.dropFirst(prompt))
                // Each prompt starts a command of its own; a comment's title stays with the first.
                if !lines.isEmpty { flush() }
            }
            if comment == nil, !continuing, !lines.isEmpty { flush() }
            if lines.isEmpty { startLine = source.number }
            lines.append(text)
            // A line goes on at the next after a `\`, and, as the shell reads it, while a quote, `$(` or a
            // backtick it opened is open (`oc patch x -p '{` ... `}'`).
            let sofar = lines.joined(separator: "\n")
            continuing =
                trimmed.hasSuffix("\\") || TemplateScanner.unclosed(sofar) != nil || Self.openCompounds(sofar) > 0
            hereDocument = Self.hereDocumentDelimiter(in: text)
        }
        flush()
        return commands
    }

    /// The length in characters of the shell prompt a transcript line starts with, nil when it starts with
    /// none: `$ `, `❯ `, and a prompt word ending in `$` or `#` (`sh-5.1$ `, `bash-4.4# `,
    /// `[rook@ceph-tools /]$ `, `root@node:~# `).
    static func promptLength(_ line: String) -> Int? {
        if line.hasPrefix("$ ") || line.hasPrefix("❯ ") { return 2 }
        var word = line.prefix { $0 != " " }
        // `[user@host dir]$`: the bracket holds a blank.
        if line.hasPrefix("["), let close = line.firstIndex(of: "]") {
            word = line[...close] + line[line.index(after: close)...].prefix { $0 != " " }
        }
        guard word.count >= 2, word.count < line.count, let last = word.last, last == "$" || last == "#",
            word.dropLast().allSatisfy({ $0.isLetter || $0.isNumber || "_.@:~/-[] ".contains($0) }),
            word.dropLast().contains(where: { $0.isLetter })
        else { return nil }
        return word.count + 1
    }

    /// Whether the first line of a would-be command is text a command printed, or a query in another
    /// language, rather than a command: a `key:` of YAML or of a status report (`health: HEALTH_WARN`),
    /// JSON (`"reason": ...`, a lone `{` or `}`), a number, or a PromQL expression
    /// (`rate(x[5m])`, `metric{mode="idle"}`, `/ scalar(...)`), or words of prose (`Warning ...`). Such
    /// lines turn up in untagged blocks beside the commands that printed them; run, they would fail.
    static func looksLikeOutput(_ line: String) -> Bool {
        let trimmed = line.trimmed
        guard let word = trimmed.split(separator: " ").first.map(String.init) else { return false }
        if ["{", "[", "(", "}", "]", ")", "},", "],"].contains(trimmed) { return true }
        if word.hasSuffix(":") || word.hasPrefix("//") || word.hasPrefix("}") || word.hasPrefix("]")
            || word.hasPrefix(")")
        {
            return true
        }
        if word.hasPrefix("\""), word.contains("\":") || word.hasSuffix(",") { return true }
        // PromQL's operators and joins: no program is called `and`, and `> 2` would only empty a file.
        if ["/", "-", "+", "*", ">", "<", "==", "!=", ">=", "<=", "%", "^", "and", "or", "unless"].contains(word)
            || Double(word) != nil
        {
            return true
        }
        let unquoted = Self.withoutQuotedText(trimmed)
        // `sum by(job) (rate(x[5m]))`, `irate (x[5m])`, `x * on (node) group_left() (y)`: PromQL, which to
        // the shell is a syntax error.
        if Self.hasStrayParenthesis(unquoted) { return true }
        // A row of a table a command printed: columns aligned with runs of spaces, no shell syntax.
        if unquoted.components(separatedBy: "   ").filter({ !$0.trimmed.isEmpty }).count >= 3,
            !unquoted.contains(where: { "|;&<>$=`".contains($0) })
        {
            return true
        }
        // `rate(`, `topk(5,`, `up{job="x"}`: a call or a selector, unless an assignment or a function.
        if let bracket = word.firstIndex(where: { $0 == "(" || $0 == "{" }), bracket != word.startIndex,
            !word[..<bracket].contains("="), !word.hasPrefix("$"), !word.hasSuffix("()")
        {
            return true
        }
        // Prose and report lines start with a capital (`Warning`, `Cluster`); commands and `NAME=value`
        // assignments do not.
        if let first = word.first, first.isUppercase, !word.contains("="), !word.contains("/") { return true }
        return false
    }

    /// Whether an unquoted line has a `(` the shell would reject: not a substitution (`$(`, `<(`), an array
    /// (`=(`), a function's `()`, an escaped `\(`, or a subshell where a command starts (`(cd /tmp && ls)`,
    /// `if (...)`). Arithmetic (`((`) is not judged.
    static func hasStrayParenthesis(_ unquoted: String) -> Bool {
        guard !unquoted.contains("((") else { return false }
        let characters = Array(unquoted)
        let startsCommand = CodeRunners.commandKeywords.union(["time"])
        for (index, character) in characters.enumerated() where character == "(" {
            if index + 1 < characters.count, characters[index + 1] == ")" { continue }
            if index > 0, "$<>=@!+*?\\".contains(characters[index - 1]) { continue }
            var before = index - 1
            while before >= 0, characters[before] == " " || characters[before] == "\t" { before -= 1 }
            if before < 0 || ";|&(".contains(characters[before]) { continue }
            var start = before
            while start > 0, !" \t;|&(".contains(characters[start - 1]) { start -= 1 }
            if startsCommand.contains(String(characters[start...before])) { continue }
            return true
        }
        return false
    }

    /// `line` without the text inside its quotes (the quotes stay).
    static func withoutQuotedText(_ line: String) -> String {
        var result = ""
        var quote: Character?
        for character in line {
            if let open = quote {
                if character == open {
                    quote = nil
                    result.append(character)
                }
            } else {
                if character == "'" || character == "\"" { quote = character }
                result.append(character)
            }
        }
        return result
    }

    /// How many compound commands (`for ...; do`, `while`, `if ... then`, `case`, a function's `{`) `text`
    /// opens and does not close: a loop written over several lines is one command, as the shell reads it.
    static func openCompounds(_ text: String) -> Int {
        var open = 0
        for line in text.split(separator: "\n") {
            var atCommand = true
            for word in withoutQuotedText(String(line)).split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                if word.hasPrefix("#") { break }
                var name = Substring(word)
                // `done;`, `fi)`: the separator after a keyword ends it.
                let separated = name.last.map { ";&|)".contains($0) } ?? false
                while let last = name.last, ";&|)".contains(last) { name = name.dropLast() }
                // A function's body or a group: `queue() {` ... `}`.
                if name == "{" { open += 1 }
                if atCommand {
                    switch name {
                    case "for", "while", "until", "select", "if", "case": open += 1
                    case "done", "fi", "esac", "}": open -= 1
                    default: break
                    }
                }
                atCommand = separated || name.isEmpty || ["do", "then", "else", "elif", "{", "(", "!"].contains(name)
            }
        }
        return max(0, open)
    }

    /// `text` with each unquoted `<name>` written as the placeholder `{{name}}`: runbooks that are not
    /// written for the tool mark the values to fill in that way (`oc logs <POD_NAME> -n x`), which the
    /// shell would read as redirections. Quoted (`grep '<title>'`), in a comment, or in a command with a
    /// here-document, it stays as written.
    static func withAngleBracketPlaceholders(_ text: String) -> String { angleBracketPlaceholders(in: text).text }

    /// `text` as `withAngleBracketPlaceholders` writes it, and the names it turned into placeholders.
    static func angleBracketPlaceholders(in text: String) -> (text: String, names: [String]) {
        guard text.contains("<"), !text.contains("<<") else { return (text, []) }
        let characters = Array(text)
        var result = ""
        var names: [String] = []
        var quote: Character?
        var index = 0
        func isNameCharacter(_ character: Character) -> Bool {
            character.isASCII && (character.isLetter || character.isNumber || "_-.".contains(character))
        }
        while index < characters.count {
            let character = characters[index]
            if let open = quote {
                if character == open { quote = nil }
                if character == "\\", open == "\"", index + 1 < characters.count {
                    result.append(character)
                    index += 1
                    result.append(characters[index])
                    index += 1
                    continue
                }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "\\", index + 1 < characters.count {
                result.append(contentsOf: [character, characters[index + 1]])
                index += 2
                continue
            } else if character == "#", index == 0 || characters[index - 1] == " " || characters[index - 1] == "\t" {
                result.append(contentsOf: characters[index...])
                break
            } else if character == "<", index + 1 < characters.count, characters[index + 1].isLetter,
                characters[index + 1].isASCII, index == 0 || !characters[index - 1].isNumber
            {
                var end = index + 1
                while end < characters.count, isNameCharacter(characters[end]) { end += 1 }
                if end < characters.count, characters[end] == ">",
                    end + 1 == characters.count || !isNameCharacter(characters[end + 1])
                {
                    let name = String(characters[(index + 1)..<end])
                    if !names.contains(name) { names.append(name) }
                    result += "{{" + name + "}}"
                    index = end + 1
                    continue
                }
            }
            result.append(character)
            index += 1
        }
        return (result, names)
    }

    /// The delimiter of a here-document a line opens (`cat <<'EOF' > f`, `<<-END`), or nil.
    static func hereDocumentDelimiter(in line: String) -> String? {
        var rest = line[...]
        while let range = rest.range(of: "<<") {
            var after = rest[range.upperBound...]
            rest = after
            if after.hasPrefix("<") { continue }  // `<<<` is a here-string
            if after.hasPrefix("-") { after = after.dropFirst() }
            after = after.drop { $0 == " " || $0 == "\t" }
            let word = after.prefix { !" \t;&|<>()".contains($0) }.filter { $0 != "'" && $0 != "\"" && $0 != "\\" }
            // A delimiter is a word (`EOF`, `END_SQL`); `$((1 << 2))` shifts a number.
            if let first = word.first, first.isLetter || first == "_" { return String(word) }
        }
        return nil
    }
}
