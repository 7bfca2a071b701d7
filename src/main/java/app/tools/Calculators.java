package app.tools;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The business calculators: exact decimal arithmetic, money and percentages rounded half-up to two places at the
 * end only.
 */
final class Calculators {

    private static final MathContext EXACT = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Calculators() {
    }

    record ProfitMargin(BigDecimal revenue, BigDecimal cost, BigDecimal profit, BigDecimal marginPercent,
            BigDecimal markupPercent) {
    }

    record ReturnOnInvestment(BigDecimal gain, BigDecimal cost, BigDecimal netReturn, BigDecimal roiPercent) {
    }

    record BreakEven(BigDecimal fixedCosts, BigDecimal unitPrice, BigDecimal unitCost, BigDecimal contributionMargin,
            BigDecimal units, BigDecimal revenue) {
    }

    record CpcBudget(BigDecimal budget, BigDecimal cpc, BigDecimal conversionRatePercent, BigDecimal clicks,
            BigDecimal conversions, BigDecimal costPerConversion) {
    }

    /** Profit, margin (profit over revenue) and markup (profit over cost). */
    static ProfitMargin profitMargin(Map<String, String> parameters) {
        Amounts amounts = new Amounts(parameters);
        BigDecimal revenue = amounts.positive("revenue");
        BigDecimal cost = amounts.nonNegative("cost");
        amounts.validate();
        BigDecimal profit = revenue.subtract(cost);
        BigDecimal markup = cost.signum() == 0 ? null : percent(profit, cost);
        return new ProfitMargin(revenue, cost, profit, percent(profit, revenue), markup);
    }

    /** Return on investment: what the investment brought back beyond its cost, over its cost. */
    static ReturnOnInvestment roi(Map<String, String> parameters) {
        Amounts amounts = new Amounts(parameters);
        BigDecimal gain = amounts.nonNegative("gain");
        BigDecimal cost = amounts.positive("cost");
        amounts.validate();
        BigDecimal net = gain.subtract(cost);
        return new ReturnOnInvestment(gain, cost, net, percent(net, cost));
    }

    /** How many units must sell to cover the fixed costs (rounded up: a part of a unit cannot be sold). */
    static BreakEven breakEven(Map<String, String> parameters) {
        Amounts amounts = new Amounts(parameters);
        BigDecimal fixed = amounts.nonNegative("fixedCosts");
        BigDecimal price = amounts.positive("unitPrice");
        BigDecimal unitCost = amounts.nonNegative("unitCost");
        if (amounts.valid()) {
            amounts.require(price.compareTo(unitCost) > 0, "unitPrice",
                    "must be more than unitCost, or no number of units ever breaks even");
        }
        amounts.validate();
        BigDecimal contribution = price.subtract(unitCost);
        BigDecimal units = fixed.divide(contribution, 0, RoundingMode.CEILING);
        return new BreakEven(fixed, price, unitCost, contribution, units, money(units.multiply(price)));
    }

    /** What an ad budget buys at a cost per click and a conversion rate (in percent). */
    static CpcBudget cpcBudget(Map<String, String> parameters) {
        Amounts amounts = new Amounts(parameters);
        BigDecimal budget = amounts.positive("budget");
        BigDecimal cpc = amounts.positive("cpc");
        BigDecimal rate = amounts.nonNegative("conversionRate");
        if (amounts.valid()) {
            amounts.require(rate.compareTo(HUNDRED) <= 0, "conversionRate", "is a percentage: at most 100");
        }
        amounts.validate();
        BigDecimal clicks = budget.divide(cpc, 0, RoundingMode.FLOOR);
        BigDecimal conversions = clicks.multiply(rate).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        BigDecimal perConversion = conversions.signum() == 0 ? null
                : budget.divide(conversions, 2, RoundingMode.HALF_UP);
        return new CpcBudget(budget, cpc, rate, clicks, conversions, perConversion);
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, EXACT).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
