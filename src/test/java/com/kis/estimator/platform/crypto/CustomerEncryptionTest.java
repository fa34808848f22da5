package com.kis.estimator.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.JsonHttp;
import com.kis.estimator.PostgresIntegrationTest;

/**
 * Customer registration numbers and contact details on PostgreSQL: ciphertext in the table, plaintext through the
 * API, found by registration number through the blind index, and moved to a new key by re-encryption.
 */
@PostgresIntegrationTest
class CustomerEncryptionTest {

    private final String code = "T-ENC-" + Long.toString(System.nanoTime(), 36).toUpperCase();

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired EncryptionProperties properties;
    @Autowired ColumnReencryption reencryption;

    @Test
    void customerIdentifiersAreCiphertextInTheTableAndPlaintextInTheApi() {
        JsonHttp admin = JsonHttp.as(rest, "admin");
        assertThat(admin.post("/api/v1/customers", """
                {"code":"%s","name":"(주)암호시험","businessRegistrationNumber":"220-81-62517","tier":"B",
                 "contactName":"김담당","contactEmail":"kim@example.kr","contactPhone":"02-555-0101",
                 "address":"서울특별시 중구 세종대로 110"}""".formatted(code)).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        Map<String, Object> raw = jdbc.queryForMap("SELECT business_registration_number, contact_name, contact_email, "
                + "contact_phone, address, business_registration_number_index FROM estimator.customers WHERE code = ?", code);
        assertThat(raw.values()).noneMatch(value -> String.valueOf(value).contains("2208162517")
                || String.valueOf(value).contains("김담당") || String.valueOf(value).contains("kim@example.kr")
                || String.valueOf(value).contains("세종대로"));
        assertThat((String) raw.get("business_registration_number")).startsWith("enc:v1:primary:");
        assertThat((String) raw.get("business_registration_number_index")).hasSize(64);

        JsonNode read = admin.get("/api/v1/customers/" + code).getBody();
        assertThat(read.path("businessRegistrationNumber").asText()).isEqualTo("220-81-62517");
        assertThat(read.path("contactName").asText()).isEqualTo("김담당");
        assertThat(admin.get("/api/v1/customers?q=220-81-62517").getBody().path("content").findValuesAsText("code"))
                .containsExactly(code);
    }

    @Test
    void rotationMovesEveryValueToTheNewKeyAndAllStaysReadable() {
        JsonHttp admin = JsonHttp.as(rest, "admin");
        admin.post("/api/v1/customers", """
                {"code":"%s","name":"(주)키교체","businessRegistrationNumber":"124-81-00998","tier":"A",
                 "contactName":"이담당"}""".formatted(code));
        String primary = properties.keys().get("primary");
        String next = java.util.Base64.getEncoder().encodeToString("k2-rotation-test-key-32-bytes-!!".getBytes());
        ColumnCipher rotated = new ColumnCipher(Map.of("primary", primary, "k2", next), "k2", properties.indexKey());
        try {
            int moved = reencryption.run(rotated);

            assertThat(moved).isPositive();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM estimator.customers "
                    + "WHERE business_registration_number NOT LIKE 'enc:v1:k2:%'", Integer.class)).isZero();
            String stored = jdbc.queryForObject("SELECT contact_name FROM estimator.customers WHERE code = ?",
                    String.class, code);
            assertThat(stored).startsWith("enc:v1:k2:");
            assertThat(rotated.decrypt(stored)).isEqualTo("이담당");
            assertThat(reencryption.run(rotated)).as("a second run finds nothing to do").isZero();
        } finally {
            // Back to the key this test context runs with, for the tests after this one.
            reencryption.run(new ColumnCipher(Map.of("primary", primary, "k2", next), "primary", properties.indexKey()));
        }
        assertThat(admin.get("/api/v1/customers/" + code).getBody().path("contactName").asText()).isEqualTo("이담당");
    }
}
