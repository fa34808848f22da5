package com.kis.estimator.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.kis.estimator.Await;
import com.kis.estimator.PostgresIntegrationTest;
import com.kis.estimator.erp.importing.CsvEncoding;
import com.kis.estimator.erp.inbox.InboxProperties;

/**
 * The ERP file inbox route on PostgreSQL: a file dropped in a type's folder is imported and ends in done/ with
 * its report; the same content again is a duplicate; a file that is no import ends in error/ with the reason.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErpInboxTest {

    private final String run = Long.toString(System.nanoTime(), 36).toUpperCase();

    @Autowired InboxProperties inbox;
    @Autowired JdbcTemplate jdbc;
    @Autowired ProcessEngine engine;

    @BeforeAll
    void registerEngine() {
        ProcessEngines.registerProcessEngine(engine);
    }

    @Test
    void aDroppedFileIsImportedOnceAndFiledWithItsReport() throws IOException {
        String p = "T-INBOX-" + run;
        String csv = "품목코드,품목명,규격,분류,단위,판매단가,원가,사용여부\n"
                + p + "-1,차단기,,BREAKER,EA,1000,600,Y\n" + p + "-2,케이블,,CABLE,M,-5,1,Y\n"
                + IntStreamRows.rows(p, 3, 40);
        drop("products", "품목-" + run + ".csv", csv.getBytes(CsvEncoding.CP949));

        Path report = await(inbox.directory().resolve("done/품목-" + run + ".csv.report.txt"));
        assertThat(Files.readString(report)).contains("state: COMPLETED", "inserted 39", "rejected 1",
                "line 3, list_price: list_price is negative (-5)");
        assertThat(inbox.directory().resolve("done/품목-" + run + ".csv")).exists();
        assertThat(inbox.directory().resolve("products/품목-" + run + ".csv")).doesNotExist();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM estimator.products WHERE code LIKE ?", Long.class,
                p + "-%")).isEqualTo(39);
        assertThat(jdbc.queryForObject("SELECT channel FROM erp_ai.erp_sync_logs WHERE file_name = ?",
                String.class, "품목-" + run + ".csv")).isEqualTo("file");

        drop("products", "again-" + run + ".csv", csv.getBytes(CsvEncoding.CP949));

        Path duplicate = await(inbox.directory().resolve("done/again-" + run + ".csv.report.txt"));
        assertThat(Files.readString(duplicate)).contains("DUPLICATE", "품목-" + run + ".csv");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM erp_ai.erp_sync_logs WHERE file_name = ?",
                Long.class, "again-" + run + ".csv")).isZero();
    }

    @Test
    void aFileThatIsNoImportEndsInErrorWithTheReason() throws IOException {
        drop("customers", "broken-" + run + ".csv", "customer_code,name\nC-1,가나\n".getBytes(StandardCharsets.UTF_8));

        Path report = await(inbox.directory().resolve("error/broken-" + run + ".csv.report.txt"));
        assertThat(Files.readString(report)).contains("REFUSED", "business_registration_number", "tier");
        assertThat(inbox.directory().resolve("error/broken-" + run + ".csv")).exists();
    }

    private void drop(String type, String name, byte[] content) throws IOException {
        Path folder = Files.createDirectories(inbox.directory().resolve(type));
        // written aside and moved in, as an ERP's export job should: the route never sees half a file
        Path part = Files.write(folder.resolveSibling(name + ".part"), content);
        Files.move(part, folder.resolve(name));
    }

    private static Path await(Path file) {
        return Await.until(file.toString(), () -> Files.exists(file) ? file : null);
    }

    /** Good product rows numbered from {@code from} to {@code to}. */
    private static final class IntStreamRows {
        static String rows(String prefix, int from, int to) {
            StringBuilder rows = new StringBuilder();
            for (int i = from; i <= to; i++) {
                rows.append(prefix).append('-').append(i).append(",품목 ").append(i).append(",,BREAKER,EA,")
                        .append(i * 100).append(',').append(i * 50).append(",Y\n");
            }
            return rows.toString();
        }
    }
}
