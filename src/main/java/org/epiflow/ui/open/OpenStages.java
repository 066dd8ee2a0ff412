package org.epiflow.ui.open;

import org.epiflow.bundle.BundleCheck;
import org.epiflow.ui.i18n.Messages;

import java.util.Map;

/** Translates the bundle reader's progress stages and check names into the user's language. */
final class OpenStages {
    private static final Map<String, String> STAGES = Map.of(
            "Checking the bundle file", "open.stage.container",
            "Verifying the carrier signature", "open.stage.signature",
            "Decrypting and checking tables", "open.stage.decrypt",
            "Opened", "open.stage.done");

    private OpenStages() {
    }

    static String stage(Messages m, String readerStage) {
        return m.get(STAGES.getOrDefault(readerStage, "open.stage.working"));
    }

    static String checkTitle(Messages m, BundleCheck check) {
        return m.get("check." + check.name() + ".title");
    }

    static String checkAdvice(Messages m, BundleCheck check) {
        return m.get("check." + check.name() + ".advice");
    }
}
