package org.citycase.citizen;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Finds the area that contains a point among many, e.g. tens of thousands of unit grids. The areas'
 * bounding boxes are held in an STR-tree, so a lookup tests only the few areas whose box holds the
 * point, each through a prepared geometry. A point on an edge or corner shared by several areas
 * belongs to the one listed first. Immutable and safe for concurrent lookups once built.
 */
final class AreaIndex {

    private final GeometryFactory factory;
    private final STRtree tree = new STRtree();
    private final int size;

    AreaIndex(GeometryFactory factory, List<Area> areas) {
        this.factory = factory;
        PreparedGeometryFactory prepared = new PreparedGeometryFactory();
        for (Area area : areas) {
            tree.insert(area.shape().getEnvelopeInternal(), new Entry(area, prepared.create(area.shape())));
        }
        tree.build();
        this.size = areas.size();
    }

    /** The first-listed area that contains the point or has it on its boundary; empty when none does. */
    Optional<Area> find(double longitude, double latitude) {
        Point point = factory.createPoint(new Coordinate(longitude, latitude));
        @SuppressWarnings("unchecked")
        List<Entry> candidates = tree.query(point.getEnvelopeInternal());
        return candidates.stream()
                .filter(entry -> entry.prepared().covers(point))
                .map(Entry::area)
                .min(Comparator.comparingInt(Area::order));
    }

    int size() {
        return size;
    }

    private record Entry(Area area, PreparedGeometry prepared) {
    }
}
