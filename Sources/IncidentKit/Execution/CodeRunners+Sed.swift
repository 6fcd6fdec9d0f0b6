import Foundation

/// sed scripts that cannot run or write anything: their files and input stay data.
extension CodeRunners {
    /// One command of a sed script that cannot run or write anything: an optional address (a line, `$`,
    /// a `/regex/`, or a range of them), then `d p q Q = n N g G h H x D P`, or `s/a/b/` with the flags
    /// `g p i I` and a number, or `y/abc/xyz/`. (`e`, `s///e`, `w`, `r` and `{...}` are not plain.)
    static let plainSedCommand: String = {
        // A bracket expression is taken whole by sed (`[/]` holds no delimiter): only simple ones, with no
        // `/` or `[` inside, are plain.
        let bracket = #"\[\^?\]?[^\]\[/\n]*\]"#
        let body = #"(\\.|"# + bracket + #"|[^/\\\n\[])*"#
        let regex = "/" + body + "/"
        let address = #"(\d+|\$|"# + regex + #")(\s*,\s*(\d+|\$|\+\d+|"# + regex + #"))?"#
        let substitution = "s/" + body + #"/(\\.|[^/\\\n])*/[gpiI0-9]*"#
        let transliteration = #"y/(\\.|[^/\\\n])*/(\\.|[^/\\\n])*/"#
        return "(" + address + #")?\s*!?\s*([dpqQ=nNgGhHxDP]|"# + substitution + "|" + transliteration + ")"
    }()

    /// Whether a sed script is only plain commands (`plainSedCommand`), separated by `;` or line breaks.
    static func isPlainSedScript(_ script: String) -> Bool {
        let command = plainSedCommand
        let whole = #"^\s*"# + command + #"(\s*[;\n]\s*"# + command + #")*\s*;?\s*$"#
        return script.range(of: whole, options: .regularExpression) != nil
    }

    /// The positions of a plain sed command's file operands in its segment's words, nil when it is not
    /// plain: a script file (`-f`), or a script that can run commands (`e`) or write files (`w`).
    static func sedOperands(_ segment: ShellSegment) -> [Int]? {
        let words = segment.words
        guard let first = words.first, ["sed", "gsed"].contains(baseName(first)) else { return nil }
        var scripts: [String] = []
        var index = 1
        while index < words.count, words[index].hasPrefix("-"), words[index] != "-" {
            let option = words[index]
            if option == "--" {
                index += 1
                break
            }
            if option == "-e" || option == "--expression" {
                guard index + 1 < words.count, !segment.expanding.contains(index + 1) else { return nil }
                scripts.append(words[index + 1])
                index += 2
                continue
            }
            if option.hasPrefix("--expression=") {
                guard !segment.expanding.contains(index) else { return nil }
                scripts.append(String(option.dropFirst("--expression=".count)))
            } else if ![
                "-n", "--quiet", "--silent", "-E", "-r", "--regexp-extended", "-u", "--unbuffered", "-s",
                "--separate", "-z", "--null-data", "--posix", "--debug",
            ].contains(option) {
                return nil  // `-f FILE`, `-i`, an option that takes a value, or one not known
            }
            index += 1
        }
        if scripts.isEmpty {
            guard index < words.count else { return nil }
            // A script the shell expands something into (`sed "/$V/p"`) can be given `e` by a variable.
            guard !segment.expanding.contains(index) else { return nil }
            scripts.append(words[index])
            index += 1
        }
        // GNU sed reads options after the files too (`sed 1p -e SCRIPT FILE`): none may follow.
        guard scripts.allSatisfy(isPlainSedScript),
            !words[index...].contains(where: { $0.hasPrefix("-") && $0 != "-" })
        else { return nil }
        return Array(index..<words.count)
    }
}

extension CodeRunners {
    /// Programs whose first operand is a query in a language that reads the environment (`$ENV`, `env`)
    /// and, for yq, files (`load`): a value there is code, though no command runs.
    static let queryPrograms: Set<String> = ["jq", "gojq", "jaq", "yq"]

    /// The positions in `words` (a segment's command words) of the query a jq-like program runs, or of
    /// the file it reads its query from (`-f`), wherever the program stands (`timeout 5 jq`, `if jq`).
    /// After an option this does not know, every operand counts: it may have taken the query's place.
    static func queryPositions(_ words: [String], markers: [String] = []) -> [Int] {
        var found: [Int] = []
        for start in programPositions(words, markers: markers) {
            let program = baseName(words[start])
            guard queryPrograms.contains(program) else { continue }
            let flags: Set<String> = [
                "-r", "-j", "-a", "-c", "-n", "-e", "-s", "-S", "-C", "-M", "-R", "-y", "-Y", "-P", "-N", "--tab",
                "--raw-output", "--compact-output", "--null-input", "--exit-status", "--slurp", "--sort-keys",
                "--ascii-output", "--join-output", "--raw-input", "--seq", "--stream", "--unbuffered", "--yaml-output",
                "--yaml-roundtrip", "--args", "--jsonargs", "--color-output", "--monochrome-output", "--prettyPrint",
            ]
            let oneValue: Set<String> = [
                "--indent", "-L", "-o", "--output-format", "-p", "--input-format", "-I", "-w", "--width",
            ]
            let twoValues: Set<String> = ["--arg", "--argjson", "--slurpfile", "--rawfile", "--argfile"]
            var index = start + 1
            var subcommand = program != "yq"
            var unknown = false
            var query: Int?
            while index < words.count {
                let word = words[index]
                if unknown {
                    if !word.hasPrefix("-") { found.append(index) }
                    index += 1
                    continue
                }
                if word == "--" {
                    if index + 1 < words.count, query == nil { found.append(index + 1) }
                    break
                }
                if ["-f", "--from-file", "--expression"].contains(word) {
                    if index + 1 < words.count { found.append(index + 1) }
                    query = index + 1
                    index += 2
                } else if twoValues.contains(word) {
                    index += 3
                } else if oneValue.contains(word) {
                    index += 2
                } else if word.hasPrefix("--from-file=") || word.hasPrefix("--expression=") {
                    found.append(index)
                    query = index
                    index += 1
                } else if flags.contains(word)
                    || word.hasPrefix("-") && !word.hasPrefix("--") && word.count > 1
                        && word.dropFirst().allSatisfy({ "rjacnesSCMRyYPN".contains($0) })
                {
                    index += 1
                } else if word.hasPrefix("-"), word != "-" {
                    unknown = true
                    index += 1
                } else if !subcommand, ["e", "eval", "ea", "eval-all"].contains(word) {
                    subcommand = true
                    index += 1
                } else {
                    if query == nil {
                        found.append(index)
                        query = index
                    }
                    index += 1
                }
            }
        }
        return found
    }
}
