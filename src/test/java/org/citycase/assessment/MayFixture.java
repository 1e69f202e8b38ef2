package org.citycase.assessment;

import static org.citycase.assessment.AssessmentFixture.PARK;
import static org.citycase.assessment.AssessmentFixture.PEOPLE;
import static org.citycase.assessment.AssessmentFixture.WENCHANG;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A month of cases with every kind of outcome, May 2025 (and its edges in April and June), written once into the
 * case file of the shared test database. No other test writes cases in 2025, so the assessments of 2025 show these
 * cases alone. {@code MonthlyAssessmentTest} works out by hand what each level must show.
 *
 * <p>Unless a line says otherwise a run meets its deadline. {@code intake(...)} writes acceptance, verification
 * (public reports), registration, dispatch and acknowledgement, ten minutes apart with 30-minute limits.
 */
final class MayFixture {

    static final String SANITATION_EAST = "SANITATION-EAST";
    static final String ROADS = "ROADS";
    static final String WATER = "WATER";
    static final String DRAINAGE = "DRAINAGE";
    static final String POWER = "POWER";

    static final String WANG = "t-asm-wang";
    static final String SUN = "t-asm-sun";
    static final String ZHAO = "t-asm-zhao";
    static final String QIAN = "t-asm-qian";
    static final String LI = "t-asm-li";
    static final String ZHOU = "t-asm-zhou";
    static final String WU = "t-asm-wu";
    static final String EAST = "supervisor-east";
    static final String WEST = "supervisor-west";
    static final String PEOPLES = "supervisor";

    private static final String FIRST = "2025050690001";

    private MayFixture() {
    }

    /** Writes the fixture unless an earlier test class of the same database already has. */
    static synchronized void ensure(JdbcClient jdbc) {
        AssessmentFixture f = new AssessmentFixture(jdbc);
        if (f.has(FIRST)) {
            return;
        }
        sanitationEast(f);
        otherDepartments(f);
        peopleAndAreas(f);
    }

