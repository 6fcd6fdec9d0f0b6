/// FNV-1a, 64 bits: a fast, stable hash for noticing that a file changed (not for security).
public enum ContentHash {
    public static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The hash as 16 hex digits.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let text = String(fnv1a(bytes), radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
