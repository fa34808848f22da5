package com.kis.estimator.platform.web;

import java.lang.annotation.ElementType;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;

import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bean validation checks request bodies and settings only: no entity carries constraints. Hibernate Validator
 * would otherwise ask JPA, for every property of every line of a request, whether it is loaded yet; that was a
 * quarter of the cost of validating a 20-line estimate. Should an entity ever be validated with this validator,
 * lazy associations would be loaded to check them.
 */
@Configuration(proxyBeanMethods = false)
class RequestValidation {

    @Bean
    ValidationConfigurationCustomizer everythingIsReachable() {
        return configuration -> configuration.traversableResolver(new EverythingReachable());
    }

    private static final class EverythingReachable implements TraversableResolver {

        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToBean,
                ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToBean,
                ElementType elementType) {
            return true;
        }
    }
}
