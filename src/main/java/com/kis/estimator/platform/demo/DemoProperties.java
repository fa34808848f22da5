package com.kis.estimator.platform.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled create the demo users (password = user name) at start; true only in the embedded default
 */
@ConfigurationProperties("kis.demo")
public record DemoProperties(boolean enabled) {
}
