package org.epiflow.data.demo;

import org.epiflow.model.Period;
import org.epiflow.model.RegionTable;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * The hidden epidemic: a stochastic, discrete-day metapopulation SEIR driven by the demo's true trips.
 *
 * <p>Each day t, first, in every region i with N_i residents at the start of the day, <b>transmission and
 * progression</b> (binomial draws; susceptibles follow from the residents table,
 * {@code S_i = max(0, N_i − E_i − I_i − R_i)}):
 * new infections {@code ~ Bin(S, 1 − exp(−β·c(t)·I/N))}, E→I {@code ~ Bin(E, 1/latent)},
 * I→R {@code ~ Bin(I, 1/infectious)} (geometric stays with those means, so R0 = β · infectious exactly), with
 * β = R0/infectious and c(t) the contact factor (1 before the restrictions, falling linearly to
 * {@link EpidemicParameters#contactFactor()} over the ramp).
 *
 * <p>Then <b>travel</b>: in every region the exposed and the infectious each leave along pair i→j with probability
 * {@code trips_ij(t) / N_i} (a multinomial over the region's out-pairs) and arrive in j. Recovered people are not
 * tracked by location (their share is small). So the seed city alone has infections on the first day, and a region
 * no trip ever enters never has any.
 *
 * <p><b>Reporting</b>: each new infection is reported with probability {@code ascertainment}, after a delay drawn
 * from {@link EpidemicParameters#reportDelayPmf()}; reports falling after the period are not seen.
 */
public final class Epidemic {
    private Epidemic() {
    }

    /** The simulation's outcome: true new infections and reported new cases per day and region. */
    public record Result(DailyCounts infections, DailyCounts cases) {
    }

    public static Result simulate(Mobility mobility, EpidemicParameters params, SplittableRandom rnd) {
        MobilityModel model = mobility.model();
        RegionTable regions = model.regions();
        Period period = mobility.period();
        int n = regions.size();
        int days = mobility.days();
        int seed = regions.indexOf(params.seedRegion());
        if (seed < 0) {
            throw new IllegalArgumentException("the seed region " + params.seedRegion() + " is not a region");
        }
        if (regions.get(seed).population() == 0) {
            throw new IllegalArgumentException("the seed region " + params.seedRegion() + " has no population");
        }
        int[] firstPair = new int[n + 1];
        for (int p = 0, i = 0; i <= n; i++) {
            while (p < model.pairCount() && model.origin(p) < i) {
                p++;
            }
            firstPair[i] = p;
        }
        long[] e = new long[n];
        long[] inf = new long[n];
        long[] rec = new long[n];
        e[seed] = params.initialExposed();
        inf[seed] = params.initialInfectious();
        int[][] infections = new int[days][n];
        int[][] cases = new int[days][n];
        double[] delay = params.reportDelayPmf();
        double pProgress = 1 / params.latentDays();
        double pRecover = 1 / params.infectiousDays();
        for (int d = 0; d < days; d++) {
            double beta = params.beta() * contact(period.day(d), params);
            for (int i = 0; i < n; i++) {
                long pop = mobility.residentsAtStart(d, i);
                if (pop == 0 || e[i] + inf[i] == 0) {
                    continue;
                }
                long s = Math.max(0, pop - e[i] - inf[i] - rec[i]);
                long newE = Sampling.binomial(rnd, s, 1 - StrictMath.exp(-beta * inf[i] / pop));
                long newI = Sampling.binomial(rnd, e[i], pProgress);
                long newR = Sampling.binomial(rnd, inf[i], pRecover);
                e[i] += newE - newI;
                inf[i] += newI - newR;
                rec[i] += newR;
                infections[d][i] = (int) Math.min(Integer.MAX_VALUE, newE);
                long reported = Sampling.binomial(rnd, newE, params.ascertainment());
                if (reported > 0) {
                    long[] byDelay = Sampling.multinomial(rnd, reported, delay);
                    for (int l = 0; l < byDelay.length && d + l < days; l++) {
                        cases[d + l][i] += (int) byDelay[l];
                    }
                }
            }
            travel(mobility, d, firstPair, e, inf, rnd);
        }
        return new Result(new DailyCounts(period, regions, infections), new DailyCounts(period, regions, cases));
    }

    /** Moves exposed and infectious travellers along day {@code d}'s trips. */
    private static void travel(Mobility mobility, int d, int[] firstPair, long[] e, long[] inf,
                               SplittableRandom rnd) {
        MobilityModel model = mobility.model();
        int n = e.length;
        long[] de = new long[n];
        long[] di = new long[n];
        for (int i = 0; i < n; i++) {
            if (e[i] + inf[i] == 0) {
                continue;
            }
            long pop = mobility.residentsAtStart(d, i);
            if (pop == 0) {
                continue;
            }
            int from = firstPair[i];
            int to = firstPair[i + 1];
            double[] p = new double[to - from];
            double sum = 0;
            for (int q = from; q < to; q++) {
                p[q - from] = (double) mobility.trips(d, q) / pop;
                sum += p[q - from];
            }
            if (sum > 1) {
                for (int k = 0; k < p.length; k++) {
                    p[k] /= sum;
                }
            }
            long[] eOut = Sampling.multinomial(rnd, e[i], p);
            long[] iOut = Sampling.multinomial(rnd, inf[i], p);
            for (int q = from; q < to; q++) {
                int j = model.destination(q);
                de[i] -= eOut[q - from];
                de[j] += eOut[q - from];
                di[i] -= iOut[q - from];
                di[j] += iOut[q - from];
            }
        }
        for (int i = 0; i < n; i++) {
            e[i] += de[i];
            inf[i] += di[i];
        }
    }

    /** Contact factor c(t). */
    static double contact(LocalDate day, EpidemicParameters params) {
        long since = ChronoUnit.DAYS.between(DemoCalendar.RESTRICTIONS, day);
        if (since < 0) {
            return 1.0;
        }
        double t = Math.min(1.0, (double) since / params.contactRampDays());
        return 1.0 - t * (1.0 - params.contactFactor());
    }
}
