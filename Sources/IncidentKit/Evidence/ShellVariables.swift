import Foundation

/// The shell variables a runbook written for people leaves to its reader: `oc -n $NAMESPACE get pods`
/// after "set NAMESPACE to the alert's namespace", or after a block that sets it
/// (`export NAMESPACE="$(oc get kubevirt -A -o ...)"`). Each command runs in a shell of its own, where
/// such a variable would be empty and `-n` would take the next word as its value.
///
/// A name is the reader's to give when it is all capitals, the command does not set it itself, and no
/// shell or login sets it (`HOME`, `KUBECONFIG`, `LC_*`...). A name that reads like a secret (`TOKEN`,
/// `PASSWORD`, `API_KEY`, `GITHUB_PAT`, `MYSQL_PWD`: `secretWords`, `secretParts`) is left to the shell.
/// A value taken from the environment is never written into a command: the command reads it there.
enum ShellVariables {
    /// A `$NAME` or `${NAME}` in a command: where it stands (UTF-8 offsets) and its name.
    struct Reference: Equatable {
        var name: String
        var range: Range<Int>
    }

    /// What a command made only of assignments does with a name.
    enum Definition: Equatable {
        /// `NAMESPACE='<value>'`: the runbook asks the reader for the value.
        case fillIn
        /// `NAMESPACE="$(oc get ...)"` or `NAMESPACE=kube-etcd`: the runbook computes or fixes it.
        case computed
    }

    /// Names the shell, the login or the terminal sets.
    static let standard: Set<String> = [
        "HOME", "PATH", "USER", "LOGNAME", "PWD", "OLDPWD", "SHELL", "HOSTNAME", "HOST", "HOSTTYPE", "OSTYPE",
        "TMPDIR", "TMP", "TEMP", "LANG", "LANGUAGE", "TERM", "EDITOR", "VISUAL", "PAGER", "KUBECONFIG", "UID",
        "EUID", "GID", "PPID", "RANDOM", "SECONDS", "LINENO", "IFS", "DISPLAY", "MAIL", "OPTARG", "OPTIND",
        "REPLY", "PIPESTATUS", "HISTFILE", "COLUMNS", "LINES", "PS1", "PS2", "PS4", "BASHPID", "FUNCNAME",
        "GOPATH", "GOROOT", "JAVA_HOME", "EPOCHSECONDS", "EPOCHREALTIME", "SRANDOM", "HISTSIZE", "PROMPT_COMMAND",
        "USERNAME", "TZ", "SHLVL", "LS_COLORS", "LD_LIBRARY_PATH", "LD_PRELOAD", "MANPATH", "CDPATH", "HISTCONTROL",
        "HISTFILESIZE", "MAILPATH", "LESS", "PYTHONPATH", "VIRTUAL_ENV", "BROWSER", "NO_COLOR", "CI", "COLORTERM",
        "TERM_PROGRAM", "MACHTYPE", "BASH", "INCIDENT_LIBRARY", "INCIDENT_HOME", "SHELLOPTS", "BASHOPTS",
    ]
    static let standardPrefixes = ["LC_", "XDG_", "BASH_", "SSH_", "SUDO_", "DBUS_"]
    /// Words in the parts of names that hold secrets (`DB_PASSWORD`, `APIKEY`, `MYSQL_PWD`).
    static let secretWords = [
        "TOKEN", "SECRET", "PASSWORD", "PASSWD", "PASS", "KEY", "CRED", "AUTH", "PRIV", "COOKIE", "SESSION",
        "BEARER", "SIGNATURE", "SALT", "PWD", "CONN", "HOOK", "HMAC",
    ]
    /// Parts of names that are secrets when they are the whole part (`ADMIN_PW`, `SENTRY_DSN`).
    static let secretParts: Set<String> = ["PW", "PIN", "PAT", "OTP", "DSN", "JWT", "MFA", "TOTP"]

