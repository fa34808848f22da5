package com.kis.estimator.administration;

import static com.kis.estimator.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.JsonHttp;
import com.kis.estimator.PostgresIntegrationTest;

/** Runtime settings through the API: declared, validated, stored in shared.system_configs and audited. */
@PostgresIntegrationTest
class SettingsApiTest {

    private static final String KEY = "rate-limits.ai.limit";

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;

    @Test
    void anAdministratorOverridesASettingAndEveryChangeIsAudited() {
        JsonHttp admin = JsonHttp.as(rest, "admin");
        JsonNode listed = admin.get("/api/v1/admin/settings").getBody();
        assertThat(listed.findValuesAsText("key")).contains("rate-limits.estimates.limit", KEY, "rate-limits.auth.limit");

        JsonNode changed = admin.put("/api/v1/admin/settings/" + KEY, "{\"value\":25}").getBody();

        assertThat(changed.path("value").asLong()).isEqualTo(25);
        assertThat(changed.path("defaultValue").asLong()).isEqualTo(50);
        assertThat(changed.path("updatedBy").asText()).isEqualTo("admin");
        assertThat(jdbc.queryForObject("SELECT config_value FROM shared.system_configs WHERE config_key = ?",
                String.class, KEY)).isEqualTo("25");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM shared.audit_logs WHERE action = 'config.change' "
                + "AND target = ? AND outcome = '50->25' AND user_id = 'admin'", Integer.class, KEY)).isEqualTo(1);

        assertThat(admin.delete("/api/v1/admin/settings/" + KEY).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(admin.get("/api/v1/admin/settings/" + KEY).getBody().path("value").asLong()).isEqualTo(50);
    }

    @Test
    void badValuesAndUnknownSettingsAreRefusedAndChangeNothing() {
        JsonHttp admin = JsonHttp.as(rest, "admin");

        assertProblem(admin.put("/api/v1/admin/settings/" + KEY, "{\"value\":0}"), HttpStatus.UNPROCESSABLE_ENTITY,
                "/problems/business-rule", "value");
        assertProblem(admin.put("/api/v1/admin/settings/" + KEY, "{\"value\":\"many\"}"), HttpStatus.BAD_REQUEST,
                "/problems/malformed-request");
        assertProblem(admin.put("/api/v1/admin/settings/" + KEY, "{}"), HttpStatus.BAD_REQUEST, "/problems/validation");
        assertProblem(admin.put("/api/v1/admin/settings/no.such.setting", "{\"value\":1}"), HttpStatus.NOT_FOUND,
                "/problems/not-found");
        assertProblem(JsonHttp.as(rest, "ops1").put("/api/v1/admin/settings/" + KEY, "{\"value\":5}"),
                HttpStatus.FORBIDDEN, "/problems/forbidden");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM shared.system_configs WHERE config_key IN (?, ?)",
                Integer.class, KEY, "no.such.setting")).isZero();
    }
}
