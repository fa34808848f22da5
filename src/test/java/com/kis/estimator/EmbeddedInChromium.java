package com.kis.estimator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The application as the README starts it, the embedded default (demo users, Camunda's login page, the model
 * trained at start), for tests that use it through Chromium as its users do. The browser test classes of every
 * feature extend this one, so they share one application.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EmbeddedInChromium {

    @DynamicPropertySource
    static void freshDataDirectory(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("kis-chromium-");
        registry.add("kis.data-dir", dataDir::toString);
        // The browser tests walk many salespeople's days as the same few users within minutes, far beyond one
        // person's quarter of an hour; RateLimitTest checks the limits with instances of its own.
        registry.add("kis.rate-limits.enabled", () -> "false");
    }

    @LocalServerPort protected int port;
    @Autowired protected TestRestTemplate http;
    @Autowired protected ProcessEngine engine;
    @Autowired protected IdentityService identity;

    private ProcessEngine registeredBefore;

    @BeforeEach
    void thisContextsEngine() {
        // Camunda's webapps find their engine in a JVM-wide registry shared by the test contexts
        registeredBefore = ProcessEngines.getProcessEngine(engine.getName());
        ProcessEngines.registerProcessEngine(engine);
        // the model trained at start scores the estimates, as on a newcomer's first run
        Await.until("the win model serving", () -> api("analyst1").get("/api/v1/ai/models").getBody()
                .path("serving").isNumber() ? true : null);
    }

    @AfterEach
    void theEngineRegisteredBefore() {
        if (registeredBefore != null && registeredBefore != engine) {
            ProcessEngines.registerProcessEngine(registeredBefore);
        }
    }

    protected Chromium browser(String scenario) {
        return Chromium.at("http://127.0.0.1:" + port, scenario);
    }

    /** The API as a demo user (HTTP Basic, password = user name). */
    protected JsonHttp api(String user) {
        return new JsonHttp(http.withBasicAuth(user, user));
    }

    /** A multipart upload as a demo user, the file under the part name {@code file} or {@code data}. */
    protected ResponseEntity<JsonNode> upload(String user, String path, String part, String fileName, byte[] content,
            Map<String, String> fields) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        fields.forEach(parts::add);
        parts.add(part, new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, user).postForEntity(path, new HttpEntity<>(parts, headers), JsonNode.class);
    }

    /** A Camunda user in these groups, password = id, as Camunda Admin would create one. */
    protected String user(String id, String... groups) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(id);
            user.setLastName("Test");
            user.setPassword(id);
            identity.saveUser(user);
            for (String group : groups) {
                identity.createMembership(id, group);
            }
        }
        assertThat(identity.createUserQuery().userId(id).count()).isOne();
        return id;
    }

    /** The names of the tasks a task list step showed. */
    protected static List<String> names(JsonNode tasksStep) {
        List<String> names = new ArrayList<>();
        tasksStep.path("tasks").forEach(task -> names.add(task.path("name").asText()));
        return names;
    }

    /** A form field's label as a JSON pointer segment, to read {@code /fields/<label>} of a form step. */
    protected static String field(String label) {
        return "/fields/" + label.replace("~", "~0").replace("/", "~1");
    }
}
