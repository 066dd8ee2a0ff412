package org.epiflow.cli;

import org.epiflow.analytics.RiskModel;
import org.epiflow.analytics.RiskOutcome;
import org.epiflow.analytics.compare.RiskComparison;
import org.epiflow.analytics.compare.RiskComparisonTable;
import org.epiflow.data.compare.Alignment;
import org.epiflow.analytics.RiskModels;
import org.epiflow.analytics.RiskRequest;
import org.epiflow.analytics.RiskResult;
import org.epiflow.bundle.BundleReader;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.model.AggregateDataset;
import org.epiflow.text.Message;
import org.epiflow.text.Texts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code epiflow risk}: parses its options into a {@link RiskRequest}, runs it through {@link RiskModels} and writes
 * one row per region, most exposed first. Defaults and ranges come from the models' parameter declarations.
 */
@Command(name = "risk", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = RiskModelOptions.Defaults.class,
        description = "Run a spread-risk model on a bundle (and optional case counts) and write one row per region, "
                + "most exposed first (CSV, or JSON with --json). Models: docs/risk-models.md.")
final class RiskCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bundle", required = true, description = "the bundle (.epiflow)")
    Path bundle;

    @Mixin
    OfficerOptions officer;

    @Mixin
    RiskModelOptions modelOptions;

    @Option(names = "--model", required = true, converter = ModelConverter.class,
            description = "importation | effective-distance | seir | observed-expected")
    RiskModel model;

    @Option(names = "--from", paramLabel = "DATE", description = "first day of the travel (exposure) window "
            + "(default: the bundle's first day)")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "last day of the travel (exposure) window "
            + "(default: the as-of day)")
    LocalDate to;

    @Option(names = "--group", paramLabel = "NAME=CODE,CODE,...", description = "a named group of regions "
            + "(repeatable); --source NAME takes its regions as the sources")
    java.util.List<String> groups = new java.util.ArrayList<>();

    @Option(names = "--json", description = "write JSON instead of CSV")
    boolean json;

    @Option(names = "--baseline-from", paramLabel = "D", description = "also run the model on a baseline starting "
            + "on this date (as long as the travel window; with --baseline-to) and write for every column "
            + "<column>_baseline, <column>_change and <column>_change_percent")
    LocalDate baselineFrom;

    @Option(names = "--baseline-to", paramLabel = "D", description = "last date of the baseline")
    LocalDate baselineTo;

    @Option(names = "--baseline-bundle", paramLabel = "B", description = "read the baseline from another bundle of "
            + "the same geography (opened and checked like --bundle; its regions matched by code)")
    Path baselineBundle;

    @Option(names = "--align", paramLabel = "date|weekday|lunar-new-year", description = "how the baseline lines "
            + "up with the travel window (default date)")
    String align;

    @Option(names = "--out", required = true, description = "the result file")
    Path out;

    /** Parses the model's id. */
    static final class ModelConverter implements CommandLine.ITypeConverter<RiskModel> {
        @Override
        public RiskModel convert(String value) {
            return RiskModel.byId(value).orElseThrow(() -> new CommandLine.TypeConversionException("'" + value
                    + "' is not a model; use one of " + RiskModel.ids()));
        }
    }

    @Override
    public Integer call() throws Exception {
        Alignment alignment = RiskBaselineRun.check(baselineFrom, baselineTo, align, baselineBundle);
        AggregateDataset data;
        BundleReader reader = new BundleReader(officer.trustStore());
        RiskResult result;
        RiskComparison compared = null;
        String baselineId = null;
        try (AgeIdentity id = officer.unlock();
             CliWorkspace ws = CliWorkspace.open(spec, id, officer.identity)) {
            var opened = ws.openBundle(reader, bundle, officer.credentials(id));
            data = opened.data();
            RiskOutcome run = modelOptions.run(data, model, from, to, GroupOptions.parse(groups, java.util.List.of()));
            result = run.result();
            if (baselineFrom != null) {
                AggregateDataset other = null;
                baselineId = opened.header().bundleId();
                if (baselineBundle != null) {
                    var b = ws.openBundle(reader, baselineBundle, officer.credentials(id));
                    other = b.data();
                    baselineId = b.header().bundleId();
                }
                compared = RiskBaselineRun.compare(modelOptions, run, baselineFrom, baselineTo, alignment, other);
            }
            var json = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules();
            ws.riskRun(result.model(), json.writeValueAsString(java.util.Map.of("command",
                    String.join(" ", spec.commandLine().getParseResult().originalArgs()))),
                    json.writeValueAsString(result.summary()), data.info().bundleId());
        }
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".risk-", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                if (compared != null && json) {
                    new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules()
                            .writerWithDefaultPrettyPrinter()
                            .writeValue(w, RiskComparisonTable.toJsonTree(compared, baselineId));
                } else if (compared != null) {
                    RiskComparisonTable.writeCsv(compared, w);
                } else if (json) {
                    result.writeJson(w);
                } else {
                    result.writeCsv(w);
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        var top = result.rows().stream().filter(r -> !RiskResult.SOURCE.equals(r.flag())).findFirst().orElse(null);
        var o = spec.commandLine().getOut();
        Texts words = EpiflowCommand.texts(spec);
        o.println(top == null ? words.get("cli.risk.done", result.model(), result.rows().size(), out)
                : words.get("cli.risk.doneTop", result.model(), result.rows().size(), out, top.code(),
                        words.chinese() ? top.name() : nameEn(data, top.code(), top.name())));
        for (Message m : result.inputs()) {
            o.println("  " + words.format(m));
        }
        if (compared != null) {
            o.println("  " + words.format(compared.aligned().describe()));
        }
        return 0;
    }

    /** The English name of a region (the result rows carry the Chinese one), falling back to it. */
    private static String nameEn(AggregateDataset data, String code, String fallback) {
        int i = data.regions().indexOf(code);
        String en = i < 0 ? null : data.regions().get(i).nameEn();
        return en == null || en.isBlank() ? fallback : en;
    }
}
