package org.epiflow.analytics.validation;

import org.epiflow.analytics.DayWindow;
import org.epiflow.analytics.RiskResult;
import org.epiflow.analytics.cases.ReportingDelay;
import org.epiflow.analytics.RiskRow;
import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.analytics.distance.EffectiveDistance;
import org.epiflow.analytics.importation.ImportationParameters;
import org.epiflow.analytics.importation.ImportationRisk;
import org.epiflow.analytics.observed.ObservedExpected;
import org.epiflow.analytics.seir.SeirEnsemble;
import org.epiflow.analytics.seir.SeirForecast;
import org.epiflow.analytics.seir.SeirParameters;
import org.epiflow.analytics.seir.SeirRun;
import org.epiflow.analytics.stats.Ranks;
import org.epiflow.data.demo.DailyCounts;
import org.epiflow.data.demo.DemoScenario;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.Period;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs every risk model on the demo scenario (whose true epidemic is known) and writes the figures of
 * docs/validation.md: metrics on standard output, charts into the folder given (default docs/images). Run:
 * {@code mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt} then
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.epiflow.analytics.validation.ValidationReport}.
 */
public final class ValidationReport {
    private static final Color BLUE = new Color(33, 102, 172);
    private static final Color RED = new Color(178, 24, 43);
    private static final Color GREY = new Color(100, 100, 100);

    private ValidationReport() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images");
        Files.createDirectories(out);
        DemoScenario demo = DemoScenario.generate(DemoScenario.DEFAULT_SEED, Instant.parse("2020-04-01T00:00:00Z"));
        AggregateDataset data = demo.dataset();
        Period period = data.info().period();
        int n = data.regions().size();
        int seed = data.regions().indexOf(demo.parameters().seedRegion());
        DailyCounts truth = demo.infections();
        CaseTable cases = caseTable(demo.cases(), period, data);
        int asOf = day(period, "2020-01-23");
        p("demo seed %d: %d regions, %s, %,d flow cells, true infections %,d, reported cases %,d (ascertainment %.2f)",
                demo.seed(), n, period, data.flows().rowCount(), truth.total(), demo.cases().total(),
                demo.parameters().ascertainment());

        // importation risk as of 23 January
        ReportingDelay trueDelay = new ReportingDelay(demo.parameters().reportDelayMean(),
                demo.parameters().reportDelaySd());
        RiskResult old = ImportationRisk.fromCases(data, cases, DayWindow.upTo(asOf),
                new ImportationParameters(false, 7, 0.25, ReportingDelay.NONE));
        RiskResult imp = ImportationRisk.fromCases(data, cases, DayWindow.upTo(asOf),
                new ImportationParameters(false, 7, 0.25, trueDelay));
        // the truth's λ: the same trips with the true infections of the last 7 days
        double[] truePool = new double[period.days() * n];
        for (int k = 0; k < n; k++) {
            double run = 0;
            for (int d = 0; d < period.days(); d++) {
                run += truth.get(d, k) - (d >= 7 ? truth.get(d - 7, k) : 0);
                truePool[d * n + k] = run;
            }
        }
        RiskResult ideal = ImportationRisk.compute(data, truePool, null, null, DayWindow.upTo(asOf),
                new ImportationParameters(false, 7, 1, ReportingDelay.NONE), java.util.Map.of());
        double sumOld = 0;
        double sumNow = 0;
        double sumTrue = 0;
        int cover = 0;
        int coverN = 0;
        for (RiskRow r : ideal.rows()) {
            if (r.region() == seed || !Double.isFinite(r.value(1))) {
                continue;
            }
            double t = r.value(1);
            RiskRow a = old.row(r.code()).orElseThrow();
            RiskRow b = imp.row(r.code()).orElseThrow();
            sumTrue += t;
            sumOld += a.value(1);
            sumNow += b.value(1);
            if (t > 0.5) {
                coverN++;
                cover += t >= b.value(6) && t <= b.value(7) ? 1 : 0;
            }
        }
        p("importation expected imports summed over regions, as of 23 Jan: from true infections %.1f; old pool "
                + "(reports of the last 7 days / 0.25) %.1f; nowcast (gamma delay 10, sd 4) %.1f; 95 %% interval "
                + "covers the truth's λ in %d of %d regions with λ > 0.5", sumTrue, sumOld, sumNow, cover, coverN);
        List<Double> score = new ArrayList<>();
        List<Boolean> hit = new ArrayList<>();
        double[] expected = new double[n];
        double[] trueLater = new double[n];
        for (RiskRow r : imp.rows()) {
            if (r.region() == seed) {
                continue;
            }
            int first = truth.firstDay(r.region());
            score.add(r.value(0));
            hit.add(first >= 0 && first <= asOf);
            expected[r.region()] = r.value(1);
            trueLater[r.region()] = cumulative(truth, r.region(), asOf + 14);
        }
        p("importation (as of 2020-01-23, 7-day window, ascertainment 0.25): AUC for 'truly infected by then' %.3f; "
                + "Spearman(expected imports, true infections by 6 Feb) %.3f; truly infected regions %d of %d",
                auc(score, hit), spearman(expected, trueLater, seed),
                hit.stream().filter(b -> b).count(), hit.size());
        List<String> top = imp.rows().stream().limit(10).map(RiskRow::code).toList();
        long topHit = top.stream().filter(c -> truth.firstDay(data.regions().indexOf(c)) >= 0
                && truth.firstDay(data.regions().indexOf(c)) <= asOf).count();
        p("  top 10 by import probability truly infected by 23 Jan: %d", topHit);
        new Chart("Importation risk as of 23 Jan vs true infections by 6 Feb", "expected imported infections "
                + "(model)", "true cumulative infections", true)
                .points("regions", expected, trueLater, BLUE).write(out.resolve("validation-importation.png"));

