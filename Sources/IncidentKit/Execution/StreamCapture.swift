/// One output stream on its way from the pipe: counted, redacted, written to the file, bounded.
struct StreamCapture {
    private var kept: BoundedCapture
    private var redactor: StreamingRedactor?
    /// Bytes the child wrote, before redaction.
    private(set) var rawBytes = 0

    init(headBytes: Int, tailBytes: Int, redactor: Redactor?) {
        kept = BoundedCapture(headLimit: headBytes, tailLimit: tailBytes)
        self.redactor = redactor?.streaming()
    }

    /// Takes bytes just read from the pipe.
    mutating func consume(_ bytes: UnsafeRawBufferPointer, file: inout OutputFile?) {
        rawBytes += bytes.count
        if let clean = redactor?.feed(bytes) {
            keep(clean, file: &file)
        } else {
            kept.append(bytes)
            file?.write(bytes)
        }
    }

    /// Flushes what the redactor held back and returns the captured stream.
    mutating func finish(file: inout OutputFile?) -> CapturedOutput {
        if let rest = redactor?.finish() { keep(rest, file: &file) }
        return CapturedOutput(
            head: kept.head, tail: kept.tail, totalBytes: rawBytes, droppedBytes: kept.dropped,
            redactions: redactor?.counts ?? [:])
    }

    private mutating func keep(_ bytes: [UInt8], file: inout OutputFile?) {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { raw in
            kept.append(raw)
            file?.write(raw)
        }
    }
}
