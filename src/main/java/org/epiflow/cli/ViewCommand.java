package org.epiflow.cli;

import org.epiflow.text.Message;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.data.workspace.SavedViews;
import org.epiflow.data.workspace.ViewDefinition;
import org.epiflow.data.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code epiflow view export | import}: saved views between the officer's workspace and JSON files (one format,
 * docs/exports.md "Saved views"), so a bureau can hand its standard briefing view to every analyst.
 */
@Command(name = "view", mixinStandardHelpOptions = true, description = "Saved views of the officer's workspace.",
        subcommands = {ViewCommand.Export.class, ViewCommand.Import.class})
final class ViewCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write a saved view (dates, filters, layers, extent, selected regions, heatmap) as JSON; "
                    + "`epiflow export --view FILE` draws it."})
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions options;

        @Option(names = "--name", required = true, description = "the saved view's name")
        String name;

        @Option(names = "--out", required = true, description = "the JSON file to write")
        Path out;

        @Override
        public Integer call() throws Exception {
            try (AgeIdentity id = options.unlock(); Workspace ws = options.open(id, "view export")) {
                SavedViews.StoredView v = ws.views().find(name).orElse(null);
                if (v == null) {
                    spec.commandLine().getErr().println(EpiflowCommand.texts(spec).get("cli.view.none", name,
                            String.join(", ", ws.views().list().stream().map(SavedViews.StoredView::name).toList())));
                    return 1;
                }
                String json = ViewDefinition.parse(v.json()).withName(name).toJson();
                Files.writeString(out, json + System.lineSeparator(), StandardCharsets.UTF_8);
                spec.commandLine().getOut().println(EpiflowCommand.texts(spec).get("cli.view.wrote", name, out));
                return 0;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Store a saved view from a JSON file in the workspace under a name (replacing a view of "
                    + "that name); it then opens in View → Open view…. The file is checked first: nothing is stored "
                    + "from a file that is not a valid saved view."})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions options;

        @Option(names = "--file", required = true, description = "the saved view (JSON) to import")
        Path file;

        @Option(names = "--name", required = true, description = "the name to store it under")
        String name;

        @Override
        public Integer call() throws Exception {
            if (name.isBlank() || name.length() > 200 || name.codePoints().anyMatch(Character::isISOControl)) {
                throw new CliException(Message.of("cli.view.badName"), ExportCommand.USAGE);
            }
            if (!Files.isRegularFile(file)) {
                throw new CliException(Message.of("cli.view.noFile", file), ExportCommand.USAGE);
            }
            ViewDefinition v;
            try {
                v = ViewDefinition.read(file).withName(name);
            } catch (IOException | IllegalArgumentException e) {
                throw CliException.of(e, ExportCommand.USAGE);
            }
            // an analyst may import the bureau's standard view before first opening the workstation
            try (AgeIdentity id = options.unlock(); Workspace ws = options.open(id, "view import", true)) {
                boolean replaced = ws.views().find(name).isPresent();
                ws.views().save(name, v.toJson());
                spec.commandLine().getOut().println(EpiflowCommand.texts(spec).get(replaced ? "cli.view.replaced"
                        : "cli.view.imported", name, file));
                return 0;
            }
        }
    }
}
