package com.kis.estimator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(KisEstimatorApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublishedInterfaces() {
        modules.verify();
    }

    @Test
    void platformIsAModuleThatPublishesOnlyItsWebConventions() {
        var platform = modules.getModuleByName("platform").orElseThrow();
        assertThat(platform.getNamedInterfaces().stream().map(ni -> ni.getName()))
                .contains("web");
        assertThat(platform.getNamedInterfaces().getByName("web").orElseThrow()
                .contains(com.kis.estimator.platform.web.ApiProblemException.class)).isTrue();
    }
}
