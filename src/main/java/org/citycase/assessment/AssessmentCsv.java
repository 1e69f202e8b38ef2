package org.citycase.assessment;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an assessment as CSV for spreadsheets: UTF-8 with a byte order mark (so that Excel reads the Chinese
 * headings and names correctly), one line per unit in rank order, CRLF line ends, the same figures as the JSON
 * answer. A percentage or score that is not applicable is an empty cell.
 */
public final class AssessmentCsv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private AssessmentCsv() {
    }

    /** The CSV bytes of an assessment. */
    public static byte[] write(Assessment assessment) {
        boolean combined = !assessment.combinedWeights().isEmpty();
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("排名", "代码", "名称"));
        assessment.indicators().forEach(i -> header.add(i.kind() == Indicator.Kind.PERCENT ? i.name() + "(%)"
                : i.name()));
        header.addAll(List.of("得分", "等级"));
        if (combined) {
            header.addAll(List.of("专项考核得分", "实地检查得分", "综合得分", "综合等级", "综合排名"));
        }
        line(csv, header);
        for (AssessedUnit unit : assessment.units()) {
            List<String> cells = new ArrayList<>();
            cells.add(text(unit.rank()));
            cells.add(unit.code());
            cells.add(unit.name());
            assessment.indicators().forEach(i -> cells.add(text(unit.indicators().get(i.id()))));
            cells.add(text(unit.score()));
            cells.add(text(unit.grade()));
            if (combined) {
                AssessedUnit.Combined c = unit.combined();
                cells.add(text(c == null ? null : c.specialScore()));
                cells.add(text(c == null ? null : c.onSiteScore()));
                cells.add(text(c == null ? null : c.score()));
                cells.add(text(c == null ? null : c.grade()));
                cells.add(text(c == null ? null : c.rank()));
            }
            line(csv, cells);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        bytes.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quoted(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /** Quotes a cell that holds a separator, a quote or a line break; a leading = + - @ is defused for Excel. */
    private static String quoted(String cell) {
        String safe = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !isNumber(cell) ? "'" + cell : cell;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private static boolean isNumber(String cell) {
        try {
            new BigDecimal(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
