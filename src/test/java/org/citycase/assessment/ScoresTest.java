package org.citycase.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.citycase.assessment.Weight.Better;
import org.junit.jupiter.api.Test;

/** The arithmetic of scores and ranks, without database or engine. */
class ScoresTest {

    private static final List<Weight> DEPARTMENT = List.of(
            weight("handlingRate", 30, Better.HIGHER),
            weight("onTimeHandlingRate", 20, Better.HIGHER),
            weight("reworkRate", 20, Better.LOWER),
            weight("overduePendingRate", 20, Better.LOWER),
            weight("extensionRate", 10, Better.LOWER));

    @Test
    void aPerfectUnitScoresOneHundred() {
        assertThat(Scores.score(percents("handlingRate", 100, "onTimeHandlingRate", 100, "reworkRate", 0,
                "overduePendingRate", 0, "extensionRate", 0), DEPARTMENT)).isEqualByComparingTo("100.00");
    }

    @Test
    void lowerIsBetterIndicatorsScoreOneMinusTheirShare() {
        // 30 x 0.5 + 20 x 0.25 + 20 x (1 - 0.1) + 20 x (1 - 0.2) + 10 x (1 - 0.5) = 15 + 5 + 18 + 16 + 5 = 59
        assertThat(Scores.score(percents("handlingRate", 50, "onTimeHandlingRate", 25, "reworkRate", 10,
                "overduePendingRate", 20, "extensionRate", 50), DEPARTMENT)).isEqualByComparingTo("59.00");
    }

    @Test
    void aNotApplicablePercentageLeavesItsWeightOutAndTheRestCountInProportion() {
        // rework not applicable: (30 x 1 + 20 x 0.5 + 20 x 1 + 10 x 1) / 80 = 70 / 80 = 87.5
        Map<String, BigDecimal> percents = percents("handlingRate", 100, "onTimeHandlingRate", 50,
                "overduePendingRate", 0, "extensionRate", 0);
        percents.put("reworkRate", null);

        assertThat(Scores.score(percents, DEPARTMENT)).isEqualByComparingTo("87.50");
    }

    @Test
    void aUnitWithNoApplicablePercentageHasNoScoreRatherThanZeroOrOneHundred() {
        Map<String, BigDecimal> nothing = new HashMap<>();
        DEPARTMENT.forEach(w -> nothing.put(w.indicator(), null));

        assertThat(Scores.score(nothing, DEPARTMENT)).isNull();
        assertThat(Scores.percent(0, 0)).isNull();
        assertThat(Scores.percent(0, 3)).isEqualByComparingTo("0");
    }

    @Test
    void aWeightOfZeroCountsForNothingAndANegativeWeightIsRefused() {
        List<Weight> weights = List.of(weight("handlingRate", 0, Better.HIGHER), weight("onTimeHandlingRate", 10,
                Better.HIGHER));

        assertThat(Scores.score(percents("handlingRate", 0, "onTimeHandlingRate", 40), weights))
                .isEqualByComparingTo("40.00");
        assertThat(Scores.score(percents("handlingRate", 0), weights)).isNull();
        assertThatThrownBy(() -> Scores.score(percents("handlingRate", 50),
                List.of(weight("handlingRate", -1, Better.HIGHER)))).hasMessageContaining("negative");
    }

    @Test
    void scoresAreRoundedHalfUpToTwoDecimals() {
        List<Weight> one = List.of(weight("a", 1, Better.HIGHER), weight("b", 2, Better.HIGHER));

        // (1 x 0.12345 + 2 x 0) / 3 = 4.115 % -> 4.12
        assertThat(Scores.score(percents("a", 12.345, "b", 0), one)).isEqualByComparingTo("4.12");
        assertThat(Scores.shown(Scores.percent(1, 3))).isEqualByComparingTo("33.33");
        assertThat(Scores.shown(Scores.percent(2, 3))).isEqualByComparingTo("66.67");
    }

    @Test
    void equalScoresShareARankAndTheNextRankSkipsAsManyPlaces() {
        List<String[]> units = List.of(unit("d", "80"), unit("a", "100"), unit("c", "80"), unit("e", null),
                unit("b", "73.75"), unit("f", "80.00"));

        List<Scores.Ranked<String[]>> ranked = Scores.rank(units, u -> u[1] == null ? null : new BigDecimal(u[1]),
                u -> u[0]);

        assertThat(ranked).extracting(r -> r.item()[0], Scores.Ranked::rank).containsExactly(
                tuple("a", 1),
                tuple("c", 2),
                tuple("d", 2),
                tuple("f", 2),
                tuple("b", 5),
                tuple("e", null));
    }

    private static Weight weight(String indicator, int points, Better better) {
        return new Weight(indicator, BigDecimal.valueOf(points), better);
    }

    private static Map<String, BigDecimal> percents(Object... pairs) {
        Map<String, BigDecimal> percents = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            percents.put((String) pairs[i], new BigDecimal(pairs[i + 1].toString()));
        }
        return percents;
    }

    private static String[] unit(String code, String score) {
        return new String[] {code, score};
    }
}
