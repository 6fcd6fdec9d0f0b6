/// ASCII character classes over UTF-8 bytes, for the hand-written scanners.
enum ByteClass {
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
    static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }
    static func isLower(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 }
    static func isAlpha(_ byte: UInt8) -> Bool { isUpper(byte) || isLower(byte) }
    static func isAlnum(_ byte: UInt8) -> Bool { isAlpha(byte) || isDigit(byte) }
    /// Letters, digits, `_` and `-`: the alphabet of base64url and of most token formats.
    static func isTokenChar(_ byte: UInt8) -> Bool { isAlnum(byte) || byte == 0x5F || byte == 0x2D }
    /// Characters of an unquoted key such as `DB_PASSWORD`, `api-key` or `spring.datasource.password`.
    static func isKeyChar(_ byte: UInt8) -> Bool { isTokenChar(byte) || byte == 0x2E }
    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    static func isSpace(_ byte: UInt8) -> Bool { isBlank(byte) || byte == 0x0A || byte == 0x0D }
    static func lower(_ byte: UInt8) -> UInt8 { isUpper(byte) ? byte | 0x20 : byte }
    /// True when `byte` is one of the ASCII characters of `set` (a literal: no String machinery
    /// in the scanners' inner loops).
    @inline(__always)
    static func isOneOf(_ byte: UInt8, _ set: StaticString) -> Bool {
        let bytes = set.utf8Start
        for offset in 0..<set.utf8CodeUnitCount where bytes[offset] == byte { return true }
        return false
    }
}
