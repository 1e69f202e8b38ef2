package org.citycase.sla;

import java.util.Objects;

/**
 * A stage clock stopped while its case is suspended (挂账): what the stage had and what it had used, in minutes of
 * its {@link TimeBasis}. Resuming the case starts the stage again with the rest.
 *
 * @param stage        the stage whose clock stopped, e.g. {@code handle}; never null
 * @param basis        working or natural time; never null
 * @param limitMinutes the stage's whole limit, extensions included
 * @param usedMinutes  minutes used until the clock stopped
 * @param warningRatio the share of the limit after which the stage turns yellow
 */
public record PausedClock(String stage, TimeBasis basis, long limitMinutes, long usedMinutes, double warningRatio) {

    public PausedClock {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(basis, "basis");
    }

    /** Minutes left when the clock stopped; negative when the stage was already overdue. */
    public long remainingMinutes() {
        return limitMinutes - usedMinutes;
    }
}
