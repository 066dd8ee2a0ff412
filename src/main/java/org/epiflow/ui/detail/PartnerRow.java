package org.epiflow.ui.detail;

import org.epiflow.data.Suppressed;

import java.util.OptionalDouble;

/**
 * One line of the top-partners table. Figures are kept as numbers for sorting; the view shows them through
 * {@link org.epiflow.ui.i18n.Figures} ("&lt; k" below k) and {@link PartnerFigures}. With a baseline the line also
 * has the baseline's trips (both ways), the change and the change in percent, marked when the days of either side
 * include an unpublished cell; with per-capita, trips per 1,000 residents of the partner.
 *
 * @param name          partner name in the user's language (a region group's name for a group)
 * @param code          partner code (a group's name for a group)
 * @param in            trips partner → selected place (0: not published)
 * @param out           trips selected place → partner (0: not published)
 * @param total         in + out (0: not published)
 * @param net           in − out, suppressed below k
 * @param baseline      the baseline's trips both ways (0: not published); 0 without a baseline
 * @param change        total − baseline, suppressed below k; null without a baseline
 * @param changePercent the change in percent of the baseline; empty without a published baseline
 * @param marked        some day of either side had no published cell (the change is approximate)
 * @param per1000       trips both ways per 1,000 residents of the partner; empty without per-capita
 */
public record PartnerRow(String name, String code, long in, long out, long total, Suppressed net, long baseline,
                         Suppressed change, OptionalDouble changePercent, boolean marked, OptionalDouble per1000) {
    /** A line without a comparison. */
    public PartnerRow(String name, String code, long in, long out, long total, Suppressed net) {
        this(name, code, in, out, total, net, 0, null, OptionalDouble.empty(), false, OptionalDouble.empty());
    }
}
