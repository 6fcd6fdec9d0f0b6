#if canImport(Glibc)
    import Glibc

    /// glibc functions that Swift's Glibc module does not import (they need `_GNU_SOURCE`),
    /// looked up once at run time; each is nil when the C library lacks it.
    enum GlibcExtensions {
        typealias AddChdir =
            @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
        typealias AddCloseFrom =
            @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
        typealias PidfdOpen = @convention(c) (pid_t, UInt32) -> Int32

        /// `posix_spawn_file_actions_addchdir_np` (glibc 2.29).
        static let addChdir: AddChdir? = symbol("posix_spawn_file_actions_addchdir_np")
        /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34).
        static let addCloseFrom: AddCloseFrom? = symbol("posix_spawn_file_actions_addclosefrom_np")
        /// `pipe2` (glibc 2.9).
        static let pipe2: Pipe2? = symbol("pipe2")
        /// `pidfd_open` (glibc 2.36, Linux 5.3).
        static let pidfdOpen: PidfdOpen? = symbol("pidfd_open")

        /// `F_SETPIPE_SZ` from `<fcntl.h>`.
        static let setPipeSize: Int32 = 1031

        private static func symbol<T>(_ name: String) -> T? {
            guard let address = dlsym(nil, name) else { return nil }
            return unsafeBitCast(address, to: T.self)
        }
    }
#endif
