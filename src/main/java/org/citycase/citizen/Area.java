package org.citycase.citizen;

import org.locationtech.jts.geom.Geometry;

/**
 * One named polygon of the city's geography: a district, street, community, unit grid or the pilot area.
 *
 * @param code  the area's code, e.g. a 14-digit grid code
 * @param name  the Chinese name people see
 * @param order position in its source file; on a shared edge the area listed first wins
 * @param shape polygon or multipolygon in WGS 84 longitude and latitude
 */
record Area(String code, String name, int order, Geometry shape) {
}
