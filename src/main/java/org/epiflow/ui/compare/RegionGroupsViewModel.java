package org.epiflow.ui.compare;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.epiflow.data.RegionGroup;
import org.epiflow.data.workspace.RegionGroupStore;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.RegionTable;
import org.epiflow.text.Message;
import org.epiflow.ui.i18n.LocalText;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.map.RegionSelection;
import org.epiflow.ui.util.FileChooserService;
import org.epiflow.ui.util.TaskCallbacks;
import org.epiflow.ui.util.TaskExecutor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The officer's named region groups: built from the places selected on the map, from a typed list of codes or from a
 * CSV of codes; kept in the workspace ({@link GroupStorage}); each may be shown on the flow map (and in tables and
 * exports) as one node in place of its members. Codes are checked against the bundle shown: an unknown code is
 * refused by name, nothing is saved half.
 */
public final class RegionGroupsViewModel {
    private final Messages messages;
    private final TaskExecutor executor;
    private final FileChooserService files;
    private final RegionSelection selection;
    private final ObjectProperty<GroupStorage> storage = new SimpleObjectProperty<>();
    private final ObservableList<RegionGroup> groups = FXCollections.observableArrayList();
    private final ObservableList<String> shown = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<List<RegionGroup>> onMap = new ReadOnlyObjectWrapper<>(List.of());
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty codes = new SimpleStringProperty("");
    private final LocalText error;
    private final LocalText notice;

    public RegionGroupsViewModel(Messages messages, TaskExecutor executor, FileChooserService files,
                                 RegionSelection selection) {
        this.messages = messages;
        this.executor = executor;
        this.files = files;
        this.selection = selection;
        this.error = messages.text();
        this.notice = messages.text();
        shown.addListener((javafx.collections.ListChangeListener<String>) c -> refreshOnMap());
        groups.addListener((javafx.collections.ListChangeListener<RegionGroup>) c -> refreshOnMap());
        selection.datasetProperty().addListener((o, a, b) -> refreshOnMap());
        onMap.addListener((o, a, b) -> selection.groupsProperty().set(b));
    }

    /** Loads the groups from the storage (after unlocking). */
    public void load() {
        GroupStorage s = storage.get();
        if (s == null || !s.available()) {
            return;
        }
        executor.execute(ctx -> s.load(), TaskCallbacks.<List<RegionGroup>>of(list -> {
            groups.setAll(list);
            shown.retainAll(list.stream().map(RegionGroup::name).toList());
        }, e -> error.show("compare.groups.loadFailed", messages.describe(e))));
    }

    /** Forgets the groups (on locking: nothing of the workspace stays in memory). */
    public void clear() {
        groups.clear();
        shown.clear();
        error.clear();
        notice.clear();
    }

    /** A group of the places selected on the map (provinces stand for their regions). */
    public boolean fromSelection() {
        AggregateDataset d = selection.datasetProperty().get();
        if (d == null || selection.isEmpty()) {
            error.show("compare.groups.noSelection");
            return false;
        }
        List<String> cs = new ArrayList<>();
        for (String c : selection.codes()) {
            for (int r : selection.regionIndexes(c)) {
                cs.add(d.regions().get(r).code());
            }
        }
        return add(name.get(), cs);
    }

    /** A group of the codes typed in {@link #codesProperty()}. */
    public boolean fromList() {
        return add(name.get(), CodeList.parse(codes.get()));
    }

    /** Asks for a CSV of codes and makes a group of them. */
    public void fromCsv() {
        files.openFile(messages.get("compare.groups.csv.title"), null, messages.get("compare.groups.csv.filter"),
                "*.csv", "*.txt").ifPresent(this::fromCsv);
    }

    /** A group of the codes in a CSV file (one per line, or the {@code code} column). */
    public void fromCsv(Path file) {
        String n = name.get();
        executor.execute(ctx -> {
            if (Files.size(file) > CodeList.MAX_BYTES) {
                throw new CodeList.CsvProblem(Message.of("compare.groups.csv.tooLarge", CodeList.MAX_BYTES / 1024));
            }
            return CodeList.csv(Files.readAllBytes(file));
        }, TaskCallbacks.<List<String>>of(cs -> add(n == null || n.isBlank() ? baseName(file) : n, cs),
                e -> error.show("compare.groups.csv.failed", file.getFileName().toString(), messages.describe(e))));
    }

    private static String baseName(Path file) {
        String f = file.getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }

    /**
     * Adds (or replaces, by name) a group after checking it against the bundle shown; saves all groups. Returns
     * false with {@link #errorProperty()} saying what is wrong.
     */
    public boolean add(String groupName, List<String> memberCodes) {
        error.clear();
        notice.clear();
        RegionGroup g = new RegionGroup(groupName, memberCodes);
        List<RegionGroup> next = new ArrayList<>(groups);
        next.removeIf(x -> x.name().equals(g.name()));
        next.add(g);
        Message wrong = problem(g, next);
        if (wrong != null) {
            error.show(wrong);
            return false;
        }
        save(next, Message.of("compare.groups.saved", g.name(), g.codes().size()));
        if (!shown.contains(g.name())) {
            shown.add(g.name());
        }
        name.set("");
        codes.set("");
        return true;
    }

