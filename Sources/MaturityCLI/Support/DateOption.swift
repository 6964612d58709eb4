import ArgumentParser
import MaturityCore

/// Dates given on the command line (`--as-of`, `--date`): checked like dates in files.
enum DateOption {
    /// `text` as YYYY-MM-DD within the years inputs may give, or a usage error naming `option`.
    static func parse(_ text: String, option: String) throws -> Day {
        guard let day = Day(iso: text) else {
            throw ValidationError(.optionMustBeADate(option, found: text))
        }
        guard day.isWithinInputRange else {
            throw ValidationError(.optionDateOutOfRange(option, found: text))
        }
        return day
    }
}
