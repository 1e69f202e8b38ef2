package org.citycase.citizen.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import org.citycase.catalogue.Catalogue;
import org.citycase.catalogue.Category;
import org.citycase.catalogue.Department;
import org.citycase.citizen.Geography;
import org.citycase.citizen.Location;
import org.citycase.citizen.open311.Open311Documents.Discovery;
import org.citycase.citizen.open311.Open311Documents.Endpoint;
import org.citycase.citizen.open311.Open311Documents.PostedRequest;
import org.citycase.citizen.open311.Open311Documents.ServiceEntry;
import org.citycase.citizen.open311.Open311Properties.Client;
import org.citycase.citizen.open311.ServiceDefinitions.Service;
import org.citycase.citizen.open311.ServiceRequestRows.Row;
import org.citycase.intake.IntakeService;
import org.citycase.intake.ReportOutcome;
import org.citycase.intake.ReportRequest;
import org.citycase.intake.Source;
import org.citycase.web.FieldProblem;
import org.citycase.web.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public channel in Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): service discovery,
 * the service list and definitions, posting a request (with an API key) and reading requests (without
 * one). Each resource ends in {@code .xml} or {@code .json}. Errors answer 400, 403 (API key) or 404 (an
 * unknown service, request or jurisdiction) with the spec's list of {@code code} and {@code description}.
 *
 * <p>Deviations, each answered with a 400 that says so: a location must be given as {@code lat} and
 * {@code long}, as citycase does not geocode {@code address_string} or {@code address_id}; media are
 * taken as a {@code media_url}, not uploaded. Names, device and account ids are accepted and not kept.
 */
@RestController
@RequestMapping("/open311/v2")
public class Open311Controller {

    private static final Logger LOG = LoggerFactory.getLogger(Open311Controller.class);
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d{1,3}(\\.\\d{1,15})?");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{4,19}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"';]{1,64}@[A-Za-z0-9.-]{1,200}\\.[A-Za-z]{2,}");

    private final Open311Properties properties;
    private final ServiceDefinitions definitions;
    private final ServiceRequestRows rows;
    private final IntakeService intake;
    private final Geography geography;
    private final Catalogue catalogue;
    private final Open311Renderer renderer;
    private final Clock clock;
    private final ZoneId zone;
    private final String changeset;

