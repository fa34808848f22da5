package com.kis.estimator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.kis.estimator.catalog.BusinessRegistrationNumber;

class BusinessRegistrationNumberTest {

    @ParameterizedTest
    @CsvSource({"124-81-00998, 1248100998", "1248100998, 1248100998", "101 81 23455, 1018123455",
            "502-87-19082, 5028719082"})
    void acceptsNumbersWhoseCheckDigitMatches(String input, String digits) {
        assertThat(BusinessRegistrationNumber.normalize(input)).isEqualTo(digits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"124-81-00997", "123-45-67890", "12481009", "124-81-009981", "abc-de-fghij", ""})
    void rejectsWrongCheckDigitsAndShapes(String input) {
        assertThat(BusinessRegistrationNumber.isValid(input)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"1248100998, 124-81-00998"})
    void formatsWithHyphens(String digits, String formatted) {
        assertThat(BusinessRegistrationNumber.format(digits)).isEqualTo(formatted);
    }
}
