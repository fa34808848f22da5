package com.kis.estimator.security.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.Chromium;
import com.kis.estimator.KeycloakTestServer;
import com.kis.estimator.PostgresIntegrationTest;
import com.kis.estimator.TestTokens;

/**
 * The production sign-in to Tasklist in Chromium: Keycloak's own login pages, the password and then the TOTP page
 * for a role that needs a second factor; "Log out" in Tasklist's user menu ends the application's session and
 * Keycloak's, so the next visit asks for the password again.
 */
@Tag("browser")
@PostgresIntegrationTest
class KeycloakSignInInChromiumTest {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;

    @BeforeEach
    void thisContextsEngine() {
        ProcessEngines.registerProcessEngine(engine);
    }

    @Test
    void anApproverGivesPasswordThenTotpAndSigningOutEndsBothSessions() {
        String otp = TestTokens.freshTotp("approver1", TestTokens.OTP_SEEDS.get("approver1"));

        Chromium.Steps steps = browser("keycloak-approver")
                .step("keycloakSignIn", "app", "tasklist", "user", "approver1", "otp", otp)
                .step("openApp", "app", "tasklist")
                .step("signOut")
                .step("openApp", "app", "tasklist")
                .run();

        JsonNode signIn = steps.at(0);
        String keycloak = java.net.URI.create(KeycloakTestServer.get().issuer()).getAuthority();
        assertThat(signIn.at("/pages/0/host").asText()).isEqualTo(keycloak);
        assertThat(signIn.at("/pages/0/fields").toString()).contains("username", "password");
        assertThat(signIn.at("/pages/1/host").asText()).isEqualTo(keycloak);
        assertThat(signIn.at("/pages/1/fields").toString()).contains("otp").doesNotContain("password");
        assertThat(signIn.path("url").asText()).startsWith(app("/camunda/app/tasklist/"));
        assertThat(signIn.path("user").asText()).isNotBlank();
        assertThat(steps.at(1).path("onKeycloakLogin").asBoolean()).as("still signed in before signing out").isFalse();

        assertThat(steps.at(2).path("onKeycloakLogin").asBoolean())
                .as("Keycloak's login page after signing out, through %s", steps.at(2).path("visited"))
                .isTrue();
        assertThat(steps.at(3).path("onKeycloakLogin").asBoolean())
                .as("the next visit asks for the password: neither session survived").isTrue();
        assertThat(steps.at(3).path("url").asText()).contains(keycloak);
    }

    @Test
    void aSalespersonWithoutASecondFactorRoleGivesOnlyThePassword() {
        Chromium.Steps steps = browser("keycloak-sales")
                .step("keycloakSignIn", "app", "tasklist", "user", "sales1").run();

        JsonNode signIn = steps.at(0);
        assertThat(signIn.path("pages")).hasSize(1);
        assertThat(signIn.path("url").asText()).startsWith(app("/camunda/app/tasklist/"));
    }

    private Chromium browser(String scenario) {
        return Chromium.at(app(""), scenario);
    }

    private String app(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
