extension SecretScanner {
    /// A token recognizable by its own shape: AWS key ids, GitHub, GitLab, Slack, JWTs.
    func token(at index: Int, _ text: Text) -> RedactionMatch? {
        guard index == 0 || !ByteClass.isTokenChar(text[index - 1]) else {
            return slackHook(at: index, text)
        }
        let kind: RedactionKind
        let end: Int
        switch text[index] {
        case UInt8(ascii: "A"):
            guard index + 20 <= text.count, Self.isAWSKeyPrefix(text, index) else { return nil }
            let run = Self.runEnd(from: index + 4, in: text, limit: 17) {
                ByteClass.isUpper($0) || ByteClass.isDigit($0)
            }
            guard run == index + 20, run == text.count || !ByteClass.isAlnum(text[run]) else { return nil }
            (kind, end) = (.awsAccessKeyID, run)
        case UInt8(ascii: "g"):
            if Self.has("github_pat_", at: index, in: text) {
                let run = Self.runEnd(from: index + 11, in: text) { ByteClass.isAlnum($0) || $0 == 0x5F }
                guard run - index >= 31 else { return nil }
                (kind, end) = (.githubToken, run)
            } else if Self.has("glpat-", at: index, in: text) {
                let run = Self.runEnd(from: index + 6, in: text, ByteClass.isTokenChar)
                guard run - index >= 26 else { return nil }
                (kind, end) = (.gitlabToken, run)
            } else if index + 4 <= text.count, text[index + 1] == UInt8(ascii: "h"),
                ByteClass.isOneOf(text[index + 2], "pousr"), text[index + 3] == UInt8(ascii: "_")
            {
                let run = Self.runEnd(from: index + 4, in: text, ByteClass.isAlnum)
                guard run - index >= 34 else { return nil }
                (kind, end) = (.githubToken, run)
            } else {
                return nil
            }
        case UInt8(ascii: "x"):
            let isToken =
                (Self.has("xox", at: index, in: text) && index + 4 < text.count
                    && ByteClass.isOneOf(text[index + 3], "bpaesr") && text[index + 4] == 0x2D)
                || Self.has("xapp-", at: index, in: text)
            guard isToken else { return nil }
            let run = Self.runEnd(from: index + 5, in: text) { ByteClass.isAlnum($0) || $0 == 0x2D }
            guard run - index >= 15 else { return nil }
            (kind, end) = (.slackToken, run)
        case UInt8(ascii: "e"):
            guard let run = jwtEnd(at: index, text) else { return nil }
            (kind, end) = (.jwt, run)
        case UInt8(ascii: "h"):
            return slackHook(at: index, text)
        default:
            return nil
        }
        return RedactionMatch(range: index..<end, anchor: index, kind: kind)
    }

    private static func isAWSKeyPrefix(_ text: Text, _ index: Int) -> Bool {
        for prefix: StaticString in ["AKIA", "ASIA", "AIDA", "AROA", "AGPA", "ANPA", "ANVA", "APKA", "AIPA"]
        where has(prefix, at: index, in: text) {
            return true
        }
        return false
    }

    /// `eyJ<header>.eyJ<payload>.<signature>`, each part base64url.
    private func jwtEnd(at index: Int, _ text: Text) -> Int? {
        guard Self.has("eyJ", at: index, in: text) else { return nil }
        let header = Self.runEnd(from: index, in: text, limit: 8192, ByteClass.isTokenChar)
        guard header - index >= 10, header < text.count, text[header] == 0x2E,
            Self.has("eyJ", at: header + 1, in: text)
        else { return nil }
        let payload = Self.runEnd(from: header + 1, in: text, limit: 8192, ByteClass.isTokenChar)
        guard payload - header >= 10, payload < text.count, text[payload] == 0x2E else { return nil }
        let signature = Self.runEnd(from: payload + 1, in: text, limit: 8192, ByteClass.isTokenChar)
        return signature > payload + 1 ? signature : nil
    }

    /// `hooks.slack.com/services/T000/B000/XXXX`: the path after `services/` is the secret.
    private func slackHook(at index: Int, _ text: Text) -> RedactionMatch? {
        guard Self.has("hooks.slack.com/services/", at: index, in: text) else { return nil }
        let start = index + 25
        let end = Self.runEnd(from: start, in: text) { ByteClass.isTokenChar($0) || $0 == 0x2F }
        guard end - start >= 10 else { return nil }
        return RedactionMatch(range: start..<end, anchor: index, kind: .slackWebhook)
    }

    /// `Bearer <token>` anywhere (an Authorization header, a curl line, a log).
    func bearer(at index: Int, _ text: Text) -> RedactionMatch? {
        guard index == 0 || !ByteClass.isAlnum(text[index - 1]),
            Self.has("bearer", at: index, in: text, ignoringCase: true)
        else { return nil }
        let gap = Self.runEnd(from: index + 6, in: text, limit: 16, ByteClass.isBlank)
        guard gap > index + 6 else { return nil }
        let end = Self.runEnd(from: gap, in: text, limit: 16384) { byte in
            ByteClass.isTokenChar(byte) || ByteClass.isOneOf(byte, "._~+/=")
        }
        guard end - gap >= 8 else { return nil }
        return RedactionMatch(range: gap..<end, anchor: index, kind: .bearerToken)
    }

    /// A PEM private key block, from its BEGIN line to its END line (or to the end of the text).
    func privateKey(at index: Int, _ text: Text) -> RedactionMatch? {
        guard Self.has("-----BEGIN ", at: index, in: text) else { return nil }
        let lineEnd = Self.runEnd(from: index + 11, in: text, limit: 64) { $0 != 0x0A && $0 != 0x2D }
        guard lineEnd < text.count, text[lineEnd] == 0x2D, isPrivateKeyLabel(text, index + 11, lineEnd) else {
            return nil
        }
        guard let endLine = Self.find("-----END ", in: text, from: lineEnd),
            let close = Self.find("KEY-----", in: text, from: endLine)
        else {
            return RedactionMatch(
                range: index..<text.count, anchor: index, kind: .privateKey, isOpenEnded: true)
        }
        return RedactionMatch(range: index..<close + 8, anchor: index, kind: .privateKey)
    }

    /// True when the BEGIN line's label ends in `PRIVATE KEY` (RSA, EC, OPENSSH, ENCRYPTED...).
    private func isPrivateKeyLabel(_ text: Text, _ start: Int, _ end: Int) -> Bool {
        guard end - start >= 11 else { return false }
        return Self.has("PRIVATE KEY", at: end - 11, in: text)
    }
}
