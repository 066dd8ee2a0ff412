package org.epiflow.export.table;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.epiflow.export.Trace;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a table as an Excel workbook (Apache POI, streaming): a data sheet with a bold, frozen header row and
 * figures as numbers ("#,##0"), and an "about" sheet with the trace and notes; the trace also goes into the core
 * properties (title, creator = officer key id, subject = bundle id + fingerprint, keywords, description, category =
 * marking).
 */
public final class XlsxTableWriter {
    private XlsxTableWriter() {
    }

    public static void write(Table t, Trace trace, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500)) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle head = wb.createCellStyle();
            head.setFont(bold);
            CellStyle num = wb.createCellStyle();
            num.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
            SXSSFSheet data = wb.createSheet(safe(t.name()));
            data.trackAllColumnsForAutoSizing();
            Row h = data.createRow(0);
            for (int c = 0; c < t.columns().size(); c++) {
                var cell = h.createCell(c);
                cell.setCellValue(t.columns().get(c));
                cell.setCellStyle(head);
            }
            data.createFreezePane(0, 1);
            int r = 1;
            for (List<Object> row : t.rows()) {
                Row x = data.createRow(r++);
                for (int c = 0; c < row.size(); c++) {
                    Object v = row.get(c);
                    var cell = x.createCell(c);
                    if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                        if (t.figures().get(c)) {
                            cell.setCellStyle(num);
                        }
                    } else {
                        cell.setCellValue(String.valueOf(v));
                    }
                }
                if (r == 200) {
                    for (int c = 0; c < t.columns().size(); c++) {
                        data.autoSizeColumn(c);
                    }
                }
            }
            if (r < 200) {
                for (int c = 0; c < t.columns().size(); c++) {
                    data.autoSizeColumn(c);
                }
            }
            Sheet about = wb.createSheet("about");
            int a = 0;
            for (Map.Entry<String, String> e : trace.fields().entrySet()) {
                Row x = about.createRow(a++);
                x.createCell(0).setCellValue(e.getKey());
                x.createCell(1).setCellValue(e.getValue());
            }
            a++;
            for (String n : t.notes()) {
                about.createRow(a++).createCell(0).setCellValue(n);
            }
            POIXMLProperties.CoreProperties cp = wb.getXSSFWorkbook().getProperties().getCoreProperties();
            cp.setTitle(trace.title());
            cp.setCreator(trace.officerKeyId());
            cp.setSubjectProperty(trace.subject());
            cp.setKeywords(trace.keywords());
            cp.setDescription(trace.summary());
            cp.setCategory(trace.marking());
            cp.setCreated(Optional.of(java.util.Date.from(trace.exportedAt())));
            wb.getXSSFWorkbook().getProperties().getExtendedProperties().getUnderlyingProperties()
                    .setApplication("EpiFlow");
            wb.write(out);
        }
    }

    private static String safe(String name) {
        String s = name.replaceAll("[\\\\/?*\\[\\]:]", "_");
        return s.length() > 31 ? s.substring(0, 31) : s;
    }
}
