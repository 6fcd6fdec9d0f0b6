/// Keeps the first `headLimit` and the last `tailLimit` bytes of a stream of any length.
struct BoundedCapture {
    private(set) var head: [UInt8] = []
    private var ring: [UInt8]
    private var ringStart = 0
    private var ringCount = 0
    private let headLimit: Int
    private let tailLimit: Int
    /// Every byte offered, kept or not.
    private(set) var total = 0

    init(headLimit: Int, tailLimit: Int) {
        self.headLimit = headLimit
        self.tailLimit = tailLimit
        self.ring = []
    }

    /// Offers the next bytes of the stream.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        total += bytes.count
        var rest = bytes[...]
        if head.count < headLimit {
            let taken = min(headLimit - head.count, rest.count)
            head.append(contentsOf: rest.prefix(taken))
            rest = rest.dropFirst(taken)
        }
        guard !rest.isEmpty, tailLimit > 0 else { return }
        // The ring is allocated only for output that outgrows the head: most commands print little.
        if ring.isEmpty { ring = Array(repeating: 0, count: tailLimit) }
        if rest.count >= tailLimit {
            ring.withUnsafeMutableBytes {
                $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: rest.suffix(tailLimit)))
            }
            ringStart = 0
            ringCount = tailLimit
            return
        }
        ring.withUnsafeMutableBytes { ring in
            var source = UnsafeRawBufferPointer(rebasing: rest)
            var end = (ringStart + ringCount) % tailLimit
            while !source.isEmpty {
                let run = min(source.count, tailLimit - end)
                UnsafeMutableRawBufferPointer(rebasing: ring[end..<end + run])
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: source.prefix(run)))
                source = UnsafeRawBufferPointer(rebasing: source.dropFirst(run))
                end = (end + run) % tailLimit
            }
        }
        let overflow = max(0, ringCount + rest.count - tailLimit)
        ringStart = (ringStart + overflow) % tailLimit
        ringCount = min(tailLimit, ringCount + rest.count)
    }

    /// The kept end of the stream, oldest byte first.
    var tail: [UInt8] {
        guard ringCount > 0 else { return [] }
        let first = ring[ringStart..<min(tailLimit, ringStart + ringCount)]
        let wrapped = ringCount - first.count
        return Array(first) + ring[0..<wrapped]
    }

    /// Bytes offered but neither in the head nor in the tail.
    var dropped: Int { total - head.count - ringCount }
}
