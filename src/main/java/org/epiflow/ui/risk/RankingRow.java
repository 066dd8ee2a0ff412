package org.epiflow.ui.risk;

/**
 * One row of the ranking table.
 *
 * @param rank     1 = most exposed; 0 for a source (listed first, not ranked)
 * @param code     region code
 * @param name     region name in the user's language
 * @param value    the mapped figure, formatted ("< k" when withheld, a note when the trips were suppressed)
 * @param interval the figure's 95 % interval, formatted ("" when the model gives none)
 * @param drivers  top source regions and their share, formatted
 * @param flag     the model's verdict, or ""
 */
public record RankingRow(int rank, String code, String name, String value, String interval, String drivers,
                         String flag) {
    /** True for a source of the spread. */
    public boolean source() {
        return rank == 0;
    }
}
