package com.kis.estimator.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.Chromium;
import com.kis.estimator.EmbeddedInChromium;

/**
 * Operations on the web UI's ERP page: the sync status per source, an export file imported with one bad row among
 * good ones, the import's counts and the refused row listed with its reason; on a desktop and on a phone.
 */
class ErpSyncPageInChromiumTest extends EmbeddedInChromium {

    @Test
    void opsImportAProductFileAndSeeTheRejectedRowWithItsReason() throws IOException {
        StringBuilder csv = new StringBuilder("product_code,name,spec,category,unit,list_price,cost,active\n");
        for (int i = 1; i <= 24; i++) {
            csv.append("UI-ERP-").append(i).append(",화면 시험 제품 ").append(i).append(",,TRAY,M,").append(1000 + i)
                    .append(",700,Y\n");
        }
        csv.append("UI-ERP-BAD,음수 단가,,TRAY,M,-5,700,Y\n");
        Path file = Files.createTempDirectory("kis-erp-ui-").resolve("products-ui.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        Chromium.Steps steps = browser("web-ui-erp").step("openUi", "path", "/erp")
                .step("signInUi", "user", "ops1", "password", "ops1")
                .step("menu")
                .step("importErpFile", "file", file.toString())
                .step("axe").step("screenshot", "name", "erp-import")
                .run();

        assertThat(steps.last("menu").path("links").toString()).contains("ERP 동기화");
        JsonNode imported = steps.last("importErpFile");
        assertThat(imported.path("state").asText()).as(imported.toString()).isEqualTo("완료");
        assertThat(imported.path("counts").asText()).contains("추가 24", "거부 1");
        assertThat(imported.path("rejected")).hasSize(1);
        assertThat(imported.path("rejected").get(0).asText()).contains("26", "UI-ERP-BAD", "list_price");
        assertThat(imported.path("sources").toString()).as("the products' last run is this one").contains("products-ui.csv");
        assertThat(steps.last("axe").path("violations")).as(steps.last("axe").toString()).isEmpty();

        Chromium.Steps phone = browser("web-ui-erp-phone").viewport(390, 844).step("openUi", "path", "/erp")
                .step("signInUi", "user", "ops1", "password", "ops1")
                .step("openUi", "path", "/erp").step("axe").step("screenshot", "name", "erp-phone").run();
        assertThat(phone.last("openUi").path("sidewaysScroll").asBoolean()).isFalse();
        assertThat(phone.last("axe").path("violations")).as(phone.last("axe").toString()).isEmpty();
    }
}
