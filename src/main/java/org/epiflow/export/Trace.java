package org.epiflow.export;

import org.epiflow.map.Language;
import org.epiflow.text.Message;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What makes an export traceable: which bundle it shows (id, issuer, short fingerprint), who exported it (the
 * officer's key id) and when, with the handling marking. Printed in the layout's footer and written into each
 * format's metadata (PNG tEXt, PDF info dictionary, OOXML core properties, CSV '#' lines, SVG metadata).
 *
 * @param title        the export's title
 * @param bundleId     the bundle's id
 * @param issuer       the carrier that issued the bundle
 * @param fingerprint  the bundle's short fingerprint (e.g. {@code 1A2B-3C4D-5E6F-7A8B})
 * @param officerKeyId the exporting officer's key id (hex), or "unknown"
 * @param exportedAt   when the export was made
 * @param period       the dates shown, e.g. "2020-01-23" or "2020-01-20 – 2020-01-26"
 * @param marking      the handling marking chosen by the user (may be empty)
 * @param k            the bundle's suppression threshold
 */
public record Trace(String title, String bundleId, String issuer, String fingerprint, String officerKeyId,
                    Instant exportedAt, String period, String marking, int k) {
    public Trace {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(bundleId, "bundleId");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(fingerprint, "fingerprint");
        officerKeyId = officerKeyId == null || officerKeyId.isBlank() ? "unknown" : officerKeyId;
        exportedAt = exportedAt.truncatedTo(ChronoUnit.SECONDS);
        period = period == null ? "" : period;
        marking = marking == null ? "" : marking;
    }

    public Trace withTitle(String t) {
        return new Trace(t, bundleId, issuer, fingerprint, officerKeyId, exportedAt, period, marking, k);
    }

    public Trace withPeriod(String p) {
        return new Trace(title, bundleId, issuer, fingerprint, officerKeyId, exportedAt, p, marking, k);
    }

    /** ISO-8601 UTC time of export, e.g. {@code 2020-02-01T08:30:00Z}. */
    public String exportedAtText() {
        return DateTimeFormatter.ISO_INSTANT.format(exportedAt.atOffset(ZoneOffset.UTC));
    }

    /** "bundle ID · fingerprint XXXX-…" (PDF subject). */
    public String subject() {
        return "bundle " + bundleId + " · fingerprint " + fingerprint;
    }

    /** The data-source line of the layout. */
    public String sourceLine(Language lang) {
        return PageText.of(lang, Message.of("export.page.source", issuer, bundleId));
    }

    /** The footer line: officer, time of export, fingerprint. */
    public String footerLine(Language lang) {
        return PageText.of(lang, Message.of("export.page.footer", officerKeyId, exportedAtText(), fingerprint));
    }

    /** Comma-separated keywords (PDF keywords, OOXML keywords). */
    public String keywords() {
        return "EpiFlow, " + bundleId + ", " + fingerprint + (period.isEmpty() ? "" : ", " + period)
                + (marking.isEmpty() ? "" : ", " + marking);
    }

    /** One line for a PNG tEXt "Comment", CSV header, SVG metadata. */
    public String summary() {
        return "EpiFlow export; bundle " + bundleId + " from " + issuer + "; fingerprint " + fingerprint
                + "; officer " + officerKeyId + "; exported " + exportedAtText()
                + (period.isEmpty() ? "" : "; period " + period) + "; k " + k
                + (marking.isEmpty() ? "" : "; marking " + marking);
    }

    /** The trace as ordered key/value pairs (CSV '#' lines, the XLSX "about" sheet, PPTX custom properties). */
    public Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("bundleId", bundleId);
        m.put("issuer", issuer);
        m.put("fingerprint", fingerprint);
        m.put("officer", officerKeyId);
        m.put("exportedAt", exportedAtText());
        m.put("period", period);
        m.put("k", Integer.toString(k));
        m.put("marking", marking);
        m.put("creator", "EpiFlow");
        return m;
    }
}
