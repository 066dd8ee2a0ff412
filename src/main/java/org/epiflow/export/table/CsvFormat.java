package org.epiflow.export.table;

import org.epiflow.export.TableFormatWriter;
import org.epiflow.export.Trace;

import java.io.IOException;
import java.io.OutputStream;

/** CSV: UTF-8 with a BOM, '#' trace lines first. */
public final class CsvFormat implements TableFormatWriter {
    @Override
    public void write(Table table, Trace trace, OutputStream out) throws IOException {
        CsvTableWriter.write(table, trace, out);
    }
}
