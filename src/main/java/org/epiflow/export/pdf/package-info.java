/** PDF export: true vectors, text as text with the CJK font embedded as a glyph subset, trace in the info dictionary. */
package org.epiflow.export.pdf;
