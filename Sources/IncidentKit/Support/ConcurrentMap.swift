import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map` on every core, in chunks, keeping the order; plain `map` for short arrays, where threads
    /// would cost more than they save.
    func concurrentMap<T: Sendable>(minimumCount: Int = 64, chunk: Int = 32, _ transform: @Sendable (Element) -> T)
        -> [T]
    {
        guard count > minimumCount else { return map(transform) }
        let slots = Mutex<[T?]>(Array<T?>(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: (count + chunk - 1) / chunk) { part in
            let range = (part * chunk)..<Swift.min(count, (part + 1) * chunk)
            let results = range.map { transform(self[$0]) }
            slots.withLock { slots in
                for (offset, result) in zip(range, results) { slots[offset] = result }
            }
        }
        return slots.withLock { $0.map { $0! } }
    }
}
