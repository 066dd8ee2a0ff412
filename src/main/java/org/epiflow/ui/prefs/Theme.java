package org.epiflow.ui.prefs;

/** Light or dark appearance of the window and the map. */
public enum Theme {
    LIGHT, DARK
}
