package org.citycase.citizen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads a GeoJSON feature collection of Polygon or MultiPolygon features, each with the properties
 * {@code code} and {@code name}, into {@link Area areas} in file order.
 */
final class GeoJsonAreas {

    private final ObjectMapper json;
    private final GeometryFactory factory;

    GeoJsonAreas(ObjectMapper json, GeometryFactory factory) {
        this.json = json;
        this.factory = factory;
    }

    /**
     * @throws UncheckedIOException  when the file cannot be read or is not JSON
     * @throws IllegalStateException naming the file and feature when a feature lacks a code, a name or a
     *                               valid polygon
     */
    List<Area> read(Path file) {
        JsonNode root;
        try {
            root = json.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the geography file " + file, e);
        }
        JsonNode features = root.path("features");
        List<Area> areas = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode properties = features.get(i).path("properties");
            String code = properties.path("code").asText("");
            String name = properties.path("name").asText("");
            if (code.isBlank() || name.isBlank()) {
                throw new IllegalStateException("Feature " + i + " of " + file + " has no code or no name");
            }
            Geometry shape = geometry(features.get(i).path("geometry"), file, code);
            if (!shape.isValid() || shape.isEmpty()) {
                throw new IllegalStateException("Area '" + code + "' of " + file + " is not a valid polygon");
            }
            areas.add(new Area(code, name, i, shape));
        }
        return areas;
    }

    private Geometry geometry(JsonNode node, Path file, String code) {
        return switch (node.path("type").asText()) {
            case "Polygon" -> polygon(node.path("coordinates"));
            case "MultiPolygon" -> {
                JsonNode parts = node.path("coordinates");
                Polygon[] polygons = new Polygon[parts.size()];
                for (int i = 0; i < parts.size(); i++) {
                    polygons[i] = polygon(parts.get(i));
                }
                yield factory.createMultiPolygon(polygons);
            }
            default -> throw new IllegalStateException("Area '" + code + "' of " + file
                    + " is not a Polygon or MultiPolygon");
        };
    }

    private Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return factory.createPolygon(shell, holes);
    }

    private LinearRing ring(JsonNode points) {
        Coordinate[] coordinates = new Coordinate[points.size()];
        for (int i = 0; i < points.size(); i++) {
            coordinates[i] = new Coordinate(points.get(i).get(0).asDouble(), points.get(i).get(1).asDouble());
        }
        return factory.createLinearRing(coordinates);
    }
}
