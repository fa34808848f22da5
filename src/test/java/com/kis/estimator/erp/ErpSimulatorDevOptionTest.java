package com.kis.estimator.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kis.estimator.erp.simulator.ErpSimulator;

/** The local demo's ERP (kis.erp.simulator.enabled): seeded from docs/samples, behind its bearer token. */
@SpringBootTest(properties = {"kis.erp.simulator.enabled=true", "kis.erp.simulator.port=0",
        "kis.erp.pull.token=demo-token"})
class ErpSimulatorDevOptionTest {

    @DynamicPropertySource
    static void freshDataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("kis-embedded-sim-").toString();
        registry.add("kis.data-dir", () -> dataDir);
    }

    @Autowired ErpSimulator simulator;

    @Test
    void servesTheSampleProductsToTheTokenOnly() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/products?page=0&size=10"))
                .header("Authorization", "Bearer demo-token").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/products"))
                .build(), HttpResponse.BodyHandlers.ofString());

        JsonNode items = new ObjectMapper().readTree(page.body()).get("items");
        assertThat(items).hasSize(4);
        assertThat(items.findValuesAsText("품목코드")).contains("MCCB-3P-100");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }
}
