package org.citycase.citizen;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the city's geography is kept, and whether reports are limited to the pilot area.
 *
 * @param districts       GeoJSON feature collection of districts (区), each with {@code code} and {@code name}
 * @param streets         streets (街道); a 9-digit code that starts with its district's code
 * @param communities     communities (社区); a 12-digit code that starts with its street's code
 * @param grids           unit grids (单元网格); a 14-digit code that starts with its community's code
 * @param gridSupervisors YAML file that assigns grids to supervisors by code prefix
 * @param pilotArea       GeoJSON of the pilot area (试点区域); read always, enforced only when {@code pilotOnly}
 * @param pilotOnly       refuse reports from outside the pilot area; off by default, as the whole city is served
 */
@ConfigurationProperties("citycase.geography")
public record GeographyProperties(
        @DefaultValue("config/geography/districts.geojson") Path districts,
        @DefaultValue("config/geography/streets.geojson") Path streets,
        @DefaultValue("config/geography/communities.geojson") Path communities,
        @DefaultValue("config/geography/grids.geojson") Path grids,
        @DefaultValue("config/geography/grid-supervisors.yaml") Path gridSupervisors,
        @DefaultValue("config/geography/pilot-area.geojson") Path pilotArea,
        @DefaultValue("false") boolean pilotOnly) {
}
