import Foundation
import IncidentKit
import Testing

@Suite(.timeLimit(.minutes(1)))
struct ExecutionRedactorTests {
    struct SecretCase: CustomTestStringConvertible, Sendable {
        var kind: String
        var secret: String
        var line: String
        var testDescription: String { "\(kind): \(line.prefix(60))" }
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/redaction")

    static let secretCases: [SecretCase] = {
        let text =
            (try? String(contentsOf: fixtures.appendingPathComponent("secrets.tsv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { row in
            let fields = row.split(separator: "\t", maxSplits: 2).map(String.init)
            return SecretCase(
                kind: fields[0], secret: fields[1], line: fields[2].replacing("\\n", with: "\n"))
        }
    }()

    static let ordinaryLines: [String] = {
        let text =
            (try? String(contentsOf: fixtures.appendingPathComponent("ordinary.log"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }()

    let redactor = Redactor()

    /// `text` redacted as a stream read `chunk` bytes at a time (and the stream's counts).
    static func streamed(
        _ text: [UInt8], through redactor: Redactor, chunk: Int, counts: inout [RedactionKind: Int]
    ) -> [UInt8] {
        var stream = redactor.streaming()
        var output: [UInt8] = []
        var index = 0
        while index < text.count {
            let end = min(text.count, index + chunk)
            output += stream.feed(text[index..<end])
            index = end
        }
        output += stream.finish()
        counts = stream.counts
        return output
    }

    static func streamed(_ text: [UInt8], through redactor: Redactor, chunk: Int) -> [UInt8] {
        var counts: [RedactionKind: Int] = [:]
        return streamed(text, through: redactor, chunk: chunk, counts: &counts)
    }

    @Test func aDeclaredValueWinsOverAPatternThatCoversPartOfIt() {
        let secret = "Wm4;harbor-kestrel-2291"
        let redactor = Redactor(secrets: [secret])
        #expect(
            redactor.redact("STATUS_DB_PASSWORD=\(secret)\nok").text == "STATUS_DB_PASSWORD=[REDACTED:secret-value]\nok"
        )
        let lines = "Kx81-line-one\nPq55-line-two"
        #expect(
            Redactor(secrets: [lines]).redact("X-Token: \(lines) end").text == "X-Token: [REDACTED:secret-value] end")
        // Tokens beside a declared value are still found (review 4: the line's match was dropped whole).
        let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
        let github = "ghp_" + String(repeating: "a1B2c3D4e5", count: 3) + "f6G7h8"
        let line = "Cookie: session=\(secret); id_token=\(jwt)\npassword: \(secret)  # previous: \(github)\n"
        let cleaned = redactor.redact(line).text
        #expect(!cleaned.contains(secret) && !cleaned.contains(jwt) && !cleaned.contains(github), "\(cleaned)")
        // A pattern that runs past a declared value is not cut short by it (review 5).
        let passphrase = Redactor(secrets: ["Zq7-vault-passphrase-81"])
        let key = "api_key=sk-Zq7-vault-passphrase-81-Hk29xLq8Zr7Tt1MwHk29xLq8Zr7"
        #expect(!passphrase.redact(key).text.contains("Hk29"), "\(passphrase.redact(key).text)")
        let pem =
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEZq7-vault-passphrase-81IBAAKCAQEA\nabcDEF\n-----END RSA PRIVATE KEY-----\n"
        #expect(!passphrase.redact(pem).text.contains("abcDEF"), "\(passphrase.redact(pem).text)")
        // The same across chunk boundaries of a stream.
        var stream = redactor.streaming()
        let text = Array(("password=\(secret) and again \(secret)\n").utf8)
        let output = stream.feed(text[..<22]) + stream.feed(text[22...]) + stream.finish()
        #expect(
            String(decoding: output, as: UTF8.self)
                == "password=[REDACTED:secret-value] and again [REDACTED:secret-value]\n")
    }

    @Test func fixturesAreLargeEnough() throws {
        #expect(Self.secretCases.count >= 40)
        #expect(Self.ordinaryLines.count >= 200)
        #expect(Set(Self.secretCases.map(\.kind)).count >= 12)
    }

    @Test(arguments: secretCases)
    func everySecretIsRedacted(_ item: SecretCase) {
        let result = redactor.redact(item.line)
        #expect(!result.text.contains(item.secret), "\(result.text)")
        #expect(result.text.contains("[REDACTED:\(item.kind)]"), "\(result.text)")
        #expect(result.counts[RedactionKind(rawValue: item.kind)!, default: 0] >= 1)
        // Redacting again changes nothing: markers are not secrets (reports re-redact recorded text).
        let again = redactor.redact(result.text)
        #expect(again.text == result.text, "\(again.text)")
        #expect(again.total == 0)
    }

    @Test func noOrdinaryLineChanges() {
        let text = Self.ordinaryLines.joined(separator: "\n")
        let result = redactor.redact(text)
        #expect(result.total == 0)
        for (original, redacted) in zip(Self.ordinaryLines, result.text.split(separator: "\n")) {
            #expect(original == String(redacted))
        }
    }

    @Test func secretsAmongOrdinaryLinesAreCountedByKind() {
        let mixed = (Self.ordinaryLines.prefix(50) + Self.secretCases.map(\.line)).joined(separator: "\n")
        let result = redactor.redact(mixed)
        for item in Self.secretCases { #expect(!result.text.contains(item.secret)) }
        #expect(result.total == Self.secretCases.count)
        #expect(result.text.hasPrefix(Self.ordinaryLines.prefix(50).joined(separator: "\n")))
    }

    @Test func keepsUserAndHostOfURLs() {
        let result = redactor.redact("dsn=postgres://app:s3cret@db:5432/shop")
        #expect(result.text == "dsn=postgres://app:[REDACTED:url-password]@db:5432/shop")
    }

    @Test func replacesOnlyTheValue() {
        #expect(
            redactor.redact("password=hunter2 user=bob").text
                == "password=[REDACTED:secret-assignment] user=bob")
        #expect(
            redactor.redact(#"{"password": "x y", "n": 1}"#).text
                == #"{"password": "[REDACTED:secret-assignment]", "n": 1}"#)
        #expect(
            redactor.redact("Authorization: Bearer abcdefghijklmnop").text
                == "Authorization: Bearer [REDACTED:bearer-token]")
    }

    @Test func referencesAndMasksAreNotSecrets() {
        for line in ["mysql --password=$DB_PASSWORD", "password=${SECRET}", "password=****", "PWD=/srv/app"] {
            #expect(redactor.redact(line).text == line)
        }
    }

    @Test func declaredSecretsAndTheirQuotedFormAreRedacted() {
        let redactor = Redactor(secrets: ["it's-a-s3cret"])
        let result = redactor.redact("value it's-a-s3cret and quoted 'it'\\''s-a-s3cret'")
        #expect(result.text == "value [REDACTED:secret-value] and quoted [REDACTED:secret-value]")
        #expect(result.counts == [.secretValue: 2])
    }

    @Test(arguments: 1..<24)
    func streamingFindsSecretsSplitAcrossReads(_ split: Int) {
        let secret = "correct-horse-battery"
        let redactor = Redactor(secrets: [secret])
        let text = Array("before \(secret) after token=ghp_\(String(repeating: "a", count: 36)) end\n".utf8)
        var stream = redactor.streaming()
        let cut = min(split + 5, text.count - 1)
        var output = stream.feed(text[..<cut])
        output += stream.feed(text[cut...])
        output += stream.finish()
        let result = String(decoding: output, as: UTF8.self)
        #expect(result == "before [REDACTED:secret-value] after token=[REDACTED:github-token] end\n")
        #expect(stream.counts == [.secretValue: 1, .githubToken: 1])
    }

    @Test func streamingHandlesLongStreamsInSmallChunks() {
        let secret = String(repeating: "Zq9", count: 4000)  // longer than the default hold-back
        let redactor = Redactor(secrets: [secret])
        let line = "log line \(UUID().uuidString)\n"
        let text = Array(
            (String(repeating: line, count: 2000) + secret + "\n" + String(repeating: line, count: 10)).utf8)
        #expect(redactor.streaming().holdback >= secret.utf8.count - 1)
        var counts: [RedactionKind: Int] = [:]
        let output = Self.streamed(text, through: redactor, chunk: 777, counts: &counts)
        #expect(output == redactor.redact(bytes: text).bytes)
        #expect(counts == [.secretValue: 1])
    }

    /// Review of stop 8: a JWT longer than the old 8 KiB hold-back that started just before a cut
    /// was emitted in the clear; a key looked back over any number of blanks, further than a stream
    /// keeps. Streamed output must equal whole-text output for any chunk size.
    @Test(arguments: [997, 4096, 65536, 73728, 100_000])
    func longPatternsNearACutAreRedactedLikeWholeText(_ chunk: Int) {
        let payload = "eyJ" + String(repeating: "a", count: 8187)
        let jwt = "eyJ\(String(repeating: "b", count: 8000)).\(payload).c2lnbmF0dXJlLXNpZ25hdHVyZQ"
        // JWTs of 8 KiB and more at many distances apart, so that whatever the chunk size some start
        // just before a cut.
        let jwts = (0..<40).map { String(repeating: " ", count: 3000 + 1237 * $0) + jwt }.joined()
        let texts = [
            jwts + String(repeating: " ", count: 40000),
            String(repeating: "\0", count: 70000) + "password" + String(repeating: " ", count: 8300) + "=hunter2\n",
            String(repeating: "log line\n", count: 9000) + String(repeating: " ", count: 500) + "token: abc123def\n",
        ].map { Array($0.utf8) }
        for text in texts {
            let whole = redactor.redact(bytes: text).bytes
            #expect(
                Self.streamed(text, through: redactor, chunk: chunk) == whole, "chunk \(chunk), \(text.count) bytes")
        }
        let redacted = String(decoding: redactor.redact(bytes: texts[0]).bytes, as: UTF8.self)
        #expect(!redacted.contains(payload) && redacted.components(separatedBy: "[REDACTED:jwt]").count == 41)
    }

    /// Review of stop 8: on a line too long to cut at a line break, a cut just before `key: value`
    /// made the stream take the cut for a line start and redact what the whole text leaves alone.
    @Test func aCutInsideALongLineDoesNotChangeWhatIsRedacted() {
        let unit = String(repeating: "a", count: 2000) + " token: abc123 " + String(repeating: "b", count: 1003)
        let text = Array((String(repeating: unit, count: 100) + "\n").utf8)
        let whole = redactor.redact(bytes: text).bytes
        #expect(whole == text)  // `token:` after other text on a line is not a field
        for chunk in stride(from: 4000, through: 4300, by: 3) {
            #expect(Self.streamed(text, through: redactor, chunk: chunk) == whole, "chunk \(chunk)")
        }
    }

    @Test func privateKeySplitAcrossReadsIsRedacted() throws {
        let item = try #require(Self.secretCases.first { $0.kind == "private-key" })
        let text = Array(item.line.utf8)
        for cut in stride(from: 1, to: text.count, by: 37) {
            var stream = redactor.streaming()
            let output = stream.feed(text[..<cut]) + stream.feed(text[cut...]) + stream.finish()
            #expect(!String(decoding: output, as: UTF8.self).contains(item.secret))
        }
    }

    /// The scanner rules out blocks of 64, 16 and 8 bytes at once: a secret must be found whichever
    /// block it starts in, at whatever offset, among NULs, blanks, high bytes or text.
    @Test(arguments: ["\0", " ", "\u{E9}", "reading "])
    func secretsAreFoundAtEveryOffsetOfTheBlockScan(_ filler: String) throws {
        let declared = "\u{E9}t\u{E9}-Kq81-hors-piste"  // starts with a byte no pattern begins with
        let redactor = Redactor(secrets: [declared])
        let padding = Array(String(repeating: filler, count: 80).utf8)
        // Each case as written, and each secret alone where its shape alone gives it away.
        let shaped: Set = ["aws-access-key-id", "github-token", "gitlab-token", "slack-token", "jwt"]
        let alone = Self.secretCases.filter { shaped.contains($0.kind) }.map {
            SecretCase(kind: $0.kind, secret: $0.secret, line: $0.secret)
        }
        let cases = Self.secretCases + alone + [SecretCase(kind: "secret-value", secret: declared, line: declared)]
        #expect(alone.count >= 15)
        for item in cases {
            for offset in 0..<72 {
                let bytes = padding.prefix(offset) + Array("\n\(item.line)\n".utf8) + padding
                let cleaned = String(decoding: redactor.redact(bytes: Array(bytes)).bytes, as: UTF8.self)
                #expect(
                    !cleaned.contains(item.secret), "\(item.kind) at offset \(offset) after \(filler.debugDescription)")
            }
        }
    }

    @Test func redactingTwiceChangesNothingButAMarkerDoesNotShieldASecret() {
        for item in Self.secretCases {
            let once = redactor.redact(item.line)
            let twice = redactor.redact(once.text)
            #expect(twice.text == once.text && twice.counts.isEmpty, "\(item.kind): \(twice.text)")
        }
        // Review of stop 8: a match that overlapped a marker already in the text was dropped whole.
        let cleaned = redactor.redact("password: hunter2 and [REDACTED:jwt] x\n").text
        #expect(cleaned == "password: [REDACTED:secret-assignment]\n")
        let key =
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA [REDACTED:jwt] abcDEF\n-----END RSA PRIVATE KEY-----\n"
        #expect(!redactor.redact(key).text.contains("abcDEF"))
    }

    @Test func binaryInputIsNotFatal() {
        let bytes: [UInt8] = [0xFF, 0x00, 0xFE] + Array("password=x\n".utf8) + [0xC3]
        let result = redactor.redact(bytes: bytes)
        #expect(
            result.bytes == [0xFF, 0x00, 0xFE] + Array("password=[REDACTED:secret-assignment]\n".utf8) + [
                0xC3
            ])
    }
}
