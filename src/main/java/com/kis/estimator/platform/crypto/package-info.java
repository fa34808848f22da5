/**
 * Encryption of personal and business identifiers at rest: {@link com.kis.estimator.platform.crypto.ColumnCipher}
 * (AES-256-GCM per value, keys by id for rotation), the JPA converter
 * {@link com.kis.estimator.platform.crypto.EncryptedString} and blind indexes for exact lookups.
 */
@org.springframework.modulith.NamedInterface("crypto")
package com.kis.estimator.platform.crypto;
