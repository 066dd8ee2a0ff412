package org.epiflow.data.demo;

import org.epiflow.model.Region;
import org.epiflow.model.RegionTable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's geography: the 367 prefecture-level units of {@code /maps/china_prefecture_seats.csv} (columns
 * {@code code,name_zh,name_en,level,province_code,lon,lat,population}), as a {@link RegionTable} sorted by code.
 *
 * <p>Missing populations (35 rows) are filled in, in this order:
 * <ol>
 *   <li>Taiwan ({@value #TAIWAN}) gets population 0 ("unknown"): it is outside the carrier's network, so it has no
 *       trips at all (and, in the epidemic, never any case);</li>
 *   <li>Sansha ({@value #SANSHA}), a few islands with about 2,300 residents, gets {@value #SANSHA_POPULATION};</li>
 *   <li>otherwise the median population of the units of the same level in the same province;</li>
 *   <li>otherwise the median of the same level nationwide.</li>
 * </ol>
 */
public final class DemoRegions {
    /** Where the seats table lives on the classpath. */
    public static final String RESOURCE = "/maps/china_prefecture_seats.csv";
    /** Taiwan: kept as a region, but with population 0 and no trips. */
    public static final String TAIWAN = "710000";
    static final String SANSHA = "460300";
    static final long SANSHA_POPULATION = 2_300;

    private DemoRegions() {
    }

    /** Loads the regions (population fallbacks applied), sorted by code. */
    public static RegionTable load() {
        try (InputStream in = DemoRegions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static RegionTable parse(BufferedReader in) throws IOException {
        String header = in.readLine();
        if (header == null || !header.startsWith("code,name_zh,name_en,level,province_code,lon,lat,population")) {
            throw new IllegalStateException(RESOURCE + " has an unexpected header: " + header);
        }
        List<String[]> rows = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            if (!line.isBlank()) {
                String[] f = line.split(",", -1);
                if (f.length != 8) {
                    throw new IllegalStateException(RESOURCE + ": expected 8 fields in '" + line + "'");
                }
                rows.add(f);
            }
        }
        Map<String, List<Long>> byProvinceLevel = new HashMap<>();
        Map<String, List<Long>> byLevel = new HashMap<>();
        for (String[] f : rows) {
            if (!f[7].isEmpty()) {
                long p = Long.parseLong(f[7]);
                byProvinceLevel.computeIfAbsent(f[4] + "/" + f[3], x -> new ArrayList<>()).add(p);
                byLevel.computeIfAbsent(f[3], x -> new ArrayList<>()).add(p);
            }
        }
        List<Region> regions = new ArrayList<>();
        for (String[] f : rows) {
            long population;
            if (!f[7].isEmpty()) {
                population = Long.parseLong(f[7]);
            } else {
                if (f[0].equals(TAIWAN)) {
                    population = 0;
                } else if (f[0].equals(SANSHA)) {
                    population = SANSHA_POPULATION;
                } else if (byProvinceLevel.containsKey(f[4] + "/" + f[3])) {
                    population = median(byProvinceLevel.get(f[4] + "/" + f[3]));
                } else {
                    population = median(byLevel.getOrDefault(f[3], byLevel.get("prefecture")));
                }
            }
            regions.add(new Region(f[0], f[1], f[2], f[3], f[4], Double.parseDouble(f[6]), Double.parseDouble(f[5]),
                    population));
        }
        regions.sort(Comparator.comparing(Region::code));
        return new RegionTable(regions);
    }

    static long median(List<Long> values) {
        long[] v = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
