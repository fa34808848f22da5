package com.kis.estimator.pricing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class PricingCoreArchitectureTest {

    @Test
    void pricingCoreUsesPlainJavaOnly() {
        var pricing = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.kis.estimator.pricing");

        classes().that().resideInAPackage("com.kis.estimator.pricing..")
                .and().doNotHaveSimpleName("package-info")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.kis.estimator.pricing..")
                .because("the pricing rules must be readable and testable without Spring, JPA or the web")
                .check(pricing);
    }
}
