package org.epiflow.ui.search;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.Region;
import org.epiflow.ui.map.RegionSelection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds regions of the open bundle by Chinese name, English name or code. Ranking: exact code or name, then
 * prefixes, then substrings; ties in table order.
 */
public final class SearchViewModel {
    /** Most suggestions returned. */
    public static final int LIMIT = 12;
    private final RegionSelection selection;
    private final StringProperty text = new SimpleStringProperty("");
    private String chosen;

    public SearchViewModel(RegionSelection selection) {
        this.selection = selection;
        // the box names what it selected, never a stale place: cleared when the selection is cleared or changed
        // elsewhere (a click on the map, the ranking, Esc)
        selection.codeProperty().addListener((o, a, code) -> {
            if (code == null || !code.equals(chosen)) {
                chosen = null;
                text.set("");
            }
        });
    }

    public List<RegionMatch> search(String query) {
        AggregateDataset d = selection.datasetProperty().get();
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (d == null || q.isEmpty()) {
            return List.of();
        }
        record Scored(int score, int index, Region r) {
        }
        List<Scored> hits = new ArrayList<>();
        for (int i = 0; i < d.regions().size(); i++) {
            Region r = d.regions().get(i);
            int s = score(q, r.code().toLowerCase(Locale.ROOT), r.name().toLowerCase(Locale.ROOT),
                    r.nameEn().toLowerCase(Locale.ROOT));
            if (s > 0) {
                hits.add(new Scored(s, i, r));
            }
        }
        hits.sort(Comparator.comparingInt(Scored::score).reversed().thenComparingInt(Scored::index));
        return hits.stream().limit(LIMIT).map(h -> new RegionMatch(h.r.code(), h.r.name(), h.r.nameEn())).toList();
    }

    private static int score(String q, String... fields) {
        int best = 0;
        for (String f : fields) {
            if (f.equals(q)) {
                best = Math.max(best, 3);
            } else if (f.startsWith(q)) {
                best = Math.max(best, 2);
            } else if (f.contains(q)) {
                best = Math.max(best, 1);
            }
        }
        return best;
    }

    /** Selects a hit, or the best hit for the typed text; true if something was selected. */
    public boolean choose(RegionMatch m) {
        if (m == null) {
            List<RegionMatch> hits = search(text.get());
            if (hits.isEmpty()) {
                return false;
            }
            m = hits.get(0);
        }
        chosen = m.code();
        selection.select(m.code());
        return true;
    }

    public StringProperty textProperty() {
        return text;
    }
}
