package org.citycase.assessment;

import static org.citycase.assessment.Indicator.count;
import static org.citycase.assessment.Indicator.percent;

import java.util.List;
import java.util.Map;

/**
 * The indicators of each level, in the order of the columns. The weights table may weigh any percentage of a
 * level; README ("Assessment") defines every one of them.
 */
public final class Indicators {

    // departments: handling runs whose deadline falls in the period
    public static final String DUE = "due";
    public static final String HANDLED = "handled";
    public static final String HANDLED_IN_TIME = "handledInTime";
    public static final String OVERDUE = "overdue";
    public static final String OVERDUE_PENDING = "overduePending";
    public static final String CARRIED_OVERDUE = "carriedOverdue";
    public static final String RETURNED = "returned";
    public static final String REWORKED = "reworked";
    public static final String EXTENDED = "extended";
    public static final String SUSPENDED = "suspended";
    public static final String CLOSED = "closed";
    public static final String HANDLING_RATE = "handlingRate";
    public static final String ON_TIME_HANDLING_RATE = "onTimeHandlingRate";
    public static final String CLOSURE_RATE = "closureRate";
    public static final String REWORK_RATE = "reworkRate";
    public static final String OVERDUE_RATE = "overdueRate";
    public static final String OVERDUE_PENDING_RATE = "overduePendingRate";
    public static final String EXTENSION_RATE = "extensionRate";

    // districts and streets: cases reported in the period
    public static final String REPORTS = "reports";
    public static final String REGISTERED = "registered";
    public static final String CANCELLED = "cancelled";
    public static final String DUE_TO_CLOSE = "dueToClose";
    public static final String CLOSED_IN_TIME = "closedInTime";
    public static final String PUBLIC_FIRST = "publicFirst";
    public static final String ON_TIME_CLOSURE_RATE = "onTimeClosureRate";
    public static final String PUBLIC_FIRST_RATE = "publicFirstRate";

    // supervisors
    public static final String VALID_REPORTS = "validReports";
    public static final String VERIFICATIONS = "verifications";
    public static final String VERIFICATIONS_IN_TIME = "verificationsInTime";
    public static final String CHECKS = "checks";
    public static final String CHECKS_IN_TIME = "checksInTime";
    public static final String VALID_REPORT_RATE = "validReportRate";
    public static final String MISS_RATE = "missRate";
    public static final String ON_TIME_VERIFICATION_RATE = "onTimeVerificationRate";
    public static final String ON_TIME_CHECK_RATE = "onTimeCheckRate";

    // operators
    public static final String ACCEPTANCES = "acceptances";
    public static final String ACCEPTANCES_IN_TIME = "acceptancesInTime";
    public static final String ON_TIME_ACCEPTANCE_RATE = "onTimeAcceptanceRate";
    public static final String ACCEPTANCE_VOLUME = "acceptanceVolume";

    // shift leaders
    public static final String REGISTRATIONS = "registrations";
    public static final String REGISTRATIONS_IN_TIME = "registrationsInTime";
    public static final String ACCURATE_REGISTRATIONS = "accurateRegistrations";
    public static final String CLOSURES = "closures";
    public static final String CLOSURES_IN_TIME = "closuresInTime";
    public static final String ON_TIME_REGISTRATION_RATE = "onTimeRegistrationRate";
    public static final String REGISTRATION_ACCURACY = "registrationAccuracy";

    // dispatchers
    public static final String DISPATCHES = "dispatches";
    public static final String DISPATCHES_IN_TIME = "dispatchesInTime";
    public static final String MISDIRECTED = "misdirected";
    public static final String ACCURATE_DISPATCHES = "accurateDispatches";
    public static final String ON_TIME_DISPATCH_RATE = "onTimeDispatchRate";
    public static final String DISPATCH_ACCURACY = "dispatchAccuracy";
    public static final String DISPATCH_VOLUME = "dispatchVolume";

    // the city-wide combination of a district
    public static final String CASE_SCORE = "caseScore";
    public static final String SPECIAL_SCORE = "specialScore";
    public static final String ON_SITE_SCORE = "onSiteScore";

    /** The level id of the city-wide combination in the weights table. */
    public static final String COMBINED_LEVEL = "district-combined";

