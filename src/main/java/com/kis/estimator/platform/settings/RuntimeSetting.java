package com.kis.estimator.platform.settings;

/**
 * A setting administrators may change at runtime: a whole number between {@code min} and {@code max}, whose
 * default comes from the application's configuration until someone overrides it.
 */
public record RuntimeSetting(String key, String description, long min, long max, long defaultValue) {

    public boolean accepts(long value) {
        return value >= min && value <= max;
    }
}
