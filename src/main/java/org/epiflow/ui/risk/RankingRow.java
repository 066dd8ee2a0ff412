package org.epiflow.ui.risk;

/**
 * One row of the ranking table.
 *
 * @param rank    1 = most exposed
 * @param code    region code
 * @param name    region name in the user's language
 * @param value   the mapped figure, formatted ("< k" when withheld)
 * @param drivers top source regions and their share, formatted
 * @param flag    the model's verdict, or ""
 */
public record RankingRow(int rank, String code, String name, String value, String drivers, String flag) {
}
