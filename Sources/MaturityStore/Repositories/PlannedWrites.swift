import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit

/// The statements an edit would make, recorded instead of sent (``AssessmentRepository/writeParts``): an edit of
/// one row can then be written in one statement with its check of the revision.
final class PlannedWrites: SQLDatabase, @unchecked Sendable {
    enum Write {
        /// An update of the row `key` = `row` of a part's `table` (``AssessmentRepository/update``): the values it
        /// sets, its version raised too when `versioned`.
        case update(table: String, key: String, row: String, values: AssessmentRepository.Values, versioned: Bool)
        /// Any other statement.
        case other
    }

    /// What was recorded, in order (read once the recording is done).
    var writes: [Write] = []

    let logger = Logger(label: "maturity.planned-writes")
    let eventLoop: any EventLoop = MultiThreadedEventLoopGroup.singleton.any()
    let dialect: any SQLDialect = PostgresDialect()

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        -> EventLoopFuture<Void>
    {
        writes.append(.other)
        return eventLoop.makeSucceededVoidFuture()
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        writes.append(.other)
    }
}
