import Foundation

/// Where a command's quoting, comments or assignments could carry a value somewhere `CodeRunners` does
/// not follow: constructs that dash, bash and the scanner read differently, and variables a value is
/// assigned to and then expanded.
extension CodeRunners {
    /// Whether a `#` outside quotes follows something other than a blank (`\;#`, `$(date)#`), where
    /// whether it starts a comment depends on how the shell read what came before; `$#`, `${#x}` and a
    /// quoted `'^#'` are no comments anywhere.
    static func hasUnquotedHashInsideAWord(_ text: String) -> Bool {
        var quote: Character?
        var previous: Character = " "
        var escaped = false
        for character in text {
            defer { previous = character }
            if escaped {
                escaped = false
                continue
            }
            if let open = quote {
                if character == open {
                    quote = nil
                } else if character == "\\", open == "\"" {
                    escaped = true
                }
                continue
            }
            switch character {
            case "\\": escaped = true
            case "'", "\"": quote = character
            case "#" where !previous.isWhitespace && previous != "$" && previous != "{": return true
            default: break
            }
        }
        return false
    }

    /// The markers inside a brace expansion (`{a,{{v}}}`, `{{{v}}..z}`), where bash, though not dash, makes
    /// the value a word of its own (an option, if it starts with `-`), quoted or not.
    static func bracedMarkers(_ probe: String, markers: [String]) -> Set<String> {
        let characters = Array(probe)
        var braced: Set<String> = []
        var quote: Character?
        var escaped = false
        // The unquoted `{`s open in the current word, each with whether a `,` or `..` stood in it; a word
        // goes on through `$(...)` and `<(...)` inside it.
        var open: [(start: Int, expands: Bool)] = []
        var depth = 0
        for (index, character) in characters.enumerated() {
            if escaped {
                escaped = false
                continue
            }
            if let current = quote {
                if character == current { quote = nil } else if character == "\\", current == "\"" { escaped = true }
                continue
            }
            if character == "(" || character == ")" {
                depth = max(0, depth + (character == "(" ? 1 : -1))
                continue
            }
            // A substitution's text is judged on its own (below); `<(` goes on with the word.
            if depth > 0
                || (character == "<" || character == ">") && characters.indices.contains(index + 1)
                    && characters[index + 1] == "("
            {
                continue
            }
            switch character {
            case "\\": escaped = true
            case "'", "\"": quote = character
            case " ", "\t", "\n", ";", "|", "&", "<", ">": open.removeAll()
            case "{" where index == 0 || characters[index - 1] != "$": open.append((index, false))
            case "," where !open.isEmpty: open[open.count - 1].expands = true
            case "." where !open.isEmpty && index + 1 < characters.count && characters[index + 1] == ".":
                open[open.count - 1].expands = true
            case "}" where !open.isEmpty:
                let group = open.removeLast()
                guard group.expands else { continue }
                let span = String(characters[group.start...index])
                for marker in markers where span.contains(marker) { braced.insert(marker) }
            default: break
            }
        }
        // Inside `$(...)`, quoted or not, braces expand afresh.
        for substitution in ShellLexer.lex(probe).substitutions where substitution != probe {
            braced.formUnion(bracedMarkers(substitution, markers: markers))
        }
        return braced
    }

    /// The markers inside a `$(...)` outside double quotes (`ls $(dirname {{v}})/app.log`,
    /// `$(expr {{v}})`): a program there may print the value back, and the shell splits that output into
    /// words and expands globs in it. An assignment's value (`POD=$(...)`) is not split, and kubectl's or
    /// oc's output is the cluster's names, not the value (`$(oc get pods -l app={{v}} -o name)`).
    static func splitSubstitutionMarkers(_ probe: String, markers: [String]) -> Set<String> {
        let characters = Array(probe)
        var leading: [String] = []
        var others: [String] = []
        for segment in ShellLexer.lex(probe).segments {
            let assignments = segment.words.prefix(while: RiskClassifier.isAssignment)
            leading += assignments
            others += segment.words.dropFirst(assignments.count) + segment.redirections.map(\.target)
        }
        var found: Set<String> = []
        var index = 0
        var inDouble = false
        while index < characters.count {
            let character = characters[index]
            if character == "\\" {
                index += 2
                continue
            }
            if character == "'", !inDouble {
                index += 1
                while index < characters.count, characters[index] != "'" { index += 1 }
            } else if character == "\"" {
                inDouble.toggle()
            } else if character == "$", index + 1 < characters.count, characters[index + 1] == "(",
                index + 2 >= characters.count || characters[index + 2] != "("
            {
                let end = closingParenthesis(characters, from: index + 2)
                let inner = String(characters[(index + 2)..<end])
                // An assignment as the lexer reads the line: a word before a command's program.
                let substitution = "$(" + inner + ")"
                let isAssignment =
                    leading.contains { $0.contains(substitution) }
                    && !others.contains { $0.contains(substitution) }
                if !inDouble, !isAssignment { found.formUnion(printedMarkers(inner, markers: markers)) }
                found.formUnion(splitSubstitutionMarkers(inner, markers: markers))
                index = end + 1
                continue
            }
            index += 1
        }
        return found
    }

