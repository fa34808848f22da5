package com.kis.estimator.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Where the Camel YAML routes come from unless {@code KIS_CAMEL_ROUTES} says: the {@code camel-routes/} folder
 * when the application runs where there is one (the repository, a deployment that mounts it), else the copies the
 * build packed into the application. Without this, {@code java -jar} started elsewhere found no folder and ran
 * with no ERP inbox, pull or outbound feed at all, and said nothing. Same rule as the process models.
 */
class CamelRoutesFolder implements EnvironmentPostProcessor {

    static final String PROPERTY = "kis.camel.routes";
    private static final String FOLDER = "camel-routes";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String routes = Files.isDirectory(Path.of(FOLDER)) ? "file:" + FOLDER + "/*.yaml" : "classpath:" + FOLDER + "/*.yaml";
        // last: application.yaml and every setting of the deployment outrank it
        environment.getPropertySources().addLast(new MapPropertySource("kis-camel-routes-folder", Map.of(PROPERTY, routes)));
    }
}
