#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Small, fast POSIX file helpers: reading whole files and walking folders without Foundation's overhead,
/// which matters when a library holds thousands of runbooks.
public enum FileSystem {
    /// The bytes of the file at `path`, or nil when it cannot be read.
    public static func read(_ path: String) -> [UInt8]? { readStamped(path)?.bytes }

    /// The bytes of the file at `path` with its size and modification time as it was opened (what
    /// `stamp` would say), or nil when it cannot be read.
    public static func readStamped(_ path: String) -> (bytes: [UInt8], size: Int64, modified: Int64)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return (readAll(descriptor, size: Int(info.st_size)), Int64(info.st_size), modified(info))
    }

    /// Reads the file at `path` into `buffer`, which grows as needed and is reused from call to call
    /// (searching thousands of runbooks allocates no memory per file); returns how many bytes the file
    /// has, or nil when it cannot be read.
    static func read(_ path: String, into buffer: inout [UInt8]) -> Int? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        // Room for one byte more than the file's size shows that it grew meanwhile.
        let expected = max(0, Int(info.st_size)) + 1
        if buffer.count < expected { buffer += repeatElement(0, count: expected - buffer.count + 4096) }
        var count = 0
        while true {
            if count == buffer.count { buffer += repeatElement(0, count: max(4096, buffer.count)) }
            let read = buffer.withUnsafeMutableBytes {
                Glibc_read(descriptor, $0.baseAddress! + count, $0.count - count)
            }
            if read < 0, errno == EINTR { continue }
            guard read > 0 else { break }
            count += read
        }
        return count
    }

    private static func readAll(_ descriptor: Int32, size: Int) -> [UInt8] {
        // Read straight into an array of the file's size (one byte more shows that it grew meanwhile):
        // a library of ten thousand runbooks is read on the first route.
        let expected = max(0, size)
        var bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, initialized in
            initialized = 0
            while initialized < buffer.count {
                let count = Glibc_read(descriptor, buffer.baseAddress! + initialized, buffer.count - initialized)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                initialized += count
            }
        }
        guard bytes.count > expected else { return bytes }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc_read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    /// The size and modification time (nanoseconds since the epoch) of the file at `path`.
    public static func stamp(_ path: String) -> (size: Int64, modified: Int64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (Int64(info.st_size), modified(info))
    }

    private static func modified(_ info: stat) -> Int64 {
        #if canImport(Glibc)
            Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #else
            Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #endif
    }

    /// Writes `bytes` to `path` atomically: a temporary file beside it, fsync, then rename. A file that
    /// is checked whenever it is read and can be made again (a cache) need not be `durable`: without the
    /// fsync a crash may leave it damaged, but never half-written under its name while the system runs.
    public static func writeAtomically(_ bytes: [UInt8], to path: String, durable: Bool = true) -> Bool {
        let temporary = path + ".tmp.\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return false }
        var offset = 0
        var ok = true
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc_write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                ok = false
                break
            }
            offset += written
        }
        ok = ok && (!durable || fsync(descriptor) == 0)
        // A write error can surface only at close (NFS).
        ok = close(descriptor) == 0 && ok
        guard ok, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Creates `path` and its missing parents; true when the folder exists afterwards.
    public static func makeDirectories(_ path: String) -> Bool {
        if isDirectory(path) { return true }
        let parent = LibraryPath.directory(of: path)
        if !parent.isEmpty, parent != path, !makeDirectories(parent) { return false }
        return mkdir(path, 0o700) == 0 || isDirectory(path)
    }

    /// Whether `path` is a directory (following links).
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether `path` is a symbolic link (whatever it points to, if anything).
    public static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// Whether `path` is a regular file (following links).
    public static func isFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// The relative paths of the files under `root` whose names end in `suffix`, sorted. Hidden entries
    /// and symbolic links to folders are skipped, so a link cannot lead the walk outside the root.
    public static func files(under root: String, suffix: String) -> [String] {
        listing(under: root, suffix: suffix).files
    }

    /// What a walk of a folder finds: the files, and the entries named like them that are not files
    /// and so are left out (a link to a file that is gone, a FIFO, a socket, a device), each sorted.
    public struct Listing: Sendable {
        public var files: [String] = []
        public var leftOut: [String] = []
    }

    /// `files(under:suffix:)`, with the entries it leaves out.
    public static func listing(under root: String, suffix: String) -> Listing {
        let suffix = suffix.lowercased()
        // Folders are listed a level at a time until there are enough to share among the cores (ten
        // thousand runbooks sit in a thousand folders), then each is walked on its own.
        var result = Listing()
        var folders = [""]
        var depth = 0
        while !folders.isEmpty, folders.count < 16, depth < maximumDepth {
            var deeper: [String] = []
            for folder in folders {
                list(root: root, relative: folder, suffix: suffix, into: &result, folders: &deeper)
            }
            folders = deeper
            depth += 1
        }
        let listedDepth = depth
        for part in folders.concurrentMap(
            minimumCount: 1, chunk: 1,
            { folder in
                var listing = Listing()
                walk(root: root, relative: folder, suffix: suffix, into: &listing, depth: listedDepth)
                return listing
            })
        {
            result.files += part.files
            result.leftOut += part.leftOut
        }
        result.files.sort()
        result.leftOut.sort()
        return result
    }

    /// How deep a walk goes: a loop of bind mounts ends here.
    private static let maximumDepth = 32

    private static func walk(root: String, relative: String, suffix: String, into result: inout Listing, depth: Int) {
        guard depth < maximumDepth else { return }
        var folders: [String] = []
        list(root: root, relative: relative, suffix: suffix, into: &result, folders: &folders)
        for folder in folders { walk(root: root, relative: folder, suffix: suffix, into: &result, depth: depth + 1) }
    }

    /// The entries of the folder `relative` whose names, lowercased, end in `suffix`, and its folders.
    private static func list(
        root: String, relative: String, suffix: String, into result: inout Listing, folders: inout [String]
    ) {
        let folder = relative.isEmpty ? root : root + "/" + relative
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let (name, entryType) = nameAndType(of: entry)
            if name.utf8.first == UInt8(ascii: ".") { continue }
            var type = entryType
            // Most entries are files, most of them named with ASCII: judged without lowercasing. (A link is
            // followed only to a file; an entry of unknown type may be a folder.)
            if type != UInt8(DT_DIR), type != UInt8(DT_UNKNOWN), !hasSuffix(name, suffix) { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                var info = stat()
                guard stat(root + "/" + path, &info) == 0 else {
                    // A link to nothing (or an entry gone since it was listed).
                    if hasSuffix(name, suffix) { result.leftOut.append(path) }
                    continue
                }
                let mode = info.st_mode & S_IFMT
                if mode == S_IFDIR {
                    // Links to folders are not followed: they could point outside the library.
                    if type == UInt8(DT_LNK) { continue }
                    type = UInt8(DT_DIR)
                } else {
                    guard hasSuffix(name, suffix) else { continue }
                    type = mode == S_IFREG ? UInt8(DT_REG) : 0
                }
            }
            if type == UInt8(DT_DIR) {
                folders.append(path)
            } else if type == UInt8(DT_REG) {
                result.files.append(path)
            } else {
                result.leftOut.append(path)
            }
        }
    }

    /// Whether `name` lowercased ends in `suffix`; for a name all ASCII, by its bytes.
    private static func hasSuffix(_ name: String, _ suffix: String) -> Bool {
        let bytes = name.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return name.lowercased().hasSuffix(suffix) }
        return bytes.count >= suffix.utf8.count
            && zip(bytes.suffix(suffix.utf8.count), suffix.utf8).allSatisfy { TextAnalyzer.lower($0) == $1 }
    }
}

/// The name and type of a directory entry, read through the entry's pointer. `readdir` hands out a record
/// only as long as its name, so copying the whole `dirent` (as `entry.pointee` does) would read past it.
private func nameAndType(of entry: UnsafeMutablePointer<dirent>) -> (name: String, type: UInt8) {
    let base = UnsafeRawPointer(entry)
    let name = String(cString: (base + MemoryLayout<dirent>.offset(of: \.d_name)!).assumingMemoryBound(to: CChar.self))
    let type = (base + MemoryLayout<dirent>.offset(of: \.d_type)!).load(as: UInt8.self)
    return (name, type)
}

#if canImport(Glibc)
    private let Glibc_read = Glibc.read
    private let Glibc_write = Glibc.write
#elseif canImport(Darwin)
    private let Glibc_read = Darwin.read
    private let Glibc_write = Darwin.write
#endif
