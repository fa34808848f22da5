package com.kis.estimator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kis.estimator.Await;
import com.kis.estimator.Chromium;
import com.kis.estimator.PostgresTestDatabase;
import com.kis.estimator.ProdClient;
import com.kis.estimator.ReplicaCluster;
import com.kis.estimator.TestTokens;

/**
 * Issue 22: an approver's Tasklist and a salesperson's web UI through nginx keep working when the replica serving
 * them dies. Sessions live in PostgreSQL (Spring Session JDBC, ADR 0011), so neither is sent to Keycloak again
 * nor shown a login form. The salesperson signs in to the web UI first; the approver signs in (password and TOTP)
 * and opens the approvals filter; the replica nginx keeps the browser on is killed; the approver opens and claims
 * the task on the other; the first comes back (and nginx takes it back) and the other is killed; the approver
 * approves; the salesperson reads the approved estimate. The decision is made on a replica started after the
 * sign-in, which never held those sessions in its memory.
 */
@Tag("drill")
class TasklistAcrossReplicasDrillTest {

    private static final String CUSTOMER = "T-TL-C";
    private static final String PRODUCT = "T-TL-1";
    private static final String MY_APPROVALS = "My group's approvals";
    private static final String APPROVE = "승인 (Approve)";
    private static final Duration RESTART_LIMIT = Duration.ofMinutes(6);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TASKLIST = "/camunda/app/tasklist/";
    private static final String SESSIONS_OF = "SELECT count(*) FROM shared.web_session WHERE principal_name = ?";

    @Test
    void theApproverKeepsTheirTasklistSessionWhileEachReplicaDiesInTurn() throws Exception {
        try (ReplicaCluster cluster = new ReplicaCluster("kis_it_tasklist_replicas",
                Map.of("kis.rate-limits.enabled", "false", ReplicaCluster.WEBAPPS, "true")).start()) {
            ProdClient api = new ProdClient(cluster.base());
            api.catalog(PRODUCT, CUSTOMER);
            HttpResponse<String> created = api.send("sales1", "POST", "/api/v1/estimates", "{\"customerCode\":\""
                    + CUSTOMER + "\",\"items\":[{\"productCode\":\"" + PRODUCT + "\",\"quantity\":3}]}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            long id = ProdClient.id(created.body());
            String number = JSON.readTree(created.body()).path("number").asText();
            HttpResponse<String> submitted = api.send("sales1", "POST", "/api/v1/estimates/" + id + "/submit", "{}");
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
            PostgresTestDatabase database = cluster.database();
            Await.until("the approval task of " + number, () ->
                    database.count("SELECT count(*) FROM camunda.act_ru_task") > 0 ? true : null);

            Chromium.HandOver handOver = new Chromium.HandOver();
            String otp = TestTokens.freshTotp("approver1", TestTokens.OTP_SEEDS.get("approver1"));
            CompletableFuture<Chromium.Steps> approver = Chromium.at(cluster.base(), "tasklist-across-replicas")
                    .timeout(RESTART_LIMIT.multipliedBy(2))
                    .step("as", "who", "sales")
                    .step("openUi", "path", "/estimates")
                    .step("keycloakSignInUi", "user", "sales1")
                    .step("as", "who", "approver")
                    .step("keycloakSignIn", "app", "tasklist", "user", "approver1", "otp", otp)
                    .openFilter(MY_APPROVALS)
                    .handOver(handOver, "first-replica-dies")
                    .openTask(number).claim()
                    .handOver(handOver, "second-replica-dies")
                    .choose(APPROVE).complete()
                    .step("openApp", "app", "tasklist")
                    .step("as", "who", "sales")
                    .step("openUi", "path", "/estimates/" + id)
                    .step("waitForStatus", "status", "승인")
                    .step("readEstimate")
                    .start();

            List<Long> sessions = new ArrayList<>();
            // nginx keeps a browser on one replica (ip_hash; the browser and this test share 127.0.0.1): it dies first
            int first = cluster.serving(TASKLIST);
            int second = 1 - first;
            handOver.awaitReached("first-replica-dies", approver, RESTART_LIMIT);
            sessions.add(database.count(SESSIONS_OF, "approver1"));
            cluster.kill(first);
            handOver.release("first-replica-dies");

            handOver.awaitReached("second-replica-dies", approver, RESTART_LIMIT);
            long restarting = System.nanoTime();
            cluster.restart(first);
            long restartMs = (System.nanoTime() - restarting) / 1_000_000;
            // until nginx has taken it back (Tasklist and the UI kept asking while it was down), the other's death
            // would leave nginx no replica: a double fault, not this drill
            cluster.awaitTakenBack(first);
            cluster.kill(second);
            handOver.release("second-replica-dies");

            Chromium.Steps steps;
            try {
                steps = approver.join();
            } catch (java.util.concurrent.CompletionException failed) {
                throw new AssertionError("nginx's error log:\n" + cluster.front().errorLog(), failed.getCause());
            }
            sessions.add(database.count(SESSIONS_OF, "approver1"));
            JsonNode completed = steps.last("complete");
            JsonNode afterwards = steps.last("openApp");
            String decidedBy = database.value(
                    "SELECT string_agg(approver, ',') FROM estimator.estimate_approvals WHERE estimate_id = ?", id);
            JsonNode salesView = steps.last("readEstimate");
            System.out.printf("Drill Tasklist across replicas behind nginx: approver1 signed in (password and TOTP), "
                    + "replica %d (the browser's) killed before opening the task, back in %d ms, replica %d killed "
                    + "before approving; Complete answered %s; Tasklist afterwards %s; decision by %s; sales1's web "
                    + "UI, signed in before both deaths, shows %s as %s; sessions in PostgreSQL %s%n", first + 1,
                    restartMs, second + 1, completed.path("status"),
                    (afterwards.path("onKeycloakLogin").asBoolean() ? "on Keycloak's login page" : "still signed in")
                            + (afterwards.path("firstLoad").isNull() ? "" : " (after a reload: the first load stuck, "
                                    + afterwards.path("firstLoad") + ")"),
                    decidedBy, salesView.path("number").asText(), salesView.path("status").asText(), sessions);

            assertThat(steps.last("claim").path("fields").isMissingNode()).as("the claim showed the form").isFalse();
            assertThat(completed.path("status").asInt()).as("Complete in Tasklist: %s", completed).isBetween(200, 299);
            assertThat(afterwards.path("onKeycloakLogin").asBoolean()).as("signed in all along").isFalse();
            assertThat(decidedBy).as("the decision recorded for the estimate").isEqualTo("approver1");
            Await.until(number + " APPROVED", () -> "APPROVED".equals(
                    database.value("SELECT status FROM estimator.estimates WHERE id = ?", id)) ? true : null);
            assertThat(sessions.get(0)).as("the approver's session kept in PostgreSQL").isEqualTo(1L);
            assertThat(salesView.path("number").asText()).as("sales1's web UI, signed in all along").isEqualTo(number);
            assertThat(salesView.path("status").asText()).isEqualTo("승인");
        }
    }
}
