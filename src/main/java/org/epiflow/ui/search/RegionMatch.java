package org.epiflow.ui.search;

/**
 * A search hit.
 *
 * @param code   region code
 * @param nameZh Chinese name
 * @param nameEn English name
 */
public record RegionMatch(String code, String nameZh, String nameEn) {
    /** What the suggestion list shows. */
    @Override
    public String toString() {
        return nameZh + "  " + org.epiflow.text.Typography.forDisplay(nameEn) + "  (" + code + ")";
    }
}
