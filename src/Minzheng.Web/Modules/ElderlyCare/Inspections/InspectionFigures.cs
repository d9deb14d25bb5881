using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.ElderlyCare.Inspections;

/// <summary>The oversight part's figures (双随机 and 星级评定) in the kernel figure book; all UNCONFIRMED for Yulin, so shipped as 演示数据.</summary>
public static class OversightFigures
{
    public const string Module = "elderly-oversight";

    /// <summary>Default share of the home list drawn per draw (≥ 5 % where no law sets one: LOCAL-EXAMPLE, rules-2 §1.5).</summary>
    public static readonly FigureKind DrawRatio = new(Module, "draw-ratio", "双随机抽查比例（默认）", "%", Type: FigureValueType.Percent);

    /// <summary>Results public within this many working days of the inspection (believed 国发〔2019〕5号: 20, UNCONFIRMED).</summary>
    public static readonly FigureKind PublishWorkingDays = new(Module, "publish-working-days", "检查结果公开时限", "个工作日");

    /// <summary>Default rectification period when the inspector sets none.</summary>
    public static readonly FigureKind RectifyWorkingDays = new(Module, "rectify-working-days", "整改期限（默认）", "个工作日");

    /// <summary>星级评定 validity (commonly 3 years, UNCONFIRMED, rules.md §9).</summary>
    public static readonly FigureKind StarValidityYears = new(Module, "star-validity-years", "养老机构等级有效期", "年");

    public static readonly IReadOnlyList<FigureKind> All = [DrawRatio, PublishWorkingDays, RectifyWorkingDays, StarValidityYears];
}