    /** 东城区环卫所 in 公园街道: one case of each outcome of a handling run. */
    private static void sanitationEast(AssessmentFixture f) {
        // C01 handled in time, checked fixed, closed
        f.report(FIRST, "SUPERVISOR", PARK, "05-06 08:00")
                .intake("05-06 08:00", WANG, null, ZHAO, LI, SANITATION_EAST)
                .run("handle", SANITATION_EAST, "05-06 08:40", "05-06 13:00", "05-06 11:00")
                .run("check", EAST, "05-06 11:00", "05-06 11:30", "05-06 11:20")
                .run("close", ZHAO, "05-06 11:20", "05-06 11:50", "05-06 11:30").ended("CLOSED", "05-06 11:30");
        // C02 handled two hours late
        f.report("2025050790002", "SUPERVISOR", PARK, "05-07 08:00")
                .intake("05-07 08:00", WANG, null, ZHAO, LI, SANITATION_EAST)
                .run("handle", SANITATION_EAST, "05-07 08:40", "05-07 13:00", "05-07 15:00")
                .run("check", EAST, "05-07 15:00", "05-07 15:30", "05-07 15:20")
                .run("close", ZHAO, "05-07 15:20", "05-07 15:50", "05-07 15:30").ended("CLOSED", "05-07 15:30");
        // C03 handled in time, the check finds it not fixed (rework), handled again in time, closed
        f.report("2025050890003", "SUPERVISOR", PARK, "05-08 08:00")
                .intake("05-08 08:00", WANG, null, ZHAO, LI, SANITATION_EAST)
                .run("handle", SANITATION_EAST, "05-08 08:40", "05-08 13:00", "05-08 11:00")
                .run("check", EAST, "05-08 11:00", "05-08 11:30", "05-08 11:20").count("rework_count")
                .run("handle", SANITATION_EAST, "05-08 11:20", "05-08 16:20", "05-08 15:00")
                .run("check", EAST, "05-08 15:00", "05-08 15:30", "05-08 15:10")
                .run("close", ZHAO, "05-08 15:10", "05-08 15:40", "05-08 15:20").ended("CLOSED", "05-08 15:20");
        // C04 a citizen's report (the supervisor missed it); more time asked and granted (13:00 -> 17:00), met
        f.report("2025051290004", "CITIZEN", PARK, "05-12 08:00")
                .intake("05-12 08:00", SUN, EAST, QIAN, ZHOU, SANITATION_EAST)
                .run("handle", SANITATION_EAST, "05-12 08:50", "05-12 13:00", "05-12 10:00")
                .run("approveExtension", ZHOU, "05-12 10:00", "05-12 13:00", "05-12 10:30").count("extension_count")
                .run("handle", SANITATION_EAST, "05-12 10:30", "05-12 17:00", "05-12 16:00")
                .run("check", EAST, "05-12 16:00", "05-12 16:30", "05-12 16:10")
                .run("close", QIAN, "05-12 16:10", "05-12 16:40", "05-12 16:20").ended("CLOSED", "05-12 16:20");
        // C05 suspension asked and approved; still suspended
        f.report("2025051390005", "SUPERVISOR", PARK, "05-13 08:00")
                .intake("05-13 08:00", WANG, null, ZHAO, LI, SANITATION_EAST)
                .run("handle", SANITATION_EAST, "05-13 08:40", "05-13 13:00", "05-13 10:00")
                .run("approveSuspension", ZHAO, "05-13 10:00", "05-13 13:00", "05-13 10:20")
                .count("suspension_count").suspendedSince("05-13 10:20")
                .open("resumeSuspended", "05-13 10:20", null);
        // C06 returned as not its remit, dispatched again to the roads office, which handles it in time
        f.report("2025051490006", "SUPERVISOR", PARK, "05-14 08:00")
                .intake("05-14 08:00", WANG, null, ZHAO, LI, SANITATION_EAST)
                .run("handle", SANITATION_EAST, "05-14 08:40", "05-14 13:00", "05-14 09:30").count("return_count")
                .run("dispatch", ZHOU, "05-14 09:30", "05-14 10:00", "05-14 09:40").dispatchedTo(ROADS)
                .run("acknowledge", ROADS, "05-14 09:40", "05-14 10:10", "05-14 09:50")
                .run("handle", ROADS, "05-14 09:50", "05-14 16:00", "05-14 15:00")
                .run("check", EAST, "05-14 15:00", "05-14 15:30", "05-14 15:10")
                .run("close", ZHAO, "05-14 15:10", "05-14 15:40", "05-14 15:20").ended("CLOSED", "05-14 15:20");
        // C07 never handled: overdue and still open
        f.report("2025052090007", "SUPERVISOR", PARK, "05-20 08:00")
                .intake("05-20 08:00", WANG, null, ZHAO, LI, SANITATION_EAST)
                .open("handle", "05-20 08:40", "05-20 13:00");
        // C08 cancelled (作废) while being handled
        f.report("2025052190008", "SUPERVISOR", PARK, "05-21 08:00")
                .intake("05-21 08:00", WANG, null, ZHAO, LI, SANITATION_EAST)
                .cancelledRun("handle", "05-21 08:40", "05-21 13:00", "05-21 09:00").ended("CANCELLED", "05-21 09:00");
        // C09 dispatched on 30 April, due and handled in time on 6 May (after the May Day holiday)
        f.report("2025043090009", "SUPERVISOR", PARK, "04-30 16:00")
                .intake("04-30 16:00", WANG, null, ZHAO, LI, SANITATION_EAST)
                .run("handle", SANITATION_EAST, "04-30 16:40", "05-06 09:30", "05-06 09:00")
                .run("check", EAST, "05-06 09:00", "05-06 09:30", "05-06 09:10")
                .run("close", ZHAO, "05-06 09:10", "05-06 09:40", "05-06 09:20").ended("CLOSED", "05-06 09:20");
        // C10 due on 30 May, handled late on 3 June
        f.report("2025053090010", "SUPERVISOR", PARK, "05-30 08:00")
                .intake("05-30 08:00", WANG, null, ZHAO, LI, SANITATION_EAST)
                .run("handle", SANITATION_EAST, "05-30 08:40", "05-30 16:00", "06-03 10:00")
                .run("check", EAST, "06-03 10:00", "06-03 10:30", "06-03 10:10")
                .run("close", ZHAO, "06-03 10:10", "06-03 10:40", "06-03 10:20").ended("CLOSED", "06-03 10:20");
        // C11 due on 25 April, still open at the end of May, handled on 5 June
        f.report("2025042590011", "SUPERVISOR", PARK, "04-25 08:00")
                .intake("04-25 08:00", WANG, null, ZHAO, LI, SANITATION_EAST)
                .run("handle", SANITATION_EAST, "04-25 08:40", "04-25 13:00", "06-05 10:00")
                .run("check", EAST, "06-05 10:00", "06-05 10:30", "06-05 10:10")
                .run("close", ZHAO, "06-05 10:10", "06-05 10:40", "06-05 10:20").ended("CLOSED", "06-05 10:20");
    }

