package org.citycase.citizen;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the city's geography is kept.
 *
 * @param districts GeoJSON feature collection of districts, each with {@code code} and {@code name}
 */
@ConfigurationProperties("citycase.geography")
public record GeographyProperties(@DefaultValue("config/geography/districts.geojson") Path districts) {
}
