package org.epiflow.data.workspace;

import org.epiflow.text.Localized;
import org.epiflow.text.Message;

/**
 * Something in the workspace found damaged when it was read: which item, and what that means for the officer.
 * Damage is never silent: every store reports it here ({@link Workspace#damage()}) and leaves the item out (or, for
 * a cached copy, drops it so that it is rebuilt from the bundle file).
 *
 * @param area    which store the item belongs to
 * @param key     the item's key within the store (for telling reports apart; not for people)
 * @param item    the item, in words ("the cached copy of bundle X", "saved view Y")
 * @param effect  what happened to it and what still works
 * @param rebuilt whether the item is rebuilt without the officer's help (a cache entry)
 */
public record Damage(Area area, String key, Message item, Message effect, boolean rebuilt) implements Localized {
    /** The stores. */
    public enum Area {
        CATALOGUE, CACHE, SAVED_VIEWS, RISK_RUNS, EXPORTS, CASE_TABLES, SETTINGS, SESSION_STATE, AUDIT_TRAIL,
        AUDIT_JOURNAL, DATABASE
    }

    /** "item: effect". */
    @Override
    public Message message() {
        return Message.of("data.damage.line", item, effect);
    }
}
