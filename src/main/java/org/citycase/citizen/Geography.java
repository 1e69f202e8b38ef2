package org.citycase.citizen;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.citycase.catalogue.Catalogue;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The city's four levels of areas (district, street, community, unit grid), the pilot area and the
 * grids' supervisors, read from {@code config/geography/} at start-up and checked for consistency:
 * every code starts with its parent's code (CJ/T 213 style) and lies inside its parent.
 *
 * <p>Points are WGS 84 longitude and latitude. Lookups go through STR-trees, so they stay fast with
 * tens of thousands of grids. On an edge or corner shared by several areas the one listed first in its
 * file wins.
 */
@Component
public class Geography {

    private static final Logger LOG = LoggerFactory.getLogger(Geography.class);

    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4326);
    private final AreaIndex districtIndex;
    private final AreaIndex gridIndex;
    private final AreaIndex pilotIndex;
    private final Map<String, Area> districts;
    private final Map<String, Area> streets;
    private final Map<String, Area> communities;
    private final GridSupervisors supervisors;
    private final boolean pilotOnly;
    private final String pilotName;

    /**
     * Reads and checks the geography.
     *
     * @throws IllegalStateException naming the file and area when the geography is inconsistent
     */
    public Geography(GeographyProperties properties, Catalogue catalogue, ObjectMapper json) {
        GeoJsonAreas reader = new GeoJsonAreas(json, factory);
        List<Area> districtList = reader.read(properties.districts());
        districtList.stream().filter(d -> catalogue.district(d.code()).isEmpty()).findFirst().ifPresent(d -> {
            throw new IllegalStateException("District '" + d.code() + "' of " + properties.districts()
                    + " is not in the catalogue");
        });
        districts = byCode(districtList, properties.districts().toString());
        streets = children(reader.read(properties.streets()), 9, districts, 6, "street",
                properties.streets().toString());
        communities = children(reader.read(properties.communities()), 12, streets, 9, "community",
                properties.communities().toString());
        List<Area> grids = reader.read(properties.grids());
        Collection<Area> gridAreas = children(grids, 14, communities, 12, "grid",
                properties.grids().toString()).values();
        supervisors = GridSupervisors.read(properties.gridSupervisors(),
                gridAreas.stream().map(Area::code).toList());
        districtIndex = new AreaIndex(factory, districtList);
        gridIndex = new AreaIndex(factory, grids);
        List<Area> pilot = reader.read(properties.pilotArea());
        if (pilot.isEmpty()) {
            throw new IllegalStateException(properties.pilotArea() + " has no pilot area");
        }
        pilotIndex = new AreaIndex(factory, pilot);
        pilotName = pilot.get(0).name();
        pilotOnly = properties.pilotOnly();
        LOG.info("Geography: {} districts, {} streets, {} communities, {} unit grids; pilot area only: {}",
                districts.size(), streets.size(), communities.size(), grids.size(), pilotOnly);
    }

    /** The code of the district that contains the point, or empty outside the service area. */
    public Optional<String> districtAt(double longitude, double latitude) {
        return districtIndex.find(longitude, latitude).map(Area::code);
    }

    /**
     * Places a point in its district, street, community and unit grid, with the grid's supervisor. The
     * pilot fence is not applied here; see {@link #place}.
     *
     * @return empty when no district contains the point
     */
    public Optional<Location> locate(double longitude, double latitude) {
        Optional<Area> grid = gridIndex.find(longitude, latitude);
        if (grid.isPresent()) {
            return Optional.of(inGrid(grid.get()));
        }
        return districtIndex.find(longitude, latitude)
                .map(d -> new Location(d.code(), null, null, null, null, d.name()));
    }

    /**
     * Places the point of a report, refusing points the city does not serve.
     *
     * @throws OutsideServiceAreaException when no district contains the point, or when only the pilot area is
     *                                     served and the point lies outside it; the message names the point
     */
    public Location place(double longitude, double latitude) {
        Location location = locate(longitude, latitude).orElseThrow(() -> new OutsideServiceAreaException(
                "the point (" + longitude + ", " + latitude + ") is outside the city's service area"));
        if (pilotOnly && !inPilotArea(longitude, latitude)) {
            throw new OutsideServiceAreaException("the point (" + longitude + ", " + latitude
                    + ") is outside the pilot area " + pilotName + "; only reports from the pilot area are accepted");
        }
        return location;
    }

    /** Whether the point lies in the pilot area (boundary included), whether or not the fence is on. */
    public boolean inPilotArea(double longitude, double latitude) {
        return pilotIndex.find(longitude, latitude).isPresent();
    }

    /** Whether reports from outside the pilot area are refused. */
    public boolean pilotOnly() {
        return pilotOnly;
    }

    /** The Chinese name of the pilot area. */
    public String pilotAreaName() {
        return pilotName;
    }

    /** How many unit grids the city has. */
    public int gridCount() {
        return gridIndex.size();
    }

    /** The streets (街道) of the city by code, in code order: code to Chinese name. */
    public Map<String, String> streetNames() {
        Map<String, String> names = new TreeMap<>();
        streets.values().forEach(street -> names.put(street.code(), street.name()));
        return names;
    }

    /** The supervisor who patrols a unit grid, by the grid assignment; empty for a grid nobody patrols. */
    public Optional<String> supervisorOfGrid(String gridCode) {
        return Optional.ofNullable(gridCode).map(supervisors::supervisorOf);
    }

    /** The user ids of every supervisor the grid assignment names, sorted. */
    public Set<String> gridSupervisors() {
        return supervisors.users();
    }

    private Location inGrid(Area grid) {
        String code = grid.code();
        Area community = communities.get(code.substring(0, 12));
        Area street = streets.get(code.substring(0, 9));
        Area district = districts.get(code.substring(0, 6));
        return new Location(district.code(), street.code(), community.code(), code, supervisors.supervisorOf(code),
                district.name() + street.name() + grid.name());
    }

    private static Map<String, Area> byCode(List<Area> areas, String file) {
        Map<String, Area> byCode = new HashMap<>();
        for (Area area : areas) {
            if (byCode.put(area.code(), area) != null) {
                throw new IllegalStateException(file + " repeats the code '" + area.code() + "'");
            }
        }
        return byCode;
    }

    /** Checks that each area has a code of its level that extends its parent's code, and lies inside that parent. */
    private static Map<String, Area> children(List<Area> areas, int digits, Map<String, Area> parents,
                                              int parentDigits, String level, String file) {
        for (Area area : areas) {
            if (area.code().length() != digits || !area.code().chars().allMatch(Character::isDigit)) {
                throw new IllegalStateException("The " + level + " code '" + area.code() + "' of " + file
                        + " does not have " + digits + " digits");
            }
            Area parent = parents.get(area.code().substring(0, parentDigits));
            if (parent == null) {
                throw new IllegalStateException("The " + level + " '" + area.code() + "' of " + file
                        + " does not start with the code of a known parent area");
            }
            if (!parent.shape().covers(area.shape().getInteriorPoint())) {
                throw new IllegalStateException("The " + level + " '" + area.code() + "' of " + file
                        + " does not lie inside its parent '" + parent.code() + "'");
            }
        }
        return byCode(areas, file);
    }
}
