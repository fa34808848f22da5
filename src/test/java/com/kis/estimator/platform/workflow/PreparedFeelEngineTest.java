package com.kis.estimator.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The prepared FEEL engine answers exactly as Camunda's own, and parses each expression once. */
class PreparedFeelEngineTest {

    private final ScalaFeelEngine camunda = new ScalaFeelEngine(List.of());
    private final PreparedFeelEngine prepared = new PreparedFeelEngine(List.of());

    @ParameterizedTest(name = "{1} against {0}")
    @CsvSource(delimiter = '|', value = {
            "15000000 | > 10000000", "10000000 | > 10000000", "3 | [1..3]", "3 | [1..3[", "2 | 1, 2, 5",
            "7 | not(1, 2)", "4.9 | < 5", "0 | -", "12 | >= 12.0", "-1 | < 0"})
    void numericTestsAnswerAsCamundasEngine(double value, String test) {
        VariableContext variables = Variables.createVariables().putValue("total", value).asVariableContext();
        assertThat(prepared.evaluateSimpleUnaryTests(test, "total", variables))
                .isEqualTo(camunda.evaluateSimpleUnaryTests(test, "total", variables));
    }

    @ParameterizedTest(name = "{1} against {0}")
    @CsvSource(delimiter = '|', value = {
            "VIP | \"VIP\"", "A | \"VIP\", \"A\"", "C | not(\"C\")", "B | -", "B | \"b\""})
    void textTestsAnswerAsCamundasEngine(String value, String test) {
        VariableContext variables = Variables.createVariables().putValue("tier", value).asVariableContext();
        assertThat(prepared.evaluateSimpleUnaryTests(test, "tier", variables))
                .isEqualTo(camunda.evaluateSimpleUnaryTests(test, "tier", variables));
    }

    @Test
    void expressionsSeeTheVariablesOfEachCall() {
        for (int i = 0; i < 5; i++) {
            VariableContext variables = Variables.createVariables().putValue("total", 1000 * i)
                    .putValue("name", "견적-" + i).asVariableContext();
            for (String expression : List.of("total * 1.1", "name + \"!\"", "total > 2000", "\"approver\"", "1")) {
                Object ours = prepared.evaluateSimpleExpression(expression, variables);
                assertThat(ours).as(expression).isEqualTo(camunda.evaluateSimpleExpression(expression, variables));
            }
        }
        assertThat(prepared.expressionsKept()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "string length(name)", "upper case(name)", "floor(total / 3)", "date(\"2026-11-27\") + duration(\"P3D\")",
            "sum([total, 1, 2])", "contains(name, \"견적\")", "if total > 100 then \"big\" else \"small\"",
            "missing", "total + name", "[1, 2, 3][item > 1]", "{a: total}.a"})
    void builtInFunctionsAndOddInputsAnswerAsCamundasEngine(String expression) {
        VariableContext variables = Variables.createVariables().putValue("total", 1234.5)
                .putValue("name", "견적서").asVariableContext();
        Object theirs = camunda.evaluateSimpleExpression(expression, variables);
        Object ours = prepared.evaluateSimpleExpression(expression, variables);
        assertThat(ours).isEqualTo(theirs);
    }

    @Test
    void failedEvaluationsFailAsInCamundasEngine() {
        VariableContext variables = Variables.createVariables().putValue("x", 1).asVariableContext();
        for (String expression : List.of("assert(x, x > 5)", "assert(x, x > 5, \"x is too small\")")) {
            Throwable theirs = org.assertj.core.api.Assertions.catchThrowable(
                    () -> camunda.evaluateSimpleExpression(expression, variables));
            Throwable ours = org.assertj.core.api.Assertions.catchThrowable(
                    () -> prepared.evaluateSimpleExpression(expression, variables));
            assertThat(theirs).as(expression).isInstanceOf(FeelException.class);
            assertThat(ours).as(expression).isInstanceOf(FeelException.class).hasMessage(theirs.getMessage());
        }
        // a failure does not leak into the next evaluation: each call gets its own failure list
        assertThat((Object) prepared.evaluateSimpleExpression("assert(x, x > 0)", variables)).isEqualTo(1L);
    }

    @Test
    void eachExpressionIsParsedOnceHoweverOftenItRuns() {
        for (int i = 0; i < 100; i++) {
            VariableContext variables = Variables.createVariables().putValue("total", i).asVariableContext();
            assertThat(prepared.evaluateSimpleUnaryTests("> 50", "total", variables)).isEqualTo(i > 50);
        }
        assertThat(prepared.expressionsKept()).isEqualTo(1);
    }

    @Test
    void sameTextAsExpressionAndAsUnaryTestIsKeptApart() {
        VariableContext variables = Variables.createVariables().putValue("x", 5).asVariableContext();
        // "5" as a unary test asks "is x 5?"; as an expression it is the number five
        assertThat(prepared.evaluateSimpleUnaryTests("5", "x", variables)).isTrue();
        assertThat((Object) prepared.evaluateSimpleExpression("5", variables)).isEqualTo(5L);
    }

    @Test
    void badExpressionsFailAsInCamundasEngineAndAreNotKept() {
        VariableContext variables = Variables.createVariables().putValue("x", 1).asVariableContext();
        for (FeelEngine engine : List.<FeelEngine>of(camunda, prepared)) {
            assertThatThrownBy(() -> engine.evaluateSimpleUnaryTests("> > 3", "x", variables))
                    .isInstanceOf(FeelException.class).hasMessageContaining("failed to parse");
            assertThatThrownBy(() -> engine.evaluateSimpleExpression("1 +", variables))
                    .isInstanceOf(FeelException.class).hasMessageContaining("failed to parse");
        }
        assertThat(prepared.expressionsKept()).isZero();
    }

    @Test
    void theRoutingDecisionRoutesAsWithCamundasEngine() throws IOException {
        DmnEngine ours = engineWith(new PreparedFeelEngine(List.of()));
        DmnEngine theirs = engineWith(new ScalaFeelEngine(List.of()));
        DmnDecision ourRouting = routing(ours);
        DmnDecision theirRouting = routing(theirs);
        for (double total : new double[] {1_000_000, 10_000_000, 10_000_001, 50_000_001}) {
            for (double discount : new double[] {0, 10, 10.5, 25}) {
                for (double margin : new double[] {2, 4.9, 20}) {
                    for (int anomalies : new int[] {0, 2}) {
                        VariableMap input = Variables.fromMap(Map.of("total", total, "maxDiscountPercent", discount,
                                "marginPercent", margin, "customerTier", "A", "anomalyCount", anomalies));
                        assertThat(ours.evaluateDecisionTable(ourRouting, input).getResultList())
                                .isEqualTo(theirs.evaluateDecisionTable(theirRouting, input).getResultList());
                    }
                }
            }
        }
    }

    private static DmnEngine engineWith(FeelEngine feel) {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.setFeelEngineFactory(() -> feel);
        return configuration.buildEngine();
    }

    private static DmnDecision routing(DmnEngine engine) throws IOException {
        try (InputStream dmn = Files.newInputStream(Path.of("processes/approval-routing.dmn"))) {
            return engine.parseDecision("approval-routing", dmn);
        }
    }
}
