package org.citycase.citizen;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The assignment of unit grids to supervisors, read from a YAML file whose {@code supervisors} map has
 * code prefixes (district, street, community or grid code) as keys and user ids as values. The longest
 * prefix that matches a grid code names the grid's supervisor.
 */
final class GridSupervisors {

    private static final Pattern PREFIX = Pattern.compile("\\d{6}|\\d{9}|\\d{12}|\\d{14}");
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final TreeMap<String, String> byPrefix;

    private GridSupervisors(TreeMap<String, String> byPrefix) {
        this.byPrefix = byPrefix;
    }

    /**
     * Reads the file and checks that every prefix matches at least one of the grid codes.
     *
     * @throws IllegalStateException naming the file and the bad entry
     */
    static GridSupervisors read(Path file, Collection<String> gridCodes) {
        Map<?, ?> root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read grid supervisors from " + file, e);
        }
        Object entries = root == null ? null : root.get("supervisors");
        if (!(entries instanceof Map<?, ?> map)) {
            throw new IllegalStateException(file + " has no 'supervisors' map");
        }
        TreeMap<String, String> byPrefix = new TreeMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String prefix = String.valueOf(entry.getKey());
            String user = String.valueOf(entry.getValue());
            if (!PREFIX.matcher(prefix).matches() || gridCodes.stream().noneMatch(g -> g.startsWith(prefix))) {
                throw new IllegalStateException("Grid supervisor key '" + prefix + "' of " + file
                        + " is not the code of a district, street, community or grid that has unit grids");
            }
            if (!USER_ID.matcher(user).matches()) {
                throw new IllegalStateException("Grid supervisor of '" + prefix + "' in " + file
                        + " is not a user id: '" + user + "'");
            }
            byPrefix.put(prefix, user);
        }
        return new GridSupervisors(byPrefix);
    }

    /** Every supervisor the file names, sorted. */
    Set<String> users() {
        return Collections.unmodifiableSet(new TreeSet<>(byPrefix.values()));
    }

    /** The supervisor of the grid, or {@code null} when no prefix matches. */
    String supervisorOf(String gridCode) {
        for (int length = gridCode.length(); length >= 6; length--) {
            String user = byPrefix.get(gridCode.substring(0, length));
            if (user != null) {
                return user;
            }
        }
        return null;
    }
}
