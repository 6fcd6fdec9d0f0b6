/// Clean-up of a pasted symptom before analysis.
enum SymptomText {
    /// The symptom without the keys of structured log lines: `level=error msg="x"` keeps `error x`, and
    /// `{"msg":"x","caller":"y"}` keeps `x y`. The keys (`level`, `ts`, `caller`, `msg`...) say how the
    /// line is written, not what went wrong.
    static func withoutLogKeys(_ symptom: String) -> String {
        var bytes = Array(symptom.utf8)
        var index = 0
        while index < bytes.count {
            guard TextAnalyzer.isWordByte(bytes[index]) || bytes[index] == UInt8(ascii: "_") else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count,
                TextAnalyzer.isWordByte(bytes[end]) || bytes[end] == UInt8(ascii: "_")
                    || bytes[end] == UInt8(ascii: "-")
                    || bytes[end] == UInt8(ascii: ".")
            {
                end += 1
            }
            let startsKey =
                index == 0 || bytes[index - 1] == 0x20 || bytes[index - 1] == UInt8(ascii: "\"")
                || bytes[index - 1] == UInt8(ascii: "{") || bytes[index - 1] == UInt8(ascii: ",")
            var isKey = false
            if startsKey, end < bytes.count {
                if bytes[end] == UInt8(ascii: "=") {
                    isKey = true  // logfmt: key=value
                } else if bytes[end] == UInt8(ascii: "\""), end + 1 < bytes.count, bytes[end + 1] == UInt8(ascii: ":"),
                    index > 0, bytes[index - 1] == UInt8(ascii: "\"")
                {
                    isKey = true  // JSON: "key":value
                }
            }
            if isKey {
                for position in index..<end { bytes[position] = 0x20 }
            }
            index = end
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
