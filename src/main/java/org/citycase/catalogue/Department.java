package org.citycase.catalogue;

/**
 * A department (专业部门) that handles dispatched cases.
 *
 * @param code         stable code used in routing rules and the {@code department} process variable
 * @param name         the Chinese name staff see
 * @param group        the engine group whose members acknowledge and handle the department's tasks
 * @param districtCode the district it serves, or {@code null} for a city-wide department
 */
public record Department(String code, String name, String group, String districtCode) {
}
