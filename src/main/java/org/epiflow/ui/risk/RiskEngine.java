package org.epiflow.ui.risk;

import org.epiflow.analytics.RiskResult;
import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.analytics.cases.Seeds;
import org.epiflow.analytics.distance.EffectiveDistance;
import org.epiflow.analytics.importation.ImportationParameters;
import org.epiflow.analytics.importation.ImportationRisk;
import org.epiflow.analytics.observed.ObservedExpected;
import org.epiflow.analytics.seir.SeirForecast;
import org.epiflow.analytics.seir.SeirParameters;
import org.epiflow.model.AggregateDataset;

import java.util.ArrayList;
import java.util.List;

/** Runs a model with validated settings (the same calls as {@code epiflow risk}); no JavaFX, any thread. */
public final class RiskEngine {
    private RiskEngine() {
    }

    public static RiskRun run(String fingerprint, AggregateDataset data, CaseTable cases, RiskSettings s) {
        List<Seeds.Seed> seeds = Seeds.parse(s.seeds(), data.regions());
        int[] src = sources(data, cases, s);
        RiskResult result;
        SeirForecast.Outcome outcome = null;
        switch (s.model()) {
            case IMPORTATION -> {
                ImportationParameters p = new ImportationParameters(s.fromDay(), s.asOfDay(), s.bothDirections(),
                        s.infectiousWindow(), s.ascertainment());
                result = !seeds.isEmpty() ? ImportationRisk.fromSeeds(data, seeds, p)
                        : ImportationRisk.fromCases(data, cases, p);
            }
            case EFFECTIVE_DISTANCE -> result = EffectiveDistance.compute(data, src, s.fromDay(), s.asOfDay(), cases);
            case OBSERVED_EXPECTED -> result = ObservedExpected.compute(data, cases, src, s.fromDay(), s.asOfDay(),
                    s.level());
            case SEIR -> {
                SeirParameters p = new SeirParameters(s.r0(), s.latentDays(), s.infectiousDays(),
                        s.travelReduction(), s.contactReduction(), Integer.MAX_VALUE);
                outcome = SeirForecast.compute(data, cases, new SeirForecast.Settings(p, s.fromDay(),
                        Math.max(s.asOfDay(), s.fromDay()), s.horizonDays(), src, seeds, s.ascertainment(), 0,
                        s.fitR0(), s.runs(), s.seed()));
                result = outcome.result();
            }
            default -> throw new IllegalStateException();
        }
        return new RiskRun(fingerprint, s, result, outcome, cases, data);
    }

    /** The source regions: typed codes, else the region(s) with the earliest reported case up to the as-of day. */
    static int[] sources(AggregateDataset data, CaseTable cases, RiskSettings s) {
        if (!s.sources().isEmpty()) {
            return s.sources().stream().mapToInt(c -> data.regions().indexOf(c)).toArray();
        }
        if (cases == null) {
            return new int[0];
        }
        int first = Integer.MAX_VALUE;
        for (int i = 0; i < data.regions().size(); i++) {
            int d = cases.firstCaseDay(i);
            if (d >= 0 && d <= s.asOfDay()) {
                first = Math.min(first, d);
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < data.regions().size(); i++) {
            if (first != Integer.MAX_VALUE && cases.firstCaseDay(i) == first) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
