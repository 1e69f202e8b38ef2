package org.citycase;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Points for tests that report through intake in the shared Spring context. Public reports of a category
 * at the same place within a day join the open case there as duplicates, so each call hands out a new
 * point, at least 380 m from every other point of its district and off the edges of the demo's unit grids
 * (0.01 degree squares), which leaves room for offsets of up to about 150 m around it.
 */
public final class TestPoints {

    private static final int PER_ROW = 24;
    private static final AtomicInteger EAST = new AtomicInteger();
    private static final AtomicInteger WEST = new AtomicInteger();
    private static final AtomicInteger SOUTH = new AtomicInteger();

    private TestPoints() {
    }

    /** A fresh point in 东城区 (990101) as {longitude, latitude}; repeats only after 576 calls. */
    public static double[] east() {
        return point(EAST, 120.6025, 31.3025, PER_ROW);
    }

    /** A fresh point in 西城区 (990102) as {longitude, latitude}; repeats only after 576 calls. */
    public static double[] west() {
        return point(WEST, 120.5025, 31.3025, PER_ROW);
    }

    /** A fresh point in 南湖区 (990103) as {longitude, latitude}; repeats only after 1152 calls. */
    public static double[] south() {
        return point(SOUTH, 120.5025, 31.2025, 2 * PER_ROW);
    }

    private static double[] point(AtomicInteger counter, double west, double south, int perRow) {
        int n = counter.getAndIncrement() % (perRow * PER_ROW);
        return new double[] {west + 0.004 * (n % perRow), south + 0.004 * (n / perRow)};
    }
}
