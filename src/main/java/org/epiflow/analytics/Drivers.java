package org.epiflow.analytics;

import org.epiflow.model.RegionTable;

import java.util.ArrayList;
import java.util.List;

/** Picks the largest contributions to a region's risk as {@link Driver}s. */
public final class Drivers {
    /** How many drivers a row lists by default. */
    public static final int TOP = 3;

    private Drivers() {
    }

    /**
     * The {@code top} largest positive contributions, with their share of the total of all contributions.
     *
     * @param contribution contribution of each source region (index = region), any non-negative figure
     */
    public static List<Driver> top(RegionTable regions, double[] contribution, int top) {
        double total = 0;
        for (double c : contribution) {
            if (c > 0) {
                total += c;
            }
        }
        List<Driver> out = new ArrayList<>();
        if (!(total > 0)) {
            return out;
        }
        boolean[] used = new boolean[contribution.length];
        for (int k = 0; k < top; k++) {
            int best = -1;
            for (int i = 0; i < contribution.length; i++) {
                if (!used[i] && contribution[i] > 0 && (best < 0 || contribution[i] > contribution[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            used[best] = true;
            out.add(new Driver(best, regions.get(best).code(), contribution[best] / total));
        }
        return out;
    }

    /** The display name of region {@code i}: English when present, else the local name. */
    public static String name(RegionTable regions, int i) {
        String en = regions.get(i).nameEn();
        return en.isBlank() ? regions.get(i).name() : en;
    }
}
