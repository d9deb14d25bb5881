using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Assistance.Rules;

public enum SelfCareLevel
{
    SelfCare = 0,
    PartiallyLost = 1,
    CompletelyLost = 2,
}

public enum SelfCareItem
{
    Eating,
    Dressing,
    Bed,
    Toilet,
    IndoorWalking,
    Bathing,
}

public enum SupportForm
{
    Dispersed = 1,
    Centralised = 2,
}

public sealed record ExtremePovertyPerson(DateOnly BirthDate, DisabilityCategory? DisabilityCategory, int? DisabilityGrade, bool IncomeBelowDibaoStandard, bool PropertyWithinRules, bool HasAbleSupporter);

public sealed record ExtremePovertyFigures(Figure<Money> DibaoStandard, Figure<Money>? BasicAmount, Figure<decimal>? BasicMultiple, IReadOnlyDictionary<SelfCareLevel, Figure<Money>> Care, Figure<RoundingRule> Rounding);

public static class ExtremePovertyRules
{
    public static readonly IReadOnlyDictionary<SelfCareItem, string> ItemNames = new Dictionary<SelfCareItem, string>
    {
        [SelfCareItem.Eating] = "自主吃饭",
        [SelfCareItem.Dressing] = "自主穿衣",
        [SelfCareItem.Bed] = "自主上下床",
        [SelfCareItem.Toilet] = "自主如厕",
        [SelfCareItem.IndoorWalking] = "室内自主行走",
        [SelfCareItem.Bathing] = "自主洗澡",
    };

    public static string LevelName(SelfCareLevel level) => level switch
    {
        SelfCareLevel.SelfCare => "具备生活自理能力",
        SelfCareLevel.PartiallyLost => "部分丧失生活自理能力",
        _ => "完全丧失生活自理能力",
    };

    public static string CareTierCode(SelfCareLevel level) => level switch
    {
        SelfCareLevel.SelfCare => "selfCare",
        SelfCareLevel.PartiallyLost => "partiallyLost",
        _ => "completelyLost",
    };

    /// <summary>特困人员生活自理能力评估（六项）: 0 items unable → self-care; 1–3 → partially lost; 4 or more → completely lost.</summary>
    public static SelfCareLevel AssessSelfCare(IEnumerable<SelfCareItem> unable)
    {
        var failed = unable.Distinct().Count();
        return failed == 0 ? SelfCareLevel.SelfCare : failed <= 3 ? SelfCareLevel.PartiallyLost : SelfCareLevel.CompletelyLost;
    }

    /// <summary>
    /// 无劳动能力 by the rule version in force (认定办法 第五条): 2016 (民发〔2016〕178号) age ≥ 60, under 16, grade 1–2
    /// intellectual/mental, grade 1 physical; 2021 (民发〔2021〕43号) adds grade 3 intellectual/mental, grade 2
    /// physical and grade 1 visual.
    /// </summary>
    public static bool UnableToWork(ExtremePovertyPerson p, DateOnly date, string ruleVersion, out string basis)
    {
        var age = DibaoRules.AgeOn(p.BirthDate, date);
        var doc = ruleVersion == "2021" ? "民发〔2021〕43号" : "民发〔2016〕178号";
        if (age >= 60) { basis = $"年满60周岁（{doc}）"; return true; }
        if (age < 16) { basis = $"未满16周岁（{doc}）"; return true; }
        var grade = p.DisabilityGrade ?? 9;
        var qualifies = (ruleVersion, p.DisabilityCategory) switch
        {
            ("2021", DisabilityCategory.Intellectual or DisabilityCategory.Mental) => grade <= 3,
            ("2021", DisabilityCategory.Physical) => grade <= 2,
            ("2021", DisabilityCategory.Visual) => grade <= 1,
            (_, DisabilityCategory.Intellectual or DisabilityCategory.Mental) => grade <= 2,
            (_, DisabilityCategory.Physical) => grade <= 1,
            _ => false,
        };
        basis = qualifies ? $"{RegistryLabels.Of(p.DisabilityCategory!.Value)}{RegistryLabels.GradeOf(grade)}（{doc}）" : $"年龄和残疾情况不属于无劳动能力（{doc}）";
        return qualifies;
    }

    /// <summary>社会救助暂行办法 第十四条: 无劳动能力、无生活来源、无法定赡养抚养扶养义务人或其无履行义务能力, all three.</summary>
    public static (bool Eligible, IReadOnlyList<string> Reasons) Eligibility(ExtremePovertyPerson p, DateOnly date, string ruleVersion)
    {
        var reasons = new List<string>();
        if (!UnableToWork(p, date, ruleVersion, out var basis)) reasons.Add(basis);
        if (!p.IncomeBelowDibaoStandard) reasons.Add("有生活来源：收入不低于当地低保标准");
        if (!p.PropertyWithinRules) reasons.Add("财产状况不符合特困人员财产规定");
        if (p.HasAbleSupporter) reasons.Add("有具备履行义务能力的法定赡养、抚养、扶养义务人");
        return (reasons.Count == 0, reasons);
    }

    /// <summary>基本生活标准 (configured amount, or a multiple of the dibao standard — in principle ≥ 1.3×) plus the care standard of the assessed tier.</summary>
    public static (Money Basic, Money Care, IReadOnlyList<AmountLine> Lines) Amounts(ExtremePovertyFigures f, SelfCareLevel level)
    {
        var lines = new List<AmountLine>();
        Money basic;
        if (f.BasicAmount is { } amount)
        {
            basic = amount.Value;
            lines.Add(new AmountLine("基本生活费", basic.Yuan, amount.Basis));
        }
        else
        {
            var m = f.BasicMultiple ?? throw new InvalidOperationException("特困人员基本生活标准未配置");
            var exact = f.DibaoStandard.Value.Yuan * m.Value;
            basic = Rounding.Apply(exact, f.Rounding.Value);
            lines.Add(new AmountLine($"基本生活费：低保标准 {f.DibaoStandard.Value} 元 × {m.Value:0.##}", basic.Yuan, $"{m.Basis}；{f.DibaoStandard.Basis}；{Rounding.Describe(f.Rounding.Value)}"));
        }
        var care = f.Care.TryGetValue(level, out var c) ? c.Value : Money.Zero;
        lines.Add(new AmountLine($"照料护理费（{LevelName(level)}）", care.Yuan, f.Care.TryGetValue(level, out var cb) ? cb.Basis : "该护理等级未配置照料护理标准"));
        return (basic, care, lines);
    }
}
