package org.epiflow.data;

import org.epiflow.model.RegionTable;
import org.epiflow.text.Message;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A named group of regions ("our city's neighbours", "areas with cases"), shown as one node in the flow map, the
 * tables and risk runs. A group may span provinces.
 *
 * @param name  the group's name as the user typed it (shown in every output in place of its members)
 * @param codes the member regions' codes, in the order given, without repeats
 */
public record RegionGroup(String name, List<String> codes) {
    /** Longest name accepted. */
    public static final int MAX_NAME = 60;

    public RegionGroup {
        name = name == null ? "" : name.strip();
        codes = List.copyOf(new LinkedHashSet<>(codes));
    }

    /**
     * Checks groups against a region table: every name non-empty, unique and not a region code, every code known,
     * no region in two groups, no group empty. The problems are returned as messages (empty: all fine).
     */
    public static List<Message> problems(Collection<RegionGroup> groups, RegionTable regions) {
        List<Message> out = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        Map<String, String> owner = new HashMap<>();
        for (RegionGroup g : groups) {
            if (g.name().isEmpty()) {
                out.add(Message.of("data.group.noName"));
                continue;
            }
            if (g.name().length() > MAX_NAME || org.epiflow.text.Untrusted.hasUnsafe(g.name())) {
                out.add(Message.of("data.group.badName", g.name(), MAX_NAME));
            }
            if (!names.add(g.name())) {
                out.add(Message.of("data.group.duplicateName", g.name()));
            }
            if (regions.indexOf(g.name()) >= 0) {
                out.add(Message.of("data.group.nameIsACode", g.name()));
            }
            if (g.codes().isEmpty()) {
                out.add(Message.of("data.group.empty", g.name()));
            }
            for (String c : g.codes()) {
                if (regions.indexOf(c) < 0) {
                    out.add(Message.of("data.group.unknownCode", g.name(), c));
                } else {
                    String before = owner.put(c, g.name());
                    if (before != null && !before.equals(g.name())) {
                        out.add(Message.of("data.group.twoGroups", c, regions.byCode(c).orElseThrow().name(),
                                before, g.name()));
                    }
                }
            }
        }
        return out;
    }

    /** Parses the command line's {@code NAME=CODE,CODE,…}; {@code null} when the text has no {@code =}. */
    public static RegionGroup parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq < 0) {
            return null;
        }
        List<String> codes = new ArrayList<>();
        for (String c : spec.substring(eq + 1).split(",")) {
            if (!c.isBlank()) {
                codes.add(c.strip());
            }
        }
        return new RegionGroup(spec.substring(0, eq), codes);
    }
}
