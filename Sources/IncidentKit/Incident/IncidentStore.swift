import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where incident records live (`./incidents` by default): one folder per incident with `state.json`
/// (rewritten atomically), `timeline.jsonl` (append-only), evidence outputs and the report. Safe for
/// concurrent runs: IDs are claimed with an atomic `mkdir`, the timeline is appended under a lock.
public struct IncidentStore: Sendable {
    /// The output folder.
    public let root: String

    public init(root: String) {
        self.root = root
    }

    /// The folder of incident `id`.
    public func folder(_ id: String) -> String { root + "/" + id }

    /// Claims a new ID `INC-YYYYMMDD-NNN` for `date` (UTC), creating its folder.
    public func claimID(on date: Date) throws(IncidentError) -> String {
        guard FileSystem.makeDirectories(root) else {
            throw .failure("cannot create the incidents folder '\(root)': \(String(cString: strerror(errno)))")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let day = String(format: "%04d%02d%02d", parts.year!, parts.month!, parts.day!)
        let prefix = "INC-\(day)-"
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        var number = existing.filter { $0.hasPrefix(prefix) }.compactMap { Int($0.dropFirst(prefix.count)) }.max() ?? 0
        while number < 100_000 {
            number += 1
            let id = prefix + String(format: "%03d", number)
            if mkdir(folder(id), 0o700) == 0 { return id }
            guard errno == EEXIST else {
                throw .failure("cannot create '\(folder(id))': \(String(cString: strerror(errno)))")
            }
        }
        throw .failure("no free incident ID left for \(day) in '\(root)'")
    }

    /// Dates as ISO 8601 UTC with milliseconds: "since the last gate run" needs better than seconds.
    static func encodeDate(_ date: Date, to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
    }

    /// Reads dates with or without fractional seconds.
    static func decodeDate(from decoder: any Decoder) throws -> Date {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
        throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 date: \(text)")
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom(encodeDate)
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom(decodeDate)
        return decoder
    }()

    /// Saves the record as `state.json`: temporary file, fsync, rename, so a crash at any moment leaves
    /// either the old or the new state, never half of one. Values of secret keys are not written.
    public func save(_ record: IncidentRecord) throws(IncidentError) {
        let data: Data
        do {
            data = try Self.encoder.encode(record.withoutSecretValues)
        } catch {
            throw .failure("cannot encode the state of \(record.id): \(error)")
        }
        guard FileSystem.writeAtomically(Array(data) + [0x0A], to: folder(record.id) + "/state.json") else {
            throw .failure("cannot write '\(folder(record.id))/state.json': \(String(cString: strerror(errno)))")
        }
    }

    /// Reads incident `id`.
    public func load(_ id: String) throws(IncidentError) -> IncidentRecord {
        let path = folder(id) + "/state.json"
        guard let bytes = FileSystem.read(path) else {
            throw .input("no incident '\(id)' in '\(root)' (run 'incident list' to see them, or pass --out DIR)")
        }
        let record: IncidentRecord
        do {
            record = try Self.decoder.decode(IncidentRecord.self, from: Data(bytes))
        } catch {
            throw .failure("'\(path)' is not a readable incident state: \(Self.describe(error))")
        }
        // A step number below 0 (edited by hand) would index no step of the workflow.
        guard record.nextStep >= 0 else {
            throw .failure(
                "'\(path)' is not a readable incident state: the field 'nextStep' is not valid (\(record.nextStep))")
        }
        // Everything written later goes to the folder of the ID inside: it must be this folder.
        guard record.id == id else {
            throw .failure("'\(path)' holds incident \(record.id), not \(id): it was copied or edited by hand")
        }
        return record
    }

    /// A decoding error in words, without the decoder's internal coding paths.
    static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .dataCorrupted(let context)?:
            context.codingPath.isEmpty
                ? "it is not valid JSON" : "the field '\(field(context.codingPath))' is not valid"
        case .keyNotFound(let key, let context)?: "the field '\(field(context.codingPath + [key]))' is missing"
        case .typeMismatch(_, let context)? where context.codingPath.isEmpty: "it is not a JSON object"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
            "the field '\(field(context.codingPath))' has the wrong type"
        default: "\(error)"
        }
    }

    /// A coding path as a person reads it: `evidence[2].title`.
    private static func field(_ path: [any CodingKey]) -> String {
        path.reduce("") { text, key in
            if let index = key.intValue { return text + "[\(index)]" }
            return text.isEmpty ? key.stringValue : text + "." + key.stringValue
        }
    }

    /// Appends one event to the timeline as a single line, under an exclusive lock.
    public func append(_ event: TimelineEvent, to id: String) throws(IncidentError) {
        guard var line = try? Self.compactEncoder.encode(event) else {
            throw .failure("cannot encode a timeline event of \(id)")
        }
        line.append(0x0A)
        let path = folder(id) + "/timeline.jsonl"
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .failure("cannot open '\(path)': \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        flock(descriptor, LOCK_EX)
        defer { flock(descriptor, LOCK_UN) }
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else {
            throw .failure("cannot append to '\(path)': \(String(cString: strerror(errno)))")
        }
        fsync(descriptor)
    }

    static let compactEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom(encodeDate)
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The events of incident `id`, oldest first. Lines that do not parse (a torn last line after a
    /// crash) are skipped.
    public func timeline(_ id: String) -> [TimelineEvent] {
        guard let bytes = FileSystem.read(folder(id) + "/timeline.jsonl") else { return [] }
        return bytes.split(separator: 0x0A).compactMap { try? Self.decoder.decode(TimelineEvent.self, from: Data($0)) }
    }

    /// The IDs of every incident in the store, oldest first.
    public func ids() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
            .filter { $0.hasPrefix("INC-") && FileSystem.isFile(folder($0) + "/state.json") }.sorted()
    }
}
