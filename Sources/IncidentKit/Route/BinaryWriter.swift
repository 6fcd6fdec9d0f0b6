/// Appends little-endian numbers and length-prefixed strings to a byte buffer (the route cache format).
struct BinaryWriter {
    var bytes: [UInt8] = []

    mutating func u32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
    mutating func i64(_ value: Int64) {
        u32(UInt32(truncatingIfNeeded: value))
        u32(UInt32(truncatingIfNeeded: value >> 32))
    }
    mutating func i32(_ value: Int32) { u32(UInt32(bitPattern: value)) }
    /// Overwrites the 8 bytes at `offset` (written earlier, for example as a placeholder) with `value`.
    mutating func set(_ value: UInt64, at offset: Int) {
        for index in 0..<8 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
    }
    /// Overwrites the 4 bytes at `offset` with `value`.
    mutating func set(_ value: UInt32, at offset: Int) {
        for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
    }
    mutating func f32(_ value: Float) { u32(value.bitPattern) }
    mutating func string(_ value: String) {
        u32(UInt32(value.utf8.count))
        bytes.append(contentsOf: value.utf8)
    }
}

/// Reads what `BinaryWriter` wrote, with every read bounds-checked: a damaged file yields nil, never a
/// crash.
struct BinaryReader {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func u32() -> UInt32? {
        guard offset + 4 <= bytes.count else { return nil }
        defer { offset += 4 }
        return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
            | UInt32(bytes[offset + 3]) << 24
    }
    mutating func i64() -> Int64? {
        guard let low = u32(), let high = u32() else { return nil }
        return Int64(bitPattern: UInt64(low) | UInt64(high) << 32)
    }
    mutating func string() -> String? {
        guard let range = stringRange() else { return nil }
        return String(decoding: bytes[range], as: UTF8.self)
    }
    /// The byte range of the next string, without decoding it.
    mutating func stringRange() -> Range<Int>? {
        guard let count = u32().map(Int.init), offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return offset..<(offset + count)
    }
    mutating func skip(_ count: Int) -> Bool {
        guard count >= 0, offset + count <= bytes.count else { return false }
        offset += count
        return true
    }

    func i32(at position: Int) -> Int32 {
        Int32(
            bitPattern: UInt32(bytes[position]) | UInt32(bytes[position + 1]) << 8 | UInt32(bytes[position + 2]) << 16
                | UInt32(bytes[position + 3]) << 24)
    }
    func f32(at position: Int) -> Float { Float(bitPattern: UInt32(bitPattern: i32(at: position))) }
}
