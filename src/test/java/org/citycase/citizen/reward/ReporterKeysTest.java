package org.citycase.citizen.reward;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Reporters known by a salted hash of their contact, whatever way they spell it; contacts masked for display. */
class ReporterKeysTest {

    private final ReporterKeys keys = new ReporterKeys(new RewardProperties(BigDecimal.TEN, Set.of(), "salt"));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"13800000000", "+86 138-0000-0000", "008613800000000", " 138 0000 0000 ", "(138)00000000"})
    void knowsTheSameMobileNumberHoweverItIsWritten(String contact) {
        assertThat(keys.keyOf(contact)).isEqualTo(keys.keyOf("13800000000")).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void tellsDifferentContactsAndSaltsApart() {
        assertThat(keys.keyOf("13800000001")).isNotEqualTo(keys.keyOf("13800000000"));
        assertThat(keys.keyOf("Wang@Example.org")).isEqualTo(keys.keyOf("wang@example.org"));
        assertThat(new ReporterKeys(new RewardProperties(BigDecimal.TEN, Set.of(), "other")).keyOf("13800000000"))
                .isNotEqualTo(keys.keyOf("13800000000"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            13800000000,       138****0000
            +86 139-1234-5678, 139****5678
            wang@example.org,  w***@example.org
            12345,             12***
            """)
    void masksAContactForDisplay(String contact, String masked) {
        assertThat(ReporterKeys.mask(contact)).isEqualTo(masked);
    }
}
