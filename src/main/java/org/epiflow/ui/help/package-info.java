/** Help and settings: the keyboard-shortcuts overlay and the preferences dialog. */
package org.epiflow.ui.help;
