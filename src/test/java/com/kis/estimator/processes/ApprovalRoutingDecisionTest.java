package com.kis.estimator.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default approval policy as the analysts ship it in processes/approval-routing.dmn, evaluated by
 * Camunda's DMN engine. When an analyst changes the policy in the Modeler, this test says what changed.
 */
class ApprovalRoutingDecisionTest {

    private static DmnEngine engine;
    private static DmnDecision routing;

    @BeforeAll
    static void parseDecision() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = Files.newInputStream(Path.of("processes/approval-routing.dmn"))) {
            routing = engine.parseDecision("approval-routing", dmn);
        }
    }

    @ParameterizedTest(name = "total {0} won, discount {1} %, margin {2} % -> {3}")
    @CsvSource(delimiter = ';', value = {
            "10000000; 10; 20; approver",
            "10000001; 10; 20; approver,manager",
            " 5000000; 10.5; 20; approver,manager",
            "50000000; 20; 20; approver,manager",
            "50000001; 0; 20; approver,manager,director",
            " 3000000; 25; 20; approver,manager,director",
            " 3000000; 0; 4.9; approver,director",
            "60000000; 30; 2; approver,manager,director",
            " 3000000; 0; 5; approver"})
    void levelsFollowTotalDiscountAndMargin(double total, double discount, double margin, String expected) {
        assertThat(levels(total, discount, margin, "A")).containsExactly(expected.split(","));
    }

    @Test
    void customerTierDoesNotChangeTheDefaultPolicy() {
        assertThat(levels(20_000_000, 5, 15, "VIP")).isEqualTo(levels(20_000_000, 5, 15, "C"));
    }

    @Test
    void anyPriceAnomalyAddsTheManager() {
        assertThat(levels(3_000_000, 0, 20, "A", 1)).containsExactly("approver", "manager");
        assertThat(levels(3_000_000, 0, 20, "A", 0)).containsExactly("approver");
        assertThat(levels(60_000_000, 0, 20, "A", 2)).containsExactly("approver", "manager", "director");
    }

    private static List<String> levels(double total, double discount, double margin, String tier) {
        return levels(total, discount, margin, tier, 0);
    }

    /** The groups in approval order, each once: what the approval process will create user tasks for. */
    private static List<String> levels(double total, double discount, double margin, String tier, int anomalies) {
        var result = engine.evaluateDecisionTable(routing, Map.of("total", total, "maxDiscountPercent", discount,
                "marginPercent", margin, "customerTier", tier, "anomalyCount", anomalies));
        return result.getResultList().stream()
                .sorted(Comparator.comparing(row -> (Integer) row.get("level")))
                .map(row -> (String) row.get("group"))
                .distinct()
                .toList();
    }
}
