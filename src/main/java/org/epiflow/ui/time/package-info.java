/** The timeline: the bundle's days, one day or a range, daily or weekly, playback. */
package org.epiflow.ui.time;
