package org.citycase.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The year-end rule of the deposits: 5 % of the deposit per point above 85, 6 % taken per point below. */
class DepositsTest {

    private static final DepositProperties RULE = new DepositProperties(new BigDecimal("85"), new BigDecimal("0.05"),
            new BigDecimal("0.06"), Map.of("990101", new BigDecimal("500000")));
    private static final BigDecimal DEPOSIT = new BigDecimal("500000");

    @Test
    void eachPointAboveTheThresholdAddsFivePercentOfTheDeposit() {
        // 92.5 - 85 = 7.5 points x 5 % = 37.5 % of 500 000 = 187 500
        Deposits.Settlement settlement = Deposits.settle(DEPOSIT, new BigDecimal("92.50"), RULE);

        assertThat(settlement.reward()).isEqualByComparingTo("187500.00");
        assertThat(settlement.deduction()).isEqualByComparingTo("0");
        assertThat(settlement.refund()).isEqualByComparingTo("687500.00");
    }

    @Test
    void eachPointBelowTheThresholdTakesSixPercentAway() {
        // 85 - 80.25 = 4.75 points x 6 % = 28.5 % of 500 000 = 142 500
        Deposits.Settlement settlement = Deposits.settle(DEPOSIT, new BigDecimal("80.25"), RULE);

        assertThat(settlement.reward()).isEqualByComparingTo("0");
        assertThat(settlement.deduction()).isEqualByComparingTo("142500.00");
        assertThat(settlement.refund()).isEqualByComparingTo("357500.00");
    }

    @Test
    void exactlyTheThresholdReturnsTheDepositUnchanged() {
        assertThat(Deposits.settle(DEPOSIT, new BigDecimal("85.00"), RULE).refund()).isEqualByComparingTo("500000");
    }

    @Test
    void aDistrictNeverLosesMoreThanItsDeposit() {
        // 85 - 20 = 65 points x 6 % = 390 %, capped at the deposit
        Deposits.Settlement settlement = Deposits.settle(DEPOSIT, new BigDecimal("20"), RULE);

        assertThat(settlement.deduction()).isEqualByComparingTo("500000.00");
        assertThat(settlement.refund()).isEqualByComparingTo("0");
    }

    @Test
    void withoutAScoreNothingIsSettled() {
        Deposits.Settlement settlement = Deposits.settle(DEPOSIT, null, RULE);

        assertThat(settlement.deposit()).isEqualByComparingTo("500000");
        assertThat(settlement.reward()).isNull();
        assertThat(settlement.refund()).isNull();
    }

    @Test
    void aNegativeDepositIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new DepositProperties(new BigDecimal("85"), new BigDecimal("0.05"),
                new BigDecimal("0.06"), Map.of("990101", new BigDecimal("-1"))))
                .hasMessageContaining("990101");
    }
}
