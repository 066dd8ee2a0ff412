package org.epiflow.export.table;

import org.epiflow.export.TableFormatWriter;
import org.epiflow.export.Trace;

import java.io.IOException;
import java.io.OutputStream;

/** XLSX: the table and an "about" sheet, the trace in the core properties. */
public final class XlsxFormat implements TableFormatWriter {
    @Override
    public void write(Table table, Trace trace, OutputStream out) throws IOException {
        XlsxTableWriter.write(table, trace, out);
    }
}
