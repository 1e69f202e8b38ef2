package org.citycase.citizen.duplicate;

/** Distances on the earth's surface between WGS 84 points, good to well under a metre at city scale. */
public final class Distances {

    /** Mean earth radius of the IUGG, in metres. */
    static final double EARTH_RADIUS_METERS = 6_371_008.8;
    /** Metres per degree of latitude on the mean sphere. */
    static final double METERS_PER_DEGREE = Math.PI * EARTH_RADIUS_METERS / 180;

    private Distances() {
    }

    /** Great-circle distance between two points by the haversine formula, in metres. */
    public static double meters(double lon1, double lat1, double lon2, double lat2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Degrees of latitude that span at least the given metres. */
    static double latitudeDegrees(double meters) {
        return meters / METERS_PER_DEGREE;
    }

    /** Degrees of longitude that span at least the given metres at the given latitude. */
    static double longitudeDegrees(double meters, double latitude) {
        double cos = Math.cos(Math.toRadians(Math.min(89.0, Math.abs(latitude)) + 1.0));
        return meters / (METERS_PER_DEGREE * cos);
    }
}
