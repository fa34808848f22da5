package com.kis.estimator.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.Await;
import com.kis.estimator.Chromium;
import com.kis.estimator.EmbeddedInChromium;

/**
 * Operations review an ERP import that rejected too many rows, in Tasklist ("Review ERP import"): applying it
 * takes the valid rows, cancelling it takes none.
 */
class ErpImportReviewInTasklistTest extends EmbeddedInChromium {

    private static final String APPLY = "유효한 행 반영 (Apply the valid rows)";
    private static final String CANCEL = "취소 (Cancel the import)";

    @Test
    void opsApplyTheValidRowsOfOneImportAndCancelAnother() {
        String applied = Long.toString(System.nanoTime(), 36).toUpperCase();
        String importId = importWaitingForReview(applied);
        Chromium.Steps apply = browser("erp-review-apply").signIn("tasklist", "ops1").openFilter("All tasks")
                .openTask(importId).claim().choose(APPLY).type("의견 (Comment)", "ERP에서 나머지를 고칩니다")
                .complete().run();

        assertThat(names(apply.last("openFilter"))).anySatisfy(name ->
                assertThat(name).contains("ERP 가져오기 검토", "products", applied + ".csv", "거부 2/4행", importId));
        JsonNode opened = apply.last("openTask");
        assertThat(opened.path("errors")).as("validation messages before ops type").isEmpty();
        assertThat(opened.at(field("거부된 행 (Rejected rows)")).asText()).isEqualTo("2");
        assertThat(opened.at(field("거부 사유 (First rejections)")).asText()).contains("line 3", "line 4");
        assertThat(apply.last("complete").path("status").asInt()).isEqualTo(204);
        Await.until("import " + importId + " applied", () -> state(importId).equals("COMPLETED") ? true : null);
        assertThat(api("admin").get("/api/v1/products/" + applied + "-1").getStatusCode()).isEqualTo(HttpStatus.OK);

        String cancelled = Long.toString(System.nanoTime(), 36).toUpperCase();
        String otherImport = importWaitingForReview(cancelled);
        Chromium.Steps cancel = browser("erp-review-cancel").signIn("tasklist", "ops1").openFilter("All tasks")
                .openTask(otherImport).claim().choose(CANCEL).complete().run();
        assertThat(cancel.last("complete").path("status").asInt()).isEqualTo(204);
        Await.until("import " + otherImport + " cancelled", () -> state(otherImport).equals("FAILED") ? true : null);
        assertThat(api("admin").get("/api/v1/products/" + cancelled + "-1").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** Two bad rows in four: above the review threshold (5 %), so the import waits for ops. */
    private String importWaitingForReview(String prefix) {
        String file = """
                product_code,name,spec,category,unit,list_price,cost,active
                %1$s-1,Good 1,,CAT,EA,100,50,Y
                %1$s-2,=HYPERLINK(evil),,CAT,EA,100,50,Y
                %1$s-3,Negative,,CAT,EA,-5,50,Y
                %1$s-4,Good 4,,CAT,EA,100,50,Y
                """.formatted(prefix);
        ResponseEntity<JsonNode> accepted = upload("ops1", "/api/v1/erp/import?type=products", "file", prefix + ".csv",
                file.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        String importId = accepted.getBody().path("importId").asText();
        Await.until("import " + importId + " waiting for review", () -> state(importId).equals("REVIEW") ? true : null);
        return importId;
    }

    private String state(String importId) {
        return api("ops1").get("/api/v1/erp/sync/" + importId).getBody().path("state").asText();
    }
}
