package org.citycase.assessment;

import java.math.BigDecimal;
import java.util.List;

/** The rules a city sets for scores and grades (decision tables {@code assessment-weights} and {@code -grades}). */
public interface ScoringRules {

    /**
     * The weights of a level, as the latest deployed table gives them.
     *
     * @param level a level id such as {@code department}, or {@link Indicators#COMBINED_LEVEL}
     * @return the rows of the level, possibly none
     */
    List<Weight> weights(String level);

    /**
     * The grade of a score.
     *
     * @param score a score from 0 to 100
     * @return a grade such as {@code A}
     * @throws IllegalStateException when no rule of the grades table covers the score
     */
    String grade(BigDecimal score);
}
