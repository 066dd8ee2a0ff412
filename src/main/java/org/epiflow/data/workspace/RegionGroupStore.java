package org.epiflow.data.workspace;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.epiflow.data.RegionGroup;
import org.epiflow.text.Message;
import org.epiflow.text.Untrusted;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The officer's named region groups ("our city's neighbours", "areas with cases"): one versioned document in the
 * workspace's MAC'd {@link SessionStateStore} under the name {@value #DOCUMENT}, so it is encrypted, forced to disk
 * on save, part of every backup, and never returned when its MAC does not verify. Groups belong to the workspace,
 * not to a bundle: their codes are checked against a bundle's regions when they are used
 * ({@link RegionGroup#problems}).
 *
 * <p>The document: {@code {"format":"epiflow-region-groups","version":1,"groups":[{"name":…,"codes":[…]},…]}}. It
 * has one reading only: unknown fields, a wrong format or version, repeated names or codes that are not plain
 * region codes make it unreadable ({@link WorkspaceException}) rather than half-read.
 */
public final class RegionGroupStore {
    /** The session-state document the groups are kept in. */
    public static final String DOCUMENT = "region-groups";
    static final String FORMAT = "epiflow-region-groups";
    static final int VERSION = 1;
    /** Most groups kept. */
    public static final int MAX_GROUPS = 200;
    /** Most regions in one group. */
    public static final int MAX_CODES = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private final SessionStateStore store;

    RegionGroupStore(SessionStateStore store) {
        this.store = store;
    }

    /** The groups saved, in their order (empty when none were saved or the document is damaged). */
    public List<RegionGroup> list() throws WorkspaceException {
        Optional<SessionStateStore.SessionState> s = store.load(DOCUMENT);
        if (s.isEmpty()) {
            return List.of();
        }
        return parse(s.get().formatVersion(), s.get().json());
    }

    /** Replaces the saved groups by these (each checked by {@link #check}). */
    public void save(List<RegionGroup> groups) throws WorkspaceException {
        Message problem = check(groups);
        if (problem != null) {
            throw new IllegalArgumentException(problem.english());
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ArrayNode list = root.putArray("groups");
        for (RegionGroup g : groups) {
            ObjectNode o = list.addObject();
            o.put("name", g.name());
            ArrayNode codes = o.putArray("codes");
            g.codes().forEach(codes::add);
        }
        store.save(DOCUMENT, VERSION, root.toString());
    }

    /** Adds a group, or replaces the one of the same name. */
    public void put(RegionGroup group) throws WorkspaceException {
        List<RegionGroup> all = new ArrayList<>(list());
        all.removeIf(g -> g.name().equals(group.name()));
        all.add(group);
        save(all);
    }

    /** Removes the group of this name; false when there was none. */
    public boolean remove(String name) throws WorkspaceException {
        List<RegionGroup> all = new ArrayList<>(list());
        boolean removed = all.removeIf(g -> g.name().equals(name));
        if (removed) {
            save(all);
        }
        return removed;
    }

    /**
     * What is wrong with a set of groups on its own (without a bundle): a missing, overlong, unsafe or repeated
     * name, no regions, too many, or a code that is not a plain region code; null when fine.
     */
    public static Message check(List<RegionGroup> groups) {
        if (groups.size() > MAX_GROUPS) {
            return Message.of("data.group.tooMany", groups.size(), MAX_GROUPS);
        }
        Set<String> names = new HashSet<>();
        for (RegionGroup g : groups) {
            if (g.name().isEmpty()) {
                return Message.of("data.group.noName");
            }
            if (g.name().length() > RegionGroup.MAX_NAME || Untrusted.hasUnsafe(g.name())) {
                return Message.of("data.group.badName", g.name(), RegionGroup.MAX_NAME);
            }
            if (!names.add(g.name())) {
                return Message.of("data.group.duplicateName", g.name());
            }
            if (g.codes().isEmpty()) {
                return Message.of("data.group.empty", g.name());
            }
            if (g.codes().size() > MAX_CODES) {
                return Message.of("data.group.tooLarge", g.name(), g.codes().size(), MAX_CODES);
            }
            for (String c : g.codes()) {
                if (!plainCode(c)) {
                    return Message.of("data.group.badCode", g.name(), c);
                }
            }
        }
        return null;
    }

    /** A region code as bundles write them: 1 to 20 ASCII letters, digits, '-', '_' or '.'. */
    public static boolean plainCode(String c) {
        if (c == null || c.isEmpty() || c.length() > 20) {
            return false;
        }
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (!(ch >= '0' && ch <= '9' || ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z' || ch == '-'
                    || ch == '_' || ch == '.')) {
                return false;
            }
        }
        return true;
    }

    static List<RegionGroup> parse(int formatVersion, String json) throws WorkspaceException {
        try {
            JsonNode root = JSON.readTree(json);
            if (formatVersion != VERSION || root == null || !root.isObject()
                    || !FORMAT.equals(root.path("format").asText(null)) || root.path("version").asInt(-1) != VERSION
                    || !only(root, Set.of("format", "version", "groups")) || !root.path("groups").isArray()) {
                throw unreadable();
            }
            List<RegionGroup> out = new ArrayList<>();
            for (JsonNode g : root.path("groups")) {
                if (!g.isObject() || !only(g, Set.of("name", "codes")) || !g.path("name").isTextual()
                        || !g.path("codes").isArray()) {
                    throw unreadable();
                }
                List<String> codes = new ArrayList<>();
                for (JsonNode c : g.path("codes")) {
                    if (!c.isTextual()) {
                        throw unreadable();
                    }
                    codes.add(c.asText());
                }
                out.add(new RegionGroup(g.path("name").asText(), codes));
            }
            if (check(out) != null) {
                throw unreadable();
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw unreadable();
        }
    }

    private static boolean only(JsonNode o, Set<String> fields) {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            if (!fields.contains(it.next())) {
                return false;
            }
        }
        return true;
    }

    private static WorkspaceException unreadable() {
        return new WorkspaceException(WorkspaceException.Reason.CORRUPTED, Message.of("data.group.unreadable"));
    }
}
