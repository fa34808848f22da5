package com.kis.estimator;

import java.util.List;

import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Puts {@link OpenApiContract} into every RestTemplate of every test application context, the autowired
 * TestRestTemplate included, so no API test can skip the check by accident. Registered in
 * META-INF/spring.factories. Templates built by hand add it through {@link JsonHttp}.
 */
public class OpenApiContractInTests implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configs) {
        return new Customizer();
    }

    /** A record: equal to every other, so test contexts stay shared. */
    private record Customizer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            RestTemplateCustomizer check = template -> template.getInterceptors().add(new OpenApiContract(
                    () -> context.getEnvironment().getProperty("local.server.port", Integer.class, -1)));
            context.getBeanFactory().registerSingleton("openApiContract", check);
        }
    }
}