    private static final List<Indicator> AREA = List.of(
            count(REPORTS, "上报数"),
            count(REGISTERED, "立案数"),
            count(CANCELLED, "作废数"),
            count(SUSPENDED, "挂账数"),
            count(DUE_TO_CLOSE, "应结案数"),
            count(CLOSED, "结案数"),
            count(CLOSED_IN_TIME, "按期结案数"),
            count(PUBLIC_FIRST, "公众首报数"),
            percent(CLOSURE_RATE, "结案率"),
            percent(ON_TIME_CLOSURE_RATE, "按期结案率"),
            percent(PUBLIC_FIRST_RATE, "公众首报率"));

    private static final Map<AssessmentLevel, List<Indicator>> BY_LEVEL = Map.of(
            AssessmentLevel.DEPARTMENT, List.of(
                    count(DUE, "应处置数"),
                    count(HANDLED, "处置数"),
                    count(HANDLED_IN_TIME, "按期处置数"),
                    count(OVERDUE, "超期数"),
                    count(CARRIED_OVERDUE, "往期超期未处置数"),
                    count(OVERDUE_PENDING, "超期未处置数"),
                    count(RETURNED, "回退数"),
                    count(REWORKED, "返工数"),
                    count(EXTENDED, "延期数"),
                    count(SUSPENDED, "挂账数"),
                    count(CLOSED, "结案数"),
                    percent(HANDLING_RATE, "处置率"),
                    percent(ON_TIME_HANDLING_RATE, "按期处置率"),
                    percent(CLOSURE_RATE, "结案率"),
                    percent(REWORK_RATE, "返工率"),
                    percent(OVERDUE_RATE, "超期率"),
                    percent(OVERDUE_PENDING_RATE, "超期未处置率"),
                    percent(EXTENSION_RATE, "延期率")),
            AssessmentLevel.DISTRICT, AREA,
            AssessmentLevel.STREET, AREA,
            AssessmentLevel.SUPERVISOR, List.of(
                    count(REPORTS, "上报数"),
                    count(VALID_REPORTS, "有效上报数"),
                    count(PUBLIC_FIRST, "公众首报数（漏报）"),
                    count(VERIFICATIONS, "核实数"),
                    count(VERIFICATIONS_IN_TIME, "按时核实数"),
                    count(CHECKS, "核查数"),
                    count(CHECKS_IN_TIME, "按时核查数"),
                    percent(VALID_REPORT_RATE, "有效上报率"),
                    percent(MISS_RATE, "漏报率"),
                    percent(ON_TIME_VERIFICATION_RATE, "按时核实率"),
                    percent(ON_TIME_CHECK_RATE, "按时核查率")),
            AssessmentLevel.OPERATOR, List.of(
                    count(ACCEPTANCES, "受理数"),
                    count(ACCEPTANCES_IN_TIME, "按时受理数"),
                    percent(ON_TIME_ACCEPTANCE_RATE, "按时受理率"),
                    percent(ACCEPTANCE_VOLUME, "受理量得分率")),
            AssessmentLevel.SHIFT_LEADER, List.of(
                    count(REGISTRATIONS, "立案审核数"),
                    count(REGISTRATIONS_IN_TIME, "按时立案审核数"),
                    count(REGISTERED, "立案数"),
                    count(CANCELLED, "作废数"),
                    count(ACCURATE_REGISTRATIONS, "准确立案数"),
                    count(CLOSURES, "结案数"),
                    count(CLOSURES_IN_TIME, "按时结案数"),
                    percent(ON_TIME_REGISTRATION_RATE, "按时立案率"),
                    percent(REGISTRATION_ACCURACY, "立案准确率"),
                    percent(ON_TIME_CLOSURE_RATE, "按时结案率")),
            AssessmentLevel.DISPATCHER, List.of(
                    count(DISPATCHES, "派遣数"),
                    count(DISPATCHES_IN_TIME, "按时派遣数"),
                    count(MISDIRECTED, "回退或返工数"),
                    count(ACCURATE_DISPATCHES, "准确派遣数"),
                    percent(ON_TIME_DISPATCH_RATE, "按时派遣率"),
                    percent(DISPATCH_ACCURACY, "派遣准确率"),
                    percent(DISPATCH_VOLUME, "派遣量得分率")));

    /** The city-wide combination of a district: scores out of 100, not counts. */
    public static final List<Indicator> COMBINED = List.of(
            percent(CASE_SCORE, "案件考核得分"),
            percent(SPECIAL_SCORE, "专项考核得分"),
            percent(ON_SITE_SCORE, "实地检查得分"));

    private Indicators() {
    }

    /** The indicators of a level, counts first, then percentages. */
    public static List<Indicator> of(AssessmentLevel level) {
        return BY_LEVEL.get(level);
    }
}
