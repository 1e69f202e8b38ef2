package org.citycase.citizen;

/**
 * Where a point lies in the city's network of areas (四级网络: district, street, community, grid).
 *
 * @param districtCode   six-digit district code; never {@code null}
 * @param streetCode     nine-digit street code, {@code null} when the point is in no unit grid
 * @param communityCode  twelve-digit community code, {@code null} when the point is in no unit grid
 * @param gridCode       fourteen-digit unit grid code, {@code null} when the point is in no unit grid
 * @param gridSupervisor user id of the supervisor who patrols the grid, {@code null} when none is assigned
 * @param label          the Chinese names from district down to grid, e.g. 东城区公园街道公园西社区第03网格
 */
public record Location(String districtCode, String streetCode, String communityCode, String gridCode,
                       String gridSupervisor, String label) {
}
