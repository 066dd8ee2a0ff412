package org.epiflow.ui.detail;

import org.epiflow.data.Suppressed;

/**
 * One line of the top-partners table. Figures are kept as numbers for sorting; the view shows them through
 * {@link org.epiflow.ui.i18n.Figures} ("&lt; k" below k).
 *
 * @param name partner name in the user's language
 * @param code partner code
 */
public record PartnerRow(String name, String code, long in, long out, long total, Suppressed net) {
}
