package com.kis.estimator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.kis.estimator.AlertWatch;
import com.kis.estimator.Await;
import com.kis.estimator.DrillLoad;
import com.kis.estimator.PostgresTestDatabase;
import com.kis.estimator.ProdClient;
import com.kis.estimator.ReplicaCluster;
import com.kis.estimator.erp.simulator.ErpSimulator;
import com.kis.estimator.ocr.RfqPages;
import com.kis.estimator.ocr.RfqSamples;

/**
 * Issue 22's cluster drill: two replicas on the production profile behind nginx ({@link ReplicaCluster}), six
 * sales clients creating and submitting and two approvers approving through nginx; one replica is killed with
 * SIGKILL mid-load. The other must go on serving (requests cut off with the dead replica are asked again, as
 * their clients would), finish the work the dead one had started (its job locks given back by the dead-node sweep,
 * not by Camunda's 5-minute expiry), and after the restart of the dead one every acknowledged creation,
 * submission and approval is there once, every approved estimate has exactly one outbound message, the models
 * are deployed once, and no job lock is held past its lease.
 *
 * <p>The mix also holds the other work a replica does in the background. The replica killed is the one whose inbox
 * is importing a product snapshot from the ERP at that moment: the import finishes once, all of it, with its
 * report. RFQ scans uploaded just before the kill are each read once (one set of pages, one review task). The
 * outbound feed delivers every approved estimate to an ERP stand-in, a message the dead replica was sending
 * included.
 */
@Tag("drill")
class ClusterCrashDrillTest {

    private static final String CUSTOMER = "T-CL-C";
    private static final String PRODUCT = "T-CL-1";
    private static final String ESTIMATE = "{\"customerCode\":\"" + CUSTOMER + "\",\"items\":[{\"productCode\":\""
            + PRODUCT + "\",\"quantity\":3}]}";
    private static final String ERP_TOKEN = "drill-erp-token";
    private static final int SNAPSHOT_PRODUCTS = 20_000;
    private static final int DOCUMENTS = 3;
    /** Less than Camunda's lock time (5 minutes): an estimate still stuck then waited for a dead lock. */
    private static final Duration SETTLING_LIMIT = Duration.ofMinutes(4);

