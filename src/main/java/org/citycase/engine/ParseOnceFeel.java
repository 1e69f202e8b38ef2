package org.citycase.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import camundajar.impl.scala.util.Either;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;
import org.springframework.stereotype.Component;

/**
 * Gives the decision tables a FEEL engine that parses each expression once. The engine's own parses the text
 * of an input entry every time a rule is tested: in a profile of the closed loop that was nearly half of the
 * time spent in the two decisions a case makes. A parsed expression holds no state of an evaluation, so one
 * parse serves every evaluation and thread; evaluation itself, with its variables and functions, is the
 * engine's. Expressions that do not parse are not kept, so their error is raised as before.
 *
 * <p>Left alone when the engine is set to FEEL's legacy (JUEL-based) behaviour.
 */
@Component
public class ParseOnceFeel extends AbstractProcessEnginePlugin {

    /** More distinct expressions than deployed tables hold: the cache starts afresh rather than grow. */
    static final int MAX_EXPRESSIONS = 10_000;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        if (!configuration.isDmnFeelEnableLegacyBehavior() && dmn.getFeelEngineFactory() == null) {
            dmn.setFeelEngineFactory(new Factory(dmn));
        }
        configuration.setDmnEngineConfiguration(dmn);
    }

    /** Builds the engine when the DMN engine starts, with the custom functions configured by then. */
    static final class Factory implements FeelEngineFactory {

        private final DefaultDmnEngineConfiguration dmn;

        Factory(DefaultDmnEngineConfiguration dmn) {
            this.dmn = dmn;
        }

        @Override
        public org.camunda.bpm.dmn.feel.impl.FeelEngine createInstance() {
            return new DecisionFeel(dmn.getFeelCustomFunctionProviders());
        }
    }

    /** Camunda's FEEL integration for DMN, on the parsing-once engine below. */
    static final class DecisionFeel extends ScalaFeelEngine {

        DecisionFeel(List<FeelCustomFunctionProvider> functionProviders) {
            super(functionProviders);
        }

        @Override
        protected FeelEngine buildFeelEngine(CustomFunctionTransformer functions,
                                             ValueMapper.CompositeValueMapper values) {
            return new ParsingOnce(functions, values);
        }
    }

    /** The FEEL engine with its two parse steps remembered by expression text. */
    static final class ParsingOnce extends FeelEngine {

        private final Map<String, Either<FeelEngine.Failure, ParsedExpression>> unaryTests =
                new ConcurrentHashMap<>();
        private final Map<String, Either<FeelEngine.Failure, ParsedExpression>> expressions =
                new ConcurrentHashMap<>();

        ParsingOnce(FunctionProvider functions, ValueMapper values) {
            super(functions, values, new FeelEngine.Configuration(false), FeelEngine.defaultClock());
        }

        @Override
        public Either<FeelEngine.Failure, ParsedExpression> parseUnaryTests(String expression) {
            return remembered(unaryTests, expression, super::parseUnaryTests);
        }

        @Override
        public Either<FeelEngine.Failure, ParsedExpression> parseExpression(String expression) {
            return remembered(expressions, expression, super::parseExpression);
        }

        private static Either<FeelEngine.Failure, ParsedExpression> remembered(
                Map<String, Either<FeelEngine.Failure, ParsedExpression>> parsed, String expression,
                Function<String, Either<FeelEngine.Failure, ParsedExpression>> parse) {
            Either<FeelEngine.Failure, ParsedExpression> known = parsed.get(expression);
            if (known != null) {
                return known;
            }
            Either<FeelEngine.Failure, ParsedExpression> result = parse.apply(expression);
            if (result.isRight()) {
                if (parsed.size() >= MAX_EXPRESSIONS) {
                    parsed.clear();
                }
                parsed.put(expression, result);
            }
            return result;
        }
    }
}
