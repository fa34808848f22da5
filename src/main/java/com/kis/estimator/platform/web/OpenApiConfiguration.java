package com.kis.estimator.platform.web;

import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/** The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}) covers {@code /api/**}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI kisOpenApi(ObjectProvider<BuildProperties> build) {
        String version = build.getIfAvailable() != null ? build.getIfAvailable().getVersion() : "dev";
        return new OpenAPI().info(new Info()
                .title("KIS Estimator API")
                .version(version)
                .description("Estimates (견적), catalog, approval, ERP import, OCR intake and AI scoring. "
                        + "Errors are RFC 7807 application/problem+json with a stable type; see docs/api-conventions.md."));
    }
}
