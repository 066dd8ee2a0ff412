package org.epiflow.ui.compare;

import org.epiflow.text.Message;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Region codes typed as a list (commas, semicolons, spaces or new lines between them) or read from a CSV file: one
 * code per line, or the column headed {@code code} (also {@code region_code}, {@code 代码}, {@code 区划代码}) of a
 * table with a header. UTF-8 only (a byte-order mark is allowed); one reading only: a quoted cell must be closed.
 */
public final class CodeList {
    /** Largest CSV accepted, bytes. */
    public static final int MAX_BYTES = 1 << 20;
    private static final List<String> HEADERS = List.of("code", "region_code", "regioncode", "代码", "区划代码",
            "地区代码");

    private CodeList() {
    }

    /** A list of codes as typed. */
    public static List<String> parse(String text) {
        List<String> out = new ArrayList<>();
        for (String c : (text == null ? "" : text).strip().split("[,;，；、\\s]+")) {
            if (!c.isBlank()) {
                out.add(c.strip());
            }
        }
        return out;
    }

    /** The codes of a CSV file's bytes; a {@link CsvProblem} says what is wrong with it. */
    public static List<String> csv(byte[] bytes) throws CsvProblem {
        if (bytes.length > MAX_BYTES) {
            throw new CsvProblem(Message.of("compare.groups.csv.tooLarge", MAX_BYTES / 1024));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CsvProblem(Message.of("compare.groups.csv.notUtf8"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", -1);
        int column = 0;
        int first = 0;
        List<String> head = lines.length == 0 ? List.of() : cells(lines[0], 1);
        for (int i = 0; i < head.size(); i++) {
            if (HEADERS.contains(head.get(i).strip().toLowerCase(Locale.ROOT))) {
                column = i;
                first = 1;
                break;
            }
        }
        List<String> out = new ArrayList<>();
        for (int l = first; l < lines.length; l++) {
            if (lines[l].isBlank()) {
                continue;
            }
            List<String> cs = cells(lines[l], l + 1);
            if (column < cs.size() && !cs.get(column).isBlank()) {
                out.add(cs.get(column).strip());
            } else {
                throw new CsvProblem(Message.of("compare.groups.csv.noCode", l + 1));
            }
        }
        if (out.isEmpty()) {
            throw new CsvProblem(Message.of("compare.groups.csv.empty"));
        }
        return out;
    }

    private static List<String> cells(String line, int number) throws CsvProblem {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                cell.setLength(0);
            } else if (c == ',' || c == ';' || c == '\t') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new CsvProblem(Message.of("compare.groups.csv.openQuote", number));
        }
        out.add(cell.toString());
        return out;
    }

    /** What is wrong with a CSV of codes. */
    public static final class CsvProblem extends Exception implements org.epiflow.text.Localized {
        private static final long serialVersionUID = 1L;
        private final transient Message message;

        CsvProblem(Message message) {
            super(message.key());
            this.message = message;
        }

        @Override
        public Message message() {
            return message;
        }
    }
}