    @Test
    void whenOneReplicaDiesTheOtherFinishesItsWorkAndNothingIsLostOrDoneTwice() throws Exception {
        try (ErpSimulator erp = ErpSimulator.start(0, ERP_TOKEN);
                ReplicaCluster cluster = new ReplicaCluster("kis_it_cluster", Map.of("kis.rate-limits.enabled", "false",
                        "kis.erp.outbound.url", erp.baseUrl() + "/estimates", "kis.erp.pull.token", ERP_TOKEN,
                        "kis.erp.outbound.poll-period", "300", "kis.erp.inbox.poll-delay", "500")).start();
                AlertWatch alerts = AlertWatch.start(cluster.ports())) {
            PostgresTestDatabase database = cluster.database();
            ProdClient front = new ProdClient(cluster.base());
            front.catalog(PRODUCT, CUSTOMER);
            long definitionsBefore = database.count("SELECT count(*) FROM camunda.act_re_procdef");

            DrillLoad load = new DrillLoad(front, ESTIMATE).start();
            double perSecond = load.awaitAcknowledged(30, 10);
            List<String> documents = uploadRfqs(front);
            Path snapshot = dropProductSnapshot(cluster);
            Await.until("the import of " + snapshot.getFileName() + " running", () ->
                    database.count("SELECT count(*) FROM erp_ai.erp_sync_logs") > 0 ? true : null);
            int flying = load.inFlight();
            long killed = System.nanoTime();
            cluster.kill(0);
            List<String> importAtKill = database.column("SELECT state FROM erp_ai.erp_sync_logs");
            List<String> documentsAtKill = database.column("SELECT status FROM erp_ai.document_processing ORDER BY id");
            // the other replica carries on alone: more approvals acknowledged after the kill than before it
            int approvedAtKill = load.approvedSoFar();
            int createdAtKill = load.createdSoFar();
            load.awaitAcknowledged(0, approvedAtKill + 10);
            long aloneMs = (System.nanoTime() - killed) / 1_000_000;
            double perSecondAlone = (load.createdSoFar() - createdAtKill) / (aloneMs / 1000.0);
            load.stop();
            DrillLoad.Outcome outcome = load.check(front, SETTLING_LIMIT);
            long settledMs = (System.nanoTime() - killed) / 1_000_000;

            long restarting = System.nanoTime();
            cluster.restart(0);
            long restartMs = (System.nanoTime() - restarting) / 1_000_000;
            String unsettled = awaitQuiet(SETTLING_LIMIT, () -> backgroundWorkOpen(database));
            long quietMs = (System.nanoTime() - killed) / 1_000_000;
            List<String> imports = database.column("SELECT state || ' ' || coalesce(outcome, '') FROM erp_ai.erp_sync_logs"
                    + " ORDER BY started_at");
            long activeProducts = database.count("SELECT count(*) FROM estimator.products WHERE active");
            boolean reported = Files.exists(cluster.data().resolve("erp/inbox/done/" + snapshot.getFileName()
                    + ".report.txt"));
            Set<String> approvedNumbers = Set.copyOf(database.column(
                    "SELECT number FROM estimator.estimates WHERE status = 'APPROVED'"));
            List<String> delivered = erp.received().stream().map(body -> body.path("estimateNumber").asText()).toList();
            long deliveredTwice = delivered.size() - Set.copyOf(delivered).size();
            List<String> documentStates = database.column("SELECT status FROM erp_ai.document_processing ORDER BY id");
            long reviewTasks = database.count("SELECT count(*) FROM camunda.act_ru_task t JOIN camunda.act_re_procdef d"
                    + " ON d.id_ = t.proc_def_id_ WHERE d.key_ = 'document-intake'");
            long pagesStored = database.count("SELECT count(*) FROM erp_ai.document_pages");
            long pagesCounted = database.count("SELECT coalesce(sum(page_count), 0) FROM erp_ai.document_processing");
            long approvedEstimates = database.count("SELECT count(*) FROM estimator.estimates WHERE status = 'APPROVED'");
            long outbound = database.count("SELECT count(*) FROM erp_ai.erp_outbound");
            long definitionsAfter = database.count("SELECT count(*) FROM camunda.act_re_procdef");
            long locksPastLease = database.count("SELECT count(*) FROM camunda.act_ru_job WHERE lock_owner_ IS NOT NULL"
                    + " AND lock_exp_time_ < CURRENT_TIMESTAMP");
            long incidents = database.count("SELECT count(*) FROM camunda.act_ru_incident");
            // raised() first: it waits for Prometheus to catch up, the count read after it is as fresh
            Map<String, String> raised = alerts.raised();
            double jobsTakenOver = alerts.query("sum(kis_workflow_dead_node_jobs_released_total)").path(0)
                    .path("value").path(1).asDouble();
            List<String> panelsWithoutData = alerts.dashboardSeries().entrySet().stream()
                    .filter(panel -> panel.getValue() == 0).map(Map.Entry::getKey).toList();

            System.out.printf("Drill kill -9 of one of two replicas behind nginx (prod profile): %d created, %d "
                    + "submitted and %d approved acknowledged (%.1f estimates created per second by %s; %.1f with "
                    + "the survivor alone, %d more approvals in %d ms), %d requests in flight at the kill, %d cut off "
                    + "(502 from nginx or no answer; done all the same: %d), %d answered 5xx by the application; "
                    + "lost: %d creations, %d submissions, %d approvals; decided twice: %d; approved but not yet "
                    + "APPROVED when the load stopped: %d, still after %s: %d (all settled %d ms after the kill, "
                    + "before the dead replica came back); dead replica healthy again in %d ms; %d APPROVED "
                    + "estimates, %d outbound messages; process definitions %d before, %d after the restart; job "
                    + "locks past their lease %d; incidents %d; the ERP import %s at the kill: %s (%d active "
                    + "products of %d, report %s); RFQ scans %s at the kill: %s, %d review tasks, %d pages stored "
                    + "of %d read; the ERP received %d messages for %d APPROVED estimates (%d twice); background "
                    + "work settled %d ms after the kill%s; %.0f jobs of the dead replica taken over; alerts "
                    + "raised: %s; dashboard queries without data: %s%n",
                    outcome.created(), outcome.submitted(), outcome.approved(), perSecond,
                    DrillLoad.clientsDescription(), perSecondAlone, outcome.approved() - approvedAtKill, aloneMs,
                    flying, outcome.cutOff(), outcome.doneUnanswered(), outcome.serverErrors(),
                    outcome.lostCreations().size(), outcome.lostSubmissions().size(), outcome.lostApprovals().size(),
                    outcome.decidedTwice().size(), outcome.stuckAtFirstLook(), SETTLING_LIMIT, outcome.stuck().size(),
                    settledMs, restartMs, approvedEstimates, outbound, definitionsBefore, definitionsAfter,
                    locksPastLease, incidents, importAtKill, imports, activeProducts, SNAPSHOT_PRODUCTS + 1,
                    reported ? "written" : "missing", documentsAtKill, documentStates, reviewTasks, pagesStored,
                    pagesCounted, delivered.size(), approvedNumbers.size(), deliveredTwice, quietMs,
                    unsettled.isEmpty() ? "" : " (NOT settled: " + unsettled + ")", jobsTakenOver, raised,
                    panelsWithoutData);

            assertThat(outcome.lostCreations()).as("creations answered 201 before the kill").isEmpty();
            assertThat(outcome.lostSubmissions()).as("submissions answered 202 before the kill").isEmpty();
            assertThat(outcome.lostApprovals()).as("approvals answered 202 before the kill").isEmpty();
            assertThat(outcome.decidedTwice()).as("estimates with more than one decision").isEmpty();
            assertThat(outcome.serverErrors()).as("requests the application answered 5xx").isZero();
            assertThat(outcome.approved()).as("the survivor went on approving").isGreaterThanOrEqualTo(approvedAtKill + 10);
            assertThat(outcome.stuck()).as("approved estimates waiting for the dead replica's job locks").isEmpty();
            assertThat(outbound).as("one outbound message per approved estimate").isEqualTo(approvedEstimates);
            assertThat(definitionsAfter).as("the restarted replica deployed nothing twice").isEqualTo(definitionsBefore);
            assertThat(locksPastLease).as("job locks held past their lease").isZero();
            assertThat(incidents).as("incidents").isZero();
            assertThat(unsettled).as("background work still open %s after the kill", SETTLING_LIMIT).isEmpty();
            assertThat(imports).as("the import that was running when its replica died").hasSize(1)
                    .allSatisfy(run -> assertThat(run).startsWith("COMPLETED"));
            assertThat(activeProducts).as("every product of the snapshot imported").isEqualTo(SNAPSHOT_PRODUCTS + 1);
            assertThat(reported).as("the inbox's report of the import").isTrue();
            assertThat(documentStates).as("each scan read and extracted").hasSize(DOCUMENTS)
                    .containsOnly("EXTRACTED");
            assertThat(reviewTasks).as("one review task per scan").isEqualTo(DOCUMENTS);
            assertThat(pagesStored).as("each page read once").isEqualTo(pagesCounted).isPositive();
            assertThat(Set.copyOf(delivered)).as("the ERP received every APPROVED estimate").isEqualTo(approvedNumbers);
            if (jobsTakenOver > 0) {
                assertThat(raised).as("alerts raised by the drill").containsEntry("KisProcessDied", "firing");
            }
            assertThat(panelsWithoutData).as("dashboard panels empty after a drill that did all of it but model"
                    + " serving, with no 5xx").allMatch(panel -> panel.startsWith("5xx per endpoint")
                            || panel.startsWith("Model serving"));
            assertThat(raised).as("alerts raised by the drill").doesNotContainKeys("KisIncidentsOpen",
                    "KisErpImportFailed", "KisErpOutboundDead", "KisAuditChainBroken");
        }
    }

