/// Fast, stable hashes for noticing that bytes changed (not for security).
public enum ContentHash {
    /// FNV-1a, 64 bits: for short inputs such as a file's path or a runbook's text.
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

    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9

    /// A 64-bit checksum of `bytes[start...]` for files of many megabytes, such as the route cache:
    /// four lanes of multiply-rotate rounds over little-endian 8-byte words (the rounds of xxHash64,
    /// though not its exact output), then the tail byte by byte and a final mix. Several times faster
    /// than FNV-1a. A change within one 8-byte word, or of one byte after the last 32-byte block, always
    /// changes it (every step is a bijection); other damage goes unnoticed only by rare chance.
    public static func checksum(_ bytes: [UInt8], from start: Int = 0) -> UInt64 {
        precondition(start >= 0 && start <= bytes.count, "checksum start \(start) outside 0...\(bytes.count)")
        return bytes.withUnsafeBytes { buffer in
            let count = buffer.count - start
            guard count > 0 else { return prime3 }
            var lanes: (UInt64, UInt64, UInt64, UInt64) = (prime1 &+ prime2, prime2, 0, 0 &- prime1)
            var offset = start
            func word(_ at: Int) -> UInt64 {
                UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            }
            func round(_ lane: UInt64, _ input: UInt64) -> UInt64 {
                var value = lane &+ input &* prime2
                value = value << 31 | value >> 33
                return value &* prime1
            }
            while offset + 32 <= buffer.count {
                lanes.0 = round(lanes.0, word(offset))
                lanes.1 = round(lanes.1, word(offset + 8))
                lanes.2 = round(lanes.2, word(offset + 16))
                lanes.3 = round(lanes.3, word(offset + 24))
                offset += 32
            }
            var hash = UInt64(count) &* prime3
            for lane in [lanes.0, lanes.1, lanes.2, lanes.3] {
                hash = (hash ^ round(0, lane)) &* prime1 &+ prime3
                hash = hash << 27 | hash >> 37
            }
            while offset < buffer.count {
                hash = (hash ^ UInt64(buffer[offset]) &* prime3) &* prime1
                hash = hash << 11 | hash >> 53
                offset += 1
            }
            hash ^= hash >> 33
            hash = hash &* prime2
            hash ^= hash >> 29
            hash = hash &* prime3
            return hash ^ hash >> 32
        }
    }
}
