import MaturityStore

extension ServerEngine {
    /// Keeps the revision an edit stored and scores it at once (from the assessment as the check loaded it), so
    /// its result is ready when the editor asks for it — unless a newer revision is kept already: another edit
    /// of the assessment was stored meanwhile, and scores that one, the one anyone asks for now.
    func keep(_ stored: AssessmentSnapshot, checked: CheckedAssessment) async {
        await snapshots.set(stored)
        guard await snapshots.get(stored.assessment.id)?.assessment.revision == stored.assessment.revision else {
            return
        }
        _ = try? await scored(stored, checked: checked)
    }
}
