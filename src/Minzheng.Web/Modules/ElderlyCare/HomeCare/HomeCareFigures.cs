using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.ElderlyCare.HomeCare;

/// <summary>
/// The figure-book kinds of government-purchased home care: the service catalogue's unit prices (one category per service),
/// the monthly hours an elder is granted, which eligibility criteria apply (rules-2 §1.8: the target groups are local and
/// UNCONFIRMED, so each criterion is a yes/no figure), the budget alert line and the sampling rate of the audit.
/// </summary>
public static class HomeCareFigures
{
    public const string Module = "elderly-homecare";
    private static readonly IReadOnlyList<(string Code, string Name)> YesNo = [("yes", "是"), ("no", "否")];

    /// <summary>The typical catalogue (财社〔2014〕105号: 助餐、助浴、助洁、助急、助医、精神慰藉); codes are stored on orders and records.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Services =
    [
        ("meal", "助餐"), ("bath", "助浴"), ("clean", "助洁"), ("emergency", "助急"), ("medical", "助医"), ("comfort", "精神慰藉"),
    ];

    public static string ServiceName(string code) => Services.FirstOrDefault(s => s.Code == code).Name ?? code;

    public static readonly FigureKind UnitPrice = new(Module, "unit-price", "居家养老服务单价", "元/小时", Categories: Services);
    public static readonly FigureKind MonthlyHours = new(Module, "monthly-hours", "每人每月服务时长", "小时/人·月");
    public static readonly FigureKind ExtremePoverty = new(Module, "criterion-extreme-poverty", "服务对象：特困人员", "", Choices: YesNo);
    public static readonly FigureKind DibaoElder = new(Module, "criterion-dibao-elder", "服务对象：低保家庭老年人", "", Choices: YesNo);
    public static readonly FigureKind Disabled = new(Module, "criterion-disabled", "服务对象：享受残疾人两项补贴的老年人", "", Choices: YesNo);
    public static readonly FigureKind Aged = new(Module, "criterion-aged", "服务对象：高龄老年人", "", Choices: YesNo);
    public static readonly FigureKind AgedFrom = new(Module, "aged-from", "高龄老年人年龄（周岁及以上）", "岁");
    public static readonly FigureKind ElderFrom = new(Module, "elder-from", "老年人年龄（周岁及以上）", "岁");
    public static readonly FigureKind Ability = new(Module, "criterion-ability", "服务对象：能力评估失能老年人", "", Choices: YesNo);
    public static readonly FigureKind AbilityFrom = new(Module, "ability-from", "失能等级（能力等级及以上）", "级");
    public static readonly FigureKind BudgetAlert = new(Module, "budget-alert", "合同预算执行预警线", "%", Type: FigureValueType.Percent);
    public static readonly FigureKind SampleRate = new(Module, "sample-rate", "服务记录抽查比例", "%", Type: FigureValueType.Percent);

    public static readonly IReadOnlyList<FigureKind> All =
        [UnitPrice, MonthlyHours, ExtremePoverty, DibaoElder, Disabled, Aged, AgedFrom, ElderFrom, Ability, AbilityFrom, BudgetAlert, SampleRate];
}
