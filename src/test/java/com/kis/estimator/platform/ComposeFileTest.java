package com.kis.estimator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Docker does not run on the build machines, so {@code docker-compose.yml} is read instead: every file it mounts
 * from the repository exists (a renamed script would otherwise break the stack only on the day it is started),
 * Keycloak runs in production mode on PostgreSQL, and PostgreSQL archives its WAL through the backup scripts.
 */
class ComposeFileTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        try (Reader file = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(file);
            return (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyMountedRepositoryFileExists() throws IOException {
        int mounts = 0;
        for (Map<String, Object> service : services().values()) {
            for (String volume : (List<String>) service.getOrDefault("volumes", List.of())) {
                String source = volume.split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(Path.of(source)).as(volume).exists();
                    mounts++;
                }
            }
        }
        assertThat(mounts).isGreaterThan(5);
    }

    @Test
    @SuppressWarnings("unchecked")
    void keycloakRunsInProductionModeOnPostgres() throws IOException {
        Map<String, Object> keycloak = services().get("keycloak");
        List<String> command = (List<String>) keycloak.get("command");
        Map<String, String> environment = (Map<String, String>) keycloak.get("environment");

        assertThat(command.get(0)).isEqualTo("start");
        assertThat(environment).containsEntry("KC_DB", "postgres");
        assertThat(environment.get("KC_DB_URL")).startsWith("jdbc:postgresql://postgres:");
        assertThat(environment.get("KC_BOOTSTRAP_ADMIN_PASSWORD")).as("no default admin password").contains(":?");
    }

    @Test
    @SuppressWarnings("unchecked")
    void postgresArchivesItsWalThroughTheMountedBackupScript() throws IOException {
        Map<String, Object> postgres = services().get("postgres");
        String archiveCommand = ((List<String>) postgres.get("command")).stream()
                .filter(setting -> setting.startsWith("archive_command=")).findFirst().orElseThrow();
        List<String> volumes = (List<String>) postgres.get("volumes");

        assertThat(archiveCommand).contains("/opt/kis/deploy/backup/archive-wal.sh %p %f ");
        assertThat(volumes).contains("./deploy/backup:/opt/kis/deploy/backup:ro");
        assertThat(Files.isExecutable(Path.of("deploy/backup/archive-wal.sh"))).isTrue();
    }
}
