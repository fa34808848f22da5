package com.kis.estimator.erp.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.kis.estimator.erp.importing.CsvRecords;

/**
 * The local demo's ERP (kis.erp.simulator.enabled): the simulator on kis.erp.simulator.port, seeded with the
 * sample files of docs/samples, answering the token kis.erp.pull.token. Refused on the prod profile.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kis.erp.simulator.enabled", havingValue = "true")
class ErpSimulatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ErpSimulatorConfiguration.class);

    @Bean(destroyMethod = "close")
    ErpSimulator erpSimulator(@Value("${kis.erp.simulator.port}") int port, @Value("${kis.erp.pull.token}") String token,
            org.springframework.core.env.Environment environment) throws IOException {
        if (environment.matchesProfiles("prod")) {
            throw new IllegalStateException("The ERP simulator is for the local demo; it does not run on the prod profile");
        }
        ErpSimulator simulator = ErpSimulator.start(port, token);
        for (String type : new String[] {"products", "customers", "prices"}) {
            seed(simulator, type, Path.of("docs/samples", type + ".csv"));
        }
        log.warn("DEMO: ERP simulator at {} (token from kis.erp.pull.token)", simulator.baseUrl());
        return simulator;
    }

    private static void seed(ErpSimulator simulator, String type, Path sample) throws IOException {
        if (!Files.exists(sample)) {
            return;
        }
        CsvRecords records = new CsvRecords(Files.newBufferedReader(sample, StandardCharsets.UTF_8));
        var header = records.next().cells();
        int row = 0;
        while (records.hasNext()) {
            var cells = records.next().cells();
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < cells.size(); i++) {
                values.put(header.get(i), cells.get(i));
            }
            simulator.put(type, type + "-" + row++, values);
        }
    }
}
