package com.kis.estimator.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * docs/security.md shows the policy table as {@link Role} declares it. When a role or permission changes, this
 * test fails and prints the table to paste, so the document cannot drift from the code.
 */
class PolicyTableDocumentTest {

    @Test
    void docsShowTheDeclaredPolicyTable() throws IOException {
        String document = Files.readString(Path.of("docs/security.md"));

        assertThat(document).as("docs/security.md must contain this table:%n%s", table()).contains(table());
    }

    static String table() {
        String header = "| permission | " + Arrays.stream(Role.values()).map(Role::id).collect(Collectors.joining(" | ")) + " |\n"
                + "|---|" + ":---:|".repeat(Role.values().length) + "\n";
        return header + Arrays.stream(Permission.values())
                .map(permission -> "| `" + permission.code() + "`" + (permission.needsMfa() ? " (MFA)" : "") + " | "
                        + Arrays.stream(Role.values()).map(role -> role.grants(permission) ? "✔" : "")
                                .collect(Collectors.joining(" | ")) + " |")
                .collect(Collectors.joining("\n")) + "\n";
    }
}
