package org.epiflow.map.geo;

import org.epiflow.text.Message;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Strict reader of the attribute part ({@code .dbf}, dBASE III/IV) of a Shapefile. Text encoding: the one given
 * (from a {@code .cpg} file or the caller), else the header's language driver (0x4D = GBK), else UTF-8 when every
 * text value decodes as UTF-8, else GBK (GB 18030) — the two encodings Chinese boundary files come in.
 */
final class DbfReader {

    /** Decoded table: field names in file order, one map per (non-deleted) record, the charset used. */
    record Table(List<String> fields, List<Map<String, Object>> rows, Charset charset) {
    }

    private record Field(byte[] rawName, char type, int offset, int length, int decimals) {
    }

    static final Charset GBK = Charset.forName("GB18030");

    private DbfReader() {
    }

    static Table read(byte[] dbf, String fileName, Charset given) throws BoundaryImportException {
        if (dbf.length < 32) {
            throw new BoundaryImportException(Message.of("boundary.dbf.short", fileName));
        }
        ByteBuffer b = ByteBuffer.wrap(dbf).order(ByteOrder.LITTLE_ENDIAN);
        int numRecords = b.getInt(4), headerLen = b.getShort(8) & 0xFFFF, recordLen = b.getShort(10) & 0xFFFF;
        int ldid = dbf[29] & 0xFF;
        if (headerLen > dbf.length || recordLen < 1) {
            throw new BoundaryImportException(Message.of("boundary.dbf.header", fileName));
        }
        List<Field> fields = new ArrayList<>();
        int offset = 1;                                     // byte 0 of a record is the deletion flag
        for (int p = 32; p + 32 <= headerLen && dbf[p] != 0x0D; p += 32) {
            int n = 0;
            while (n < 11 && dbf[p + n] != 0) {
                n++;
            }
            int len = dbf[p + 16] & 0xFF;
            fields.add(new Field(java.util.Arrays.copyOfRange(dbf, p, p + n), (char) dbf[p + 11], offset, len,
                    dbf[p + 17] & 0xFF));
            offset += len;
        }
        if (offset > recordLen) {
            throw new BoundaryImportException(Message.of("boundary.dbf.fields", fileName));
        }
        if ((long) headerLen + (long) numRecords * recordLen > dbf.length) {
            throw new BoundaryImportException(Message.of("boundary.dbf.truncated", fileName, numRecords));
        }
        Charset cs = given != null ? given : ldid == 0x4D ? GBK : allDecodeAsUtf8(dbf, fields, headerLen,
                recordLen, numRecords) ? StandardCharsets.UTF_8 : GBK;
        List<String> names = new ArrayList<>();
        for (Field f : fields) {
            names.add(new String(f.rawName(), cs).trim());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = 0; r < numRecords; r++) {
            int start = headerLen + r * recordLen;
            if (dbf[start] == '*') {
                rows.add(null);                              // deleted: keep alignment with .shp records
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                Field f = fields.get(i);
                String raw = new String(dbf, start + f.offset(), f.length(), cs);
                row.put(names.get(i), value(f, raw));
            }
            rows.add(row);
        }
        return new Table(names, rows, cs);
    }

    private static Object value(Field f, String raw) {
        String s = raw.replace('\0', ' ').trim();
        switch (Character.toUpperCase(f.type())) {
            case 'N', 'F' -> {
                if (s.isEmpty() || s.startsWith("*")) {
                    return null;
                }
                try {
                    if (f.decimals() == 0 && !s.contains(".") && s.length() < 19) {
                        return Long.parseLong(s);
                    }
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    return s;
                }
            }
            case 'L' -> {
                return s.isEmpty() || s.equals("?") ? null : "YyTt".indexOf(s.charAt(0)) >= 0;
            }
            default -> {
                return s.isEmpty() ? null : s;
            }
        }
    }

    private static boolean allDecodeAsUtf8(byte[] dbf, List<Field> fields, int headerLen, int recordLen, int n) {
        var dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            for (Field f : fields) {
                dec.reset().decode(ByteBuffer.wrap(f.rawName()));
            }
            for (int r = 0; r < n; r++) {
                for (Field f : fields) {
                    if (Character.toUpperCase(f.type()) == 'C') {
                        // a UTF-8 sequence cut by the field width is still UTF-8: trim a broken tail first
                        ByteBuffer in = ByteBuffer.wrap(dbf, headerLen + r * recordLen + f.offset(), f.length());
                        CharBuffer out = CharBuffer.allocate(f.length() * 2);
                        dec.reset();
                        var res = dec.decode(in, out, true);
                        if (res.isError() && in.remaining() > 3) {
                            return false;
                        }
                    }
                }
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Maps a {@code .cpg} text ("UTF-8", "936", "CP936", "GBK", "ANSI 936", "65001", …) to a charset. */
    static Charset charsetOfCpg(String cpg) {
        String s = cpg.trim().toUpperCase(Locale.ROOT).replace("ANSI ", "").replace("CP", "").trim();
        return switch (s) {
            case "65001", "UTF8", "UTF-8" -> StandardCharsets.UTF_8;
            case "936", "GBK", "GB2312", "GB18030", "EUC-CN" -> GBK;
            case "950", "BIG5" -> Charset.forName("Big5");
            case "88591", "8859_1", "ISO-8859-1", "LATIN1" -> StandardCharsets.ISO_8859_1;
            case "1252" -> Charset.forName("windows-1252");
            default -> Charset.forName(cpg.trim());
        };
    }
}
