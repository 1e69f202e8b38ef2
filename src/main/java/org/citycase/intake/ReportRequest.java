package org.citycase.intake;

import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A report of a city problem as a client sends it to {@code POST /api/reports}.
 *
 * @param description     plain text without markup, at most 4000 characters (the limit of Open311)
 * @param longitude       WGS 84 degrees east
 * @param latitude        WGS 84 degrees north
 * @param urgent          urgent cases run on the natural clock; absent means not urgent
 * @param reporterContact optional phone or e-mail of the reporter; personal data, never logged
 * @param photoUrls       optional links to photos of the problem, at most nine
 */
public record ReportRequest(
        @NotNull Source source,
        @NotBlank @Size(max = 16) String categoryCode,
        @NotBlank @Size(max = 4000) String description,
        @NotBlank @Size(max = 300) String address,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        Boolean urgent,
        @Size(max = 100) String reporterContact,
        @Size(max = 9) List<@NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+",
                message = "must be an http or https link") String> photoUrls) {
}
