package org.citycase.citizen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.citycase.catalogue.Catalogue;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.stereotype.Component;

/**
 * Places a point (WGS 84 longitude and latitude) in the district that contains it. Districts are read
 * from GeoJSON at start-up and held in an STR-tree, so a lookup touches only the districts whose
 * bounding box holds the point. A point on a shared edge belongs to the first district listed.
 */
@Component
public class Geography {

    private final GeometryFactory geometry = new GeometryFactory(new PrecisionModel(), 4326);
    private final STRtree index = new STRtree();
    private final List<Area> areas;

    public Geography(GeographyProperties properties, Catalogue catalogue, ObjectMapper json) {
        this.areas = read(properties, json);
        for (Area area : areas) {
            if (catalogue.district(area.code()).isEmpty()) {
                throw new IllegalStateException("District '" + area.code() + "' of " + properties.districts()
                        + " is not in the catalogue");
            }
            index.insert(area.shape().getEnvelopeInternal(), area);
        }
        index.build();
    }

    /** The code of the district that contains the point, or empty outside the service area. */
    public Optional<String> districtAt(double longitude, double latitude) {
        Point point = geometry.createPoint(new Coordinate(longitude, latitude));
        @SuppressWarnings("unchecked")
        List<Area> candidates = index.query(point.getEnvelopeInternal());
        return candidates.stream()
                .sorted((a, b) -> Integer.compare(a.order(), b.order()))
                .filter(area -> area.shape().covers(point))
                .map(Area::code)
                .findFirst();
    }

    private List<Area> read(GeographyProperties properties, ObjectMapper json) {
        JsonNode root;
        try {
            root = json.readTree(properties.districts().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read districts from " + properties.districts(), e);
        }
        JsonNode features = root.path("features");
        List<Area> result = new java.util.ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            String code = feature.path("properties").path("code").asText(null);
            if (code == null) {
                throw new IllegalStateException("Feature " + i + " of " + properties.districts() + " has no code");
            }
            result.add(new Area(code, i, toGeometry(feature.path("geometry"), code)));
        }
        return result;
    }

    private Geometry toGeometry(JsonNode node, String code) {
        return switch (node.path("type").asText()) {
            case "Polygon" -> polygon(node.path("coordinates"));
            case "MultiPolygon" -> {
                JsonNode parts = node.path("coordinates");
                Polygon[] polygons = new Polygon[parts.size()];
                for (int i = 0; i < parts.size(); i++) {
                    polygons[i] = polygon(parts.get(i));
                }
                yield geometry.createMultiPolygon(polygons);
            }
            default -> throw new IllegalStateException("District '" + code + "' is not a Polygon or MultiPolygon");
        };
    }

    private Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return geometry.createPolygon(shell, holes);
    }

    private LinearRing ring(JsonNode points) {
        Coordinate[] coordinates = new Coordinate[points.size()];
        for (int i = 0; i < points.size(); i++) {
            coordinates[i] = new Coordinate(points.get(i).get(0).asDouble(), points.get(i).get(1).asDouble());
        }
        return geometry.createLinearRing(coordinates);
    }

    private record Area(String code, int order, Geometry shape) {
    }
}
