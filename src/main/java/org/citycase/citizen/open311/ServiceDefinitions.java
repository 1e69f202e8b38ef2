package org.citycase.citizen.open311;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.citycase.catalogue.Catalogue;
import org.citycase.catalogue.Category;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Open311 services: the catalogue's categories open to the public ({@code publicReport}), with a
 * group, keywords, and the extra questions (attributes) that {@code config/open311/services.yaml} adds.
 * Checked at start-up: the file may name only public categories, attribute codes are unique per service,
 * list attributes have values, and orders are positive and unique.
 */
@Component
public class ServiceDefinitions {

    /** The datatypes Open311 defines for attributes. */
    static final Set<String> DATATYPES = Set.of("string", "number", "datetime", "text", "singlevaluelist",
            "multivaluelist");

    private final Map<String, Service> services = new LinkedHashMap<>();

    public ServiceDefinitions(Catalogue catalogue, Open311Properties properties) {
        Map<String, Extra> extras = read(properties.services());
        for (Category category : catalogue.categories()) {
            if (category.publicReport()) {
                Extra extra = extras.getOrDefault(category.code(), new Extra(List.of(), List.of()));
                services.put(category.code(), new Service(category, group(category), keywords(category, extra),
                        extra.attributes()));
            }
        }
        extras.keySet().stream().filter(code -> !services.containsKey(code)).findFirst().ifPresent(code -> {
            throw new IllegalStateException(properties.services() + " names '" + code
                    + "', which is not a category open to public reports");
        });
        services.values().forEach(s -> check(s, properties.services()));
    }

    /** The services in catalogue order. */
    public List<Service> services() {
        return List.copyOf(services.values());
    }

    /** The service with the code, if the category exists and is open to the public. */
    public Optional<Service> service(String code) {
        return Optional.ofNullable(code).map(services::get);
    }

    private static String group(Category category) {
        return (category.kind() == Category.Kind.COMPONENT ? "部件" : "事件") + "/" + category.majorName();
    }

    private static String keywords(Category category, Extra extra) {
        List<String> words = new ArrayList<>(List.of(category.name(), category.majorName(),
                category.kind() == Category.Kind.COMPONENT ? "部件" : "事件"));
        extra.keywords().stream().filter(w -> !words.contains(w)).forEach(words::add);
        return String.join(", ", words);
    }

    private static Map<String, Extra> read(Path file) {
        Map<?, ?> root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Open311 services from " + file, e);
        }
        Object services = root == null ? null : root.get("services");
        if (!(services instanceof Map<?, ?>)) {
            throw new IllegalStateException(file + " has no 'services' map");
        }
        ObjectMapper mapper = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Map<String, Extra> extras = new LinkedHashMap<>();
        ((Map<?, ?>) services).forEach((code, value) -> {
            try {
                Extra extra = mapper.convertValue(value, Extra.class);
                extras.put(String.valueOf(code), new Extra(extra.keywords() == null ? List.of() : extra.keywords(),
                        extra.attributes() == null ? List.of() : extra.attributes()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Service '" + code + "' of " + file + " is malformed: "
                        + e.getMessage(), e);
            }
        });
        return extras;
    }

    private static void check(Service service, Path file) {
        Set<String> codes = new HashSet<>();
        Set<Integer> orders = new HashSet<>();
        for (ServiceAttribute attribute : service.attributes()) {
            String where = "Attribute '" + attribute.code() + "' of service " + service.code() + " in " + file;
            if (attribute.code() == null || !attribute.code().matches("[A-Za-z0-9_-]{1,40}")
                    || !codes.add(attribute.code())) {
                throw new IllegalStateException(where + " needs a unique code of letters, digits, - and _");
            }
            if (!DATATYPES.contains(attribute.datatype())) {
                throw new IllegalStateException(where + " has datatype '" + attribute.datatype()
                        + "'; expected one of " + DATATYPES);
            }
            if (attribute.order() == null || attribute.order() < 1 || !orders.add(attribute.order())) {
                throw new IllegalStateException(where + " needs a positive order of its own");
            }
            boolean list = attribute.datatype().endsWith("valuelist");
            if (list == (attribute.values() == null || attribute.values().isEmpty())) {
                throw new IllegalStateException(where + (list ? " needs values" : " may have values only if a list"));
            }
            if (attribute.description() == null || attribute.description().isBlank()) {
                throw new IllegalStateException(where + " needs a description, the question users see");
            }
        }
    }

    /**
     * A service: a category open to public reports.
     *
     * @param group    kind and major class, e.g. 部件/公用设施
     * @param keywords comma-separated words that help apps find the service
     */
    public record Service(Category category, String group, String keywords, List<ServiceAttribute> attributes) {

        public String code() {
            return category.code();
        }
    }

    /** What services.yaml adds to a category. */
    private record Extra(List<String> keywords, List<ServiceAttribute> attributes) {
    }
}
