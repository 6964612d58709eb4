import MaturityCore

extension LoadedAssessment {
    /// Every file this assessment was read from: itself, the catalog's files, and the evidence, ticket
    /// and mapping files it names. An output may not replace any of them.
    var inputFiles: [String] {
        let folder = assessment.baseDirectory ?? PathText.folder(of: assessmentPath)
        var named = assessment.evidence.compactMap(\.file)
        if let tickets = assessment.tickets {
            named.append(tickets.file)
            if let mapping = tickets.mapping { named.append(mapping) }
        }
        return [assessmentPath] + catalog.files.map(\.path)
            + named.map { $0.hasPrefix("/") ? $0 : PathText.join(folder, $0) }
    }
}
