package org.citycase.catalogue;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;

/**
 * Looks up the categories, departments and districts of the seed catalogue. Refuses to start when
 * the catalogue is empty, repeats a code, or names a district that does not exist.
 */
@Component
public class Catalogue {

    private final Map<String, Category> categories;
    private final Map<String, Department> departments;
    private final Map<String, District> districts;

    public Catalogue(CatalogueProperties properties) {
        categories = index(properties.categories(), Category::code, "category");
        departments = index(properties.departments(), Department::code, "department");
        districts = index(properties.districts(), District::code, "district");
        if (categories.isEmpty() || departments.isEmpty()) {
            throw new IllegalStateException(
                    "The catalogue has no categories or no departments: check config/seed/catalogue.yaml");
        }
        departments.values().stream()
                .filter(d -> d.districtCode() != null && !districts.containsKey(d.districtCode()))
                .findFirst()
                .ifPresent(d -> {
                    throw new IllegalStateException("Department '" + d.code() + "' names unknown district '"
                            + d.districtCode() + "'");
                });
    }

    public Optional<Category> category(String code) {
        return Optional.ofNullable(code).map(categories::get);
    }

    public Collection<Category> categories() {
        return categories.values();
    }

    public Optional<Department> department(String code) {
        return Optional.ofNullable(code).map(departments::get);
    }

    public Collection<Department> departments() {
        return departments.values();
    }

    public Optional<District> district(String code) {
        return Optional.ofNullable(code).map(districts::get);
    }

    public Collection<District> districts() {
        return districts.values();
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> code, String what) {
        Map<String, T> byCode = new LinkedHashMap<>();
        for (T item : items) {
            String key = code.apply(item);
            if (key == null || key.isBlank()) {
                throw new IllegalStateException("A " + what + " in the catalogue has no code: " + item);
            }
            if (byCode.put(key, item) != null) {
                throw new IllegalStateException("The catalogue repeats " + what + " code '" + key + "'");
            }
        }
        return Collections.unmodifiableMap(byCode);
    }
}
