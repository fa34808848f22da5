package com.kis.estimator.platform.crypto;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kis.encryption.*}: the column keys (id → 32 random bytes, base64), which one encrypts new values, and the
 * separate key of the blind indexes. Old keys stay listed until {@link ColumnReencryption} has moved every value
 * to the current one. In production the keys come from Vault or a KMS through the environment.
 */
@ConfigurationProperties("kis.encryption")
public record EncryptionProperties(Map<String, String> keys, String currentKey, String indexKey) {

    public EncryptionProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }
}
