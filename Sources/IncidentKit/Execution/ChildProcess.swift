#if canImport(Glibc)
    import Glibc
#endif

/// A running `/bin/sh -c COMMAND` in its own process group, with the read ends of its output pipes.
struct ChildProcess {
    /// The shell's pid, which is also its process group id.
    let pid: pid_t
    /// A pidfd that polls readable when the shell exits, or -1 where pidfds are unavailable.
    let pidfd: Int32
    /// Read end of the child's stdout.
    let stdout: Int32
    /// Read end of the child's stderr.
    let stderr: Int32

    /// Starts the shell; throws when `posix_spawn` or its setup fails.
    static func spawn(
        command: String, workingDirectory: String?, environment: [String: String]
    ) throws(RunnerError) -> ChildProcess {
        guard !command.utf8.contains(0) else {
            throw .invalidCommand(command: command, reason: "the command contains a NUL byte")
        }
        let out = try makePipe(command)
        let err: (read: Int32, write: Int32)
        do throws(RunnerError) { err = try makePipe(command) } catch {
            close(out.read)
            close(out.write)
            throw error
        }
        defer {
            close(out.write)
            close(err.write)
        }
        do throws(RunnerError) {
            let pid = try SpawnRequest(
                command: command, workingDirectory: workingDirectory, environment: environment,
                stdout: out.write, stderr: err.write
            ).spawn()
            let pidfd = GlibcExtensions.pidfdOpen.map { $0(pid, 0) } ?? -1
            return ChildProcess(pid: pid, pidfd: pidfd, stdout: out.read, stderr: err.read)
        } catch {
            close(out.read)
            close(err.read)
            throw error
        }
    }

    /// A pipe whose both ends are close-on-exec from the start, so no concurrent spawn inherits them.
    private static func makePipe(_ command: String) throws(RunnerError) -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        let rc: Int32
        if let pipe2 = GlibcExtensions.pipe2 {
            rc = pipe2(&fds, O_CLOEXEC)
        } else {
            // No pipe2: the file actions' closefrom (or the close-on-exec set right below) still
            // keeps these descriptors out of other children in practice.
            rc = pipe(&fds)
            if rc == 0 {
                _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
                _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
            }
        }
        guard rc == 0 else {
            throw .spawnFailed(command: command, reason: "cannot create a pipe: \(errnoText(errno))")
        }
        // A larger pipe means fewer wake-ups for chatty commands; failure is harmless.
        _ = fcntl(fds[1], GlibcExtensions.setPipeSize, 1 << 20)
        return (fds[0], fds[1])
    }
}

/// The text of an errno value, e.g. "No such file or directory (errno 2)".
func errnoText(_ code: Int32) -> String {
    "\(String(cString: strerror(code))) (errno \(code))"
}
