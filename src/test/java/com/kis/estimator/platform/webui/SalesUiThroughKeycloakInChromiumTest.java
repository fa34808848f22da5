package com.kis.estimator.platform.webui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.Chromium;
import com.kis.estimator.JsonHttp;
import com.kis.estimator.KeycloakTestServer;
import com.kis.estimator.PostgresIntegrationTest;
import com.kis.estimator.TestTokens;

/**
 * The salesperson's day of {@link SalesUiInChromiumTest} in production: the sales web UI signed in through
 * Keycloak (the realm's {@code kis-web} client, the server keeping the tokens, ADR 0010), approver1 deciding in
 * Tasklist after Keycloak's password and TOTP pages, the salesperson's page showing the decision by itself; then
 * signing out of the UI ends Keycloak's session too, so the next sign-in asks for the password again.
 */
@Tag("browser")
@PostgresIntegrationTest
class SalesUiThroughKeycloakInChromiumTest {

    private final String run = Long.toString(System.nanoTime(), 36).toUpperCase();
    private final String customer = "T-KC-" + run;
    private final String product = "T-KB-" + run;

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired TestRestTemplate rest;

    @BeforeEach
    void thisContextsEngineAndACatalog() {
        ProcessEngines.registerProcessEngine(engine);
        JsonHttp admin = JsonHttp.as(rest, "admin");
        assertThat(admin.post("/api/v1/products", """
                {"code":"%s","name":"통합로그인 차단기 %s","category":"BREAKER","unit":"EA","listPrice":52000,"cost":39000}"""
                .formatted(product, run)).getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(admin.post("/api/v1/customers", """
                {"code":"%s","name":"(주)통합전기 %s","businessRegistrationNumber":"124-81-00998","tier":"B"}"""
                .formatted(customer, run)).getStatusCode().is2xxSuccessful()).isTrue();
    }

    @Test
    void aSalespersonsDaySignedInThroughKeycloakWithTheApprovalDecidedInTasklist() {
        String otp = TestTokens.freshTotp("approver1", TestTokens.OTP_SEEDS.get("approver1"));
        Chromium.Steps day = Chromium.at(app(""), "web-ui-keycloak").step("openUi", "path", "/estimates")
                .step("keycloakSignInUi", "user", "sales1")
                .step("writeEstimate", "customer", "통합전기 " + run, "customerOption", "(" + customer + ")", "lines",
                        List.of(Map.of("search", "통합로그인 차단기", "option", "(" + product + ")", "quantity", 4)))
                .step("estimateStep", "name", "승인 요청")
                .step("readEstimate")
                .step("as", "who", "approver")
                .step("keycloakSignIn", "app", "tasklist", "user", "approver1", "otp", otp)
                .openFilter("My group's approvals")
                .step("openTask", "name", "${writeEstimate.number}").claim().choose("승인 (Approve)").complete()
                .step("as", "who", "main")
                .step("waitForStatus", "status", "승인")
                .step("estimateStep", "name", "고객에게 발송")
                .step("recordOutcome", "outcome", "수주")
                .step("readEstimate").step("axe")
                .step("signOutUi")
                .step("openUi", "path", "/estimates/new")
                .step("keycloakLinkUi")
                .run();

        String keycloak = URI.create(KeycloakTestServer.get().issuer()).getAuthority();
        JsonNode signIn = day.last("keycloakSignInUi");
        assertThat(day.at(0).path("url").asText()).endsWith("/sign-in?from=%2Festimates");
        assertThat(signIn.at("/pages/0/host").asText()).isEqualTo(keycloak);
        assertThat(signIn.path("pages")).as("a salesperson gives no second factor").hasSize(1);
        assertThat(signIn.path("url").asText()).as("back where the page asked").isEqualTo(app("/estimates"));
        assertThat(signIn.path("user").asText()).isEqualTo("sales1");

        JsonNode written = day.last("writeEstimate");
        assertThat(written.path("total").asText()).as("the server's preview, then the same total saved")
                .matches("[0-9,]+원").isEqualTo(written.path("savedTotal").asText());
        JsonNode submitted = day.all("readEstimate").get(0);
        assertThat(submitted.path("status").asText()).isEqualTo("승인 요청");
        assertThat(submitted.path("waiting").toString()).contains("단계 1", "approver");
        assertThat(day.last("keycloakSignIn").path("pages")).as("approver1: password, then TOTP").hasSize(2);
        assertThat(day.last("waitForStatus").path("reloaded").asBoolean()).isFalse();
        assertThat(day.last("waitForStatus").path("decisions").toString()).contains("approver1");
        assertThat(day.last("recordOutcome").path("status").asText()).isEqualTo("수주");
        JsonNode won = day.all("readEstimate").get(1);
        assertThat(won.path("pdf").path("magic").asText()).isEqualTo("%PDF-");
        assertThat(won.path("history").toString()).contains("상태 변경: 승인", "상태 변경: 수주");
        assertThat(day.last("axe").path("violations")).as(day.last("axe").toString()).isEmpty();

        assertThat(day.last("signOutUi").path("url").asText()).as("through Keycloak's end of session, back")
                .startsWith(app("/sign-in"));
        assertThat(day.last("openUi").path("url").asText()).contains("/sign-in?from=%2Festimates%2Fnew");
        assertThat(day.last("keycloakLinkUi").path("onKeycloakLogin").asBoolean())
                .as("Keycloak's session ended with the UI's: the next sign-in asks for the password").isTrue();
    }

    private String app(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
