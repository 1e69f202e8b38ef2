package org.citycase.sla;

/**
 * The unit a time limit is stated in, as the limits table writes it. A unit names its clock: working units count
 * working time only, natural units count every minute.
 */
public enum LimitUnit {
    /** 工作分钟. */
    WORKING_MINUTES(TimeBasis.WORKING, 1),
    /** 工作小时: 60 working minutes. */
    WORKING_HOURS(TimeBasis.WORKING, 60),
    /** 工作日: as many working minutes as the calendar's working day has (480 for 08-12 and 14-18). */
    WORKING_DAYS(TimeBasis.WORKING, 0),
    /** 自然分钟. */
    NATURAL_MINUTES(TimeBasis.NATURAL, 1),
    /** 自然小时: 60 minutes. */
    NATURAL_HOURS(TimeBasis.NATURAL, 60),
    /** 自然日: 24 hours. */
    NATURAL_DAYS(TimeBasis.NATURAL, 24 * 60);

    private final TimeBasis basis;
    private final long minutes;

    LimitUnit(TimeBasis basis, long minutes) {
        this.basis = basis;
        this.minutes = minutes;
    }

    /** The clock this unit counts on. */
    public TimeBasis basis() {
        return basis;
    }

    /**
     * Minutes of this unit's clock in one unit.
     *
     * @param minutesPerWorkingDay the working calendar's day, in working minutes; used by {@link #WORKING_DAYS} only
     */
    public long minutes(long minutesPerWorkingDay) {
        return this == WORKING_DAYS ? minutesPerWorkingDay : minutes;
    }
}
