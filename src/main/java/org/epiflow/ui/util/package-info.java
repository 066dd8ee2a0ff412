/**
 * Infrastructure of the desktop app kept behind small interfaces so view-models are tested without a window:
 * background work ({@link org.epiflow.ui.util.TaskExecutor}), dialogs and file choosers.
 */
package org.epiflow.ui.util;