    /// Whether `name` is one the reader gives: all capitals and digits, not the shell's, not a secret.
    static func isReaders(_ name: String) -> Bool {
        guard name.utf8.count >= 2, let first = name.utf8.first, first >= 0x41 && first <= 0x5A,
            name.utf8.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F })
        else { return false }
        if standard.contains(name) || standardPrefixes.contains(where: name.hasPrefix) { return false }
        return !looksSecret(name)
    }

    /// Whether a name, in any case (`DB_PASSWORD`, `db-pass`, `apiKey`, `LDAP_BINDPW`), names a secret.
    static func looksSecret(_ name: String) -> Bool {
        let parts = name.uppercased().split { $0 == "_" || $0 == "-" || $0 == "." }
        return secretWords.contains { word in parts.contains { $0.contains(word) } }
            || parts.contains { part in
                secretParts.contains(String(part)) || part.hasSuffix("PW")
                    || ["PW", "PIN", "OTP", "MFA", "TOTP"].contains { part.hasPrefix($0) }
            }
    }

    /// The `$NAME` and `${NAME}` of `text` the shell expands: outside single quotes and comments. Nothing
    /// in a command with backticks or a here-document, whose quoting the scan does not follow.
    static func references(in text: String) -> [Reference] {
        let bytes = Array(text.utf8)
        guard !bytes.contains(0x60), !text.contains("<<") else { return [] }
        var references: [Reference] = []
        var index = 0
        // One level per `$(` (whose text is quoted afresh, `"$(awk '{print $NF}')"`): whether it is
        // inside double quotes, and how many plain `(` are open in it.
        var levels: [(inDouble: Bool, parentheses: Int)] = [(false, 0)]
        func isNameByte(_ byte: UInt8) -> Bool {
            TextAnalyzer.isDigit(byte) || TextAnalyzer.isLowerLetter(byte) || TextAnalyzer.isUpper(byte) || byte == 0x5F
        }
        func atWordStart(_ index: Int) -> Bool {
            index == 0 || [0x20, 0x09, 0x0A, 0x3B, 0x26, 0x7C, 0x28].contains(bytes[index - 1])
        }
        while index < bytes.count {
            let byte = bytes[index]
            let inDouble = levels[levels.count - 1].inDouble
            switch byte {
            case 0x5C:  // a backslash keeps the next byte as it is
                index += 2
                continue
            case 0x27 where !inDouble:
                index += 1
                while index < bytes.count, bytes[index] != 0x27 { index += 1 }
            case 0x22:
                levels[levels.count - 1].inDouble.toggle()
            case 0x23 where !inDouble && atWordStart(index):
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                continue
            case 0x28 where !inDouble:
                levels[levels.count - 1].parentheses += 1
            case 0x29 where !inDouble:
                if levels[levels.count - 1].parentheses > 0 {
                    levels[levels.count - 1].parentheses -= 1
                } else if levels.count > 1 {
                    levels.removeLast()
                }
            case 0x24 where index + 1 < bytes.count && bytes[index + 1] == 0x24:  // `$$`, the shell's pid
                index += 2
                continue
            case 0x24 where index + 1 < bytes.count && bytes[index + 1] == 0x28:
                levels.append((false, 0))
                index += 2
                continue
            case 0x24 where index + 1 < bytes.count:
                let braced = bytes[index + 1] == 0x7B
                let start = index + (braced ? 2 : 1)
                var end = start
                while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
                guard end > start, !TextAnalyzer.isDigit(bytes[start]) else { break }
                // `${NAME:-default}` and the other operators are left as written.
                if braced, end >= bytes.count || bytes[end] != 0x7D { break }
                let name = String(decoding: bytes[start..<end], as: UTF8.self)
                references.append(Reference(name: name, range: index..<(braced ? end + 1 : end)))
                index = braced ? end + 1 : end
                continue
            default:
                break
            }
            index += 1
        }
        return references
    }

    private static let fillInWithBlanks = try! NSRegularExpression(
        pattern: #"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(['"]?)<[^<>\n]*>\2\s*$"#)

    /// Where a command starts: the line's start, after `;`, `&`, `|`, `(` or a line break, or after a
    /// keyword that runs the next word (`while read`, `do export`).
    private static let commandStart = #"(?:^|[;&|(\n]|(?:^|\s)(?:do|then|else|elif|while|until|if|!|time))\s*"#
    private static let assignment = try! NSRegularExpression(
        pattern: #"(?:^|[\s;&|(])([A-Za-z_][A-Za-z0-9_]*)\+?="#, options: .anchorsMatchLines)
    private static let loop = try! NSRegularExpression(
        pattern: commandStart + #"(?:for|select)\s+([A-Za-z_][A-Za-z0-9_]*)"#, options: .anchorsMatchLines)
    private static let reading = try! NSRegularExpression(
        pattern: commandStart
            + #"(read|readarray|mapfile|getopts|printf|declare|typeset|local|export|readonly)\b([^;&|\n<>]*)"#,
        options: .anchorsMatchLines)

    /// The names `text` sets itself: `NAME=`, `for NAME in`, and the names `read`, `mapfile`, `getopts`,
    /// `printf -v`, `declare`, `local` or `export` are given where a command starts.
    static func assigned(in text: String) -> Set<String> {
        let range = NSRange(text.startIndex..., in: text)
        var names: Set<String> = []
        for expression in [assignment, loop] {
            for match in expression.matches(in: text, range: range) {
                if let name = Range(match.range(at: 1), in: text) { names.insert(String(text[name])) }
            }
        }
        for match in reading.matches(in: text, range: range) {
            guard let builtin = Range(match.range(at: 1), in: text), let rest = Range(match.range(at: 2), in: text)
            else { continue }
            let words = text[rest].split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            // The options of `read` and `mapfile` that take a value (`read -p PROMPT`); `printf` sets only
            // the name after `-v`.
            let valued: Set<Character> =
                text[builtin] == "read" ? ["p", "d", "n", "N", "t", "u", "i"] : ["d", "n", "O", "s", "u", "C", "c"]
            var skip = false
            for (index, word) in words.enumerated() {
                if skip {
                    skip = false
                    continue
                }
                if text[builtin] == "printf" {
                    if word == "-v", index + 1 < words.count { names.insert(words[index + 1]) }
                    continue
                }
                if word.hasPrefix("-") {
                    skip = word.count == 2 && valued.contains(word.last!)
                    continue
                }
                let name = String(word.prefix { $0 != "=" && $0 != "+" })
                if let first = name.first, first.isLetter || first == "_",
                    name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
                {
                    names.insert(name)
                }
            }
        }
        return names
    }

    /// The names a command made only of assignments sets (`export NAMESPACE="$(...)"`,
    /// `NODE_NAME='<value>'`), with what it does with each; nil for any other command.
    static func definitions(in text: String) -> [(name: String, definition: Definition)]? {
        // `MYPOD=<pod identified as the problem pod>`: to the shell a redirection, to the reader a blank.
        let range = NSRange(text.startIndex..., in: text)
        if let match = fillInWithBlanks.firstMatch(in: text, range: range),
            let name = Range(match.range(at: 1), in: text)
        {
            return [(String(text[name]), .fillIn)]
        }
        let lexed = ShellLexer.lex(text)
        var result: [(name: String, definition: Definition)] = []
        for segment in lexed.segments where !segment.isEmpty {
            guard segment.redirections.isEmpty, segment.hereDocuments.isEmpty else { return nil }
            var words = segment.words[...]
            if words.first == "export" || words.first == "readonly" { words = words.dropFirst() }
            for word in words {
                guard RiskClassifier.isAssignment(word), let equals = word.firstIndex(of: "=") else { return nil }
                let name = String(word[..<equals]).replacingOccurrences(of: "+", with: "")
                let value = word[word.index(after: equals)...]
                result.append((name, isFillIn(value) ? .fillIn : .computed))
            }
        }
        return result.isEmpty ? nil : result
    }

    /// `<value>`, `<namespace name>`, an empty value, or a lone `{{name}}`: what the reader writes in.
    private static func isFillIn(_ value: Substring) -> Bool {
        if value.isEmpty { return true }
        if value.hasPrefix("{{"), value.hasSuffix("}}"), !value.dropFirst(2).dropLast(2).contains("{") {
            return true
        }
        guard let open = value.firstIndex(of: "<"), let close = value[open...].firstIndex(of: ">") else {
            return false
        }
        return close > value.index(after: open) && !value.contains("$(")
    }

    /// `text` with each reference to a reader's variable it does not set written as the placeholder
    /// `{{NAME}}`, and the names so written, in order of first use.
    static func placeholders(in text: String, skipping defined: Set<String>) -> (text: String, names: [String]) {
        let assigned = assigned(in: text)
        let references = references(in: text).filter {
            isReaders($0.name) && !assigned.contains($0.name) && !defined.contains($0.name)
        }
        guard !references.isEmpty else { return (text, []) }
        var bytes = Array(text.utf8)
        var names: [String] = []
        for reference in references.reversed() {
            bytes.replaceSubrange(reference.range, with: Array("{{\(reference.name)}}".utf8))
        }
        for reference in references where !names.contains(reference.name) { names.append(reference.name) }
        return (String(decoding: bytes, as: UTF8.self), names)
    }
}
