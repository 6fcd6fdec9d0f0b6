#if canImport(Glibc)
    import Glibc
#endif

/// Drains a child's two pipes with `poll` until it has exited, enforcing the time limit.
///
/// Timeout: SIGTERM to the group, `grace`, SIGKILL. When the shell exits but a grandchild still
/// holds a pipe, reading goes on for `exitDrain`, then the group is killed. Descriptors still open
/// after a kill (held by a process that left the group) are closed after `abandonAfter`, so the
/// runner never blocks forever.
struct ChildMonitor {
    /// How a supervised child ended.
    struct Outcome {
        var status: TerminationStatus
        var timedOut: Bool
        var interrupted: Bool
    }

    private enum Phase {
        case running
        case terminating(until: ContinuousClock.Instant)
        case killed(until: ContinuousClock.Instant)
        case abandoned
    }

    let child: ChildProcess
    let timeout: Duration
    let grace: Duration
    let exitDrain: Duration
    let registry: ProcessGroupRegistry
    var abandonAfter: Duration = .milliseconds(500)
    /// How often to look for the exit where pidfds are unavailable.
    var tick: Duration = .milliseconds(20)

    func run(stdout: inout StreamCapture, stderr: inout StreamCapture, file: inout OutputFile?) -> Outcome {
        let clock = ContinuousClock()
        let timeoutAt = clock.now + timeout
        var phase = Phase.running
        var timedOut = false
        var exitedAt: ContinuousClock.Instant?
        var pipes = [child.stdout, child.stderr]
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
        defer { buffer.deallocate() }

        if !registry.register(child.pid) {
            kill(-child.pid, SIGKILL)
            phase = .killed(until: clock.now + abandonAfter)
        }
        while pipes.contains(where: { $0 >= 0 }) || exitedAt == nil {
            let now = clock.now
            switch phase {
            case .running where now >= timeoutAt:
                kill(-child.pid, SIGTERM)
                timedOut = true
                phase = .terminating(until: now + grace)
            case .running:
                if let exitedAt, now >= exitedAt + exitDrain {
                    kill(-child.pid, SIGKILL)
                    phase = .killed(until: now + abandonAfter)
                }
            case .terminating(let until) where now >= until:
                kill(-child.pid, SIGKILL)
                phase = .killed(until: now + abandonAfter)
            case .killed(let until) where now >= until:
                for index in pipes.indices where pipes[index] >= 0 {
                    close(pipes[index])
                    pipes[index] = -1
                }
                phase = .abandoned
                continue
            default:
                break
            }

            var wake: ContinuousClock.Instant?
            switch phase {
            case .running: wake = exitedAt.map { min(timeoutAt, $0 + exitDrain) } ?? timeoutAt
            case .terminating(let until), .killed(let until): wake = until
            case .abandoned: wake = nil
            }
            var waitMilliseconds = wake.map { Self.milliseconds($0 - now) } ?? -1
            var fds = pipes.filter { $0 >= 0 }.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let watchesExit = exitedAt == nil && child.pidfd >= 0
            if watchesExit { fds.append(pollfd(fd: child.pidfd, events: Int16(POLLIN), revents: 0)) }
            if exitedAt == nil && child.pidfd < 0 {
                let tickMilliseconds = Self.milliseconds(tick)
                waitMilliseconds =
                    waitMilliseconds < 0 ? tickMilliseconds : min(waitMilliseconds, tickMilliseconds)
            }
            let ready = poll(&fds, nfds_t(fds.count), waitMilliseconds)
            if ready < 0 && errno != EINTR { usleep(1000) }

            for entry in fds where entry.revents != 0 && entry.fd != child.pidfd {
                let count = read(entry.fd, buffer.baseAddress, buffer.count)
                if count > 0 {
                    let bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
                    if entry.fd == child.stdout {
                        stdout.consume(bytes, file: &file)
                    } else {
                        stderr.consume(bytes, file: &file)
                    }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(entry.fd)
                    if let index = pipes.firstIndex(of: entry.fd) { pipes[index] = -1 }
                }
            }
            if exitedAt == nil && (!watchesExit || fds.last.map { $0.revents != 0 } == true) && hasExited() {
                exitedAt = clock.now
            }
        }

        // Unregister before reaping: once reaped, the group id may be reused by another process.
        registry.unregister(child.pid)
        var status: Int32 = 0
        while waitpid(child.pid, &status, 0) < 0 && errno == EINTR {}
        if child.pidfd >= 0 { close(child.pidfd) }
        return Outcome(
            status: TerminationStatus(waitStatus: status), timedOut: timedOut,
            interrupted: registry.isInterrupted)
    }

    /// True once the shell has exited; it is left a zombie (not reaped) so its group id stays ours.
    private func hasExited() -> Bool {
        var info = siginfo_t()
        let rc = waitid(P_PID, id_t(child.pid), &info, WEXITED | WNOHANG | WNOWAIT)
        return rc == 0 && info._sifields._sigchld.si_pid == child.pid
    }

    /// A duration as whole milliseconds for `poll`, rounded up, at least 0.
    static func milliseconds(_ duration: Duration) -> Int32 {
        guard duration > .zero else { return 0 }
        let (seconds, attoseconds) = duration.components
        let total = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: total)
    }
}
