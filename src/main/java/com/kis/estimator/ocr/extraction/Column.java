package com.kis.estimator.ocr.extraction;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The columns of an RFQ or PO table, and the headings that name them in Korean and English documents. */
enum Column {

    NUMBER("no", "no.", "순번", "번호", "#"),
    CODE("code", "품목코드", "코드", "품번", "partno", "part", "model", "모델", "품목번호"),
    DESCRIPTION("description", "품명", "품목", "item", "명칭", "품목명", "내역"),
    SPEC("spec", "규격", "사양", "specification"),
    QUANTITY("qty", "qty.", "quantity", "수량"),
    UNIT("unit", "단위", "uom"),
    PRICE("단가", "price"),
    AMOUNT("금액", "amount"),
    NOTE("비고", "note", "remarks", "remark");

    private final List<String> headings;

    Column(String... headings) {
        this.headings = List.of(headings);
    }

    /** Columns of numbers, which tables align to the right. */
    boolean numeric() {
        return this == QUANTITY || this == PRICE || this == AMOUNT;
    }

    static Optional<Column> named(String heading) {
        String key = heading.toLowerCase(Locale.ROOT).replaceAll("[\\s:()]", "");
        for (Column column : values()) {
            if (column.headings.contains(key)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
