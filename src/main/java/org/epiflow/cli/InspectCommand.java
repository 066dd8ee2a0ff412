package org.epiflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.epiflow.bundle.BundleReader;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.BundleInfo;
import org.epiflow.text.Untrusted;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code epiflow inspect}: opens a bundle with every check and prints its manifest and summary figures. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Open a bundle (all checks) and print its manifest and summary figures — never table rows.")
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "the bundle (.epiflow)")
    Path bundle;

    @Mixin
    OfficerOptions officer;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        BundleReader reader = new BundleReader(officer.trustStore());
        OpenedBundle opened;
        try (AgeIdentity id = officer.unlock();
             CliWorkspace ws = CliWorkspace.open(spec, id, officer.identity)) {
            opened = ws.openBundle(reader, bundle, officer.credentials(id));
        }
        Map<String, Object> summary = summary(opened);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            // JSON escapes C0 controls itself; C1 controls and bidi overrides get \\u escapes as well
            ObjectMapper json = new ObjectMapper().findAndRegisterModules()
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
            json.getFactory().setCharacterEscapes(new UntrustedEscapes());
            out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        } else {
            org.epiflow.text.Texts t = EpiflowCommand.texts(spec);
            java.util.List<String[]> rows = new java.util.ArrayList<>();
            summary.forEach((k, v) -> rows.add(new String[] {t.get("cli.inspect." + k), Untrusted.escape(value(t, k, v, opened))}));
            Columns.print(out, "", 19, rows);
        }
        return 0;
    }

    /** JSON escapes for every character {@link Untrusted#unsafe} names, not only those below U+0020. */
    static final class UntrustedEscapes extends com.fasterxml.jackson.core.io.CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            return ch < Character.MIN_SUPPLEMENTARY_CODE_POINT && Untrusted.unsafe((char) ch)
                    ? new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    /** A summary value in the run's language: known codes (day, prefecture, trips…) in words, the rest as is. */
    private static String value(org.epiflow.text.Texts t, String field, Object v, OpenedBundle b) {
        if (v instanceof java.util.Collection<?> c) {
            return t.get("cli.inspect.list", String.join(t.get("cli.inspect.listSeparator"),
                    c.stream().map(x -> code(t, String.valueOf(x))).toList()));
        }
        if (field.equals("period")) {
            var p = b.data().info().period();
            return t.get("cli.inspect.periodValue", p.start().toString(), p.end().toString());
        }
        if (field.equals("timeResolution") || field.equals("geographyLevel") || field.equals("purpose")) {
            return code(t, String.valueOf(v));
        }
        return t.get("cli.value", String.valueOf(v));
    }

    private static String code(org.epiflow.text.Texts t, String code) {
        String key = "cli.inspect.code." + code;
        return t.has(key) ? t.get(key) : t.get("cli.value", code);
    }

    static Map<String, Object> summary(OpenedBundle b) {
        AggregateDataset d = b.data();
        BundleInfo i = d.info();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bundleId", i.bundleId());
        m.put("issuer", i.issuer());
        m.put("created", i.created().toString());
        m.put("signer", b.signerKeyId());
        m.put("fingerprint", b.fingerprint());
        m.put("period", i.period().toString());
        m.put("days", i.period().days());
        m.put("timeResolution", i.timeResolution());
        m.put("geographyLevel", i.geographyLevel());
        m.put("measures", i.measures());
        m.put("k", i.k());
        m.put("roundingBase", i.roundingBase());
        m.put("purpose", i.purpose());
        m.put("expires", i.expires().toString());
        m.put("regions", d.regions().size());
        m.put("flowCells", d.flows().rowCount());
        m.put("totalTrips", d.flows().totalTrips());
        m.put("residentCells", d.residents().map(r -> r.rowCount()).orElse(0));
        return m;
    }
}
