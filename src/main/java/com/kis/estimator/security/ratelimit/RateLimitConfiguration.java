package com.kis.estimator.security.ratelimit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.kis.estimator.platform.settings.RuntimeSettingDeclarations;
import com.kis.estimator.platform.settings.RuntimeSettings;
import com.kis.estimator.platform.web.ProblemWriter;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    /** Placed by the API's security chain after authentication, so that limits count per signed-in user. */
    @Bean
    RateLimitFilter rateLimitFilter(RateLimiter limiter, RateLimitProperties properties, ProblemWriter problems,
            RuntimeSettings settings) {
        return new RateLimitFilter(limiter, properties, problems, settings);
    }

    /** Each rule's limit can be changed at runtime by an administrator ({@code rate-limits.<rule>.limit}). */
    @Bean
    RuntimeSettingDeclarations rateLimitSettings(RateLimitProperties properties) {
        return () -> properties.rules().entrySet().stream()
                .map(rule -> RateLimitFilter.limitSetting(rule.getKey(), rule.getValue()))
                .toList();
    }

    /** Boot would register every Filter bean for all paths; this one runs only inside the API chain. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilterRegistration(RateLimitFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
