package com.kis.estimator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.kis.estimator.ApplicationProcess;

/**
 * The jar the build made, started with {@code java -jar} away from the repository, as an operator would: it deploys
 * the process models and loads the Camel routes packed into it; a {@code processes/} folder beside it overrides
 * the packed models. Runs after {@code package} (Maven's failsafe, in {@code ./mvnw verify}).
 */
class PackagedJarIT {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final Path jar = Path.of(System.getProperty("kis.jar", "target/kis-estimator.jar")).toAbsolutePath();

    @Test
    void startsAnywhereWithThePackedModelsAndRoutes(@TempDir Path somewhere) throws Exception {
        ApplicationProcess app = start(somewhere);
        try {
            app.awaitUp();

            assertThat(app.log()).contains("process resources in the application (processes/ packaged at build)")
                    .contains("Started erp-file-inbox");
            HttpResponse<String> created = app.post("/api/v1/estimates", "sales1",
                    "{\"customerCode\":\"C-SEJIN\",\"items\":[{\"productCode\":\"MCB-1P-16\",\"quantity\":3}]}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            Matcher id = ID.matcher(created.body());
            assertThat(id.find()).isTrue();
            String estimate = "/api/v1/estimates/" + id.group(1);
            assertThat(app.post(estimate + "/submit", "sales1", "{}").statusCode()).isEqualTo(202);
            int approved = 0;
            for (int attempt = 0; attempt < 120 && approved != 202; attempt++) { // its task opens asynchronously
                approved = app.post(estimate + "/approve", "approver1",
                        "{\"decision\":\"APPROVE\",\"comment\":\"packed models\"}").statusCode();
                TimeUnit.MILLISECONDS.sleep(500);
            }
            assertThat(approved).as("the packed approval process and its routing table").isEqualTo(202);
        } finally {
            app.stop();
        }
    }

    @Test
    void aProcessesFolderBesideTheJarOverridesThePackedModels(@TempDir Path beside) throws Exception {
        Path folder = Files.createDirectories(beside.resolve("processes"));
        try (Stream<Path> models = Files.walk(Path.of("processes"))) {
            for (Path model : models.filter(Files::isRegularFile).toList()) {
                Path copy = folder.resolve(Path.of("processes").relativize(model).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(model, copy);
            }
        }
        Files.copy(Path.of("src/test/resources/processes-fixture/fixture-review.bpmn"),
                folder.resolve("fixture-review.bpmn"));
        ApplicationProcess app = start(beside);
        try {
            app.awaitUp();

            assertThat(app.log()).contains("process resources in " + folder);
            assertThat(app.get("/engine-rest/process-definition/key/fixture-review", "admin").statusCode())
                    .as("a model only the folder has").isEqualTo(200);
        } finally {
            app.stop();
        }
    }

    private ApplicationProcess start(Path workingDirectory) {
        assertThat(jar).as("the packaged application (run by ./mvnw verify after package)").isRegularFile();
        return ApplicationProcess.fromJar(jar, workingDirectory, ApplicationProcess.freePort(),
                workingDirectory.resolve("app.log"), List.of("--kis.data-dir=" + workingDirectory.resolve("data")));
    }
}
