package com.kis.estimator.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EncryptionProperties.class)
class CryptoConfiguration {

    /** The embedded default's keys are in application.yaml for anyone to read: production must bring its own. */
    static final String DEMO_KEY_FINGERPRINT = "kis-demo-only";

    @Bean
    ColumnCipher columnCipher(EncryptionProperties properties, Environment environment) {
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            properties.keys().forEach((id, key) -> refuseDemoKey("keys." + id, key));
            refuseDemoKey("index-key", properties.indexKey());
        }
        return new ColumnCipher(properties.keys(), properties.currentKey(), properties.indexKey());
    }

    private static void refuseDemoKey(String name, String base64) {
        if (base64 != null && new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.ISO_8859_1)
                .startsWith(DEMO_KEY_FINGERPRINT)) {
            throw new IllegalStateException("Refusing to start with the prod profile: kis.encryption." + name
                    + " is the public demo key; set KIS_ENCRYPTION_KEY and KIS_ENCRYPTION_INDEX_KEY (32 random bytes, base64)");
        }
    }
}
