package org.citycase.sla;

/** Which clock a time limit runs on. */
public enum TimeBasis {
    /** Working time (工作时): only the working periods of working days count, as the working calendar says. */
    WORKING,
    /** Natural time (自然时): every minute counts, nights, weekends and holidays included; urgent cases use it. */
    NATURAL
}
