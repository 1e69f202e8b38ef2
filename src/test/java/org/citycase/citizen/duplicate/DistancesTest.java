package org.citycase.citizen.duplicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Great-circle distances and the bounding box of the duplicate check's prefilter. */
class DistancesTest {

    @Test
    void measuresADegreeOfLatitudeAsAbout111Kilometres() {
        assertThat(Distances.meters(120.6, 31.3, 120.6, 32.3)).isCloseTo(111_195, within(5.0));
    }

    @Test
    void measuresFiftyMetresEastAndNorthInTheDemoCity() {
        double east = 50 / (Distances.METERS_PER_DEGREE * Math.cos(Math.toRadians(31.35)));
        double north = 50 / Distances.METERS_PER_DEGREE;

        assertThat(Distances.meters(120.65, 31.35, 120.65 + east, 31.35)).isCloseTo(50, within(0.01));
        assertThat(Distances.meters(120.65, 31.35, 120.65, 31.35 + north)).isCloseTo(50, within(0.01));
        assertThat(Distances.meters(120.65, 31.35, 120.65, 31.35)).isZero();
    }

    @Test
    void boundingBoxReachesAtLeastTheRadiusInEveryDirection() {
        for (double lat : new double[] {0, 31.35, 60, -45}) {
            double dLon = Distances.longitudeDegrees(200, lat);
            double dLat = Distances.latitudeDegrees(200);
            assertThat(Distances.meters(120, lat, 120 + dLon, lat)).isGreaterThanOrEqualTo(200);
            assertThat(Distances.meters(120, lat, 120, lat + dLat)).isGreaterThanOrEqualTo(199.999);
        }
    }
}
