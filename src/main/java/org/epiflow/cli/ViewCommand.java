package org.epiflow.cli;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.data.workspace.SavedViews;
import org.epiflow.data.workspace.ViewDefinition;
import org.epiflow.data.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code epiflow view export}: writes a view saved in the desktop to a JSON file (docs/workspace-and-audit.md). */
@Command(name = "view", mixinStandardHelpOptions = true, description = "Saved views of the officer's workspace.",
        subcommands = {ViewCommand.Export.class})
final class ViewCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write a saved view (layers, filters, extent, dates, selected regions) as JSON."})
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
                String json = ViewDefinition.parse(v.json()).toJson();
                Files.writeString(out, json + System.lineSeparator(), StandardCharsets.UTF_8);
                spec.commandLine().getOut().println(EpiflowCommand.texts(spec).get("cli.view.wrote", name, out));
                return 0;
            }
        }
    }
}
