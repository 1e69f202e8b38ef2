package org.citycase.citizen.reward;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Identifies a reporter by their contact (phone or e-mail) without keeping the contact: a salted SHA-256
 * of the normalised contact, so {@code +86 138-0000-0000} and {@code 13800000000} are the same person.
 * Also masks contacts for display.
 */
@Component
public class ReporterKeys {

    private static final Pattern CHINESE_MOBILE = Pattern.compile("(?:\\+?86|0086)?(1\\d{10})");

    private final String salt;

    public ReporterKeys(RewardProperties properties) {
        this.salt = properties.reporterKeySalt();
    }

    /** The reporter's key: 64 hex digits; the same for every spelling of the same contact. */
    public String keyOf(String contact) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest((salt + '\n' + normalise(contact)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256", e);
        }
    }

    /** The contact with most characters hidden, e.g. {@code 138****0000} or {@code w***@example.com}. */
    public static String mask(String contact) {
        if (contact == null || contact.isBlank()) {
            return "";
        }
        String normal = normalise(contact);
        if (normal.matches("1\\d{10}")) {
            return normal.substring(0, 3) + "****" + normal.substring(7);
        }
        int at = normal.indexOf('@');
        if (at > 0) {
            return normal.charAt(0) + "***" + normal.substring(at);
        }
        return normal.length() <= 2 ? "***" : normal.substring(0, 2) + "***";
    }

    static String normalise(String contact) {
        String compact = contact.strip().replaceAll("[\\s()\\-]", "").toLowerCase(Locale.ROOT);
        Matcher mobile = CHINESE_MOBILE.matcher(compact);
        return mobile.matches() ? mobile.group(1) : compact;
    }
}
