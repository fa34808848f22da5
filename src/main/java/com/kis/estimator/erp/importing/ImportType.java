package com.kis.estimator.erp.importing;

import java.util.List;

/**
 * What an ERP file holds, and its columns: the English header our format names and the Korean headers Korean
 * ERPs export, as documented in docs/erp-import.md.
 */
public enum ImportType {

    PRODUCTS(List.of(
            new Column("product_code", true, "품목코드", "상품코드", "제품코드"),
            new Column("name", true, "품목명", "상품명", "제품명"),
            new Column("spec", false, "규격"),
            new Column("category", true, "분류", "품목분류"),
            new Column("unit", true, "단위"),
            new Column("list_price", true, "판매단가", "표준단가", "정가"),
            new Column("cost", true, "원가", "매입단가"),
            new Column("active", false, "사용여부"))),
    CUSTOMERS(List.of(
            new Column("customer_code", true, "거래처코드"),
            new Column("name", true, "거래처명", "상호"),
            new Column("business_registration_number", true, "사업자등록번호", "사업자번호"),
            new Column("tier", true, "등급", "거래처등급"),
            new Column("price_list", false, "단가표", "단가표코드"))),
    PRICES(List.of(
            new Column("price_list", true, "단가표", "단가표코드"),
            new Column("product_code", true, "품목코드", "상품코드", "제품코드"),
            new Column("price", true, "단가", "계약단가"),
            new Column("valid_from", true, "적용시작일", "시작일"),
            new Column("valid_to", false, "적용종료일", "종료일")));

    private final List<Column> columns;

    ImportType(List<Column> columns) {
        this.columns = columns;
    }

    public List<Column> columns() {
        return columns;
    }

    /**
     * One column: its canonical (English) name, whether a file must have it, and the Korean headers that mean
     * the same. Headers match ignoring case, spaces, underscores and hyphens.
     */
    public record Column(String name, boolean required, String... koreanAliases) {

        public boolean matches(String header) {
            String key = normalize(header);
            if (normalize(name).equals(key)) {
                return true;
            }
            for (String alias : koreanAliases) {
                if (normalize(alias).equals(key)) {
                    return true;
                }
            }
            return false;
        }

        static String normalize(String header) {
            return header.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_\\-]", "");
        }
    }
}
