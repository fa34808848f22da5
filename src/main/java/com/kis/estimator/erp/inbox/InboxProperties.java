package com.kis.estimator.erp.inbox;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ERP file inbox (camel-routes/erp-file-inbox.yaml).
 *
 * @param enabled      whether this instance polls the inbox; with several replicas on one shared folder, enable
 *                     it on one of them
 * @param directory    holds {@code products/}, {@code customers/} and {@code prices/} for dropped files, and
 *                     {@code done/} and {@code error/} where they end with their reports
 * @param fullSnapshot whether inbox files are full exports (what they no longer list is deactivated)
 * @param encoding     {@code auto} to detect, or a charset name such as {@code CP949}
 */
@ConfigurationProperties("kis.erp.inbox")
public record InboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("./data/erp/inbox") Path directory,
        @DefaultValue("true") boolean fullSnapshot,
        @DefaultValue("auto") String encoding) {

    Path done() {
        return directory.resolve("done");
    }

    Path error() {
        return directory.resolve("error");
    }
}
