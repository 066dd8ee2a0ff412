package org.epiflow.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the {@code epiflow} command line in-process and captures its output. */
final class CliHarness {
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = EpiflowCommand.commandLine();
        cl.setOut(EpiflowCommand.terminal(out));
        cl.setErr(EpiflowCommand.terminal(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    static final String REGIONS = """
            code,name,name_en,level,parent,lat,lon,population
            310100,上海市,Shanghai,prefecture,310000,31.23,121.47,24870000
            110100,北京市,Beijing,prefecture,110000,39.90,116.40,21540000
            420100,武汉市,"Wuhan, Hubei",prefecture,420000,30.59,114.30,11080000
            """;

    static final String FLOWS = """
            date,origin,destination,trips
            2020-01-02,110100,310100,1500
            2020-01-01,110100,310100,1200
            2020-01-01,310100,110100,7
            2020-01-01,420100,110100,300
            2020-01-02,420100,310100,12
            2020-01-02,310100,420100,9
            """;

    private CliHarness() {
    }
}