        // effective distance
        RiskResult ed = EffectiveDistance.compute(data, new int[]{seed}, DayWindow.upTo(asOf), cases);
        double[] d = new double[n];
        double[] trueArrival = new double[n];
        double[] seenArrival = new double[n];
        for (RiskRow r : ed.rows()) {
            d[r.region()] = r.value(0);
            int first = truth.firstDay(r.region());
            trueArrival[r.region()] = first < 0 ? Double.NaN : first;
            seenArrival[r.region()] = cases.firstCaseDay(r.region()) < 0 ? Double.NaN
                    : cases.firstCaseDay(r.region());
        }
        p("effective distance from %s (trips 1-23 Jan): Spearman(D, true arrival day) %.3f over %d regions; "
                + "Spearman(D, first reported case) %.3f; summary %s", demo.parameters().seedRegion(),
                spearman(d, trueArrival, seed), finite(trueArrival, seed), spearman(d, seenArrival, seed),
                ed.summary());
        new Chart("Effective distance from the seed vs arrival", "effective distance D", "day (0 = 1 Jan)", false)
                .points("first true infection", d, trueArrival, BLUE)
                .points("first reported case", d, seenArrival, RED).write(out.resolve("validation-distance.png"));

        // SEIR: calibrated on reports up to 23 Jan, forecast to 31 March
        int last = period.days() - 1;
        int restrictions = day(period, "2020-01-24");
        SeirParameters oracle = new SeirParameters(2.6, 4, 5, 0, 0.75, restrictions, 7, SeirParameters.Rates.DAILY);
        int fitDay = day(period, "2020-02-10");
        for (double guess : new double[]{1.0, 1.5, 2.5, 4.0, 6.0}) {
            SeirForecast.Outcome f = SeirForecast.compute(data, cases, new SeirForecast.Settings(oracle.withR0(guess),
                    0, fitDay, 0, new int[]{seed}, List.of(), 0.25, trueDelay, true, 0, 1));
            p("SEIR joint fit to reports up to 10 Feb from R0 guess %.1f: R0 %.3f (95%% %.3f – %.3f), start %.0f, "
                    + "dispersion %.1f", guess, f.fit().r0(), f.fit().lower(), f.fit().upper(), f.fit().infected(),
                    f.fit().dispersion());
        }
        SeirForecast.Outcome odeFit = SeirForecast.compute(data, cases, new SeirForecast.Settings(
                new SeirParameters(2.0, 4, 5, 0, 0.75, restrictions, 7, SeirParameters.Rates.ODE), 0, fitDay, 0,
                new int[]{seed}, List.of(), 0.25, trueDelay, true, 0, 1));
        p("SEIR joint fit with continuous-time rates: R0 %.3f (95%% %.3f – %.3f) — the ODE R0 of the same growth",
                odeFit.fit().r0(), odeFit.fit().lower(), odeFit.fit().upper());
        SeirForecast.Outcome fc = SeirForecast.compute(data, cases, new SeirForecast.Settings(oracle, 0, asOf,
                last - asOf, new int[]{seed}, List.of(), 0.25, trueDelay, false, 200, 1));
        SeirForecast.Outcome naive = SeirForecast.compute(data, cases, new SeirForecast.Settings(
                SeirParameters.DEFAULTS, 0, asOf, last - asOf, new int[]{seed}, List.of(), 0.25, 10, false, 0, 1));
        double trueTotal = truth.total();
        p("SEIR (true R0/periods, contact -75%% from 24 Jan, calibrated to reports to 23 Jan, ascertainment 0.25, "
                + "delay 10): start %.0f infected (truth %d); total infections by 31 Mar %,.0f vs true %,.0f",
                fc.initialInfected(), demo.parameters().initialExposed() + demo.parameters().initialInfectious(),
                sum(fc.deterministic().finalCumulative()), trueTotal);
        var seeding = fc.result().summary();
        p("  seeding %s on %s: %.0f exposed or infectious, %.0f infectious (the fitted start's run: %s infectious)",
                seeding.get("seeding"), seeding.get("seededOn"), seeding.get("seededInfected"),
                seeding.get("seededInfectious"), seeding.get("fittedRunInfectious"));
        p("SEIR with defaults (R0 2.5, no contact reduction): total %,.0f (%.1f× truth)",
                sum(naive.deterministic().finalCumulative()), sum(naive.deterministic().finalCumulative()) / trueTotal);
        SeirEnsemble ens = fc.ensemble();
        int inside = 0;
        int counted = 0;
        double[] predArrival = new double[n];
        for (int k = 0; k < n; k++) {
            double t = cumulative(truth, k, last);
            if (data.regions().get(k).population() > 0) {
                counted++;
                if (t >= ens.quantile(0, last, k) && t <= ens.quantile(4, last, k)) {
                    inside++;
                }
            }
            int a = fc.deterministic().arrivalDay(k, 1);
            predArrival[k] = a < 0 ? Double.NaN : a;
        }
        p("  true cumulative infections by 31 Mar inside the 90%% band: %d of %d regions; Spearman(predicted "
                + "arrival, true arrival) %.3f", inside, counted, spearman(predArrival, trueArrival, seed));
        seirChart(out, data, truth, fc.deterministic(), ens, seed);

