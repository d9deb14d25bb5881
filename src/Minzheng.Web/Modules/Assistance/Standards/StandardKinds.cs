using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Assistance.Standards;

/// <summary>Urban or rural (the assistance cases' area); the same values as <see cref="FigureArea"/>.</summary>
public enum Area
{
    All = 0,
    Urban = 1,
    Rural = 2,
}

/// <summary>Every figure the assistance module uses, in one catalogue; the values are rows of the kernel figure book.</summary>
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

    public static readonly FigureKind DibaoMonthly = new(Dibao, "monthly-standard", "城乡低保标准", "元/人·月", Type: FigureValueType.Amount, ByArea: true);
    public static readonly FigureKind DibaoAddOn = new(Dibao, "classified-add-on", "分类施保增发", "元/人·月 或 标准的%", AddOnCategories, Type: FigureValueType.AmountOrPercent, ByArea: true);
    public static readonly FigureKind ElderlyAge = new(Dibao, "elderly-age", "分类施保老年人年龄", "周岁及以上", Type: FigureValueType.Number);
    public static readonly FigureKind MinorAge = new(Dibao, "minor-age", "分类施保未成年人年龄", "周岁以下", Type: FigureValueType.Number);
    public static readonly FigureKind SinglePersonFloor = new(Dibao, "single-person-floor", "单人户保底（占标准比例）", "%", Type: FigureValueType.Percent);
    public static readonly FigureKind GraceMonths = new(Dibao, "grace-months", "渐退期", "个月", Type: FigureValueType.Number);
    public static readonly FigureKind RoundingRule = new(Dibao, "rounding", "金额取整规则", "", Choices: [("CeilingYuan", "向上取整到元"), ("NearestYuan", "四舍五入到元"), ("CeilingTenYuan", "向上取整到十元"), ("Fen", "精确到分")], Type: FigureValueType.Choice);
    public static readonly FigureKind MarginalMultiple = new(Dibao, "marginal-multiple", "低保边缘家庭收入上限（标准的倍数）", "倍", Type: FigureValueType.Multiple);
    public static readonly FigureKind DepositMultiple = new(Dibao, "property-deposit-multiple", "人均存款上限（年标准的倍数）", "倍", Type: FigureValueType.Multiple);
    public static readonly FigureKind MaxVehicles = new(Dibao, "property-max-vehicles", "允许拥有的机动车数（残疾人功能性补偿代步车除外）", "辆", Type: FigureValueType.Number);
    public static readonly FigureKind MaxHouses = new(Dibao, "property-max-houses", "允许拥有的住房套数", "套", Type: FigureValueType.Number);
    public static readonly FigureKind BusinessAllowed = new(Dibao, "property-business-allowed", "允许有登记经营的企业或个体户", "", Choices: YesNo, Type: FigureValueType.Choice);
    public static readonly FigureKind ReviewStableMonths = new(Dibao, "review-months-stable", "复核周期（收入稳定家庭）", "个月", Type: FigureValueType.Number);
    public static readonly FigureKind ReviewIrregularMonths = new(Dibao, "review-months-irregular", "复核周期（收入不固定且有劳动能力）", "个月", Type: FigureValueType.Number);
    public static readonly FigureKind ApprovalDelegated = new(Dibao, "approval-delegated", "低保审批确认权限下放乡镇", "", Choices: YesNo, Type: FigureValueType.Choice);
    public static readonly FigureKind NoticeDays = new(Dibao, "notice-days", "公示期", "天", Type: FigureValueType.Number);
    public static readonly FigureKind WatchLeftMonths = new(Dibao, "watch-left-months", "退保后纳入监测的期限", "个月", Type: FigureValueType.Number);

    public static readonly FigureKind EpBasic = new(ExtremePoverty, "basic-living", "特困人员基本生活标准", "元/人·月 或 低保标准的倍数", Type: FigureValueType.AmountOrMultiple, ByArea: true);
    public static readonly FigureKind EpCare = new(ExtremePoverty, "care", "特困人员照料护理标准", "元/人·月", CareTiers, Type: FigureValueType.Amount, ByArea: true);
    public static readonly FigureKind EpRuleVersion = new(ExtremePoverty, "rule-version", "特困人员认定办法版本", "", Choices: [("2016", "民发〔2016〕178号"), ("2021", "民发〔2021〕43号")], Type: FigureValueType.Choice);

    public static readonly FigureKind TempUrgentMultiple = new(Temporary, "urgent-max-multiple", "急难型救助上限（月低保标准的倍数）", "倍", Type: FigureValueType.Multiple);
    public static readonly FigureKind TempExpenseMultiple = new(Temporary, "expense-max-multiple", "支出型救助上限（月低保标准的倍数）", "倍", Type: FigureValueType.Multiple);
    public static readonly FigureKind TempCap = new(Temporary, "cap", "临时救助单次最高金额", "元/户·次", Type: FigureValueType.Amount);
    public static readonly FigureKind TempTownshipLimit = new(Temporary, "township-limit", "乡镇审批额度（超过由县级审批）", "元/户·次", Type: FigureValueType.Amount);
    public static readonly FigureKind WatchTemporaryThreshold = new(Temporary, "watch-threshold", "纳入返贫监测的支出型临时救助金额", "元", Type: FigureValueType.Amount);
    public static readonly FigureKind TempPaperworkDays = new(Temporary, "assist-first-paperwork-days", "先行救助补办手续期限", "个工作日", Type: FigureValueType.Number);

    public static readonly IReadOnlyList<FigureKind> All =
    [
        DibaoMonthly, DibaoAddOn, ElderlyAge, MinorAge, SinglePersonFloor, GraceMonths, RoundingRule, MarginalMultiple, DepositMultiple,
        MaxVehicles, MaxHouses, BusinessAllowed, ReviewStableMonths, ReviewIrregularMonths, ApprovalDelegated, NoticeDays, WatchLeftMonths,
        EpBasic, EpCare, EpRuleVersion, TempUrgentMultiple, TempExpenseMultiple, TempCap, TempTownshipLimit, TempPaperworkDays, WatchTemporaryThreshold,
    ];

    public static FigureKind? Find(string program, string code) => All.FirstOrDefault(k => k.Module == program && k.Code == code);

    /// <summary>The assistance part of the kernel figure book: its three programs, their kinds, and who edits them.</summary>
    public const string SectionCode = "assistance";

    public static readonly FigureSection Section = new(SectionCode, "救助标准", AssistancePermissions.Standards, [(Dibao, "低保"), (ExtremePoverty, "特困"), (Temporary, "临时救助")], All);
}
