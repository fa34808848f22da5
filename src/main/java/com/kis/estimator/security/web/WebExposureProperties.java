package com.kis.estimator.security.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code kis.web.*}: which browser origins may call the API (the web UI's), and how large a JSON request body and
 * the request headers may be (uploads have their own multipart limits).
 */
@ConfigurationProperties("kis.web")
public record WebExposureProperties(@DefaultValue List<String> allowedOrigins,
        @DefaultValue("2MB") DataSize maxJsonBody, @DefaultValue("16KB") DataSize maxHeaderSize) {
}
