extension SecretScanner {
    /// Key words that make the value after them a secret, compared without case or separators,
    /// at the end of a key and on a word boundary: `DB_PASSWORD`, `clientSecret`, `X-Api-Key`.
    private static let secretWords: [[UInt8]] = [
        "password", "passwd", "pwd", "passphrase", "secret", "token", "apikey", "secretkey",
        "privatekey", "secretaccesskey", "authorization", "cookie", "credentials",
    ].map { Array($0.utf8) }

    /// `scheme://user:password@host`: the password is the secret, the user stays readable.
    func urlPassword(at index: Int, _ text: Text) -> RedactionMatch? {
        guard text[index] == 0x3A, Self.has("//", at: index + 1, in: text) else { return nil }
        var schemeStart = index
        while schemeStart > 0
            && (ByteClass.isAlnum(text[schemeStart - 1]) || "+.-".utf8.contains(text[schemeStart - 1]))
        {
            schemeStart -= 1
        }
        guard schemeStart < index, ByteClass.isAlpha(text[schemeStart]) else { return nil }
        let authority = index + 3
        let end = Self.runEnd(from: authority, in: text, limit: 1024) { byte in
            !ByteClass.isSpace(byte) && !"/?#\"'<>`".utf8.contains(byte)
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
            if index > 0 && "=!<>".utf8.contains(text[index - 1]) { return nil }
        } else if index + 1 < text.count && text[index + 1] == 0x3A {
            return nil
        }
        var keyEnd = index
        if isEquals { while keyEnd > 0 && ByteClass.isBlank(text[keyEnd - 1]) { keyEnd -= 1 } }
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
            ByteClass.isAlpha(text[value.lowerBound + 1]) || "{(_".utf8.contains(text[value.lowerBound + 1])
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
                !ByteClass.isSpace(byte) && !"&;,\"'<>)}]".utf8.contains(byte)
            }
        }
        return end > start ? start..<end : nil
    }

    /// A `key:` form counts only where a key can start: line start, after `{`, `,`, `-`, a quote, `>`.
    private static func startsField(_ text: Text, before keyStart: Int) -> Bool {
        var index = keyStart
        while index > 0 && ByteClass.isBlank(text[index - 1]) { index -= 1 }
        guard index > 0 else { return true }
        return "\n\r{,-'\"[><(".utf8.contains(text[index - 1])
    }

    /// The quote just before a key (after blanks), if any.
    private static func openingQuote(_ text: Text, before keyStart: Int) -> UInt8? {
        var index = keyStart
        while index > 0 && ByteClass.isBlank(text[index - 1]) { index -= 1 }
        guard index > 0, text[index - 1] == 0x22 || text[index - 1] == 0x27 else { return nil }
        return text[index - 1]
    }

    /// The secret word the key ends with (lowercased, separators removed), if any.
    private static func secretWord(_ text: Text, _ key: Range<Int>) -> String? {
        var letters: [UInt8] = []
        var boundaries: [Bool] = []
        var previous: UInt8 = 0x2D
        for index in key {
            let byte = text[index]
            if byte == 0x5F || byte == 0x2D || byte == 0x2E {
                previous = byte
                continue
            }
            let separated = previous == 0x5F || previous == 0x2D || previous == 0x2E
            let camel = ByteClass.isUpper(byte) && ByteClass.isLower(previous)
            letters.append(ByteClass.lower(byte))
            boundaries.append(separated || camel)
            previous = byte
        }
        for word in secretWords where letters.count >= word.count {
            let start = letters.count - word.count
            if boundaries[start] && letters[start...].elementsEqual(word) {
                return String(decoding: word, as: UTF8.self)
            }
        }
        return nil
    }

    private static func isAWSSecretKey(_ text: Text, _ key: Range<Int>) -> Bool {
        let letters = key.map { ByteClass.lower(text[$0]) }.filter { $0 != 0x5F && $0 != 0x2D && $0 != 0x2E }
        return String(decoding: letters, as: UTF8.self).hasSuffix("secretaccesskey")
    }
}
