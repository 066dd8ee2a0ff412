package org.epiflow.export;

import org.epiflow.export.table.Table;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a table in one format (CSV, XLSX). */
public non-sealed interface TableFormatWriter extends FormatWriter {
    void write(Table table, Trace trace, OutputStream out) throws IOException;
}
