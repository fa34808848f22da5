package com.kis.estimator.platform.crypto;

import org.springframework.stereotype.Component;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** {@code @Convert(converter = EncryptedString.class)}: the attribute is plaintext in Java, ciphertext in the table. */
@Component
@Converter
public class EncryptedString implements AttributeConverter<String, String> {

    private final ColumnCipher cipher;

    EncryptedString(ColumnCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return cipher.encrypt(attribute);
    }

    @Override
    public String convertToEntityAttribute(String column) {
        return cipher.decrypt(column);
    }
}
