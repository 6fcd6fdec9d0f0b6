import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An error pattern ready to test lines: its text lowercased once, or its regular expression compiled once.
struct CompiledPattern {
    var source: ErrorPattern
    /// How specific the pattern is: its length in characters, or for a regular expression the length of
    /// its literal text (see `literalLength(ofRegex:)`).
    var specificity: Int
    /// The plain text's UTF-8 bytes, lowercased.
    private var needle: [UInt8]
    private var regex: NSRegularExpression?

    /// Nil for a pattern that cannot be used: empty text, or a regular expression that does not compile
    /// or that matches an empty line (it would match every line).
    init?(_ pattern: ErrorPattern) {
        source = pattern
        if pattern.isRegex {
            guard let regex = Self.regex(pattern.pattern) else { return nil }
            self.regex = regex
            needle = []
            specificity = Self.literalLength(ofRegex: pattern.pattern)
        } else {
            needle = Self.loweredBytes(pattern.pattern)
            guard !needle.isEmpty else { return nil }
            specificity = pattern.pattern.count
        }
    }

    /// The pattern as shown in a finding: regular expressions between slashes, as written.
    var displayText: String { source.isRegex ? "/\(source.pattern)/" : source.pattern }

    /// Whether `line` contains the pattern, ignoring case; `lowered` is `loweredBytes(line)`, computed once
    /// per line for all patterns.
    func matches(_ line: String, lowered: [UInt8]) -> Bool {
        if let regex {
            return regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
        }
        return Self.contains(lowered, needle)
    }

    /// The UTF-8 bytes of `text` lowercased: byte by byte for ASCII text (most log lines), else through
    /// `String.lowercased()`.
    static func loweredBytes(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        let isASCII = bytes.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices {
                let byte = buffer[index]
                if byte >= 0x80 { return false }
                if byte &- 0x41 < 26 { buffer[index] = byte | 0x20 }
            }
            return true
        }
        return isASCII ? bytes : Array(text.lowercased().utf8)
    }

    /// Whether `needle` occurs in `haystack` (bytes compared exactly; both are lowercased already).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count else { return false }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                guard let hayStart = hay.baseAddress, let pinStart = pin.baseAddress else { return false }
                // memchr finds each candidate first byte, memcmp checks the rest (memmem is not portable).
                let first = Int32(pinStart[0])
                var offset = 0
                let last = hay.count - pin.count
                while offset <= last {
                    guard let found = memchr(hayStart + offset, first, last - offset + 1) else { return false }
                    let position = hayStart.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(hayStart + position, pinStart, pin.count) == 0 { return true }
                    offset = position + 1
                }
                return false
            }
        }
    }

    /// Where the pattern occurs in `line`, ignoring case.
    func range(in line: String) -> Range<String.Index>? {
        if let regex {
            let match = regex.rangeOfFirstMatch(in: line, range: NSRange(line.startIndex..., in: line))
            return Range(match, in: line)
        }
        return line.range(of: source.pattern, options: .caseInsensitive)
    }

    /// Compiles a pattern's regular expression, ignoring case; nil when it is invalid or matches an empty line.
    static func regex(_ pattern: String) -> NSRegularExpression? {
        guard !pattern.isEmpty, let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        else { return nil }
        guard regex.firstMatch(in: "", range: NSRange(location: 0, length: 0)) == nil else { return nil }
        return regex
    }

    /// The number of characters a regular expression matches literally: escaped characters count, classes
    /// (`\d`, `[0-9]`, `.`), anchors, groups and quantifiers do not; of top-level alternatives (`a|bc`) the
    /// shortest counts. `connect\(\) failed` counts 16, like the plain text `connect() failed`.
    static func literalLength(ofRegex pattern: String) -> Int {
        let characters = Array(pattern)
        var alternatives = [0]
        var depth = 0
        var index = 0
        func skip(past closing: Character) {
            while index < characters.count, characters[index] != closing {
                if characters[index] == "\\" { index += 1 }
                index += 1
            }
            index += 1
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\":
                guard index + 1 < characters.count else { break }
                let next = characters[index + 1]
                if next == "p" || next == "P" {
                    index += 2
                    if index < characters.count, characters[index] == "{" { skip(past: "}") }
                    continue
                }
                if !(next.isLetter || next.isNumber) { alternatives[alternatives.count - 1] += 1 }
                index += 2
                continue
            case "[":
                index += 1
                if index < characters.count, characters[index] == "^" { index += 1 }
                if index < characters.count, characters[index] == "]" { index += 1 }
                skip(past: "]")
                continue
            case "{":
                skip(past: "}")
                continue
            case "(":
                depth += 1
                index += 1
                if index < characters.count, characters[index] == "?" {
                    index += 1
                    while index < characters.count, "imsxwu-:=!<>'P".contains(characters[index]) {
                        let stop = characters[index] == ":" || characters[index] == "=" || characters[index] == "!"
                        index += 1
                        if stop { break }
                    }
                }
                continue
            case ")":
                depth = max(0, depth - 1)
            case "|" where depth == 0:
                alternatives.append(0)
            case ".", "^", "$", "*", "+", "?", "|":
                break
            default:
                alternatives[alternatives.count - 1] += 1
            }
            index += 1
        }
        return alternatives.min() ?? 0
    }
}
