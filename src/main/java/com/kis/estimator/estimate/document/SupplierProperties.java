package com.kis.estimator.estimate.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The supplier block of the quote (공급자). The defaults describe a fictitious company for the embedded default;
 * a deployment sets its own.
 */
@ConfigurationProperties("kis.supplier")
public record SupplierProperties(
        @DefaultValue("(주)케이아이에스산업 (예시)") String name,
        @DefaultValue("2148651378") String businessRegistrationNumber,
        @DefaultValue("홍길동") String representative,
        @DefaultValue("서울특별시 금천구 가산디지털1로 1") String address,
        @DefaultValue("도매 및 상품중개업") String businessType,
        @DefaultValue("전기자재") String businessItem,
        @DefaultValue("02-000-0000") String phone) {
}
