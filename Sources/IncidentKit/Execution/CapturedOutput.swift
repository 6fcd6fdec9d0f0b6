/// What was kept of one output stream: its start and its end, with exact counts.
public struct CapturedOutput: Sendable, Hashable {
    /// The first bytes of the (redacted) stream.
    public var head: [UInt8]
    /// The last bytes of the (redacted) stream, when it did not fit in the head.
    public var tail: [UInt8]
    /// Every byte the child wrote to this stream, before redaction.
    public var totalBytes: Int
    /// Bytes of the redacted stream between head and tail that were not kept.
    public var droppedBytes: Int
    /// How many secrets of each kind were redacted from this stream.
    public var redactions: [RedactionKind: Int]

    /// A captured stream; usually built by the runner.
    public init(
        head: [UInt8] = [], tail: [UInt8] = [], totalBytes: Int = 0, droppedBytes: Int = 0,
        redactions: [RedactionKind: Int] = [:]
    ) {
        self.head = head
        self.tail = tail
        self.totalBytes = totalBytes
        self.droppedBytes = droppedBytes
        self.redactions = redactions
    }

    /// True when bytes were dropped between head and tail.
    public var isTruncated: Bool { droppedBytes > 0 }

    /// The kept bytes as text (invalid UTF-8 decoded lossily), with a marker where bytes were cut.
    public var text: String {
        guard isTruncated else { return String(decoding: head + tail, as: UTF8.self) }
        var text = String(decoding: head, as: UTF8.self)
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        text += Self.marker(droppedBytes) + "\n"
        return text + String(decoding: tail, as: UTF8.self)
    }

    /// The line that stands for `count` bytes left out of the middle of a stream.
    public static func marker(_ count: Int) -> String { "[... \(count) bytes cut ...]" }
}
