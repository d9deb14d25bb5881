namespace Minzheng.Web.Modules.Assistance.Standards;

public enum StandardValueType
{
    /// <summary>An amount in yuan (per person per month unless the kind says otherwise).</summary>
    Amount,

    /// <summary>A factor, e.g. 1.5 × the dibao standard.</summary>
    Multiple,

    /// <summary>A percentage, e.g. 60 % of the standard.</summary>
    Percent,

    /// <summary>An amount or a percentage of the dibao standard (分类施保).</summary>
    AmountOrPercent,

    /// <summary>An amount or a multiple of the dibao standard (特困基本生活标准).</summary>
    AmountOrMultiple,

    /// <summary>A whole number: months, days, years of age, a count.</summary>
    Number,

    /// <summary>One of a fixed set of options.</summary>
    Choice,
}

public enum Area
{
    All = 0,
    Urban = 1,
    Rural = 2,
}

/// <summary>A kind of effective-dated figure the assistance rules read (domain decision 1).</summary>
public sealed record StandardKind(
    string Program, string Code, string Name, StandardValueType ValueType, bool ByArea, string Unit,
    IReadOnlyList<(string Code, string Name)>? Categories = null, IReadOnlyList<(string Code, string Name)>? Choices = null)
{
    public string Key => Program + "/" + Code;
}

/// <summary>Every figure the assistance module uses, in one catalogue; the values live in assistance_standard.</summary>
public static class StandardKinds
{
    public const string Dibao = "dibao";
    public const string ExtremePoverty = "extreme-poverty";
    public const string Temporary = "temporary";

    public static readonly IReadOnlyList<(string Code, string Name)> AddOnCategories =
        [("elderly", "老年人"), ("minor", "未成年人"), ("severe-disability", "重度残疾人（一、二级）"), ("serious-illness", "重病患者")];

    public static readonly IReadOnlyList<(string Code, string Name)> CareTiers =
        [("selfCare", "具备生活自理能力（全自理）"), ("partiallyLost", "部分丧失生活自理能力（半护理）"), ("completelyLost", "完全丧失生活自理能力（全护理）")];

    public static readonly IReadOnlyList<(string Code, string Name)> YesNo = [("yes", "是"), ("no", "否")];

    public static readonly StandardKind DibaoMonthly = new(Dibao, "monthly-standard", "城乡低保标准", StandardValueType.Amount, true, "元/人·月");
    public static readonly StandardKind DibaoAddOn = new(Dibao, "classified-add-on", "分类施保增发", StandardValueType.AmountOrPercent, true, "元/人·月 或 标准的%", AddOnCategories);
    public static readonly StandardKind ElderlyAge = new(Dibao, "elderly-age", "分类施保老年人年龄", StandardValueType.Number, false, "周岁及以上");
    public static readonly StandardKind MinorAge = new(Dibao, "minor-age", "分类施保未成年人年龄", StandardValueType.Number, false, "周岁以下");
    public static readonly StandardKind SinglePersonFloor = new(Dibao, "single-person-floor", "单人户保底（占标准比例）", StandardValueType.Percent, false, "%");
    public static readonly StandardKind GraceMonths = new(Dibao, "grace-months", "渐退期", StandardValueType.Number, false, "个月");
    public static readonly StandardKind RoundingRule = new(Dibao, "rounding", "金额取整规则", StandardValueType.Choice, false, "",
        Choices: [("CeilingYuan", "向上取整到元"), ("NearestYuan", "四舍五入到元"), ("CeilingTenYuan", "向上取整到十元"), ("Fen", "精确到分")]);
    public static readonly StandardKind MarginalMultiple = new(Dibao, "marginal-multiple", "低保边缘家庭收入上限（标准的倍数）", StandardValueType.Multiple, false, "倍");
    public static readonly StandardKind DepositMultiple = new(Dibao, "property-deposit-multiple", "人均存款上限（年标准的倍数）", StandardValueType.Multiple, false, "倍");
    public static readonly StandardKind MaxVehicles = new(Dibao, "property-max-vehicles", "允许拥有的机动车数（残疾人功能性补偿代步车除外）", StandardValueType.Number, false, "辆");
    public static readonly StandardKind MaxHouses = new(Dibao, "property-max-houses", "允许拥有的住房套数", StandardValueType.Number, false, "套");
    public static readonly StandardKind BusinessAllowed = new(Dibao, "property-business-allowed", "允许有登记经营的企业或个体户", StandardValueType.Choice, false, "", Choices: YesNo);
    public static readonly StandardKind ReviewStableMonths = new(Dibao, "review-months-stable", "复核周期（收入稳定家庭）", StandardValueType.Number, false, "个月");
    public static readonly StandardKind ReviewIrregularMonths = new(Dibao, "review-months-irregular", "复核周期（收入不固定且有劳动能力）", StandardValueType.Number, false, "个月");
    public static readonly StandardKind ApprovalDelegated = new(Dibao, "approval-delegated", "低保审批确认权限下放乡镇", StandardValueType.Choice, false, "", Choices: YesNo);
    public static readonly StandardKind NoticeDays = new(Dibao, "notice-days", "公示期", StandardValueType.Number, false, "天");
    public static readonly StandardKind WatchLeftMonths = new(Dibao, "watch-left-months", "退保后纳入监测的期限", StandardValueType.Number, false, "个月");