    public Open311Controller(Open311Properties properties, ServiceDefinitions definitions, ServiceRequestRows rows,
                             IntakeService intake, Geography geography, Catalogue catalogue,
                             Open311Renderer renderer, Clock clock,
                             @Value("${citycase.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.properties = properties;
        this.definitions = definitions;
        this.rows = rows;
        this.intake = intake;
        this.geography = geography;
        this.catalogue = catalogue;
        this.renderer = renderer;
        this.clock = clock;
        this.zone = zone;
        // services come from files read at start-up, so they change only with a restart
        this.changeset = time(Instant.now());
        checkClients(properties.clients());
    }

    /** The service discovery document: where the GeoReport v2 endpoint is and which formats it speaks. */
    @GetMapping("/discovery.{format}")
    public ResponseEntity<byte[]> discovery(@PathVariable String format, HttpServletRequest request) {
        Open311Format answer = Open311Format.of(format);
        String url = ServletUriComponentsBuilder.fromContextPath(request).path("/open311/v2").toUriString();
        Endpoint endpoint = new Endpoint(SPECIFICATION, url, changeset, "production",
                Stream.of(Open311Format.values()).map(f -> f.mediaType().getType() + "/" + f.mediaType().getSubtype())
                        .toList());
        return renderer.object(answer, "discovery",
                new Discovery(changeset, properties.contact(), properties.keyService(), List.of(endpoint)));
    }

    /** The services: the categories open to public reports. */
    @GetMapping("/services.{format}")
    public ResponseEntity<byte[]> services(@PathVariable String format, HttpServletRequest request) {
        Open311Format answer = Open311Format.of(format);
        checkJurisdiction(answer, request);
        List<ServiceEntry> entries = definitions.services().stream()
                .map(s -> new ServiceEntry(s.code(), s.category().name(), s.category().registrationCondition(),
                        !s.attributes().isEmpty(), "realtime", s.keywords(), s.group()))
                .toList();
        return renderer.list(HttpStatus.OK, answer, "services", "service", entries);
    }

    /** A service's definition: its attributes (extra questions); 404 for an unknown service. */
    @GetMapping("/services/{code}.{format}")
    public ResponseEntity<byte[]> service(@PathVariable String code, @PathVariable String format,
                                          HttpServletRequest request) {
        Open311Format answer = Open311Format.of(format);
        checkJurisdiction(answer, request);
        Service service = service(answer, code);
        return renderer.object(answer, "service_definition",
                new Open311Documents.ServiceDefinition(service.code(), service.attributes()));
    }

    /**
     * Requests by {@code service_request_id} (comma-separated; overrides every other argument), or by
     * {@code service_code}, {@code status} ({@code open}, {@code closed}) and the window
     * {@code start_date}..{@code end_date} on the requested time: by default the last 90 days, at most 90
     * days. At most 1000 requests, newest first.
     */
    @GetMapping("/requests.{format}")
    public ResponseEntity<byte[]> requests(@PathVariable String format, HttpServletRequest request) {
        Open311Format answer = Open311Format.of(format);
        checkJurisdiction(answer, request);
        Set<String> publicCodes = publicCodes();
        List<String> ids = values(request, "service_request_id");
        List<Row> found;
        if (!ids.isEmpty()) {
            if (ids.size() > properties.maxRequests()) {
                throw bad(answer, "service_request_id names more than " + properties.maxRequests() + " requests");
            }
            found = rows.byNumbers(ids, publicCodes, properties.maxRequests());
        } else {
            List<String> problems = new ArrayList<>();
            Set<String> codes = serviceCodes(values(request, "service_code"), publicCodes, problems);
            Boolean open = status(values(request, "status"), problems);
            Instant[] window = window(request, problems);
            if (!problems.isEmpty()) {
                throw new Open311Exception(HttpStatus.BAD_REQUEST, answer, problems);
            }
            found = rows.search(codes, open, window[0], window[1], properties.maxRequests());
        }
        return renderer.list(HttpStatus.OK, answer, "service_requests", "request",
                found.stream().map(this::publicView).toList());
    }

    /** One request; 404 when no public request has the id. */
    @GetMapping("/requests/{id}.{format}")
    public ResponseEntity<byte[]> request(@PathVariable String id, @PathVariable String format,
                                          HttpServletRequest request) {
        Open311Format answer = Open311Format.of(format);
        checkJurisdiction(answer, request);
        List<Row> found = rows.byNumbers(List.of(id), publicCodes(), 1);
        if (found.isEmpty()) {
            throw new Open311Exception(HttpStatus.NOT_FOUND, answer,
                    "service_request_id '" + shown(id) + "' was not found");
        }
        return renderer.list(HttpStatus.OK, answer, "service_requests", "request",
                List.of(publicView(found.get(0))));
    }

    /**
     * Posts a request as a citizen's report (form-encoded). 201 with the new case's number as
     * {@code service_request_id}; 200 with the number of the open case it joined when it duplicates one;
     * 403 without a valid {@code api_key}; 404 for an unknown service; 400 naming every bad argument.
     */
    @PostMapping("/requests.{format}")
    public ResponseEntity<byte[]> post(@PathVariable String format, HttpServletRequest request) {
        Open311Format answer = Open311Format.of(format);
        checkFormEncoded(answer, request);
        checkJurisdiction(answer, request);
        Client client = client(answer, request.getParameter("api_key"));
        String serviceCode = blankToNull(request.getParameter("service_code"));
        if (serviceCode == null) {
            throw bad(answer, "service_code was not provided");
        }
        Service service = service(answer, serviceCode);
        List<String> problems = new ArrayList<>();
        Double lat = coordinate(request, "lat", problems);
        Double lon = coordinate(request, "long", problems);
        String contactField = request.getParameter("phone") != null && !request.getParameter("phone").isBlank()
                ? "phone" : "email";
        String contact = contact(request, contactField, problems);
        Optional<String> answers = AttributeAnswers.summarise(service, request.getParameterMap(), problems);
        if (!problems.isEmpty()) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, answer, problems);
        }
        ReportRequest report = new ReportRequest(Source.CITIZEN, service.code(),
                description(request, service, answers), address(request, lon, lat), lon, lat, false, contact,
                blankToNull(request.getParameter("media_url")) == null ? List.of()
                        : List.of(request.getParameter("media_url").strip()));
        ReportOutcome outcome;
        try {
            outcome = intake.submit(report);
        } catch (InvalidInputException e) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, answer,
                    e.problems().stream().map(p -> open311Name(p, contactField) + ": " + p.message()).toList());
        }
        LOG.info("Open311 client {} posted a request for case {}{}", client.name(), outcome.caseNumber(),
                outcome.duplicate() ? " (duplicate)" : "");
        String notice = outcome.duplicate()
                ? "该问题已有人上报（案件 " + outcome.caseNumber() + "），您的上报已并入该案件，不另行立案，也不计奖励。"
                : "已受理，案件编号 " + outcome.caseNumber() + "。经监督员现场核实后立案，处置时限："
                        + service.category().handlingLimit() + "。";
        return renderer.list(outcome.duplicate() ? HttpStatus.OK : HttpStatus.CREATED, answer, "service_requests",
                "request", List.of(new PostedRequest(outcome.caseNumber(), notice)));
    }

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<byte[]> failed(Open311Exception e) {
        LOG.debug("Open311 answers {}: {}", e.status().value(), e.getMessage());
        return renderer.list(e.status(), e.format(), "errors", "error", e.errors());
    }

    /** A value from a request, cut short to be quoted in an error description. */
    static String shown(String value) {
        String text = value == null ? "" : value;
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private Open311Documents.ServiceRequest publicView(Row row) {
        boolean open = "OPEN".equals(row.status());
        Category category = catalogue.category(row.categoryCode()).orElseThrow();
        Instant updated = Stream.of(row.reportedAt(), row.lastStep(), row.endedAt())
                .filter(Objects::nonNull).max(Instant::compareTo).orElseThrow();
        String agency = catalogue.department(row.departmentCode()).map(Department::name).orElse(null);
        return new Open311Documents.ServiceRequest(row.caseNumber(), open ? "open" : "closed", statusNotes(row),
                category.name(), category.code(), PersonalData.hide(row.description()), agency,
                "处置时限：" + category.handlingLimit(), time(row.reportedAt()), time(updated),
                open && row.handleDue() != null ? time(row.handleDue()) : null, PersonalData.hide(row.address()),
                row.latitude(), row.longitude(), row.mediaUrl());
    }

    private static String statusNotes(Row row) {
        String reason = row.endReason() == null || row.endReason().isBlank() ? ""
                : "：" + PersonalData.hide(row.endReason());
        return switch (row.status()) {
            case "OPEN" -> "办理中" + (row.openStage() == null ? "" : "，当前环节：" + row.openStage());
            case "CLOSED" -> "已结案：问题已处置并经现场核查";
            case "INVALID" -> "经现场核实，问题不属实";
            case "NOT_REGISTERED" -> "不予立案" + reason;
            case "CANCELLED" -> "已作废" + reason;
            case "DUPLICATE" -> "重复上报，已并入案件 " + row.duplicateOf();
            default -> "已办结";
        };
    }

    private String time(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone)
                .toOffsetDateTime());
    }

    private Set<String> publicCodes() {
        Set<String> codes = new LinkedHashSet<>();
        definitions.services().forEach(s -> codes.add(s.code()));
        return codes;
    }

    private Service service(Open311Format answer, String code) {
        return definitions.service(code).orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND, answer,
                "service_code '" + shown(code) + "' was not found; see services." + answer.name().toLowerCase()));
    }

    private void checkJurisdiction(Open311Format answer, HttpServletRequest request) {
        String jurisdiction = request.getParameter("jurisdiction_id");
        if (jurisdiction != null && !jurisdiction.equals(properties.jurisdictionId())) {
            throw new Open311Exception(HttpStatus.NOT_FOUND, answer,
                    "jurisdiction_id '" + shown(jurisdiction) + "' was not found; this server serves '"
                            + properties.jurisdictionId() + "'");
        }
    }

    private static void checkFormEncoded(Open311Format answer, HttpServletRequest request) {
        String type = request.getContentType();
        MediaType mediaType;
        try {
            mediaType = type == null ? null : MediaType.parseMediaType(type);
        } catch (IllegalArgumentException e) {
            mediaType = null;
        }
        if (mediaType == null || !(MediaType.APPLICATION_FORM_URLENCODED.includes(mediaType)
                || MediaType.MULTIPART_FORM_DATA.includes(mediaType))) {
            throw bad(answer, "a request must be posted as application/x-www-form-urlencoded, not "
                    + (type == null ? "without a content type" : shown(type)));
        }
    }

    private Client client(Open311Format answer, String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new Open311Exception(HttpStatus.FORBIDDEN, answer, "api_key was not provided");
        }
        byte[] given = apiKey.getBytes(StandardCharsets.UTF_8);
        return properties.clients().stream()
                .filter(c -> MessageDigest.isEqual(given, c.key().getBytes(StandardCharsets.UTF_8)))
                .findFirst()
                .orElseThrow(() -> new Open311Exception(HttpStatus.FORBIDDEN, answer, "api_key is not valid"));
    }

    private static void checkClients(List<Client> clients) {
        Set<String> keys = new LinkedHashSet<>();
        for (Client client : clients) {
            if (client.name() == null || client.name().isBlank() || client.key() == null
                    || client.key().strip().length() < 8 || !keys.add(client.key())) {
                throw new IllegalStateException("Every citycase.open311.clients entry needs a name and a key of "
                        + "its own of at least 8 characters; check " + client);
            }
        }
    }

    private static Double coordinate(HttpServletRequest request, String name, List<String> problems) {
        String value = blankToNull(request.getParameter(name));
        if (value == null) {
            boolean addressOnly = blankToNull(request.getParameter("address_string")) != null
                    || blankToNull(request.getParameter("address_id")) != null;
            problems.add(name + " was not provided" + (addressOnly
                    ? ": this server places requests by lat and long only, it does not geocode address_string "
                    + "or address_id" : ""));
            return null;
        }
        if (!DECIMAL.matcher(value).matches()) {
            problems.add(name + " must be a decimal number of WGS 84 degrees, not '" + shown(value) + "'");
            return null;
        }
        return Double.valueOf(value);
    }

    private static String contact(HttpServletRequest request, String field, List<String> problems) {
        String value = blankToNull(request.getParameter(field));
        if (value == null) {
            return null;
        }
        boolean valid = "phone".equals(field) ? PHONE.matcher(value).matches() : EMAIL.matcher(value).matches();
        if (!valid) {
            problems.add(field + " is not a valid " + ("phone".equals(field) ? "phone number" : "e-mail address"));
        }
        return value;
    }

    private static String description(HttpServletRequest request, Service service, Optional<String> answers) {
        String text = blankToNull(request.getParameter("description"));
        String base = text != null ? text : service.category().name() + "（上报人未填写描述）";
        return answers.map(a -> base + "\n" + a).orElse(base);
    }

    private String address(HttpServletRequest request, Double lon, Double lat) {
        String given = blankToNull(request.getParameter("address_string"));
        if (given != null) {
            return given;
        }
        return geography.locate(lon, lat).map(Location::label).map(l -> l + "附近").orElse(lat + ", " + lon);
    }

    private static String open311Name(FieldProblem problem, String contactField) {
        String field = problem.field();
        return switch (field) {
            case "longitude" -> "long";
            case "latitude" -> "lat";
            case "longitude/latitude" -> "lat/long";
            case "categoryCode" -> "service_code";
            case "address" -> "address_string";
            case "reporterContact" -> contactField;
            default -> field.startsWith("photoUrls") ? "media_url" : field;
        };
    }

    private Set<String> serviceCodes(List<String> given, Set<String> publicCodes, List<String> problems) {
        if (given.isEmpty()) {
            return publicCodes;
        }
        given.stream().filter(code -> !publicCodes.contains(code)).findFirst().ifPresent(code -> problems.add(
                "service_code '" + shown(code) + "' is not a service; see services.xml"));
        return new LinkedHashSet<>(given);
    }

    private static Boolean status(List<String> given, List<String> problems) {
        Set<String> statuses = new LinkedHashSet<>(given);
        if (!Set.of("open", "closed").containsAll(statuses)) {
            problems.add("status must be open, closed or both, comma-separated");
            return null;
        }
        return statuses.size() == 1 ? statuses.contains("open") : null;
    }

    /** The window [start, end] of a search, by the spec's defaults and limit; null entries when invalid. */
    private Instant[] window(HttpServletRequest request, List<String> problems) {
        int before = problems.size();
        Instant start = date(request, "start_date", problems);
        Instant end = date(request, "end_date", problems);
        Duration span = Duration.ofDays(properties.defaultDays());
        if (problems.size() > before) {
            return new Instant[] {null, null};
        }
        if (start == null && end == null) {
            end = clock.instant();
            start = end.minus(span);
        } else if (end == null) {
            end = start.plus(span);
        } else if (start == null) {
            start = end.minus(span);
        } else if (end.isBefore(start)) {
            problems.add("end_date must not be before start_date");
        } else if (Duration.between(start, end).compareTo(span) > 0) {
            problems.add("start_date and end_date may not span more than " + properties.defaultDays() + " days");
        }
        return new Instant[] {start, end};
    }

    private static Instant date(HttpServletRequest request, String name, List<String> problems) {
        String value = blankToNull(request.getParameter(name));
        if (value == null) {
            return null;
        }
        // an unencoded '+' of the offset arrives as a space
        String repaired = value.matches(".*T.* \\d{2}:\\d{2}") ? value.replaceFirst(" (\\d{2}:\\d{2})$", "+$1")
                : value;
        try {
            return OffsetDateTime.parse(repaired).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(name + " must be an ISO 8601 date and time with a time zone, e.g. 2010-01-01T00:00:00Z, "
                    + "not '" + shown(value) + "'");
            return null;
        }
    }

    private static List<String> values(HttpServletRequest request, String name) {
        String[] given = request.getParameterValues(name);
        if (given == null) {
            return List.of();
        }
        return Arrays.stream(given).flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                .filter(v -> !v.isEmpty()).distinct().toList();
    }

    private static Open311Exception bad(Open311Format answer, String description) {
        return new Open311Exception(HttpStatus.BAD_REQUEST, answer, description);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