        // observed vs expected as of 15 February
        int asOf2 = day(period, "2020-02-15");
        RiskResult oe = ObservedExpected.compute(data, cases, new int[]{seed}, DayWindow.upTo(asOf2), 0.90);
        p("observed-expected (as of 15 Feb): %s", oe.summary());
        double[] lx = new double[n];
        double[] ly = new double[n];
        double[] le = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        List<String> flagged = new ArrayList<>();
        for (RiskRow r : oe.rows()) {
            double f = r.value(0);
            lx[r.region()] = f > 0 ? Math.log(f) : Double.NaN;
            ly[r.region()] = Math.log1p(r.value(1));
            le[r.region()] = Math.log1p(r.value(2));
            lo[r.region()] = Math.log1p(r.value(3));
            hi[r.region()] = Math.log1p(r.value(4));
            if (!r.flag().isEmpty() && !r.flag().equals("source") && !r.flag().startsWith("no-")) {
                double ratio = cumulative(truth, r.region(), asOf2) / Math.max(1, r.value(2) / 0.25);
                flagged.add(String.format(Locale.ROOT, "%s %s (true/expected infections %.2f)", r.code(), r.flag(),
                        ratio));
            }
        }
        p("  flagged: %s", flagged);
        sortAndChart(out, lx, ly, le, lo, hi);
    }

    private static void seirChart(Path out, AggregateDataset data, DailyCounts truth, SeirRun det, SeirEnsemble ens,
                                  int seed) throws Exception {
        int n = data.regions().size();
        int other = -1;
        double best = -1;
        for (int k = 0; k < n; k++) {
            if (k != seed && truth.totalFor(k) > best) {
                best = truth.totalFor(k);
                other = k;
            }
        }
        for (int k : new int[]{seed, other}) {
            int days = det.days();
            double[] x = new double[days];
            double[] t = new double[days];
            double[] m = new double[days];
            double[] lo = new double[days];
            double[] hi = new double[days];
            double[] lo50 = new double[days];
            double[] hi50 = new double[days];
            double c = 0;
            for (int s = 0; s < days; s++) {
                x[s] = s;
                c += truth.get(s, k);
                t[s] = c;
                m[s] = det.cumulative(s, k);
                lo[s] = ens.quantile(0, s, k);
                hi[s] = ens.quantile(4, s, k);
                lo50[s] = ens.quantile(1, s, k);
                hi50[s] = ens.quantile(3, s, k);
            }
            String code = data.regions().get(k).code();
            new Chart("SEIR forecast from 23 Jan, " + data.regions().get(k).nameEn() + " (" + code + ")",
                    "day (0 = 1 Jan; as of day 22)", "cumulative infections", true)
                    .band("90 % interval", x, lo, hi, BLUE).band("50 % interval", x, lo50, hi50, BLUE)
                    .line("deterministic", x, m, BLUE, true).line("truth", x, t, RED, false)
                    .write(out.resolve("validation-seir-" + code + ".png"));
        }
    }

    private static void sortAndChart(Path out, double[] lx, double[] ly, double[] le, double[] lo, double[] hi)
            throws Exception {
        Integer[] idx = new Integer[lx.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(Double.isNaN(lx[a]) ? 1e9 : lx[a],
                Double.isNaN(lx[b]) ? 1e9 : lx[b]));
        int m = (int) java.util.Arrays.stream(lx).filter(Double::isFinite).count();
        double[][] s = new double[4][m];
        for (int i = 0; i < m; i++) {
            s[0][i] = lx[idx[i]];
            s[1][i] = le[idx[i]];
            s[2][i] = lo[idx[i]];
            s[3][i] = hi[idx[i]];
        }
        new Chart("Observed vs expected cases as of 15 Feb (risk source model)", "ln(trips from the seed region)",
                "ln(1 + cumulative reported cases)", false)
                .band("95 % prediction interval", s[0], s[2], s[3], GREY).line("fitted", s[0], s[1], GREY, false)
                .points("regions", lx, ly, BLUE).write(out.resolve("validation-observed.png"));
    }

    private static CaseTable caseTable(DailyCounts c, Period period, AggregateDataset data) {
        int n = data.regions().size();
        int[] daily = new int[period.days() * n];
        for (int d = 0; d < period.days(); d++) {
            for (int k = 0; k < n; k++) {
                daily[d * n + k] = c.get(d, k);
            }
        }
        return new CaseTable(period, data.regions(), daily, period.days() - 1);
    }

    private static int day(Period p, String date) {
        return (int) (LocalDate.parse(date).toEpochDay() - p.start().toEpochDay());
    }

    private static double cumulative(DailyCounts t, int region, int through) {
        double c = 0;
        for (int d = 0; d <= through; d++) {
            c += t.get(d, region);
        }
        return c;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    private static int finite(double[] v, int skip) {
        int c = 0;
        for (int i = 0; i < v.length; i++) {
            c += i != skip && Double.isFinite(v[i]) ? 1 : 0;
        }
        return c;
    }

    private static double spearman(double[] a, double[] b, int skip) {
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            if (i != skip && Double.isFinite(a[i]) && Double.isFinite(b[i])) {
                pairs.add(new double[]{a[i], b[i]});
            }
        }
        return Ranks.spearman(pairs.stream().mapToDouble(x -> x[0]).toArray(),
                pairs.stream().mapToDouble(x -> x[1]).toArray());
    }

    /** Area under the ROC curve (Mann–Whitney), ties counted half. */
    private static double auc(List<Double> score, List<Boolean> positive) {
        double pos = 0;
        double neg = 0;
        double wins = 0;
        for (int i = 0; i < score.size(); i++) {
            for (int j = 0; j < score.size(); j++) {
                if (positive.get(i) && !positive.get(j)) {
                    wins += score.get(i) > score.get(j) ? 1 : score.get(i).equals(score.get(j)) ? 0.5 : 0;
                }
            }
            if (positive.get(i)) {
                pos++;
            } else {
                neg++;
            }
        }
        return wins / (pos * neg);
    }

    private static void p(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
