package org.citycase.citizen;

import java.util.List;
import java.util.Random;

import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Prints how many grid lookups per second the spatial index answers with 50 000 grids of about 100 m, on
 * one thread after a warm-up. Not a test; run from the project folder after {@code mvn -o -q test-compile}:
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) org.citycase.citizen.GridLookupBenchmark</pre>
 *
 * where {@code cp.txt} comes from {@code mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class GridLookupBenchmark {

    private GridLookupBenchmark() {
    }

    public static void main(String[] args) {
        List<Area> grids = AreaIndexTest.grids();
        long built = System.nanoTime();
        AreaIndex index = new AreaIndex(new GeometryFactory(new PrecisionModel(), 4326), grids);
        System.out.printf("Indexed %d grids in %d ms%n", index.size(), (System.nanoTime() - built) / 1_000_000);
        Random random = new Random(7);
        int found = 0;
        for (int round = 0; round < 5; round++) {
            int lookups = 500_000;
            long start = System.nanoTime();
            for (int i = 0; i < lookups; i++) {
                double lon = AreaIndexTest.WEST + random.nextDouble() * AreaIndexTest.COLUMNS * AreaIndexTest.CELL;
                double lat = AreaIndexTest.SOUTH + random.nextDouble() * AreaIndexTest.ROWS * AreaIndexTest.CELL;
                found += index.find(lon, lat).isPresent() ? 1 : 0;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("Round %d: %,.0f lookups/s%n", round + 1, lookups / seconds);
        }
        System.out.println("Found " + found + " points");
    }
}
