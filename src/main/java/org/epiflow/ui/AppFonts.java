package org.epiflow.ui;

import javafx.scene.text.Font;
import org.epiflow.map.geo.BasemapLoader;

import java.io.IOException;
import java.io.InputStream;

/** Loads the bundled CJK font (the system may have none) so Chinese text never shows as boxes. */
public final class AppFonts {
    private static String family;

    private AppFonts() {
    }

    /** Loads the font once; returns its family name, or null if it could not be loaded. */
    public static synchronized String load() {
        if (family == null) {
            try (InputStream in = BasemapLoader.openFont()) {
                Font f = Font.loadFont(in, 13);
                family = f == null ? "" : f.getFamily();
            } catch (IOException e) {
                family = "";
            }
        }
        return family.isEmpty() ? null : family;
    }

    /** Inline style making a root use the CJK font (Latin glyphs included). */
    public static String rootStyle() {
        String f = load();
        return f == null ? "" : "-fx-font-family: \"" + f + "\";";
    }
}
