package com.kis.estimator.platform.workflow;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelLogger;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationFailureType;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;
import org.camunda.feel.valuemapper.ValueMapper;

import camundajar.impl.scala.collection.immutable.Map.Map1;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;

/**
 * Camunda's FEEL engine without the work it repeats on every evaluation.
 *
 * <p>For each call, {@link ScalaFeelEngine} hands feel-scala the expression text, which feel-scala parses again
 * (feel-scala issue 1149), and feel-scala builds its table of built-in functions again. A submission's routing
 * decision evaluates every input expression, every non-empty input entry and the matched outputs, so both
 * showed up in the profile of a submission (about a tenth of its CPU). Neither depends on the variables: the
 * parsed tree is kept per expression text, and one table of built-in functions serves every call. Each call
 * still gets a fresh evaluation context, whose failure list feel-scala fills while evaluating.
 *
 * <p>The engine, value mappers (Spin, Java) and custom functions are built by {@link ScalaFeelEngine} itself;
 * only the evaluation goes through feel-scala's interpreter directly. Its classes are feel-scala's internals,
 * so {@code PreparedFeelEngineTest} compares every answer with Camunda's own engine: a feel-scala upgrade that
 * changes them fails there first.
 */
final class PreparedFeelEngine extends ScalaFeelEngine {

    /** Expressions come from deployed DMN files; the bound only guards against a runaway deployment loop. */
    static final int MOST_EXPRESSIONS_KEPT = 10_000;

    // Set from buildFeelEngine, which the parent's constructor calls: no initializers, on purpose.
    private FeelEngine feel;
    private FeelInterpreter interpreter;
    private FunctionProvider functions;

    private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
    private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

    PreparedFeelEngine(List<FeelCustomFunctionProvider> customFunctions) {
        super(customFunctions);
    }

    @Override
    protected FeelEngine buildFeelEngine(CustomFunctionTransformer custom, ValueMapper.CompositeValueMapper values) {
        feel = super.buildFeelEngine(custom, values);
        interpreter = new FeelInterpreter(feel.valueMapper());
        // the same providers, in the same order, as feel-scala's own root context
        functions = new FunctionProvider.CompositeFunctionProvider(
                toScalaList(new BuiltinFunctions(feel.clock(), feel.valueMapper()), feel.functionProvider()));
        return feel;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
        ParsedExpression parsed = parsed(expressions, expression, feel::parseExpression);
        return (T) evaluate(parsed, new ContextVariableWrapper(variables));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
        ParsedExpression parsed = parsed(unaryTests, expression, feel::parseUnaryTests);
        // feel-scala finds the value under test through this name, as ScalaFeelEngine passes it
        VariableProvider input = new VariableProvider.StaticVariableProvider(
                new Map1<String, Object>("inputVariableName", inputVariable));
        Object result = evaluate(parsed, new VariableProvider.CompositeVariableProvider(
                toScalaList(input, new ContextVariableWrapper(variables))));
        return Boolean.TRUE.equals(result);
    }

    int expressionsKept() {
        return expressions.size() + unaryTests.size();
    }

    private Object evaluate(ParsedExpression parsed, VariableProvider variables) {
        EvalContext context = EvalContext.create(feel.valueMapper(), functions).merge(new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return variables;
            }
        });
        Val value;
        try {
            value = interpreter.eval(parsed.expression(), context);
        } catch (RuntimeException e) {
            throw failed(parsed, e.getMessage());
        }
        for (EvaluationFailure failure : asJava(context.failureCollector().failures())) {
            if (EvaluationFailureType.ASSERT_FAILURE$.MODULE$.equals(failure.failureType())) {
                throw ScalaFeelLogger.LOGGER.evaluationException("Assertion failure on evaluate the expression '"
                        + parsed.text() + "': " + failure.failureMessage());
            }
        }
        if (value instanceof ValError error) {
            throw failed(parsed, error.error());
        }
        if (value instanceof ValFatalError error) {
            throw failed(parsed, error.error());
        }
        return feel.valueMapper().unpackVal(value);
    }

    private static RuntimeException failed(ParsedExpression parsed, String error) {
        return ScalaFeelLogger.LOGGER.evaluationException(
                "failed to evaluate expression '" + parsed.text() + "': " + error);
    }

    private static <T> List<T> asJava(camundajar.impl.scala.collection.immutable.List<T> list) {
        return camundajar.impl.scala.jdk.javaapi.CollectionConverters.asJava(list);
    }

    private static ParsedExpression parsed(Map<String, ParsedExpression> kept, String expression,
            Function<String, Either<FeelEngine.Failure, ParsedExpression>> parser) {
        ParsedExpression parsed = kept.get(expression);
        if (parsed == null) {
            Either<FeelEngine.Failure, ParsedExpression> result = parser.apply(expression);
            if (result instanceof Left<FeelEngine.Failure, ParsedExpression> failure) {
                throw ScalaFeelLogger.LOGGER.evaluationException(failure.value().message());
            }
            parsed = ((Right<FeelEngine.Failure, ParsedExpression>) result).value();
            if (kept.size() < MOST_EXPRESSIONS_KEPT) {
                kept.put(expression, parsed);
            }
        }
        return parsed;
    }
}
