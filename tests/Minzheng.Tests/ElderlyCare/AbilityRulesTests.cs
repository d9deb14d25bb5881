using Minzheng.Web.Modules.ElderlyCare.Assessment.Rules;

namespace Minzheng.Tests.ElderlyCare;

/// <summary>GB/T 42195-2022 (rules-2 §1.11): the 26 items and their ranges, the level boundaries and the C.4 modifiers, table-driven.</summary>
public sealed class AbilityRulesTests
{
    /// <summary>An answer sheet with the given total, lowering items from the first (B3.9 意识水平 stays 2 unless <paramref name="consciousness"/> says otherwise).</summary>
    public static Dictionary<string, int?> Sheet(int total, int consciousness = 2)
    {
        var sheet = AbilityRules.Items.ToDictionary(i => i.Code, i => (int?)i.Max);
        sheet[AbilityRules.Consciousness] = consciousness;
        var missing = sheet.Values.Sum(v => v!.Value) - total;
        foreach (var item in AbilityRules.Items.Where(i => i.Code != AbilityRules.Consciousness))
        {
            var cut = Math.Min(missing, sheet[item.Code]!.Value);
            sheet[item.Code] -= cut;
            missing -= cut;
        }
        Assert.Equal(0, missing);
        return sheet;
    }

    [Fact]
    public void The_table_has_26_items_in_four_indicators_with_the_standard_maxima()
    {
        Assert.Equal(26, AbilityRules.Items.Count);
        Assert.Equal(90, AbilityRules.Items.Sum(i => i.Max));
        Assert.Equal(32, AbilityRules.Items.Where(i => i.Indicator == AbilityIndicator.SelfCare).Sum(i => i.Max));
        Assert.Equal(15, AbilityRules.Items.Where(i => i.Indicator == AbilityIndicator.Motor).Sum(i => i.Max));
        Assert.Equal(28, AbilityRules.Items.Where(i => i.Indicator == AbilityIndicator.Mental).Sum(i => i.Max));
        Assert.Equal(15, AbilityRules.Items.Where(i => i.Indicator == AbilityIndicator.Perception).Sum(i => i.Max));
        Assert.Equal([8, 4, 9, 5], AbilityRules.Items.GroupBy(i => i.Indicator).Select(g => g.Count()));
    }

    public static TheoryData<string, int, int, bool, int, int, int> Cases => new()
    {
        // name, total, B3.9, dementia, risk events, base level, final level
        { "full marks", 90, 2, false, 0, 0, 0 },
        { "89 is level 1", 89, 2, false, 0, 1, 1 },
        { "66 is level 1", 66, 2, false, 0, 1, 1 },
        { "65 is level 2", 65, 2, false, 0, 2, 2 },
        { "46 is level 2", 46, 2, false, 0, 2, 2 },
        { "45 is level 3", 45, 2, false, 0, 3, 3 },
        { "30 is level 3", 30, 2, false, 0, 3, 3 },
        { "29 is level 4", 29, 2, false, 0, 4, 4 },
        { "2 points (B3.9 only) is level 4", 2, 2, false, 0, 4, 4 },
        { "dementia raises one level", 90, 2, true, 0, 0, 1 },
        { "dementia at 65 → 3", 65, 2, true, 0, 2, 3 },
        { "two risk events raise one level", 66, 2, false, 2, 1, 2 },
        { "one risk event does not", 66, 2, false, 1, 1, 1 },
        { "both modifiers: +2", 89, 2, true, 3, 1, 3 },
        { "capped at 4", 40, 2, true, 2, 3, 4 },
        { "level 4 stays 4", 10, 2, true, 5, 4, 4 },
        { "coma at a high total → 4", 80, 0, false, 0, 1, 4 },
        { "drowsy (B3.9 = 1) is no coma", 80, 1, false, 0, 1, 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Levels_and_modifiers(string name, int total, int consciousness, bool dementia, int risks, int baseLevel, int level)
    {
        var sheet = Sheet(total, consciousness);
        Assert.Empty(AbilityRules.Check(sheet, risks));
        var s = AbilityRules.Score(sheet, dementia, risks);
        Assert.True(s.Total == total, name);
        Assert.True(s.BaseLevel == baseLevel, $"{name}: base {s.BaseLevel}");
        Assert.True(s.Level == level, $"{name}: level {s.Level}; {string.Join("；", s.Reasons)}");
        Assert.Equal(total, s.SelfCare + s.Motor + s.Mental + s.Perception);
        Assert.Contains(AbilityRules.Basis, s.Reasons);
    }

    [Fact]
    public void Coma_is_level_4_even_with_every_other_item_full()
    {
        var s = AbilityRules.Score(Sheet(88, consciousness: 0), dementiaDiagnosis: false, riskEvents30Days: 0);
        Assert.Equal(88, s.Total);
        Assert.Equal(1, s.BaseLevel);
        Assert.Equal(4, s.Level);
        Assert.Contains(s.Reasons, r => r.Contains("昏迷", StringComparison.Ordinal));
    }

    public static TheoryData<string, int> OutOfRange => new()
    {
        { "B1.1", 5 },
        { "B1.1", -1 },
        { "B2.4", 4 },
        { "B3.7", 2 },
        { "B3.8", 2 },
        { "B3.9", 3 },
        { "B4.1", 3 },
        { "B4.2", 3 },
        { "B4.4", 4 },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void An_answer_out_of_its_range_is_named(string code, int value)
    {
        var sheet = Sheet(90);
        sheet[code] = value;
        var errors = AbilityRules.Check(sheet, 0);
        Assert.Equal([$"answers.{code}"], errors.Keys);
        Assert.Contains("超出范围", errors[$"answers.{code}"], StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => AbilityRules.Score(sheet, false, 0));
    }

    [Fact]
    public void Each_missing_item_is_named_and_unknown_items_and_negative_counts_are_refused()
    {
        var sheet = Sheet(90);
        sheet.Remove("B1.3");
        sheet["B4.5"] = null;
        sheet["B5.1"] = 2;
        var errors = AbilityRules.Check(sheet, -1);
        Assert.Equal(["answers.B1.3", "answers.B4.5", "answers.B5.1", "riskEvents30Days"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(26, AbilityRules.Check(new Dictionary<string, int?>(), 0).Count);
        Assert.Equal(26, AbilityRules.Check(null, 0).Count);
    }

    [Fact]
    public void Every_range_edge_is_accepted()
    {
        foreach (var item in AbilityRules.Items)
        {
            var sheet = Sheet(90);
            sheet[item.Code] = 0;
            Assert.Empty(AbilityRules.Check(sheet, 0));
            sheet[item.Code] = item.Max;
            Assert.Empty(AbilityRules.Check(sheet, 0));
        }
    }
}
