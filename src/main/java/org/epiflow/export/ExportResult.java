package org.epiflow.export;

/**
 * What an export wrote.
 *
 * @param format the format
 * @param pages  pages, slides, frames, or table rows for CSV/XLSX
 * @param millis time taken
 * @param trace  the trace written into it
 */
public record ExportResult(ExportFormat format, int pages, long millis, Trace trace) {
}
