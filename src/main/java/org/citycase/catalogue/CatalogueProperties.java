package org.citycase.catalogue;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The seed catalogue read from {@code config/seed/*.yaml}: categories, departments and districts.
 * Edited by hand by the city; checked at start-up by {@link Catalogue}.
 */
@ConfigurationProperties("citycase.catalogue")
public record CatalogueProperties(List<Category> categories, List<Department> departments,
                                  List<District> districts) {

    public CatalogueProperties {
        categories = categories == null ? List.of() : List.copyOf(categories);
        departments = departments == null ? List.of() : List.copyOf(departments);
        districts = districts == null ? List.of() : List.copyOf(districts);
    }
}
