package org.citycase.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The spatial index at the scale of a large city: 50 000 unit grids of about 100 m. Checks correctness
 * only; {@link GridLookupBenchmark} prints the lookup rate.
 */
class AreaIndexTest {

    static final int COLUMNS = 250;
    static final int ROWS = 200;
    static final double WEST = 120.50;
    static final double SOUTH = 31.20;
    /** Cells of 0.001 degree, about 95 m by 111 m at this latitude, as fine as real unit grids. */
    static final double CELL = 0.001;

    private static AreaIndex index;

    @BeforeAll
    static void build() {
        index = new AreaIndex(new GeometryFactory(new PrecisionModel(), 4326), grids());
    }

    @Test
    void holdsFiftyThousandGrids() {
        assertThat(index.size()).isEqualTo(50_000);
    }

    @Test
    void findsTheGridOfRandomPointsInside() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            int column = random.nextInt(COLUMNS);
            int row = random.nextInt(ROWS);
            double lon = WEST + (column + 0.01 + 0.98 * random.nextDouble()) * CELL;
            double lat = SOUTH + (row + 0.01 + 0.98 * random.nextDouble()) * CELL;

            assertThat(index.find(lon, lat)).map(Area::code).contains(code(column, row));
        }
    }

    @Test
    void givesAPointOnASharedEdgeOrCornerToTheFirstListedGrid() {
        Area first = grids().get(0);
        double[] corner = corner(first, 2);

        assertThat(index.find(corner[0], corner[1])).map(Area::code).contains(code(0, 0));
        assertThat(index.find(corner[0], SOUTH + 0.5 * CELL)).map(Area::code).contains(code(0, 0));
        assertThat(index.find(WEST + 0.5 * CELL, corner[1])).map(Area::code).contains(code(0, 0));
        assertThat(index.find(WEST + 137 * CELL, SOUTH + 99 * CELL)).map(Area::code).contains(code(136, 98));
    }

    @Test
    void findsNothingOutside() {
        assertThat(index.find(WEST - 1e-7, SOUTH + 0.05)).isEmpty();
        assertThat(index.find(WEST + COLUMNS * CELL + 1e-7, SOUTH + 0.05)).isEmpty();
        assertThat(index.find(116.40, 39.90)).isEmpty();
    }

    /** Row-major grids from the south-west, each a square cell coded by its column and row. */
    static List<Area> grids() {
        GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4326);
        List<Area> grids = new ArrayList<>(COLUMNS * ROWS);
        for (int row = 0; row < ROWS; row++) {
            for (int column = 0; column < COLUMNS; column++) {
                double west = WEST + column * CELL;
                double south = SOUTH + row * CELL;
                double east = WEST + (column + 1) * CELL;
                double north = SOUTH + (row + 1) * CELL;
                grids.add(new Area(code(column, row), "网格" + column + "-" + row, grids.size(),
                        factory.createPolygon(new Coordinate[] {new Coordinate(west, south),
                            new Coordinate(east, south), new Coordinate(east, north), new Coordinate(west, north),
                            new Coordinate(west, south)})));
            }
        }
        return grids;
    }

    static String code(int column, int row) {
        return String.format("990101%04d%04d", row, column);
    }

    private static double[] corner(Area area, int vertex) {
        Coordinate c = area.shape().getCoordinates()[vertex];
        return new double[] {c.x, c.y};
    }
}
