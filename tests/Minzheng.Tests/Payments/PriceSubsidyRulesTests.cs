using Minzheng.Web.Modules.Payments;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Tests.Payments;

/// <summary>价格临时补贴: triggered by the CPI or the food price rise of the month before; fixed or index-linked amount.</summary>
public sealed class PriceSubsidyRulesTests
{
    [Theory]
    // cpi, food, cpi threshold, food threshold (null: none), formula, amount, rounding → triggered, per person
    [InlineData(3.5, 0.0, 3.5, null, PriceSubsidyFormula.Fixed, 20.00, RoundingRule.Fen, true, 20.00)]
    [InlineData(3.4, 9.0, 3.5, null, PriceSubsidyFormula.Fixed, 20.00, RoundingRule.Fen, false, 0)]
    [InlineData(3.4, 6.0, 3.5, 6.0, PriceSubsidyFormula.Fixed, 20.00, RoundingRule.Fen, true, 20.00)]
    [InlineData(3.4, 5.9, 3.5, 6.0, PriceSubsidyFormula.Fixed, 20.00, RoundingRule.Fen, false, 0)]
    [InlineData(4.0, 0.0, 3.5, 6.0, PriceSubsidyFormula.CpiLinked, 800.00, RoundingRule.Fen, true, 32.00)]
    [InlineData(3.7, 0.0, 3.5, null, PriceSubsidyFormula.CpiLinked, 555.00, RoundingRule.Fen, true, 20.54)] // 555 × 3.7% = 20.535 → 20.54
    [InlineData(3.7, 0.0, 3.5, null, PriceSubsidyFormula.CpiLinked, 555.00, RoundingRule.CeilingYuan, true, 21.00)]
    [InlineData(2.0, 7.0, 3.5, 6.0, PriceSubsidyFormula.CpiLinked, 800.00, RoundingRule.Fen, true, 56.00)] // food triggered: its rise
    public void Decides_by_the_previous_months_index(double cpi, double food, double cpiThreshold, double? foodThreshold, PriceSubsidyFormula formula, double amount,
        RoundingRule rounding, bool triggered, double perPerson)
    {
        var rule = new PriceSubsidyRule
        {
            ValidFrom = new DateOnly(2026, 1, 1),
            CpiThreshold = (decimal)cpiThreshold,
            FoodThreshold = (decimal?)foodThreshold,
            Programs = "dibao",
            Formula = formula,
            Amount = Money.FromYuan((decimal)amount),
            Rounding = rounding,
            Document = "测试文件",
        };
        var index = new PriceIndex { Month = new DateOnly(2026, 10, 1), CpiYoY = (decimal)cpi, FoodYoY = (decimal)food, Source = "测试", EnteredBy = "t" };
        var decision = PriceSubsidyRules.Decide(rule, index);
        Assert.Equal(triggered, decision.Triggered);
        Assert.Equal(Money.FromYuan((decimal)perPerson), decision.PerPerson);
        Assert.Contains("测试文件", decision.Line.Basis, StringComparison.Ordinal);
        Assert.Contains("2026年10月", decision.Line.Basis, StringComparison.Ordinal);
    }
}
