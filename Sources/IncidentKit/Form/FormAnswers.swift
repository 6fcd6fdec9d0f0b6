import Foundation

/// Answers given before the form is asked: `--set KEY=VALUE` (a form key, a field number, or a variable)
/// and `--answers FILE` (a JSON object of the same keys).
public struct FormAnswers: Sendable, Equatable {
    public var values: [String: String] = [:]
    /// Keys in the order given, for stable messages.
    public var order: [String] = []
    /// Where each answer was given, for messages about it: `--answers FILE` when it came from that file
    /// (and no `--set` replaced it); `--set` otherwise.
    public var files: [String: String] = [:]

    /// `--set KEY=VALUE` or `KEY in --answers FILE`, as the user gave it.
    public func origin(of key: String, shown value: String) -> String {
        files[key].map { "\(key) in --answers \($0)" } ?? "--set \(key)=\(value)"
    }

    public init() {}

    /// Reads `--set` arguments; a missing `=` is a usage error that names the argument.
    public mutating func add(sets: [String]) throws(IncidentError) {
        for set in sets {
            guard let equals = set.firstIndex(of: "="), equals != set.startIndex else {
                throw .usage("--set needs KEY=VALUE, not '\(Redactor().redact(set).text)'")
            }
            let key = String(set[..<equals]).trimmed
            add(key, String(set[set.index(after: equals)...]))
            files[key] = nil
        }
    }

    /// Reads a JSON object of answers; values may be strings, numbers or booleans. `bytes` are the
    /// file's, when they were read already (`--answers -` reads standard input).
    public mutating func add(file path: String, bytes given: [UInt8]? = nil) throws(IncidentError) {
        guard let bytes = given ?? FileSystem.read(path) else {
            throw .input("cannot read --answers file '\(path)'")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            // Foundation says where by character; a person looks for the line.
            if let range = detail.range(of: #"character \d+"#, options: .regularExpression),
                let offset = Int(detail[range].dropFirst("character ".count))
            {
                let line = bytes.prefix(offset).filter { $0 == 0x0A }.count + 1
                throw .input(
                    "\(path):\(line): not valid JSON (\(detail.replacingCharacters(in: range, with: "here")))")
            }
            throw .input("--answers file '\(path)' is not valid JSON: \(detail)")
        }
        guard let dictionary = object as? [String: Any] else {
            throw .input("--answers file '\(path)' must hold a JSON object of \"key\": \"answer\" pairs")
        }
        for key in dictionary.keys.sorted() {
            switch dictionary[key] {
            case let text as String:
                add(key, text)
                files[key] = path
            case let number as NSNumber:
                add(key, number.stringValue)
                files[key] = path
            default: throw .input("--answers file '\(path)': the answer for '\(key)' must be a string")
            }
        }
    }

    private mutating func add(_ key: String, _ value: String) {
        if values[key] == nil { order.append(key) }
        values[key] = value
    }
}
