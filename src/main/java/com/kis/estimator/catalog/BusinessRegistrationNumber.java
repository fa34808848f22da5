package com.kis.estimator.catalog;

/**
 * 사업자등록번호: ten digits, written 123-45-67890, whose last digit is a check digit over the first nine
 * (weights 1 3 7 1 3 7 1 3 5, plus the tens of the ninth digit × 5, then the complement to ten).
 */
public final class BusinessRegistrationNumber {

    private static final int[] WEIGHTS = {1, 3, 7, 1, 3, 7, 1, 3, 5};

    private BusinessRegistrationNumber() {
    }

    /** The ten digits without separators, or {@code null} when the input is not a valid number. */
    public static String normalize(String input) {
        if (input == null) {
            return null;
        }
        String digits = input.replace("-", "").replace(" ", "");
        return digits.matches("\\d{10}") && checkDigitMatches(digits) ? digits : null;
    }

    public static boolean isValid(String input) {
        return normalize(input) != null;
    }

    /** 1018123455 → 101-81-23455 */
    public static String format(String digits) {
        return digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5);
    }

    private static boolean checkDigitMatches(String digits) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        sum += (digits.charAt(8) - '0') * 5 / 10;
        int check = (10 - sum % 10) % 10;
        return check == digits.charAt(9) - '0';
    }
}
