package com.kis.estimator.catalog.customer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import com.kis.estimator.catalog.BusinessRegistrationNumber;

/** A valid 사업자등록번호, with or without hyphens; {@code null} is left to {@code @NotBlank}. */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidBusinessRegistrationNumber.Validator.class)
public @interface ValidBusinessRegistrationNumber {

    String message() default "is not a valid business registration number (10 digits with a matching check digit)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidBusinessRegistrationNumber, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || BusinessRegistrationNumber.isValid(value);
        }
    }
}