    /// Where the `)` that closes a `$(` whose text starts at `start` stands (the end when none does).
    private static func closingParenthesis(_ characters: [Character], from start: Int) -> Int {
        var depth = 0
        var quote: Character?
        var index = start
        while index < characters.count {
            let character = characters[index]
            if let open = quote {
                if character == open {
                    quote = nil
                } else if character == "\\", open == "\"" {
                    index += 1
                }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "\\" {
                index += 1
            } else if character == "(" {
                depth += 1
            } else if character == ")" {
                if depth == 0 { return index }
                depth -= 1
            }
            index += 1
        }
        return characters.count
    }

    /// The markers in `text`'s commands, except those kubectl or oc are given.
    private static func printedMarkers(_ text: String, markers: [String]) -> Set<String> {
        // kubectl's and oc's output is the cluster's names when a value only selects (`-l app={{v}}`,
        // `-n {{ns}}`): not when the value is a name it may print back or a format, when a template decides
        // what it prints, or when anything redirects (errors quote what they were given) or nests.
        let plain = !text.contains(where: { "<>({".contains($0) })
        var selecting: Set<String> = []
        var printing: Set<String> = []
        for segment in ShellLexer.lex(text).segments {
            let words = Array(commandWords(segment))
            let program = programPositions(words, markers: markers).last.map { baseName(words[$0]) } ?? ""
            let selects =
                plain && ["kubectl", "oc"].contains(program)
                && !words.contains(where: { word in
                    ["template", "jsonpath", "custom-columns"].contains { word.contains($0) }
                })
                && words.indices.allSatisfy {
                    !markers.contains(where: words[$0].contains) || Self.selects(words, at: $0)
                }
            for marker in markers where segment.words.contains(where: { $0.contains(marker) }) {
                if selects { selecting.insert(marker) } else { printing.insert(marker) }
            }
        }
        // Anywhere but in a kubectl that only selects, a value may be printed back.
        return Set(markers.filter { text.contains($0) && (printing.contains($0) || !selecting.contains($0)) })
    }

    /// Whether the word at `index` of a kubectl command is the value of an option that selects what it
    /// reads (`-l`, `--selector`, `-n`, `--namespace`, `--field-selector`, `-c`, `--context`), attached or not.
    static func selects(_ words: [String], at index: Int) -> Bool {
        let options = ["-l", "--selector", "-n", "--namespace", "--field-selector", "-c", "--container", "--context"]
        if options.contains(where: { words[index].hasPrefix($0 + "=") }) { return true }
        return index > 0 && options.contains(words[index - 1])
    }

    /// Whether a `$(...)` holds a `)` between quotes (`$(grep -c "fatal)" f)`), which the lexer takes
    /// for its end.
    static func closesSubstitutionInQuotes(_ text: String) -> Bool {
        anyOpening("(", in: Array(text)) { characters, start in
            var quote: Character?
            var depth = 0
            for character in characters[start...] {
                if let open = quote {
                    if character == ")" { return true }
                    if character == open { quote = nil }
                } else if character == "'" || character == "\"" {
                    quote = character
                } else if character == "(" {
                    depth += 1
                } else if character == ")" {
                    if depth == 0 { return false }
                    depth -= 1
                }
            }
            return false
        }
    }

    /// Whether a `${...}` holds a quote or a `{` (`"${x:-'}'}"`, `${x:-"{"}`): bash and dash end it at
    /// different places, and the checker at a third.
    static func quotesABraceInParameter(_ text: String) -> Bool {
        anyOpening("{", in: Array(text)) { characters, start in
            for character in characters[start...] {
                if character == "'" || character == "\"" || character == "{" { return true }
                if character == "}" { return false }
            }
            return false
        }
    }

    /// Whether `holds` is true of the text after some `$` followed by `bracket` (`$(`, `${`), given the
    /// characters and the position after the bracket.
    private static func anyOpening(
        _ bracket: Character, in characters: [Character], holds: ([Character], Int) -> Bool
    ) -> Bool {
        characters.indices.dropLast().contains { index in
            characters[index] == "$" && characters[index + 1] == bracket && holds(characters, index + 2)
        }
    }

    /// A construct whose quotes dash, bash and `TemplateScanner` do not all end at the same place, nil
    /// when there is none: `$'...'` (dash has no such quotes), quotes inside `${...}` (dash ends it at the
    /// first `}`), a backslash inside backticks (dash removes one level first), and `case` inside a
    /// substitution (its patterns end in `)`).
    static func quotingAmbiguity(_ text: String) -> String? {
        if text.contains("$'") { return "$'...'" }
        // Constructs where the checker's reading of quotes, comments and here-documents has been seen to
        // part from dash's or bash's: not read at all, whatever they hold.
        if text.contains("`") { return "backticks" }
        if text.replacingOccurrences(of: "<<<", with: "").contains("<<") {
            return "a here-document"
        }
        if hasUnquotedHashInsideAWord(text) { return "a # inside a word" }
        if text.range(of: #"[^\s]\\\n"#, options: .regularExpression) != nil {
            return "a backslash-newline inside a word"
        }
        if text.contains("$[") { return "$[...]" }
        if text.range(of: #"(^|[^$])\(\("#, options: .regularExpression) != nil { return "((...))" }
        if closesSubstitutionInQuotes(text) { return "a ) quoted inside $(...)" }
        if quotesABraceInParameter(text) { return "quotes or braces inside ${...}" }
        if text.range(of: #"`[^`]*\\[^`]*`"#, options: .regularExpression) != nil { return "a backslash in backticks" }
        if text.contains("$(") || text.contains("`"),
            text.range(of: #"(^|[\s;&|(`])case\s"#, options: .regularExpression) != nil
        {
            return "case inside a substitution"
        }
        return nil
    }

    /// Markers assigned to a shell variable (`V={{v}}`, `export V=`, `for V in`, `read V <<<`, `set --`)
    /// that the command then expands (`$V`, `${V}`, `$1`, `"$@"`), with the reason each is refused:
    /// expanded, a value splits into words (`-n $V` gives kubectl more options) or lands in a script
    /// (`sed "/$V/p"`, `awk "/$V/"`) whatever program reads it.
    static func expandedAssignments(_ probe: String, markers: [String]) -> [String: String] {
        let segments = allSegments(probe)
        var assigned: [String: [String]] = [:]
        let probeWords = [probe]
        func assign(_ names: [String], from words: [String]) {
            let found = markers.filter { marker in words.contains { $0.contains(marker) } }
            guard !found.isEmpty else { return }
            for name in names { assigned[name, default: []] += found }
        }
        // Names exported (`export URL={{v}}`): every later program can read them (`printenv URL`).
        var exported: Set<String> = []
        for segment in segments {
            let words = segment.words
            if ["export", "declare", "typeset"].contains(words.first ?? ""),
                words.first == "export" || words.contains(where: { $0.hasPrefix("-") && $0.contains("x") })
            {
                for word in words.dropFirst() where !word.hasPrefix("-") {
                    exported.insert(String(word.prefix { $0 != "=" && $0 != "+" }))
                }
            }
            for word in words where RiskClassifier.isAssignment(word) {
                let name = String(word.prefix { $0 != "=" && $0 != "+" })
                assign([name], from: [String(word.drop { $0 != "=" })])
            }
            let program = words.drop(while: RiskClassifier.isAssignment).first.map(baseName) ?? ""
            let everything = probeWords
            if program == "for", words.count > 1 {
                // `for x in {{v}}`, and `for x do`, which loops over the positional parameters.
                assign([words[1]], from: words.count > 2 && words[2] == "in" ? Array(words.dropFirst(3)) : everything)
            } else if program == "read" || program == "getopts" || program == "mapfile" || program == "readarray" {
                // What they read may come from a file the command wrote: every value on the line counts.
                let names = words.dropFirst().filter { !$0.hasPrefix("-") }
                assign(names + ["OPTARG", "REPLY", "MAPFILE"], from: everything)
            } else if program == "printf", let at = words.firstIndex(of: "-v"), at + 1 < words.count {
                assign([words[at + 1]], from: everything)
            } else if program == "set" {
                assign(["1", "2", "3", "4", "5", "6", "7", "8", "9", "@", "*"], from: Array(words.dropFirst()))
            }
        }
        // `A=(...)`: the lexer ends the word at `(`, so the array's values are not in it.
        if let array = probe.range(of: #"[A-Za-z_][A-Za-z0-9_]*\+?=\("#, options: .regularExpression) {
            assign([String(probe[array].prefix { $0 != "=" && $0 != "+" })], from: probeWords)
        }
        // `$_` (the last argument of the previous command) and `${!name}`, a nameref (`declare -n`, `local
        // -n`): expansions of values that no assignment names.
        let hidden = #"\$_(?![A-Za-z0-9_])|\$\{_\}|\$\{!|(declare|typeset|local)\s+-[A-Za-z]*n"#
        if probe.range(of: hidden, options: .regularExpression) != nil { assign(["_"], from: probeWords) }
        var reasons: [String: String] = [:]
        for name in assigned.keys.sorted() {
            if name == "_" {
                for marker in assigned[name]! where reasons[marker] == nil {
                    reasons[marker] =
                        "in a command that expands $_, ${!...} or a nameref, where the value could reach a script"
                }
                continue
            }
            if exported.contains(name), segments.count > 1 {
                for marker in assigned[name]! where reasons[marker] == nil {
                    reasons[marker] = "in $\(name), which the command exports, where every later program can read it"
                }
                continue
            }
            let escaped = NSRegularExpression.escapedPattern(for: name)
            let expansion =
                #"\$\{?[#!]?"# + escaped + (name.first?.isLetter == true || name.first == "_" ? "(?![A-Za-z0-9_])" : "")
            guard probe.range(of: expansion, options: .regularExpression) != nil else { continue }
            for marker in assigned[name]! where reasons[marker] == nil {
                reasons[marker] =
                    "in $\(name), which the command expands where the value could split into words or reach a script"
            }
        }
        return reasons
    }
}
