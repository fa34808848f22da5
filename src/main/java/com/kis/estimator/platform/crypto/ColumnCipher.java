package com.kis.estimator.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for single column values. A stored value reads {@code enc:v1:<key id>:<base64 of IV, ciphertext and
 * tag>}: a fresh 12-byte IV per value, so equal values do not look equal, and the key id, so that values written
 * under an old key stay readable while they are re-encrypted under the new one. Values without the prefix are
 * plaintext written before encryption was switched on; they are read as they are and re-encrypted by
 * {@link ColumnReencryption}. Exact lookups use a blind index: HMAC-SHA-256 under a key of its own.
 */
public final class ColumnCipher {

    static final String PREFIX = "enc:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys;
    private final String currentKey;
    private final SecretKey indexKey;
    private final SecureRandom random = new SecureRandom();

    public ColumnCipher(Map<String, String> base64Keys, String currentKey, String base64IndexKey) {
        Map<String, SecretKey> parsed = new HashMap<>();
        base64Keys.forEach((id, key) -> {
            if (!id.matches("[A-Za-z0-9_-]{1,20}")) {
                throw new IllegalArgumentException("Encryption key id '" + id + "' must be 1–20 letters, digits, - or _");
            }
            parsed.put(id, aesKey(id, key));
        });
        if (!parsed.containsKey(currentKey)) {
            throw new IllegalArgumentException("kis.encryption.current-key '" + currentKey + "' is not among the keys "
                    + parsed.keySet());
        }
        this.keys = Map.copyOf(parsed);
        this.currentKey = currentKey;
        this.indexKey = new SecretKeySpec(decode("index-key", base64IndexKey), "HmacSHA256");
    }

    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKey), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + currentKey + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        String keyId = stored.substring(PREFIX.length(), colon);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("A value is encrypted under key '" + keyId
                    + "', which is not configured (kis.encryption.keys); keep old keys until re-encryption has run");
        }
        byte[] packed = Base64.getDecoder().decode(stored.substring(colon + 1));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, packed, 0, IV_BYTES));
            return new String(cipher.doFinal(packed, IV_BYTES, packed.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A value under key '" + keyId + "' fails its authentication tag: "
                    + "it was changed, or the key is wrong", e);
        }
    }

    /** True when a stored value is plaintext or under a key other than the current one. */
    public boolean needsReencryption(String stored) {
        return stored != null && !stored.startsWith(PREFIX + currentKey + ":");
    }

    /** The blind index of a value: equal values give equal indexes, and nothing can be read back from it. */
    public String blindIndex(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            return HexFormat.of().formatHex(mac.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 failed", e);
        }
    }

    public String currentKey() {
        return currentKey;
    }

    private static SecretKey aesKey(String id, String base64) {
        byte[] bytes = decode("keys." + id, base64);
        if (bytes.length != 32) {
            throw new IllegalArgumentException("kis.encryption.keys." + id + " must be 32 bytes (AES-256), base64; was "
                    + bytes.length + " bytes");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static byte[] decode(String what, String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("kis.encryption." + what + " is not set");
        }
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kis.encryption." + what + " is not valid base64", e);
        }
    }
}
