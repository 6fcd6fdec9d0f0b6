#if canImport(Glibc)
    import Glibc
#endif

/// The file that receives a command's full (redacted) output; write errors are recorded, not thrown.
struct OutputFile {
    private var fd: Int32
    let path: String
    /// The first write error, after which nothing more is written.
    private(set) var error: String?

    /// Creates (or truncates, or appends to) the file, readable by its owner only.
    init(path: String, append: Bool) throws(RunnerError) {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC)
        let fd = open(path, flags, 0o600)
        guard fd >= 0 else { throw .outputFileFailed(path: path, reason: errnoText(errno)) }
        self.fd = fd
        self.path = path
    }

    /// Writes all of `bytes`, retrying short writes; stops for good after the first error.
    mutating func write(_ bytes: UnsafeRawBufferPointer) {
        guard error == nil, fd >= 0, var base = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = Glibc.write(fd, base, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                error = "writing \(path) failed: \(errnoText(errno))"
                return
            }
            remaining -= written
            base += written
        }
    }

    /// Writes text as UTF-8.
    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    /// Closes the file; reports a failure to flush as the write error.
    mutating func close() {
        guard fd >= 0 else { return }
        if Glibc.close(fd) != 0 && error == nil { error = "closing \(path) failed: \(errnoText(errno))" }
        fd = -1
    }
}
