import Foundation
import MaturityCore
import SQLKit

extension RegisterRepository {
    /// The due board on `asOf`: surveillances, recertifications, suspension limits and major nonconformity
    /// deadlines due within `within` days, and everything late, across all clients, earliest first; at most
    /// `limit` certificates' items.
    public func board(asOf: Day, within: Int, limit: Int = 500) async throws -> DueBoard {
        if let kept = cache?.board(asOf: asOf, within: within, limit: limit) { return kept }
        let ticket = cache?.ticket()
        let board = try await readBoard(asOf: asOf, within: within, limit: limit)
        cache?.keep(board, limit: limit, ticket: ticket)
        return board
    }

    private func readBoard(asOf: Day, within: Int, limit: Int) async throws -> DueBoard {
        let horizon = asOf.adding(days: within).description
        let today = asOf.description
        let limit = min(max(limit, 1), 100_000)
        return try await database.read { sql in
            let policy = try await Self.policy(in: sql)
            let count =
                try await sql.raw(
                    """
                    SELECT COUNT(*) AS n FROM certificates WHERE next_due <= \(bind: horizon)
                    AND expires >= \(bind: today)
                    """
                ).first()?.decode(column: "n", as: Int.self) ?? 0
            let rows = try await sql.raw(
                """
                SELECT * FROM certificates WHERE next_due <= \(bind: horizon) AND expires >= \(bind: today)
                ORDER BY next_due, number LIMIT \(literal: limit)
                """
            ).all()
            let memo = StoredScope.Memo()
            let certificates = try rows.map { try Self.certificate(from: $0, history: [], memo: memo).0 }
            var ncs: [String: [Nonconformity]] = [:]
            let organisations = Array(Set(certificates.map(\.organisationId))).sorted()
            if !organisations.isEmpty {
                let query: SQLQueryString = """
                    SELECT * FROM nonconformities WHERE grade = 'major' AND state IN ('raised', 'action_submitted')
                    AND \(SQLQueryString.oneOf("organisation_id", organisations, in: sql))
                    """
                for nc in try await sql.raw(query).all().map(Self.nonconformity(from:)) {
                    ncs[nc.organisationId, default: []].append(nc)
                }
            }
            let items = AuditProgramme(policy: policy).board(
                certificates.map { ($0, ncs[$0.organisationId] ?? []) }, asOf: asOf, within: within)
            return DueBoard(
                asOf: asOf, within: within, items: items, certificates: count, truncated: count > certificates.count)
        }
    }
}
