package com.kis.estimator.platform.workflow.doors;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What an attacker sends through Camunda's own doors, for the tests of the engine's rules. */
final class CamundaDoors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CamundaDoors() {
    }

    /** {@code POST /engine-rest/deployment/create} with one BPMN file, as the Modeler deploys. */
    static ResponseEntity<JsonNode> deploy(TestRestTemplate caller, String name, String bpmn) {
        return deployFile(caller, name, name + ".bpmn", bpmn.getBytes(StandardCharsets.UTF_8));
    }

    static ResponseEntity<JsonNode> deployFile(TestRestTemplate caller, String name, String fileName, byte[] content) {
        var body = new LinkedMultiValueMap<String, Object>();
        if (name != null) {
            body.add("deployment-name", name);
        }
        body.add("deployment-source", "modeler");
        body.add("data", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return caller.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** A one-step process whose service task runs the given expression, under a key of its own. */
    static String oneStep(String key, String expression) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d-%1$s" targetNamespace="t">
                  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="Start"/>
                    <bpmn:serviceTask id="Run" camunda:expression="%2$s" camunda:resultVariable="out"/>
                    <bpmn:endEvent id="End"/>
                    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Run"/>
                    <bpmn:sequenceFlow id="f2" sourceRef="Run" targetRef="End"/>
                  </bpmn:process>
                </bpmn:definitions>""".formatted(key, expression.replace("'", "&apos;"));
    }

    static String uniqueKey(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The expression of issue 18's attack: reads the identity service from inside the server. */
    static final String CODE_IN_THE_SERVER = "${'x'.concat(execution.getProcessEngineServices().getIdentityService()"
            + ".createUserQuery().count().toString())}";

    /**
     * A browser session of Camunda's webapps on the embedded default: Camunda's login form with its CSRF token,
     * then the webapps' own API as Tasklist calls it.
     */
    static final class WebappSession {

        private final HttpClient client;
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final String base;

        private WebappSession(String base) {
            this.base = base;
            this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
        }

        static WebappSession signIn(int port, String user) throws Exception {
            WebappSession session = new WebappSession("http://localhost:" + port);
            session.client.send(HttpRequest.newBuilder(URI.create(session.base + "/camunda/app/tasklist/default/")).build(),
                    HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> login = session.client.send(HttpRequest.newBuilder(
                            URI.create(session.base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-XSRF-TOKEN", session.csrfToken())
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 200) {
                throw new IllegalStateException(user + " could not sign in to Tasklist: " + login.statusCode());
            }
            return session;
        }

        String csrfToken() {
            return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).reduce((first, last) -> last).orElse("");
        }

        /** {@code POST} with JSON as Tasklist sends it, with or without the webapps' CSRF header. */
        Answer post(String path, String json, boolean withCsrfToken) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (withCsrfToken) {
                request.header("X-XSRF-TOKEN", csrfToken());
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        }

        Answer get(String path) throws Exception {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        }
    }

    record Answer(int status, String body) {

        JsonNode json() throws Exception {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        }
    }
}