    /** The roads office (all in time), the water company and the drainage office (late), the power company. */
    private static void otherDepartments(AssessmentFixture f) {
        // R1, R2 roads office in 文昌街道, both in time; R2 came from the hotline
        f.report("2025050890012", "SUPERVISOR", WENCHANG, "05-08 09:00")
                .intake("05-08 09:00", SUN, null, QIAN, ZHOU, ROADS)
                .run("handle", ROADS, "05-08 09:40", "05-08 13:00", "05-08 12:00")
                .run("check", WEST, "05-08 12:00", "05-08 12:30", "05-08 12:20")
                .run("close", QIAN, "05-08 12:20", "05-08 12:50", "05-08 12:30").ended("CLOSED", "05-08 12:30");
        f.report("2025050990013", "HOTLINE", WENCHANG, "05-09 09:00")
                .intake("05-09 09:00", SUN, WEST, QIAN, ZHOU, ROADS)
                .run("handle", ROADS, "05-09 09:50", "05-09 13:00", "05-09 12:00")
                .run("check", WEST, "05-09 12:00", "05-09 12:30", "05-09 12:20")
                .run("close", QIAN, "05-09 12:20", "05-09 12:50", "05-09 12:30").ended("CLOSED", "05-09 12:30");
        // W1 water company, an hour late
        f.report("2025051590014", "SUPERVISOR", WENCHANG, "05-15 09:00")
                .intake("05-15 09:00", SUN, null, QIAN, ZHOU, WATER)
                .run("handle", WATER, "05-15 09:40", "05-15 13:00", "05-15 14:00")
                .run("check", WEST, "05-15 14:00", "05-15 14:30", "05-15 14:20")
                .run("close", QIAN, "05-15 14:20", "05-15 14:50", "05-15 14:30").ended("CLOSED", "05-15 14:30");
        // L1 a hotline report that everyone is late with except the dispatcher
        f.report("2025052390015", "HOTLINE", WENCHANG, "05-23 09:00")
                .run("accept", SUN, "05-23 09:00", "05-23 09:30", "05-23 10:00")
                .run("verify", WEST, "05-23 10:00", "05-23 10:30", "05-23 11:00")
                .run("register", QIAN, "05-23 11:00", "05-23 11:30", "05-23 12:00")
                .run("dispatch", ZHOU, "05-23 12:00", "05-23 12:30", "05-23 12:10").dispatchedTo(WATER)
                .run("acknowledge", WATER, "05-23 12:10", "05-23 12:40", "05-23 12:20")
                .run("handle", WATER, "05-23 12:20", "05-23 17:20", "05-23 17:30")
                .run("check", WEST, "05-23 17:30", "05-23 18:00", "05-23 18:30")
                .run("close", QIAN, "05-23 18:30", "05-23 19:00", "05-23 19:30").ended("CLOSED", "05-23 19:30");
        // D1 drainage office in 人民街道: dispatched late, handled an hour late
        f.report("2025051690016", "SUPERVISOR", PEOPLE, "05-16 09:00")
                .run("accept", WANG, "05-16 09:00", "05-16 09:30", "05-16 09:10")
                .run("register", ZHAO, "05-16 09:10", "05-16 09:40", "05-16 09:20")
                .run("dispatch", WU, "05-16 09:20", "05-16 09:50", "05-16 10:00").dispatchedTo(DRAINAGE)
                .run("acknowledge", DRAINAGE, "05-16 10:00", "05-16 10:30", "05-16 10:10")
                .run("handle", DRAINAGE, "05-16 10:10", "05-16 13:00", "05-16 14:00")
                .run("check", PEOPLES, "05-16 14:00", "05-16 14:30", "05-16 14:10")
                .run("close", ZHAO, "05-16 14:10", "05-16 14:40", "05-16 14:20").ended("CLOSED", "05-16 14:20");
        // P1 power company: never handled
        f.report("2025051990017", "SUPERVISOR", PEOPLE, "05-19 09:00")
                .intake("05-19 09:00", WANG, null, ZHAO, WU, POWER)
                .open("handle", "05-19 09:40", "05-19 13:00");
    }

    /** Reports that end before any department: invalid, not registered, a duplicate, a verification left open. */
    private static void peopleAndAreas(AssessmentFixture f) {
        // V1 a citizen's report that the supervisor found untrue on site
        f.report("2025052090018", "CITIZEN", WENCHANG, "05-20 09:00")
                .run("accept", SUN, "05-20 09:00", "05-20 09:30", "05-20 09:10")
                .run("verify", WEST, "05-20 09:10", "05-20 09:40", "05-20 09:35").ended("INVALID", "05-20 09:35");
        // N1 a supervisor's report that the shift leader did not register
        f.report("2025052190019", "SUPERVISOR", PEOPLE, "05-21 09:00")
                .run("accept", WANG, "05-21 09:00", "05-21 09:30", "05-21 09:10")
                .run("register", ZHAO, "05-21 09:10", "05-21 09:40", "05-21 09:30")
                .ended("NOT_REGISTERED", "05-21 09:30");
        // DUP a citizen's report of C07's problem, marked a duplicate at acceptance
        f.report("2025052290020", "CITIZEN", PARK, "05-22 09:00")
                .run("accept", SUN, "05-22 09:00", "05-22 09:30", "05-22 09:20").ended("DUPLICATE", "05-22 09:20")
                .duplicateOf("2025052090007", "05-22 09:00");
        // O1 a citizen's report whose verification nobody did: it counts against the grid's supervisor
        f.report("2025052890021", "CITIZEN", PEOPLE, "05-28 09:00")
                .run("accept", WANG, "05-28 09:00", "05-28 09:30", "05-28 09:10")
                .open("verify", "05-28 09:10", "05-28 09:40");
    }
}