    public static readonly StandardKind EpBasic = new(ExtremePoverty, "basic-living", "特困人员基本生活标准", StandardValueType.AmountOrMultiple, true, "元/人·月 或 低保标准的倍数");
    public static readonly StandardKind EpCare = new(ExtremePoverty, "care", "特困人员照料护理标准", StandardValueType.Amount, true, "元/人·月", CareTiers);
    public static readonly StandardKind EpRuleVersion = new(ExtremePoverty, "rule-version", "特困人员认定办法版本", StandardValueType.Choice, false, "",
        Choices: [("2016", "民发〔2016〕178号"), ("2021", "民发〔2021〕43号")]);

    public static readonly StandardKind TempUrgentMultiple = new(Temporary, "urgent-max-multiple", "急难型救助上限（月低保标准的倍数）", StandardValueType.Multiple, false, "倍");
    public static readonly StandardKind TempExpenseMultiple = new(Temporary, "expense-max-multiple", "支出型救助上限（月低保标准的倍数）", StandardValueType.Multiple, false, "倍");
    public static readonly StandardKind TempCap = new(Temporary, "cap", "临时救助单次最高金额", StandardValueType.Amount, false, "元/户·次");
    public static readonly StandardKind TempTownshipLimit = new(Temporary, "township-limit", "乡镇审批额度（超过由县级审批）", StandardValueType.Amount, false, "元/户·次");
    public static readonly StandardKind WatchTemporaryThreshold = new(Temporary, "watch-threshold", "纳入返贫监测的支出型临时救助金额", StandardValueType.Amount, false, "元");
    public static readonly StandardKind TempPaperworkDays = new(Temporary, "assist-first-paperwork-days", "先行救助补办手续期限", StandardValueType.Number, false, "个工作日");

    public static readonly IReadOnlyList<StandardKind> All =
    [
        DibaoMonthly, DibaoAddOn, ElderlyAge, MinorAge, SinglePersonFloor, GraceMonths, RoundingRule, MarginalMultiple, DepositMultiple,
        MaxVehicles, MaxHouses, BusinessAllowed, ReviewStableMonths, ReviewIrregularMonths, ApprovalDelegated, NoticeDays, WatchLeftMonths,
        EpBasic, EpCare, EpRuleVersion, TempUrgentMultiple, TempExpenseMultiple, TempCap, TempTownshipLimit, TempPaperworkDays, WatchTemporaryThreshold,
    ];

    public static StandardKind? Find(string program, string code) => All.FirstOrDefault(k => k.Program == program && k.Code == code);
}
