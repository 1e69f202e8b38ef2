package org.citycase.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine;
import org.citycase.CitycaseSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The decision tables' FEEL engine parses an expression once and answers as the engine's own does. */
@CitycaseSpringTest
class ParseOnceFeelTest {

    private static final List<String> TESTS = List.of("< 10", "[5..10]", "\"E0102\",\"E0103\"", "not(3)", "-",
            "> 2.5", "odd(?)", "date(\"2026-03-10\")", "string length(?) > 2");
    private static final List<Object> INPUTS = List.of(3, 5, 10, 11, 2.7, "E0102", "E0104", "abc");

    @Autowired
    ProcessEngine engine;

    @Test
    void theCaseEnginesDecisionsUseIt() {
        DefaultDmnEngineConfiguration dmn = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getDmnEngineConfiguration();
        assertThat(dmn.getFeelEngine()).isInstanceOf(ParseOnceFeel.DecisionFeel.class);
    }

    @Test
    void aUnaryTestIsParsedOnceAndServesEveryEvaluation() {
        ParseOnceFeel.ParsingOnce feel = new ParseOnceFeel.ParsingOnce(FeelEngine.defaultFunctionProvider(),
                FeelEngine.defaultValueMapper());

        assertThat(feel.parseUnaryTests("< 10").isRight()).isTrue();
        assertThat(feel.parseUnaryTests("< 10")).isSameAs(feel.parseUnaryTests("< 10"));
        assertThat(feel.parseExpression("a + 1")).isSameAs(feel.parseExpression("a + 1"));
        assertThat(feel.parseUnaryTests("< <").isLeft()).isTrue();
        assertThat(feel.parseUnaryTests("< <")).as("a failure is not kept").isNotSameAs(feel.parseUnaryTests("< <"));
    }

    @Test
    void everyAnswerIsTheEnginesOwn() {
        ScalaFeelEngine own = new ScalaFeelEngine(null);
        ParseOnceFeel.DecisionFeel once = new ParseOnceFeel.DecisionFeel(null);

        for (int round = 0; round < 2; round++) {
            for (String test : TESTS) {
                for (Object input : INPUTS) {
                    assertThat(answer(once, test, input)).as("%s for %s", test, input)
                            .isEqualTo(answer(own, test, input));
                }
            }
        }
        assertThat(answer(once, "< 10", 3)).isEqualTo("true");
        assertThat(answer(once, "< 10", 11)).isEqualTo("false");
        assertThat(evaluate(once, "a + 1", 41)).isEqualTo(42L);
        assertThatThrownBy(() -> once.evaluateSimpleUnaryTests("< <", "cellInput", context(1)))
                .isInstanceOf(FeelException.class).hasMessageContaining("< <");
    }

    /** The engine's answer, or the kind of its refusal, so that the two engines' refusals compare too. */
    private static String answer(org.camunda.bpm.dmn.feel.impl.FeelEngine feel, String test, Object input) {
        try {
            return String.valueOf(feel.evaluateSimpleUnaryTests(test, "cellInput", context(input)));
        } catch (RuntimeException refused) {
            return refused.getClass().getSimpleName();
        }
    }

    private static Object evaluate(org.camunda.bpm.dmn.feel.impl.FeelEngine feel, String expression, Object a) {
        return feel.evaluateSimpleExpression(expression, Variables.createVariables().putValue("a", a)
                .asVariableContext());
    }

    private static VariableContext context(Object input) {
        return Variables.createVariables().putValue("cellInput", input).asVariableContext();
    }
}