    /**
     * What is still open of the background work: the import (RUNNING or REVIEW), outbound messages not SENT, scans
     * not yet extracted. Empty when all of it is done.
     */
    private static String backgroundWorkOpen(PostgresTestDatabase database) {
        List<String> open = new ArrayList<>();
        open.addAll(database.column("SELECT 'import ' || state FROM erp_ai.erp_sync_logs WHERE state IN"
                + " ('RUNNING', 'REVIEW')"));
        open.addAll(database.column("SELECT 'outbound ' || message_key || ' ' || state || ' attempts ' || attempts"
                + " || ' claimed by ' || coalesce(claimed_by, '-') || ' due ' || next_attempt_at"
                + " FROM erp_ai.erp_outbound WHERE state <> 'SENT'"));
        open.addAll(database.column("SELECT 'scan ' || status FROM erp_ai.document_processing WHERE status IN"
                + " ('RECEIVED', 'OCR_DONE')"));
        return String.join("; ", open);
    }

    /** Waits for {@code open} to answer empty, at most {@code limit}; its last answer. */
    private static String awaitQuiet(Duration limit, Supplier<String> open) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String last = open.get();
        while (!last.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            last = open.get();
        }
        return last;
    }

    /** RFQ scans as a salesperson uploads them, through nginx; their document ids. */
    private static List<String> uploadRfqs(ProdClient front) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            RfqPages.Rfq rfq = RfqSamples.rfq(2200 + i, 3);
            var accepted = front.upload("sales1", "/api/v1/ocr/process", "rfq-" + rfq.documentNumber() + ".png",
                    "image/png", RfqPages.png(RfqPages.page(rfq)));
            assertThat(accepted.statusCode()).as("upload of an RFQ scan: %s", accepted.body()).isEqualTo(202);
            ids.add(ProdClient.field(accepted.body(), "documentId"));
        }
        return ids;
    }

    /**
     * A full product snapshot as the ERP exports it: the drill's own product unchanged (so the load goes on) and
     * {@value #SNAPSHOT_PRODUCTS} more; written aside, then moved into the inbox, as docs/erp-import.md asks.
     */
    private static Path dropProductSnapshot(ReplicaCluster cluster) throws IOException {
        StringBuilder csv = new StringBuilder("품목코드,품목명,규격,분류,단위,판매단가,원가,사용여부\n");
        csv.append(PRODUCT).append(",시험 차단기,,BREAKER,EA,10000,7000,Y\n");
        for (int i = 1; i <= SNAPSHOT_PRODUCTS; i++) {
            csv.append(String.format("T-IMP-%05d,시험 품목 %d,,BREAKER,EA,%d,%d,Y%n", i, i, 1000 + i, 600 + i));
        }
        Path inbox = Files.createDirectories(cluster.data().resolve("erp/inbox/products"));
        Path aside = Files.writeString(cluster.data().resolve("products-snapshot.csv"), csv);
        return Files.move(aside, inbox.resolve("products-snapshot.csv"), StandardCopyOption.ATOMIC_MOVE);
    }
}
