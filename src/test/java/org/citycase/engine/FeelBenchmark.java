package org.citycase.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;

/**
 * A program, not a test: times the two decisions every case makes (registration conditions and dispatch
 * routing, from {@code decisions/}) with the DMN engine's own FEEL engine and with {@link ParseOnceFeel}, and
 * prints microseconds per case. Run from the project folder:
 *
 * <pre>
 * java -cp "$(cat target/bench.classpath):target/classes:target/test-classes" \
 *      org.citycase.engine.FeelBenchmark
 * </pre>
 */
public final class FeelBenchmark {

    private static final List<String> CATEGORIES = List.of("C0101", "E0102", "A0101", "B0203", "D0101");
    private static final int CASES = 20_000;

    private FeelBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        for (int round = 1; round <= 3; round++) {
            for (boolean parseOnce : new boolean[] {false, true}) {
                DefaultDmnEngineConfiguration configuration =
                        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
                if (parseOnce) {
                    configuration.setFeelEngineFactory(() -> new ParseOnceFeel.DecisionFeel(null));
                }
                DmnEngine engine = configuration.buildEngine();
                DmnDecision registration = decision(engine, "registration-condition");
                DmnDecision routing = decision(engine, "dispatch-routing");
                decide(engine, registration, routing); // warm-up
                long started = System.nanoTime();
                decide(engine, registration, routing);
                double micros = (System.nanoTime() - started) / 1000.0 / CASES;
                System.out.printf(Locale.ROOT, "round %d, %-22s %6.1f us per case for the two decisions%n", round,
                        parseOnce ? "parsing each entry once:" : "the engine's own FEEL:", micros);
            }
        }
    }

    private static void decide(DmnEngine engine, DmnDecision registration, DmnDecision routing) {
        for (int i = 0; i < CASES; i++) {
            String category = CATEGORIES.get(i % CATEGORIES.size());
            engine.evaluateDecision(registration, Variables.createVariables().putValue("categoryCode", category));
            engine.evaluateDecision(routing, Variables.createVariables().putValue("categoryCode", category)
                    .putValue("districtCode", "320502"));
        }
    }

    private static DmnDecision decision(DmnEngine engine, String key) throws IOException {
        try (InputStream table = Files.newInputStream(Path.of("decisions", key + ".dmn"))) {
            return engine.parseDecision(key, table);
        }
    }
}
