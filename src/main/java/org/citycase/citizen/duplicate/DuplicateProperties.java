package org.citycase.citizen.duplicate;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which reports intake checks for duplicates of open cases.
 *
 * @param sources report sources checked, by name; supervisors' reports are left out by default because a
 *                supervisor on patrol reports what the centre asks for, and the acceptor can still mark
 *                such a case a duplicate
 */
@ConfigurationProperties("citycase.duplicates")
public record DuplicateProperties(@DefaultValue({"CITIZEN", "HOTLINE", "CAMERA"}) Set<String> sources) {
}
