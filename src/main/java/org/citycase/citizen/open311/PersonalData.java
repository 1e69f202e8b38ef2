package org.citycase.citizen.open311;

import java.util.regex.Pattern;

/**
 * Hides personal data that reporters type into free text (a mobile number, an e-mail address, an ID
 * card number) before the text is shown publicly.
 */
final class PersonalData {

    static final String HIDDEN = "[已隐去]";
    private static final Pattern PERSONAL = Pattern.compile(
            "(?<!\\d)\\d{17}[\\dXx](?!\\d)"
                    + "|(?<!\\d)(?:\\+?86[ -]?)?1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}(?!\\d)"
                    + "|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    private PersonalData() {
    }

    /** The text with personal data replaced by {@value #HIDDEN}; {@code null} stays {@code null}. */
    static String hide(String text) {
        return text == null ? null : PERSONAL.matcher(text).replaceAll(HIDDEN);
    }
}
