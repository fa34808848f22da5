package com.kis.estimator.security.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kis.estimator.PostgresIntegrationTest;
import com.kis.estimator.SubmittedEstimates;
import com.kis.estimator.TestTokens;

/**
 * Signing in to Camunda's webapps through Keycloak as a browser does: redirect to the realm's login page, the
 * password form, the TOTP form where the role needs one, back with the code. Then Camunda knows the user, its
 * Keycloak groups decide Tasklist's candidate tasks, and Cockpit and Admin open only for ops and admin.
 */
@PostgresIntegrationTest
class CamundaWebappLoginTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;

    @BeforeEach
    void thisContextsEngine() {
        // Camunda's webapps find their engine in a JVM-wide registry, which contexts that other test classes
        // started and closed in this JVM may have changed.
        ProcessEngines.registerProcessEngine(engine);
    }

    @Test
    void opsSignsInThroughKeycloakAndMayOpenCockpitAndAdmin() throws Exception {
        Browser browser = signIn("ops1");

        JsonNode me = browser.json("/camunda/api/admin/auth/user/default");
        assertThat(me.path("userId").asText()).isEqualTo("ops1");
        assertThat(me.path("authorizedApps").toString()).contains("cockpit", "admin", "tasklist");
    }

    @Test
    void salesMayOpenTasklistButNotCockpitOrAdmin() throws Exception {
        Browser browser = signIn("sales2");

        JsonNode me = browser.json("/camunda/api/admin/auth/user/default");
        assertThat(me.path("userId").asText()).isEqualTo("sales2");
        assertThat(me.path("authorizedApps").toString()).contains("tasklist").doesNotContain("cockpit", "admin");
    }

    @Test
    void approverGivesTheirTotpAndSeesTheTasksOfTheirKeycloakGroup() throws Exception {
        String number = submittedEstimateNumber();

        Browser browser = signIn("approver1");

        JsonNode tasks = browser.json("/camunda/api/engine/engine/default/task?processInstanceBusinessKey=" + number);
        assertThat(tasks.findValuesAsText("name")).singleElement().asString().startsWith(number);
        assertThat(browser.json("/camunda/api/admin/auth/user/default").path("authorizedApps").toString())
                .doesNotContain("cockpit");
    }

    @Test
    void aSalespersonNeverSeesCamundasSetupAndCannotMakeAnyoneAnAdministrator() throws Exception {
        Browser browser = signIn("sales1");
        HttpResponse<String> tasklist = browser.get(app("/camunda/app/tasklist/default/"));
        assertThat(tasklist.statusCode()).as("Tasklist itself, not a redirect to the setup page").isEqualTo(200);

        HttpResponse<String> setup = browser.postJson("/camunda/api/admin/setup/default/user/create",
                "{\"profile\":{\"id\":\"sales2\"},\"credentials\":{\"password\":\"sales2sales2\"}}");

        assertThat(setup.statusCode()).isEqualTo(403);
        assertThat(setup.body()).contains("/problems/forbidden", "setup is closed");
        assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("camunda-admin").userId("sales2").count())
                .isZero();
        assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("camunda-admin").count()).isPositive();
    }

    @Test
    void anApproverDecidesInTasklistWithTheirSecondFactorButCannotForgeTheFacts() throws Exception {
        String number = submittedEstimateNumber();
        Browser browser = signIn("approver1");
        String taskId = browser.json("/camunda/api/engine/engine/default/task?processInstanceBusinessKey=" + number)
                .path(0).path("id").asText();
        String submit = "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form";

        HttpResponse<String> forged = browser.postJson(submit,
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"marginPercent\":{\"value\":99}}}");
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
        assertThat(forged.body()).contains("marginPercent");
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isOne();

        HttpResponse<String> approved = browser.postJson(submit,
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"comment\":{\"value\":\"OTP 로그인\"}}}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isZero();
    }

    @Test
    void withoutSigningInTheWebappsSendTheBrowserToKeycloak() throws Exception {
        Browser browser = new Browser();

        HttpResponse<String> first = browser.get(app("/camunda/app/cockpit/default/"));

        assertThat(first.statusCode()).isEqualTo(302);
        HttpResponse<String> second = browser.get(browser.location(first));
        assertThat(browser.location(second).toString()).contains("/realms/kis/protocol/openid-connect/auth",
                "client_id=kis-camunda", "code_challenge_method=S256");
    }

    /** The web UI's sign-in link starts the same flow with its own client; the UI is told where to sign out. */
    @Test
    void theWebUiSignsInWithItsOwnClientThroughTheServer() throws Exception {
        Browser browser = new Browser();

        HttpResponse<String> session = browser.get(app("/api/v1/auth/session"));
        assertThat(session.body()).contains("\"signIn\":\"keycloak\"",
                "\"signInUrl\":\"/oauth2/authorization/kis-web\"", "\"signOutUrl\":\"/logout\"");
        HttpResponse<String> toKeycloak = browser.get(app("/oauth2/authorization/kis-web"));
        assertThat(browser.location(toKeycloak).toString()).contains("/realms/kis/protocol/openid-connect/auth",
                "client_id=kis-web", "code_challenge_method=S256", "redirect_uri=")
                .doesNotContain("client_secret");
    }

    private String submittedEstimateNumber() {
        return SubmittedEstimates.submitted(rest, "T-WEB");
    }

    /** The authorization code flow with Keycloak's own login pages, as a browser walks it. */
    private Browser signIn(String user) throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> page = browser.follow(browser.get(app("/camunda/app/tasklist/default/")));
        page = browser.follow(browser.postForm(action(page), Map.of("username", user, "password", user)));
        if (page.body().contains("name=\"otp\"")) {
            String code = TestTokens.freshTotp(user, TestTokens.OTP_SEEDS.get(user));
            page = browser.follow(browser.postForm(action(page), Map.of("otp", code)));
        }
        assertThat(page.uri().toString()).as("back in the webapp after the login, not on %s", feedback(page))
                .startsWith(app("/camunda/").toString());
        return browser;
    }

    /** Keycloak's message on a login page that came back (wrong password, expired session…). */
    private static String feedback(HttpResponse<String> page) {
        Matcher message = Pattern.compile("(?s)(kc-feedback-text|alert-error|pf-m-danger)[^>]*>(.{0,200})").matcher(page.body());
        if (message.find()) {
            return message.group(2).replaceAll("<[^>]+>", " ").strip();
        }
        Matcher title = Pattern.compile("(?s)<h1[^>]*>(.{0,200}?)</h1>").matcher(page.body());
        return page.statusCode() + " " + (title.find() ? title.group(1).replaceAll("<[^>]+>", " ").strip() : page.uri());
    }

    private URI app(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static URI action(HttpResponse<String> page) {
        Matcher form = FORM_ACTION.matcher(page.body());
        assertThat(form.find()).as("a login form on %s", page.uri()).isTrue();
        return URI.create(form.group(1).replace("&amp;", "&"));
    }

    /**
     * Browsers treat http://127.0.0.1 as a secure context and send Keycloak's {@code Secure} cookies back there;
     * Java's cookie manager would not, so this one stores them without the flag.
     */
    private static final class LocalhostCookies extends CookieManager {

        LocalhostCookies() {
            super(null, CookiePolicy.ACCEPT_ALL);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) {
            headers.forEach((name, values) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    values.forEach(value -> HttpCookie.parse(value).forEach(cookie -> {
                        cookie.setSecure(false);
                        getCookieStore().add(uri, cookie);
                    }));
                }
            });
        }
    }

    /** Cookies and manual redirects, so that every hop can be seen. */
    private final class Browser {

        private final LocalhostCookies cookies = new LocalhostCookies();
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(URI uri) throws Exception {
            return client.send(HttpRequest.newBuilder(uri).header("Accept", "text/html,application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(URI uri, Map<String, String> fields) throws Exception {
            String body = new LinkedHashMap<>(fields).entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> follow(HttpResponse<String> response) throws Exception {
            Instant deadline = Instant.now().plusSeconds(30);
            while (response.statusCode() / 100 == 3 && Instant.now().isBefore(deadline)) {
                response = get(location(response));
            }
            return response;
        }

        URI location(HttpResponse<String> response) {
            return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
        }

        /** A change through the webapps' API as Tasklist sends it: JSON with the session's CSRF token. */
        HttpResponse<String> postJson(String path, String json) throws Exception {
            String csrf = cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
                    .reduce((first, last) -> last).orElse("");
            return client.send(HttpRequest.newBuilder(app(path)).header("Content-Type", "application/json")
                    .header("Accept", "application/json").header("X-XSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }

        JsonNode json(String path) throws Exception {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(app(path))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }
    }
}
