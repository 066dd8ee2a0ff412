/** PPTX export (Apache POI): one slide per date, editable title, notes, map picture, trace in core properties. */
package org.epiflow.export.pptx;
