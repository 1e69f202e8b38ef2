package org.citycase.citizen.duplicate;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores and lists the reports linked to a case as duplicates; joins the caller's transaction. */
@Repository
public class ReportLinks {

    /** How the report came to be linked. */
    public enum Kind {
        /** Intake found the open case and made no case of the report. */
        AUTOMATIC,
        /** The acceptor marked the report's own case a duplicate of the open case, and that case ended. */
        OPERATOR
    }

    private final JdbcClient jdbc;

    public ReportLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Links a report to the case it duplicates.
     *
     * @param linkedCaseId the row id of the report's own case for {@link Kind#OPERATOR}, else {@code null}
     */
    public void link(DuplicateMatch match, LinkedReport report, Kind kind, Long linkedCaseId) {
        jdbc.sql("""
                        insert into report_link (case_id, linked_case_id, link_kind, source, category_code,
                            description, address, longitude, latitude, grid_code, reporter_contact, distance_meters,
                            reported_at)
                        values (:caseId, :linkedCaseId, :kind, :source, :category, :description, :address, :lon,
                            :lat, :grid, :contact, :distance, :reportedAt)""")
                .param("caseId", match.caseId()).param("linkedCaseId", linkedCaseId).param("kind", kind.name())
                .param("source", report.source()).param("category", report.categoryCode())
                .param("description", report.description()).param("address", report.address())
                .param("lon", report.longitude()).param("lat", report.latitude()).param("grid", report.gridCode())
                .param("contact", report.reporterContact()).param("distance", match.distanceMeters())
                .param("reportedAt", report.reportedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The reports linked to a case, oldest first, without the reporters' contacts. */
    public List<LinkedReportView> linkedTo(String caseNumber) {
        return jdbc.sql("""
                        select l.link_kind, d.case_number as linked_case_number, l.source, l.category_code,
                            l.description, l.address, l.longitude, l.latitude, l.grid_code, l.distance_meters,
                            l.reported_at
                        from report_link l join city_case c on c.id = l.case_id
                            left join city_case d on d.id = l.linked_case_id
                        where c.case_number = ? order by l.reported_at, l.id""")
                .param(caseNumber)
                .query((rs, row) -> new LinkedReportView(Kind.valueOf(rs.getString("link_kind")),
                        rs.getString("linked_case_number"), rs.getString("source"), rs.getString("category_code"),
                        rs.getString("description"), rs.getString("address"), rs.getDouble("longitude"),
                        rs.getDouble("latitude"), rs.getString("grid_code"),
                        Math.round(rs.getDouble("distance_meters") * 10) / 10.0,
                        rs.getObject("reported_at", OffsetDateTime.class)))
                .list();
    }

    /**
     * A linked report as staff see it; the reporter's contact is deliberately not part of it.
     *
     * @param linkedCaseNumber the report's own case, ended as a duplicate, for {@link Kind#OPERATOR} links
     * @param distanceMeters   distance from the case's point, in metres to one decimal
     */
    public record LinkedReportView(Kind kind, String linkedCaseNumber, String source, String categoryCode,
                                   String description, String address, double longitude, double latitude,
                                   String gridCode, double distanceMeters, OffsetDateTime reportedAt) {
    }
}
