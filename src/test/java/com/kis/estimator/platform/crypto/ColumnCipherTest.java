package com.kis.estimator.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ColumnCipherTest {

    static final String K1 = key('1');
    static final String K2 = key('2');
    static final String INDEX = key('i');

    @Test
    void roundTripsWithAFreshIvEveryTime() {
        ColumnCipher cipher = new ColumnCipher(Map.of("k1", K1), "k1", INDEX);

        String first = cipher.encrypt("1248100998");
        String second = cipher.encrypt("1248100998");

        assertThat(first).startsWith("enc:v1:k1:").isNotEqualTo(second).doesNotContain("1248100998");
        assertThat(cipher.decrypt(first)).isEqualTo("1248100998");
        assertThat(cipher.decrypt(second)).isEqualTo("1248100998");
        assertThat(cipher.decrypt(cipher.encrypt("김영업 과장"))).isEqualTo("김영업 과장");
        assertThat(cipher.encrypt(null)).isNull();
    }

    @Test
    void aChangedCiphertextFailsItsTagInsteadOfDecryptingToSomethingElse() {
        ColumnCipher cipher = new ColumnCipher(Map.of("k1", K1), "k1", INDEX);
        String stored = cipher.encrypt("010-1234-5678");
        byte[] packed = Base64.getDecoder().decode(stored.substring("enc:v1:k1:".length()));
        packed[packed.length - 20] ^= 1;
        String tampered = "enc:v1:k1:" + Base64.getEncoder().encodeToString(packed);

        assertThatThrownBy(() -> cipher.decrypt(tampered)).hasMessageContaining("fails its authentication tag");
    }

    @Test
    void rotationReadsOldValuesWritesNewOnesAndFinallyDropsTheOldKey() {
        ColumnCipher before = new ColumnCipher(Map.of("k1", K1), "k1", INDEX);
        String old = before.encrypt("1248100998");
        ColumnCipher during = new ColumnCipher(Map.of("k1", K1, "k2", K2), "k2", INDEX);

        assertThat(during.needsReencryption(old)).isTrue();
        String moved = during.encrypt(during.decrypt(old));
        assertThat(moved).startsWith("enc:v1:k2:");
        assertThat(during.needsReencryption(moved)).isFalse();

        ColumnCipher after = new ColumnCipher(Map.of("k2", K2), "k2", INDEX);
        assertThat(after.decrypt(moved)).isEqualTo("1248100998");
        assertThatThrownBy(() -> after.decrypt(old)).hasMessageContaining("key 'k1', which is not configured");
    }

    @Test
    void plaintextFromBeforeEncryptionIsReadAndMarkedForEncryption() {
        ColumnCipher cipher = new ColumnCipher(Map.of("k1", K1), "k1", INDEX);

        assertThat(cipher.decrypt("1248100998")).isEqualTo("1248100998");
        assertThat(cipher.needsReencryption("1248100998")).isTrue();
    }

    @Test
    void blindIndexesMatchForEqualValuesOnlyAndDoNotDependOnTheColumnKey() {
        ColumnCipher one = new ColumnCipher(Map.of("k1", K1), "k1", INDEX);
        ColumnCipher two = new ColumnCipher(Map.of("k2", K2), "k2", INDEX);

        assertThat(one.blindIndex("1248100998")).hasSize(64).isEqualTo(two.blindIndex("1248100998"))
                .isNotEqualTo(one.blindIndex("1248100999"));
    }

    @Test
    void badKeysAreRefusedWithTheSettingNamed() {
        assertThatThrownBy(() -> new ColumnCipher(Map.of("k1", Base64.getEncoder().encodeToString(new byte[16])), "k1", INDEX))
                .hasMessageContaining("kis.encryption.keys.k1 must be 32 bytes");
        assertThatThrownBy(() -> new ColumnCipher(Map.of("k1", K1), "k9", INDEX))
                .hasMessageContaining("current-key 'k9' is not among the keys");
        assertThatThrownBy(() -> new ColumnCipher(Map.of("k1", K1), "k1", null))
                .hasMessageContaining("kis.encryption.index-key is not set");
    }

    private static String key(char fill) {
        return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes());
    }
}
