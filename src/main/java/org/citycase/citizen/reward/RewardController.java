package org.citycase.citizen.reward;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.citycase.citizen.reward.RewardLedger.BlacklistEntry;
import org.citycase.citizen.reward.RewardService.MonthReport;
import org.citycase.citizen.reward.RewardService.Payout;
import org.citycase.web.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The reward ledger for staff: a month's rewards, the month's payout list, and the blacklist. */
@RestController
@RequestMapping("/api/rewards")
public class RewardController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final RewardService rewards;

    public RewardController(RewardService rewards) {
        this.rewards = rewards;
    }

    /** The month's rewards per reporter with daily subtotals; 400 for a month not written {@code yyyy-MM}. */
    @GetMapping("/{month}")
    public MonthReport month(@PathVariable String month) {
        return rewards.month(parse(month));
    }

    /**
     * The month's payout list as CSV for the finance office (UTF-8 with a byte order mark, so that
     * spreadsheet programs read the Chinese headings); holds the reporters' contacts.
     */
    @GetMapping("/{month}.csv")
    public ResponseEntity<byte[]> payouts(@PathVariable String month) {
        YearMonth parsed = parse(month);
        StringBuilder csv = new StringBuilder("\uFEFF举报人标识,联系方式,有效首报数,奖励金额（元）\r\n");
        for (Payout payout : rewards.payouts(parsed)) {
            csv.append(cell(payout.reporterKey())).append(',')
                    .append(cell(ReporterKeys.normalise(payout.reporterContact()))).append(',')
                    .append(payout.firstReports()).append(',')
                    .append(payout.amountYuan().toPlainString()).append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("rewards-" + parsed + ".csv").build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The blacklisted reporters, by key. */
    @GetMapping("/blacklist")
    public List<BlacklistEntry> blacklist() {
        return rewards.blacklist();
    }

    /** Puts a reporter on the blacklist; 201, or 400 naming a bad field, or 409 when already listed. */
    @PostMapping(path = "/blacklist", consumes = "application/json")
    public ResponseEntity<BlacklistEntry> blacklist(@RequestBody BlacklistRequest request) {
        BlacklistEntry entry = rewards.blacklist(request.reporterContact(), request.reason());
        return ResponseEntity.created(URI.create("/api/rewards/blacklist/" + entry.reporterKey())).body(entry);
    }

    /** Takes a reporter off the blacklist; 204, or 404 when not listed. */
    @DeleteMapping("/blacklist/{reporterKey}")
    public ResponseEntity<Void> unlist(@PathVariable String reporterKey) {
        rewards.unlist(reporterKey);
        return ResponseEntity.noContent().build();
    }

    private static YearMonth parse(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "must be a month written yyyy-MM, e.g. 2026-12");
        }
    }

    /** Quotes a CSV cell, and defuses text that a spreadsheet would run as a formula. */
    private static String cell(String text) {
        String value = text == null ? "" : text;
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /**
     * A request to blacklist a reporter.
     *
     * @param reporterContact the contact the reporter gave; personal data, kept only as its hash
     * @param reason          why, e.g. fabricated reports (虚假举报)
     */
    public record BlacklistRequest(String reporterContact, String reason) {
    }
}
