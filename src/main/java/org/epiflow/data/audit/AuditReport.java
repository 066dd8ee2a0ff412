package org.epiflow.data.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * A report of the audit trail a supervisor can read: CSV (one row per entry, with each entry's chain status) or PDF
 * (A4 landscape, header with the verification result and the head hash to write down, then the entries; the
 * embedded Noto Sans CJK font renders Chinese). Written to a temporary file beside the target and moved into place.
 *
 * @param officerKeyId the workspace's officer
 * @param workspace    where the workspace lives (shown in the header)
 * @param generated    when the report was made (UTC, ISO-8601)
 * @param verification the chain as verified just before the report was written
 * @param entries      every entry, in sequence order
 */
public record AuditReport(String officerKeyId, String workspace, String generated, AuditVerification verification,
                          List<AuditEntry> entries) {
    /** CSV columns. */
    public static final List<String> CSV_COLUMNS = List.of("seq", "time_utc", "officer_key_id", "kind", "details",
            "prev_hash", "hash", "chain");

    /** The format a file name asks for: "csv" or "pdf"; null for anything else. */
    public static String formatOf(Path file) {
        String n = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return n.endsWith(".csv") ? "csv" : n.endsWith(".pdf") ? "pdf" : null;
    }

    /** Writes the report in the format its extension names (.csv or .pdf). */
    public void write(Path out) throws IOException {
        String format = formatOf(out);
        if (format == null) {
            throw new IllegalArgumentException("the report file must end in .csv or .pdf: " + out);
        }
        Path abs = out.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            try (OutputStream o = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                if (format.equals("csv")) {
                    writeCsv(o);
                } else {
                    AuditPdf.write(this, o);
                }
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Chain status of an entry for the report: "ok", "FIRST BAD: …" or "not verified (after the first bad)". */
    public String chainStatus(AuditEntry e) {
        if (verification.ok() || e.seq() < verification.firstBadSeq()) {
            return "ok";
        }
        if (e.seq() == verification.firstBadSeq()) {
            return "FIRST BAD: " + verification.problem();
        }
        return "not verified (after the first bad entry)";
    }

    /** UTF-8 CSV (RFC 4180 quoting) with a byte-order mark so spreadsheet programs show Chinese correctly. */
    void writeCsv(OutputStream o) throws IOException {
        Writer w = new java.io.OutputStreamWriter(o, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        w.write(String.join(",", CSV_COLUMNS));
        w.write("\r\n");
        for (AuditEntry e : entries) {
            w.write(Long.toString(e.seq()));
            for (String f : new String[] {e.time(), e.officerKeyId(), e.kind(), e.details(), e.prevHashHex(),
                    e.hashHex(), chainStatus(e)}) {
                w.write(',');
                w.write(csv(f));
            }
            w.write("\r\n");
        }
        w.flush();
    }

    static String csv(String s) {
        if (s == null) {
            return "";
        }
        // keep spreadsheet programs from evaluating a cell as a formula (quoted when changed, as before)
        String safe = org.epiflow.text.CsvCell.neutralise(org.epiflow.text.Untrusted.escape(s));
        return safe.equals(s) ? org.epiflow.text.CsvCell.quote(safe) : '"' + safe.replace("\"", "\"\"") + '"';
    }
}
