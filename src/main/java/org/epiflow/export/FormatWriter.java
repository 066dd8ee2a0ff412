package org.epiflow.export;

/** Writes one export format: a {@link MapFormatWriter} or a {@link TableFormatWriter}. */
public sealed interface FormatWriter permits MapFormatWriter, TableFormatWriter {
}
