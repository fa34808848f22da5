package com.kis.estimator.ocr.process;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.kis.estimator.platform.web.ApiProblemException;

/**
 * The extracted lines as the Tasklist form offers them: one box per line to tick into the quote, and a text of
 * corrections ("2: ACB-3P-800 7", "3: 12"). Tasklist cannot complete a form with a dynamic list (it counts the
 * empty error lists form-js keeps for the list's fields as errors), so the form has none; the review still
 * decides line by line.
 */
final class LineChoices {

    /** "2: ACB-3P-800 7", "2. 7", "2) ACB-3P-800": the line's number, then a product code, a quantity, or both. */
    private static final Pattern CORRECTION = Pattern.compile("^\\s*(\\d+)\\s*[:.)]\\s*(.+?)\\s*$");
    private static final Pattern QUANTITY = Pattern.compile("\\d+(\\.\\d{1,3})?");

    private LineChoices() {
    }

    /** The checklist's options: the line's number as its value, what was read and matched as its label. */
    static List<Map<String, String>> options(List<ReviewLine> lines) {
        List<Map<String, String>> options = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ReviewLine line = lines.get(i);
            String product = line.productCode() != null ? line.productCode() : "품목 미확인 (no product)";
            String label = (i + 1) + ". " + product + " × " + plain(line.quantity()) + " "
                    + (line.unit() != null ? line.unit() : "") + " — 읽은 내용 (read): " + line.read();
            options.add(Map.of("label", label.replaceAll("\\s+", " ").strip(), "value", String.valueOf(i + 1)));
        }
        return options;
    }

    /** The values ticked to begin with: the lines the extraction matched to a product. */
    static List<String> initiallyQuoted(List<ReviewLine> lines) {
        List<String> quoted = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).confirmed()) {
                quoted.add(String.valueOf(i + 1));
            }
        }
        return quoted;
    }

    /**
     * The lines as the reviewer left them: quoted if ticked, with their corrections applied.
     *
     * @throws ApiProblemException naming the correction that is not "number: code quantity"
     */
    static List<ReviewLine> applied(List<ReviewLine> lines, List<String> quoted, String corrections) {
        Set<String> ticked = new HashSet<>(quoted == null ? List.of() : quoted);
        Map<Integer, String[]> fixes = corrections(corrections, lines.size());
        List<ReviewLine> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ReviewLine line = lines.get(i);
            String productCode = line.productCode();
            BigDecimal quantity = line.quantity();
            String[] fix = fixes.get(i + 1);
            if (fix != null) {
                productCode = fix[0] != null ? fix[0] : productCode;
                quantity = fix[1] != null ? new BigDecimal(fix[1]) : quantity;
            }
            result.add(new ReviewLine(ticked.contains(String.valueOf(i + 1)), productCode, line.productName(),
                    line.read(), quantity, line.unit(), line.confidence(), line.candidates()));
        }
        return result;
    }

    /** Line number → {product code or null, quantity or null}. */
    private static Map<Integer, String[]> corrections(String text, int lineCount) {
        Map<Integer, String[]> fixes = new HashMap<>();
        if (text == null || text.isBlank()) {
            return fixes;
        }
        for (String row : text.split("\\R")) {
            if (row.isBlank()) {
                continue;
            }
            Matcher matcher = CORRECTION.matcher(row);
            int number = matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
            if (number < 1 || number > lineCount) {
                throw refused(row, lineCount);
            }
            String[] fix = new String[2];
            for (String token : matcher.group(2).split("[\\s×x*]+")) {
                if (token.isBlank()) {
                    continue;
                }
                if (QUANTITY.matcher(token).matches() && fix[1] == null) {
                    fix[1] = token;
                } else if (!QUANTITY.matcher(token).matches() && fix[0] == null) {
                    fix[0] = token.toUpperCase(Locale.ROOT);
                } else {
                    throw refused(row, lineCount);
                }
            }
            fixes.put(number, fix);
        }
        return fixes;
    }

    private static ApiProblemException refused(String row, int lineCount) {
        return ApiProblemException.invalidField(ReviewVariables.CORRECTIONS, "고칠 내용은 한 줄에 하나씩 '번호: 품목코드 수량'으로"
                + " 적습니다 (1–" + lineCount + ") / write one correction per line as 'number: product code quantity'"
                + " (1–" + lineCount + "), not '" + row.strip() + "'");
    }

    private static String plain(BigDecimal quantity) {
        return quantity == null ? "?" : quantity.stripTrailingZeros().toPlainString();
    }
}
