package com.kis.estimator.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash of one audit row: SHA-256 over its position in the chain, its content and the hash of the row before.
 * Each field is written with its length first, so that no choice of values can make two different rows hash
 * alike by shifting text between fields.
 */
final class AuditHash {

    static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    static String of(AuditRow row, long seq, String previous) {
        StringBuilder canonical = new StringBuilder();
        for (Object field : new Object[] {seq, row.id(), micros(row.occurredAt()), row.userId(), row.traceId(),
                row.clientIp(), row.action(), row.target(), row.outcome(), row.detail(), previous}) {
            String text = field == null ? "" : field.toString();
            canonical.append(field == null ? -1 : text.length()).append(':').append(text).append(';');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }
}