    /** What is wrong with a new group (among {@code all}), or null. */
    private Message problem(RegionGroup g, List<RegionGroup> all) {
        AggregateDataset d = selection.datasetProperty().get();
        if (g.name().isEmpty()) {
            return Message.of("data.group.noName");
        }
        if (g.codes().isEmpty()) {
            return Message.of("compare.groups.noCodes", g.name());
        }
        if (d != null) {
            RegionTable regions = d.regions();
            List<String> unknown = g.codes().stream().filter(c -> regions.indexOf(c) < 0).toList();
            if (!unknown.isEmpty()) {
                return Message.of("compare.groups.unknownCodes", g.name(), unknown.size(),
                        String.join(", ", unknown.subList(0, Math.min(10, unknown.size()))));
            }
            if (regions.indexOf(g.name()) >= 0) {
                return Message.of("data.group.nameIsACode", g.name());
            }
        }
        Message own = RegionGroupStore.check(all);
        if (own != null) {
            return own;
        }
        // a region in two groups drawn at once would have two nodes: name the overlap
        for (RegionGroup other : all) {
            if (other.name().equals(g.name())) {
                continue;
            }
            Set<String> both = new LinkedHashSet<>(other.codes());
            both.retainAll(g.codes());
            if (!both.isEmpty() && shown.contains(other.name())) {
                String c = both.iterator().next();
                return Message.of("data.group.twoGroups", c, selection.name(c, messages.chinese()), other.name(),
                        g.name());
            }
        }
        return null;
    }

    /** Deletes a group. */
    public void delete(String groupName) {
        List<RegionGroup> next = new ArrayList<>(groups);
        if (next.removeIf(g -> g.name().equals(groupName))) {
            shown.remove(groupName);
            save(next, Message.of("compare.groups.deleted", groupName));
        }
    }

    /** Shows a group on the map as one node, or its members as themselves again. */
    public void setShown(String groupName, boolean on) {
        if (on && !shown.contains(groupName)) {
            RegionGroup g = groups.stream().filter(x -> x.name().equals(groupName)).findFirst().orElse(null);
            if (g == null) {
                return;
            }
            for (RegionGroup other : onMap.get()) {
                if (other.codes().stream().anyMatch(g.codes()::contains)) {
                    error.show("compare.groups.overlap", g.name(), other.name());
                    return;
                }
            }
            shown.add(groupName);
        } else if (!on) {
            shown.remove(groupName);
        }
    }

    private void save(List<RegionGroup> next, Message done) {
        groups.setAll(next);
        GroupStorage s = storage.get();
        if (s == null || !s.available()) {
            notice.show("compare.groups.notStored");
            return;
        }
        List<RegionGroup> copy = List.copyOf(next);
        executor.execute(ctx -> {
            s.save(copy);
            return null;
        }, TaskCallbacks.<Object>of(x -> notice.show(done),
                e -> error.show("compare.groups.saveFailed", messages.describe(e))));
    }

    /** The shown groups whose every code is a region of the bundle shown, in the order they were made. */
    private void refreshOnMap() {
        AggregateDataset d = selection.datasetProperty().get();
        List<RegionGroup> out = new ArrayList<>();
        for (RegionGroup g : groups) {
            if (shown.contains(g.name()) && d != null && RegionGroup.problems(List.of(g), d.regions()).isEmpty()) {
                out.add(g);
            }
        }
        if (!out.equals(onMap.get())) {
            onMap.set(List.copyOf(out));
        }
    }

    /** The groups drawn as one node each on the map, in tables and exports (only those valid for the bundle). */
    public ReadOnlyObjectProperty<List<RegionGroup>> onMapProperty() {
        return onMap.getReadOnlyProperty();
    }

    /** Shows exactly these groups (a saved view); names not among the groups are left out. */
    public void showOnly(List<String> names) {
        shown.setAll(names.stream().filter(n -> groups.stream().anyMatch(g -> g.name().equals(n))).distinct()
                .toList());
    }

    public ObservableList<RegionGroup> groups() {
        return groups;
    }

    /** Names of the groups shown as one node. */
    public ObservableList<String> shown() {
        return shown;
    }

    public ObjectProperty<GroupStorage> storageProperty() {
        return storage;
    }

    /** The name for the next group. */
    public StringProperty nameProperty() {
        return name;
    }

    /** Codes typed for the next group. */
    public StringProperty codesProperty() {
        return codes;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty noticeProperty() {
        return notice;
    }

    /** A line describing a group for the list: name and how many regions. */
    public String describe(RegionGroup g) {
        return messages.get("compare.groups.item", g.name(), g.codes().size());
    }
}
