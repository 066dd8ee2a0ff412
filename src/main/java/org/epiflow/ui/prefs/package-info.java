/** Settings remembered between runs with {@code java.util.prefs}: files, recent bundles, language, theme. */
package org.epiflow.ui.prefs;
