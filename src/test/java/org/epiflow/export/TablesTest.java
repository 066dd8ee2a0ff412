package org.epiflow.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.epiflow.export.table.Table;
import org.epiflow.map.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV and XLSX parse back and hold no figure below k: every trip cell is ≥ k, "–" or "&lt; k". */
class TablesTest {
    @TempDir
    Path dir;

    static final int K = ExportFixture.data().info().k();

    @Test
    void csvAndXlsxOfEveryTableHoldNothingBelowK() throws Exception {
        LocalDate d = ExportFixture.busiestDay();
        String wuhan = "420100";
        Exporter x = ExportFixture.exporter();
        int checkedSuppressed = 0;
        for (ExportOptions.TableKind kind : ExportOptions.TableKind.values()) {
            for (boolean range : new boolean[] {false, true}) {
                ExportOptions o = new ExportOptions().table(kind).topN(0).focusRegion(
                        kind == ExportOptions.TableKind.PARTNERS ? wuhan : null);
                LocalDate to = range ? d.plusDays(3) : d;
                Path csv = dir.resolve(kind + "-" + range + ".csv"), xlsx = dir.resolve(kind + "-" + range + ".xlsx");
                x.export(o.format(ExportFormat.CSV), d, to, csv);
                x.export(o.format(ExportFormat.XLSX), d, to, xlsx);
                List<List<String>> rows = readCsv(csv);
                assertThat(rows).hasSizeGreaterThan(10);
                List<String> header = rows.get(0);
                Table t = x.table(o, d, to);
                assertThat(header).isEqualTo(t.columns());
                List<Integer> figureCols = new ArrayList<>();
                for (int c = 0; c < header.size(); c++) {
                    if (t.figures().get(c)) {
                        figureCols.add(c);
                    }
                }
                assertThat(figureCols).as(kind + " figure columns").isNotEmpty();
                for (List<String> r : rows.subList(1, rows.size())) {
                    for (int c : figureCols) {
                        checkedSuppressed += checkFigure(r.get(c)) ? 1 : 0;
                    }
                }
                try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                    Sheet s = wb.getSheetAt(0);
                    assertThat(s.getLastRowNum()).isEqualTo(t.rows().size());
                    for (Row row : s) {
                        if (row.getRowNum() == 0) {
                            continue;
                        }
                        for (int c : figureCols) {
                            Cell cell = row.getCell(c);
                            checkFigure(cell.getCellType() == CellType.NUMERIC
                                    ? Long.toString((long) cell.getNumericCellValue()) : cell.getStringCellValue());
                        }
                    }
                    assertThat(wb.getSheet("about").getRow(3).getCell(1).getStringCellValue())
                            .isEqualTo(ExportFixture.FINGERPRINT);
                    assertThat(wb.getProperties().getCoreProperties().getCreator()).isEqualTo(ExportFixture.OFFICER);
                }
            }
        }
        assertThat(checkedSuppressed).as("some net figures are suppressed in the demo").isPositive();
    }

    /** Returns true for a suppressed / unpublished cell; fails on any figure below k. */
    private static boolean checkFigure(String v) {
        if (v.equals("–") || v.equals("< " + K)) {
            return true;
        }
        long n = Long.parseLong(v);
        assertThat(Math.abs(n)).as("figure " + v).isGreaterThanOrEqualTo(K);
        return false;
    }

    @Test
    void tablesNameRegionsInTheChosenLanguage() {
        LocalDate d = ExportFixture.busiestDay();
        Table en = ExportFixture.exporter().table(new ExportOptions().table(ExportOptions.TableKind.RANKING)
                .language(Language.EN).topN(5), d, d);
        assertThat(en.rows()).hasSize(5);
        assertThat(en.columns()).contains("net_inflow");
        assertThat((String) en.rows().get(0).get(2)).matches("[A-Za-z ,'-]+");
    }

    static List<List<String>> readCsv(Path file) throws Exception {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(s.charAt(0)).isEqualTo('\uFEFF');
        List<List<String>> rows = new ArrayList<>();
        for (String line : s.substring(1).split("\r\n")) {
            if (line.startsWith("#") || line.isEmpty()) {
                if (line.startsWith("# fingerprint")) {
                    assertThat(line).contains(ExportFixture.FINGERPRINT);
                }
                continue;
            }
            List<String> cells = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean q = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (q) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else if (c == '"') {
                        q = false;
                    } else {
                        cur.append(c);
                    }
                } else if (c == '"') {
                    q = true;
                } else if (c == ',') {
                    cells.add(cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(c);
                }
            }
            cells.add(cur.toString());
            rows.add(cells);
        }
        return rows;
    }
}
