package org.epiflow.data;

import org.epiflow.model.Region;
import org.epiflow.model.RegionTable;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The places a {@link FlowSet} refers to: either the dataset's regions one to one, or provinces rolled up from them.
 * A node carries a code, names and a position (for provinces: the population-weighted mean of its regions' seats;
 * the map may prefer the basemap's own label point for the code). Immutable.
 */
public final class FlowNodes {
    /** What a node is. */
    public enum Level { REGION, PROVINCE, GROUP }

    private final Level level;
    private final String[] code;
    private final String[] nameZh;
    private final String[] nameEn;
    private final double[] lon;
    private final double[] lat;
    private final int[] nodeOfRegion;
    private final Map<String, Integer> byCode = new HashMap<>();

    private FlowNodes(Level level, String[] code, String[] nameZh, String[] nameEn, double[] lon, double[] lat,
                      int[] nodeOfRegion) {
        this.level = level;
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.lon = lon;
        this.lat = lat;
        this.nodeOfRegion = nodeOfRegion;
        for (int i = 0; i < code.length; i++) {
            byCode.put(code[i], i);
        }
    }

    /** One node per region, same indexes. */
    public static FlowNodes regions(RegionTable regions) {
        int n = regions.size();
        String[] c = new String[n], zh = new String[n], en = new String[n];
        double[] lo = new double[n], la = new double[n];
        int[] map = new int[n];
        for (int i = 0; i < n; i++) {
            Region r = regions.get(i);
            c[i] = r.code();
            zh[i] = r.name();
            en[i] = r.nameEn();
            lo[i] = r.lon();
            la[i] = r.lat();
            map[i] = i;
        }
        return new FlowNodes(Level.REGION, c, zh, en, lo, la, map);
    }

    /** Province code of a region: its {@code parent} when that is set, else the first two digits + "0000". */
    public static String provinceCodeOf(Region r) {
        String p = r.parent().trim();
        if (!p.isEmpty()) {
            return p;
        }
        String c = r.code().trim();
        if ("province".equalsIgnoreCase(r.level())) {
            return c;
        }
        return c.length() >= 2 ? c.substring(0, 2) + "0000" : c;
    }

    /** Provinces, in order of first appearance in the region table. */
    public static FlowNodes provinces(RegionTable regions) {
        Map<String, Integer> idx = new LinkedHashMap<>();
        int n = regions.size();
        int[] map = new int[n];
        for (int i = 0; i < n; i++) {
            String p = provinceCodeOf(regions.get(i));
            Integer k = idx.get(p);
            if (k == null) {
                k = idx.size();
                idx.put(p, k);
            }
            map[i] = k;
        }
        int m = idx.size();
        String[] c = idx.keySet().toArray(new String[0]);
        String[] zh = new String[m], en = new String[m];
        double[] lo = new double[m], la = new double[m], w = new double[m];
        for (int i = 0; i < n; i++) {
            Region r = regions.get(i);
            double wt = Math.max(1, r.population());
            lo[map[i]] += wt * r.lon();
            la[map[i]] += wt * r.lat();
            w[map[i]] += wt;
        }
        for (int j = 0; j < m; j++) {
            lo[j] /= w[j];
            la[j] /= w[j];
            Region own = regions.byCode(c[j]).orElse(null);
            zh[j] = own != null ? own.name() : c[j];
            en[j] = own != null ? own.nameEn() : c[j];
        }
        return new FlowNodes(Level.PROVINCE, c, zh, en, lo, la, map);
    }

    /**
     * Named groups of regions each as one node (named and coded by the group), every other region as itself — or,
     * with {@code provinces}, as its province. A group may span provinces. Groups come first, in the order given.
     */
    public static FlowNodes grouped(RegionTable regions, List<RegionGroup> groups, boolean provinces) {
        Map<String, Integer> idx = new LinkedHashMap<>();
        Map<String, String[]> names = new HashMap<>();
        int n = regions.size();
        int[] map = new int[n];
        Arrays.fill(map, -1);
        for (RegionGroup g : groups) {
            int node = idx.size();
            idx.put(g.name(), node);
            names.put(g.name(), new String[] {g.name(), g.name()});
            for (String code : g.codes()) {
                int r = regions.indexOf(code);
                if (r >= 0) {
                    map[r] = node;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (map[i] >= 0) {
                continue;
            }
            Region r = regions.get(i);
            String c = provinces ? provinceCodeOf(r) : r.code();
            Integer k = idx.get(c);
            if (k == null) {
                k = idx.size();
                idx.put(c, k);
                Region own = regions.byCode(c).orElse(null);
                names.put(c, own != null ? new String[] {own.name(), own.nameEn()} : new String[] {c, c});
            }
            map[i] = k;
        }
        int m = idx.size();
        String[] c = idx.keySet().toArray(new String[0]);
        String[] zh = new String[m], en = new String[m];
        double[] lo = new double[m], la = new double[m], w = new double[m];
        for (int i = 0; i < n; i++) {
            Region r = regions.get(i);
            double wt = Math.max(1, r.population());
            lo[map[i]] += wt * r.lon();
            la[map[i]] += wt * r.lat();
            w[map[i]] += wt;
        }
        for (int j = 0; j < m; j++) {
            lo[j] = w[j] == 0 ? 0 : lo[j] / w[j];
            la[j] = w[j] == 0 ? 0 : la[j] / w[j];
            zh[j] = names.get(c[j])[0];
            en[j] = names.get(c[j])[1];
        }
        return new FlowNodes(groups.isEmpty() ? (provinces ? Level.PROVINCE : Level.REGION) : Level.GROUP, c, zh, en,
                lo, la, map);
    }

    /** How many regions the nodes were built from. */
    public int regionCount() {
        return nodeOfRegion.length;
    }

    public Level level() {
        return level;
    }

    public int size() {
        return code.length;
    }

    public String code(int node) {
        return code[node];
    }

    public String nameZh(int node) {
        return nameZh[node];
    }

    public String nameEn(int node) {
        return nameEn[node];
    }

    public double lon(int node) {
        return lon[node];
    }

    public double lat(int node) {
        return lat[node];
    }

    /** The node a region (index in the region table) belongs to. */
    public int nodeOfRegion(int regionIndex) {
        return nodeOfRegion[regionIndex];
    }

    /** The node with this code, or -1. */
    public int indexOf(String nodeCode) {
        Integer i = byCode.get(nodeCode);
        return i == null ? -1 : i;
    }

    int[] nodeOfRegionArray() {
        return nodeOfRegion;
    }

    @Override
    public String toString() {
        return "FlowNodes[" + level + ", " + code.length + "]" + (code.length <= 8 ? Arrays.toString(code) : "");
    }
}
