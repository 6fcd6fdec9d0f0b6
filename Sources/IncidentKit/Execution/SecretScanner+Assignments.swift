extension SecretScanner {
    /// Key words that make the value after them a secret, compared without case or separators,
    /// at the end of a key and on a word boundary: `DB_PASSWORD`, `clientSecret`, `X-Api-Key`.
    private static let secretWords: [StaticString] = [
        "password", "passwd", "pwd", "passphrase", "secret", "token", "apikey", "secretkey",
        "privatekey", "secretaccesskey", "authorization", "cookie", "credentials",
    ]
    /// Whether a secret word ends with this byte.
    private static let lastLetters: [Bool] = (0...255).map { byte in
        secretWords.contains { $0.utf8Start[$0.utf8CodeUnitCount - 1] == byte }
    }

    /// `scheme://user:password@host`: the password is the secret, the user stays readable.
    func urlPassword(at index: Int, _ text: Text) -> RedactionMatch? {
        guard text[index] == 0x3A, Self.has("//", at: index + 1, in: text) else { return nil }
        var schemeStart = index
        while schemeStart > 0
            && (ByteClass.isAlnum(text[schemeStart - 1]) || ByteClass.isOneOf(text[schemeStart - 1], "+.-"))
        {
            schemeStart -= 1
        }
        guard schemeStart < index, ByteClass.isAlpha(text[schemeStart]) else { return nil }
        let authority = index + 3
        let end = Self.runEnd(from: authority, in: text, limit: 1024) { byte in
            !ByteClass.isSpace(byte) && !ByteClass.isOneOf(byte, "/?#\"'<>`")
        }
        guard let at = (authority..<end).last(where: { text[$0] == 0x40 }),
            let colon = (authority..<at).first(where: { text[$0] == 0x3A }),
            colon + 1 < at
        else { return nil }
        return RedactionMatch(range: colon + 1..<at, anchor: schemeStart, kind: .urlPassword)
    }

    /// `key=value`, `key: value`, `"key": "value"` where the key names a secret.
    func assignment(at index: Int, _ text: Text) -> RedactionMatch? {
        let isEquals = text[index] == 0x3D
        if isEquals {
            if index + 1 < text.count && text[index + 1] == 0x3D { return nil }
            if index > 0 && ByteClass.isOneOf(text[index - 1], "=!<>") { return nil }
        } else if index + 1 < text.count && text[index + 1] == 0x3A {
            return nil
        }
        var keyEnd = index
        if isEquals { keyEnd = Self.blanksStart(before: keyEnd, in: text) }
        var keyStart = keyEnd
        var anchor = keyEnd
        var quotedKey = false
        if keyEnd > 0, text[keyEnd - 1] == 0x22 || text[keyEnd - 1] == 0x27 {
            let quote = text[keyEnd - 1]
            var open = keyEnd - 2
            while open >= 0 && open > keyEnd - 66 && text[open] != quote && text[open] != 0x0A { open -= 1 }
            guard open >= 0, text[open] == quote else { return nil }
            (keyStart, keyEnd, anchor, quotedKey) = (open + 1, keyEnd - 1, open, true)
        } else {
            while keyStart > 0 && keyEnd - keyStart < 64 && ByteClass.isKeyChar(text[keyStart - 1]) {
                keyStart -= 1
            }
            anchor = keyStart
            guard isEquals || Self.startsField(text, before: keyStart) else { return nil }
        }
        guard keyStart < keyEnd, let word = Self.secretWord(text, keyStart..<keyEnd) else { return nil }
        // A header inside a quoted argument (`-H 'X-Api-Key: abc'`) ends at that quote.
        let enclosing: UInt8? = quotedKey ? nil : Self.openingQuote(text, before: keyStart)
        guard
            var value = valueRange(
                after: index, text, colonForm: !isEquals, quotedKey: quotedKey, enclosing: enclosing)
        else { return nil }
        let first = text[value.lowerBound]
        if first == 0x24, value.count > 1,
            ByteClass.isAlpha(text[value.lowerBound + 1]) || ByteClass.isOneOf(text[value.lowerBound + 1], "{(_")
        {
            return nil  // `$DB_PASSWORD`: a reference to a secret, not the secret
        }
        if word == "pwd" && (first == 0x2F || first == 0x7E) { return nil }  // PWD=/home/x is a path
        if value.allSatisfy({ text[$0] == 0x2A }) { return nil }  // already masked: ****
        var kind =
            Self.isAWSSecretKey(text, keyStart..<keyEnd) ? RedactionKind.awsSecretKey : .secretAssignment
        if word == "authorization" {
            let scheme = Self.runEnd(from: value.lowerBound, in: text, limit: 16, ByteClass.isAlpha)
            let gap = Self.runEnd(from: scheme, in: text, limit: 8, ByteClass.isBlank)
            if gap > scheme && gap < value.upperBound {
                kind =
                    Self.has("basic", at: value.lowerBound, in: text, ignoringCase: true)
                    ? .basicAuth : .bearerToken
                value = gap..<value.upperBound
            }
        } else if let shaped = token(at: value.lowerBound, text), shaped.range.lowerBound == value.lowerBound {
            kind = shaped.kind
        }
        return RedactionMatch(range: value, anchor: anchor, kind: kind)
    }

    /// The value after a separator: inside its quotes, else a bare word (`=`) or the rest of the line (`:`).
    private func valueRange(
        after separator: Int, _ text: Text, colonForm: Bool, quotedKey: Bool, enclosing: UInt8?
    ) -> Range<Int>? {
        let start = Self.runEnd(from: separator + 1, in: text, limit: 64, ByteClass.isBlank)
        guard start < text.count else { return nil }
        let first = text[start]
        if first == 0x22 || first == 0x27 {
            var end = start + 1
            while end < text.count && text[end] != first && text[end] != 0x0A {
                end += (text[end] == 0x5C && first == 0x22) ? 2 : 1
            }
            end = min(end, text.count)
            return end > start + 1 ? start + 1..<end : nil
        }
        if colonForm && (first == 0x7B || first == 0x5B || first == 0x7C || first == 0x3E) { return nil }
        var end: Int
        if colonForm && !quotedKey {
            end = Self.runEnd(from: start, in: text, limit: 16384) {
                $0 != 0x0A && $0 != 0x0D && $0 != enclosing
            }
            while end > start && ByteClass.isBlank(text[end - 1]) { end -= 1 }
        } else {
            end = Self.runEnd(from: start, in: text, limit: 16384) { byte in
                !ByteClass.isSpace(byte) && !ByteClass.isOneOf(byte, "&;,\"'<>)}]")
            }
        }
        return end > start ? start..<end : nil
    }

    /// A `key:` form counts only where a key can start: line start, after `{`, `,`, `-`, a quote, `>`.
    /// More blanks than the look-behind limit count as the indentation of a field.
    private static func startsField(_ text: Text, before keyStart: Int) -> Bool {
        let index = blanksStart(before: keyStart, in: text)
        guard index > 0, keyStart - index < lookBehindBlanks else { return true }
        return ByteClass.isOneOf(text[index - 1], "\n\r{,-'\"[><(")
    }

    /// The quote just before a key (after blanks), if any.
    private static func openingQuote(_ text: Text, before keyStart: Int) -> UInt8? {
        let index = blanksStart(before: keyStart, in: text)
        guard index > 0, keyStart - index < lookBehindBlanks, text[index - 1] == 0x22 || text[index - 1] == 0x27 else {
            return nil
        }
        return text[index - 1]
    }

    /// At most this many blanks are looked back over from a key or a separator, so that what the scanner
    /// decides never depends on text further back than the streaming redactor keeps.
    static let lookBehindBlanks = 64

    /// Where the run of blanks (at most `lookBehindBlanks`) that ends at `end` starts.
    private static func blanksStart(before end: Int, in text: Text) -> Int {
        var index = end
        while index > 0 && end - index < lookBehindBlanks && ByteClass.isBlank(text[index - 1]) { index -= 1 }
        return index
    }

    /// The secret word the key ends with (compared without case, separators `_-.` skipped), if it
    /// starts on a word boundary: the key's start, after a separator, or a lower-to-upper change.
    private static func secretWord(_ text: Text, _ key: Range<Int>) -> String? {
        // Most keys are ruled out by their last letter.
        guard let last = key.reversed().first(where: { !isKeySeparator(text[$0]) }),
            lastLetters[Int(ByteClass.lower(text[last]))]
        else { return nil }
        for word in secretWords {
            guard let start = Self.keySuffixStart(text, key, matching: word) else { continue }
            let previous = start > key.lowerBound ? text[start - 1] : 0x2D
            if isKeySeparator(previous) || (ByteClass.isUpper(text[start]) && ByteClass.isLower(previous)) {
                return word.description
            }
        }
        return nil
    }

    private static func isAWSSecretKey(_ text: Text, _ key: Range<Int>) -> Bool {
        keySuffixStart(text, key, matching: "secretaccesskey") != nil
    }

    /// Where `word`'s first letter is when the key ends with it (ignoring case and separators).
    private static func keySuffixStart(_ text: Text, _ key: Range<Int>, matching word: StaticString) -> Int? {
        let letters = word.utf8Start
        var remaining = word.utf8CodeUnitCount
        var index = key.upperBound
        while remaining > 0 && index > key.lowerBound {
            index -= 1
            let byte = text[index]
            if isKeySeparator(byte) { continue }
            remaining -= 1
            if ByteClass.lower(byte) != letters[remaining] { return nil }
        }
        return remaining == 0 ? index : nil
    }

    private static func isKeySeparator(_ byte: UInt8) -> Bool { byte == 0x5F || byte == 0x2D || byte == 0x2E }
}
