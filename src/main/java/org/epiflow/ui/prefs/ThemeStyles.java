package org.epiflow.ui.prefs;

import javafx.application.Application;
import javafx.scene.Scene;

import java.util.Objects;

/** Applies a {@link Theme}: AtlantaFX Primer light/dark as the user-agent stylesheet plus EpiFlow's own sheet. */
public final class ThemeStyles {
    /** EpiFlow's stylesheet (both themes; dark rules under {@code .dark}). */
    public static final String CSS = "/org/epiflow/ui/epiflow.css";

    /**
     * AtlantaFX's Primer stylesheets, used as plain resources: the AtlantaFX 2.1.0 classes are compiled for Java 21,
     * so on Java 17 only the CSS in its jar is usable (docs/decisions/0005-ui-toolkit.md).
     */
    static final String PRIMER_LIGHT = "/org/epiflow/ui/theme/primer-light.css";
    static final String PRIMER_DARK = "/org/epiflow/ui/theme/primer-dark.css";

    private ThemeStyles() {
    }

    private static String resource(String path) {
        return Objects.requireNonNull(ThemeStyles.class.getResource(path), path).toExternalForm();
    }

    public static void apply(Scene scene, Theme theme) {
        Application.setUserAgentStylesheet(resource(theme == Theme.DARK ? PRIMER_DARK : PRIMER_LIGHT));
        String css = resource(CSS);
        if (!scene.getStylesheets().contains(css)) {
            scene.getStylesheets().add(css);
        }
        scene.getRoot().getStyleClass().remove("dark");
        if (theme == Theme.DARK) {
            scene.getRoot().getStyleClass().add("dark");
        }
    }
}
