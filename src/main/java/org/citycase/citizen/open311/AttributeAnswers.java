package org.citycase.citizen.open311;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.citycase.citizen.open311.ServiceDefinitions.Service;

/**
 * Checks the answers to a service's attributes posted as {@code attribute[CODE]=value}, or for a
 * multivaluelist as repeated {@code attribute[CODE][]=key}, and sums them up in one line of Chinese for
 * the case's description.
 */
final class AttributeAnswers {

    static final int MAX_STRING = 200;
    static final int MAX_TEXT = 1000;
    private static final Pattern NAME = Pattern.compile("attribute\\[([^\\]]*)](\\[])?");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,12}(\\.\\d{1,6})?");

    private AttributeAnswers() {
    }

    /**
     * The summary of the answers, empty when there are none; each problem found is added to {@code problems}
     * as a description that names the argument.
     */
    static Optional<String> summarise(Service service, Map<String, String[]> parameters, List<String> problems) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            Matcher matcher = NAME.matcher(name);
            if (matcher.matches()) {
                answers.computeIfAbsent(matcher.group(1), k -> new ArrayList<>())
                        .addAll(Arrays.stream(values).map(String::strip).filter(v -> !v.isEmpty()).toList());
            }
        });
        List<String> lines = new ArrayList<>();
        for (String code : answers.keySet()) {
            if (service.attributes().stream().noneMatch(a -> a.code().equals(code))) {
                problems.add("attribute[" + Open311Controller.shown(code) + "] is not a question of service "
                        + service.code() + "; see services/" + service.code() + ".xml");
            }
        }
        for (ServiceAttribute attribute : service.attributes()) {
            List<String> given = answers.getOrDefault(attribute.code(), List.of());
            String argument = "attribute[" + attribute.code() + "]";
            if (given.isEmpty()) {
                if (attribute.required()) {
                    problems.add(argument + " is required: " + attribute.description());
                }
                continue;
            }
            check(attribute, argument, given, problems).ifPresent(answer ->
                    lines.add(attribute.description().replaceAll("[？?]$", "") + answer));
        }
        return lines.isEmpty() ? Optional.empty() : Optional.of("【补充信息】" + String.join("；", lines));
    }

    private static Optional<String> check(ServiceAttribute attribute, String argument, List<String> given,
                                          List<String> problems) {
        int before = problems.size();
        if (!"multivaluelist".equals(attribute.datatype()) && given.size() > 1) {
            problems.add(argument + " takes one value");
        }
        String value = given.get(0);
        switch (attribute.datatype()) {
            case "singlevaluelist", "multivaluelist" -> given.stream()
                    .filter(key -> attribute.values().stream().noneMatch(v -> v.key().equals(key)))
                    .findFirst()
                    .ifPresent(key -> problems.add(argument + " has no choice '" + Open311Controller.shown(key)
                            + "'; choose from " + attribute.values().stream().map(ServiceAttribute.Value::key)
                            .collect(Collectors.joining(", "))));
            case "number" -> {
                if (!NUMBER.matcher(value).matches()) {
                    problems.add(argument + " must be a decimal number");
                }
            }
            case "datetime" -> {
                try {
                    OffsetDateTime.parse(value);
                } catch (DateTimeParseException e) {
                    problems.add(argument + " must be an ISO 8601 date and time with a time zone");
                }
            }
            default -> {
                int max = "text".equals(attribute.datatype()) ? MAX_TEXT : MAX_STRING;
                if (value.length() > max || value.indexOf('<') >= 0 || value.indexOf('>') >= 0) {
                    problems.add(argument + " must be plain text of at most " + max + " characters");
                }
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        if (attribute.datatype().endsWith("valuelist")) {
            return Optional.of("：" + given.stream()
                    .map(key -> attribute.values().stream().filter(v -> v.key().equals(key)).findFirst()
                            .map(ServiceAttribute.Value::name).orElse(key))
                    .collect(Collectors.joining("、")));
        }
        return Optional.of("：" + value);
    }
}
