package org.citycase.citizen.duplicate;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Marks a case a duplicate (重复上报) of another open case at acceptance: the case's report is linked to
 * the open case, and the case itself then ends with the status {@code DUPLICATE}.
 */
@Service
public class DuplicateMarking {

    private final JdbcClient jdbc;
    private final ReportLinks links;

    public DuplicateMarking(JdbcClient jdbc, ReportLinks links) {
        this.jdbc = jdbc;
        this.links = links;
    }

    /**
     * Links the report of case {@code caseNumber} to the open case {@code originalNumber}.
     *
     * @return the note that ends the duplicate case, naming the original
     * @throws InvalidDuplicateException when the original is blank, unknown, the case itself, or not open
     */
    public String markDuplicate(String caseNumber, String originalNumber) {
        String original = originalNumber == null ? "" : originalNumber.strip();
        if (original.isEmpty()) {
            throw new InvalidDuplicateException("duplicateOf: give the number of the open case this report repeats");
        }
        if (original.equals(caseNumber)) {
            throw new InvalidDuplicateException("duplicateOf: a case cannot duplicate itself");
        }
        Row target = row(original).orElseThrow(() -> new InvalidDuplicateException(
                "duplicateOf: no case has the number '" + original + "'"));
        if (!"OPEN".equals(target.status())) {
            throw new InvalidDuplicateException("duplicateOf: case " + original + " is " + target.status()
                    + "; only an open case can take duplicates");
        }
        Row duplicate = row(caseNumber).orElseThrow(() -> new IllegalStateException("No case " + caseNumber));
        double distance = Distances.meters(duplicate.longitude(), duplicate.latitude(), target.longitude(),
                target.latitude());
        links.link(new DuplicateMatch(target.id(), original, distance), duplicate.report(), ReportLinks.Kind.OPERATOR,
                duplicate.id());
        return "重复上报，已并入案件 " + original;
    }

    private Optional<Row> row(String caseNumber) {
        return jdbc.sql("""
                        select id, status, source, category_code, description, address, longitude, latitude,
                            grid_code, reporter_contact, reported_at
                        from city_case where case_number = ?""")
                .param(caseNumber)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("status"), rs.getDouble("longitude"),
                        rs.getDouble("latitude"), new LinkedReport(rs.getString("source"),
                        rs.getString("category_code"), rs.getString("description"), rs.getString("address"),
                        rs.getDouble("longitude"), rs.getDouble("latitude"), rs.getString("grid_code"),
                        rs.getString("reporter_contact"),
                        rs.getObject("reported_at", OffsetDateTime.class).toInstant())))
                .optional();
    }

    /** The number given as the original is not an open case that this case may join. */
    public static class InvalidDuplicateException extends IllegalArgumentException {
        public InvalidDuplicateException(String message) {
            super(message);
        }
    }

    private record Row(long id, String status, double longitude, double latitude, LinkedReport report) {
    }
}
