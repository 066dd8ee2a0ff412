package org.epiflow.data.compare;

import org.epiflow.data.DayRange;
import org.epiflow.data.FlowNodes;
import org.epiflow.data.FlowQuery;
import org.epiflow.data.FlowSet;
import org.epiflow.data.FlowSpec;
import org.epiflow.data.LocationTotals;
import org.epiflow.data.RegionGroup;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.Period;
import org.epiflow.text.Message;

import java.util.List;

/**
 * Everything a comparison or per-capita view is computed from, for the map, the tables and the command line alike:
 * the nodes (regions, provinces, with region groups as one node each), the period's flows and totals, and — with a
 * baseline — the baseline's (same bundle or another of the same geography, its nodes built by the same rule) and
 * their {@link FlowDifference}; with per-capita, the denominators. Immutable once built.
 */
public final class Comparison {
    private final AggregateDataset data;
    private final DayRange days;
    private final FlowNodes nodes;
    private final LocationTotals totals;
    private final BaselinePeriod baseline;
    private final DayRange baselineDays;
    private final LocationTotals baselineTotals;
    private final FlowDifference difference;
    private final PerCapita perCapita;
    private final List<RegionGroup> groups;

    private Comparison(AggregateDataset data, DayRange days, FlowNodes nodes, LocationTotals totals,
                       BaselinePeriod baseline, DayRange baselineDays, LocationTotals baselineTotals,
                       FlowDifference difference, PerCapita perCapita, List<RegionGroup> groups) {
        this.data = data;
        this.days = days;
        this.nodes = nodes;
        this.totals = totals;
        this.baseline = baseline;
        this.baselineDays = baselineDays;
        this.baselineTotals = baselineTotals;
        this.difference = difference;
        this.perCapita = perCapita;
        this.groups = groups;
    }

    /** The nodes of a dataset: groups as one node each, the rest as regions (or provinces). */
    public static FlowNodes nodes(AggregateDataset data, List<RegionGroup> groups, boolean provinces) {
        if (groups.isEmpty()) {
            return provinces ? FlowNodes.provinces(data.regions()) : FlowNodes.regions(data.regions());
        }
        return FlowNodes.grouped(data.regions(), groups, provinces);
    }

    /** Checks groups against a dataset: the first problem, as an exception. */
    public static void checkGroups(List<RegionGroup> groups, AggregateDataset data) throws ComparisonException {
        List<Message> problems = RegionGroup.problems(groups, data.regions());
        if (!problems.isEmpty()) {
            throw new ComparisonException(problems.get(0));
        }
    }

    /**
     * A view of {@code days} of {@code data}, against {@code baseline} (null: none) read from {@code baselineData}
     * (null: the same bundle), with the regions of {@code groups} as one node each and, with {@code perCapita},
     * denominators of the period.
     */
    public static Comparison of(AggregateDataset data, DayRange days, AggregateDataset baselineData,
                                BaselinePeriod baseline, List<RegionGroup> groups, boolean provinces,
                                boolean perCapita) throws ComparisonException {
        List<RegionGroup> g = List.copyOf(groups);
        checkGroups(g, data);
        FlowNodes nodes = nodes(data, g, provinces);
        LocationTotals totals;
        DayRange bd = null;
        LocationTotals bt = null;
        FlowDifference diff = null;
        if (baseline != null) {
            AggregateDataset b = baselineData == null ? data : baselineData;
            if (b != data) {
                if (!b.info().geographyLevel().equals(data.info().geographyLevel())) {
                    throw new ComparisonException(Message.of("data.compare.otherGeography",
                            data.info().geographyLevel(), b.info().geographyLevel()));
                }
                checkGroups(g, b);
            }
            bd = range(b.info().period(), baseline.baseline());
            FlowNodes bn = b == data ? nodes : nodes(b, g, provinces);
            diff = FlowDifference.of(data, nodes, days, b, bn, bd);
            // one pass over each side's rows gives the pairs and the totals
            totals = diff.periodTotals();
            bt = diff.baselineTotals();
        } else {
            totals = totals(data, days, nodes);
        }
        PerCapita pc = perCapita ? PerCapita.of(data, nodes, days) : null;
        return new Comparison(data, days, nodes, totals, baseline, bd, bt, diff, pc, g);
    }

    /** Location totals of a range over nodes (the query keeps one pair: only its totals are wanted). */
    private static LocationTotals totals(AggregateDataset data, DayRange days, FlowNodes nodes) {
        return new FlowQuery(data).run(FlowSpec.range(days).withTopN(1), nodes).totals();
    }

    /** The day indexes of {@code p} in a bundle covering {@code covered}, or why they are not there. */
    public static DayRange range(Period covered, Period p) throws ComparisonException {
        if (!covered.contains(p.start()) || !covered.contains(p.end())) {
            throw new ComparisonException(Message.of("data.compare.baselineOutside", p.start(), p.end(),
                    covered.start(), covered.end()));
        }
        return DayRange.of((int) (p.start().toEpochDay() - covered.start().toEpochDay()),
                (int) (p.end().toEpochDay() - covered.start().toEpochDay()));
    }

    /** The period's flows over the nodes (groups included), as asked by {@code spec} (its days are this view's). */
    public FlowSet flows(FlowSpec spec) {
        return new FlowQuery(data).run(spec.withDays(days), nodes);
    }

    public AggregateDataset data() {
        return data;
    }

    public DayRange days() {
        return days;
    }

    public FlowNodes nodes() {
        return nodes;
    }

    public LocationTotals totals() {
        return totals;
    }

    /** The baseline and its alignment, or null. */
    public BaselinePeriod baseline() {
        return baseline;
    }

    /** The baseline's day indexes in the baseline bundle, or null. */
    public DayRange baselineDays() {
        return baselineDays;
    }

    /** The baseline's location totals (its own nodes, matched by code), or null. */
    public LocationTotals baselineTotals() {
        return baselineTotals;
    }

    /** The flows of the period next to the baseline's, or null without a baseline. */
    public FlowDifference difference() {
        return difference;
    }

    /** The per-capita denominators, or null. */
    public PerCapita perCapita() {
        return perCapita;
    }

    public List<RegionGroup> groups() {
        return groups;
    }

    /** The node indexes a region or group code stands for (its node), or an empty array. */
    public int[] nodesOf(String code) {
        int i = nodes.indexOf(code);
        return i < 0 ? new int[0] : new int[] {i};
    }
}
