import Testing

@testable import IncidentKit

@Suite struct ContentHashTests {
    /// Bytes of every length around the 32-byte blocks and 8-byte words, from a fixed seed.
    private func samples() -> [[UInt8]] {
        var generator = SeededGenerator(seed: 0xC0FFEE)
        return [0, 1, 7, 8, 31, 32, 33, 63, 64, 65, 100, 257, 4096 + 13].map { count in
            (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        }
    }

    @Test func everyChangedByteChangesTheChecksum() {
        for bytes in samples() where !bytes.isEmpty {
            let original = ContentHash.checksum(bytes)
            #expect(ContentHash.checksum(bytes) == original, "the same bytes, the same checksum")
            for position in bytes.indices {
                for flip: UInt8 in [0x01, 0x80, 0xFF] {
                    var changed = bytes
                    changed[position] ^= flip
                    #expect(
                        ContentHash.checksum(changed) != original,
                        "byte \(position) of \(bytes.count) flipped by \(flip)")
                }
            }
        }
    }

    @Test func lengthAndStartCount() {
        let zeros = [UInt8](repeating: 0, count: 96)
        // Zero bytes of different lengths must differ: a truncated file of zeros is not the same file.
        let sums = Set((0...96).map { ContentHash.checksum(Array(zeros.prefix($0))) })
        #expect(sums.count == 97)
        let bytes = samples()[10]
        for start in [0, 1, 8, 40, bytes.count - 1, bytes.count] {
            #expect(ContentHash.checksum(bytes, from: start) == ContentHash.checksum(Array(bytes[start...])))
        }
    }

    @Test func swappedWordsChangeTheChecksum() {
        // Two 8-byte words trading places (in the same lane or in different lanes) is damage too.
        let bytes = samples()[11]
        let original = ContentHash.checksum(bytes)
        for (first, second) in [(0, 8), (0, 32), (8, 40), (16, 200)] {
            var swapped = bytes
            for offset in 0..<8 { swapped.swapAt(first + offset, second + offset) }
            #expect(ContentHash.checksum(swapped) != original)
        }
    }
}
