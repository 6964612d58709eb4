import MaturityCore
import Testing

@Suite struct KPIUnitTests {
    func kpi(_ unit: KPIUnit) -> KPIDefinition {
        KPIDefinition(id: "k", name: LocalizedText("k"), unit: unit, better: .higher)
    }

    @Test func aKnownUnitBoundsTheValuesAKPICanTake() {
        #expect(kpi(.percent).valueRange == 0...100)
        #expect(kpi(.outOfFive).valueRange == 1...5)
        for unit in [KPIUnit.minutes, .hours, .days, .count, KPIUnit(rawValue: "hours"), KPIUnit(rawValue: "days")] {
            #expect(kpi(unit).valueRange == 0...1e12, "\(unit)")
        }
        // A unit the tool does not know (a catalog's own, or none) allows negative values.
        #expect(kpi(KPIUnit(rawValue: "元")).valueRange == -1e12...1e12)
        #expect(kpi(.none).valueRange == -1e12...1e12)
        #expect(kpi(.percent).rangeProblem(150)?.en == "must be from 0 to 100 (%), found 150")
    }

    @Test func theBuiltInKPIsKeepTheUnitsTheirFilesAndReportsShow() {
        let units = Dictionary(uniqueKeysWithValues: KPIDefinition.builtIn.map { ($0.id, $0.unit.rawValue) })
        #expect(units["tickets"] == "count")
        #expect(units["first_response_minutes_p50"] == "min")
        #expect(units["csat_mean"] == "/5")
        #expect(units["fcr_rate"] == "%")
        #expect(Set(units.values) == ["count", "min", "%", "/5"])
    }

    @Test func aValueIsFollowedByItsUnitInReports() {
        #expect(KPIUnit.percent.valueSuffix == " %")
        #expect(KPIUnit.outOfFive.valueSuffix == "/5")
        #expect(KPIUnit.minutes.valueSuffix == " min")
        #expect(KPIUnit.count.valueSuffix == "")
        #expect(KPIUnit(rawValue: "元").valueSuffix == "")
    }
}
