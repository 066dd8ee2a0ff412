package org.epiflow.cli;

import org.epiflow.data.RegionGroup;
import org.epiflow.model.RegionTable;
import org.epiflow.text.Message;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The {@code --group NAME=CODE,CODE,…} option, one way for every command that takes it ({@code export}, {@code
 * risk}), and risk sources that name a group ({@code --source NAME}: its member regions are the sources).
 * Refusals are usage errors (exit 2) in the run's language.
 */
final class GroupOptions {
    private GroupOptions() {
    }

    /**
     * The groups of {@code --group} over {@code base} (a saved view's groups): a group given here replaces one of
     * the same name.
     */
    static List<RegionGroup> parse(List<String> specs, List<RegionGroup> base) throws CliException {
        List<RegionGroup> groups = new ArrayList<>(base);
        for (String g : specs) {
            RegionGroup parsed = RegionGroup.parse(g);
            if (parsed == null || parsed.name().isEmpty() || parsed.codes().isEmpty()) {
                throw new CliException(Message.of("cli.export.badGroup", g), ExportCommand.USAGE);
            }
            groups.removeIf(x -> x.name().equals(parsed.name()));
            groups.add(parsed);
        }
        return groups;
    }

    /**
     * The source region codes of {@code --source}: a region code stays, a group's name gives its members (in the
     * group's order, each region once). The groups are checked against the bundle's regions first; a source that
     * is neither a region nor a group is refused naming it.
     */
    static List<String> sources(List<String> given, List<RegionGroup> groups, RegionTable regions)
            throws CliException {
        if (given.isEmpty()) {
            return List.of();
        }
        List<RegionGroup> used = new ArrayList<>();
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        for (String s : given) {
            String name = s.strip();
            RegionGroup g = groups.stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
            if (regions.indexOf(name) >= 0) {
                codes.add(name);
            } else if (g != null) {
                used.add(g);
                codes.addAll(g.codes());
            } else {
                throw new CliException(groups.isEmpty() ? Message.of("cli.risk.unknownSource", name)
                        : Message.of("cli.risk.unknownSourceOrGroup", name, String.join(", ",
                        groups.stream().map(RegionGroup::name).toList())), ExportCommand.USAGE);
            }
        }
        List<Message> problems = RegionGroup.problems(used, regions);
        if (!problems.isEmpty()) {
            throw new CliException(problems.get(0), ExportCommand.USAGE);
        }
        return List.copyOf(codes);
    }
}
