package app.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.platform.web.InvalidInput;
import app.platform.web.InvalidInput.FieldError;

/** The calculators: exact decimal answers and every invalid parameter reported at once. */
class CalculatorsTests {

    @Test
    void profitMarginIsExactAndRoundsPercentagesOnlyAtTheEnd() {
        var result = Calculators.profitMargin(Map.of("revenue", "1250.50", "cost", "800.20"));

        assertThat(result.profit()).isEqualByComparingTo("450.30");
        assertThat(result.marginPercent()).isEqualByComparingTo("36.01");
        assertThat(result.markupPercent()).isEqualByComparingTo("56.27");
    }

    @Test
    void decimalsThatBinaryFloatingPointGetsWrongComeOutExact() {
        assertThat(Calculators.profitMargin(Map.of("revenue", "0.3", "cost", "0.1")).profit())
                .isEqualTo(new BigDecimal("0.2"));
    }

    @Test
    void roiIsTheNetReturnOverTheCost() {
        var result = Calculators.roi(Map.of("gain", "1500", "cost", "1000"));

        assertThat(result.netReturn()).isEqualByComparingTo("500");
        assertThat(result.roiPercent()).isEqualByComparingTo("50.00");
    }

    @Test
    void breakEvenRoundsUnitsUpBecauseAPartOfAUnitCannotBeSold() {
        assertThat(Calculators.breakEven(Map.of("fixedCosts", "10000", "unitPrice", "25", "unitCost", "15")).units())
                .isEqualByComparingTo("1000");
        var result = Calculators.breakEven(Map.of("fixedCosts", "10001", "unitPrice", "25", "unitCost", "15"));
        assertThat(result.units()).isEqualByComparingTo("1001");
        assertThat(result.revenue()).isEqualByComparingTo("25025.00");
    }

    @Test
    void cpcBudgetCountsWholeClicksAndTheCostOfAConversion() {
        var result = Calculators.cpcBudget(Map.of("budget", "1000", "cpc", "2.50", "conversionRate", "3.5"));

        assertThat(result.clicks()).isEqualByComparingTo("400");
        assertThat(result.conversions()).isEqualByComparingTo("14.00");
        assertThat(result.costPerConversion()).isEqualByComparingTo("71.43");
    }

    @Test
    void everyInvalidParameterIsReportedAtOnce() {
        assertThatThrownBy(() -> Calculators.profitMargin(Map.of("revenue", "abc", "cost", "-1")))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.errors())
                        .extracting(FieldError::field).containsExactly("revenue", "cost"));
        assertThatThrownBy(() -> Calculators.roi(Map.of("gain", "10")))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.errors())
                        .containsExactly(new FieldError("cost", "is required")));
    }

    @Test
    void rulesAcrossParametersAreExplained() {
        assertThatThrownBy(() -> Calculators.breakEven(Map.of("fixedCosts", "100", "unitPrice", "10", "unitCost", "10")))
                .hasMessageContaining("unitPrice: must be more than unitCost");
        assertThatThrownBy(() -> Calculators.cpcBudget(Map.of("budget", "1", "cpc", "1", "conversionRate", "101")))
                .hasMessageContaining("conversionRate: is a percentage");
        assertThatThrownBy(() -> Calculators.roi(Map.of("gain", "1", "cost", "0")))
                .hasMessageContaining("cost: must be more than zero");
    }
}
