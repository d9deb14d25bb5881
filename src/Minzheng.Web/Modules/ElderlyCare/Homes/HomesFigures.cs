using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.ElderlyCare.Homes;

/// <summary>
/// The effective-dated figures of care homes (the kernel figure book): the reassessment interval of GB/T 42195-2022 and the
/// 民办养老机构 subsidies (rules-2 §1.7, §1.11). All of them are UNCONFIRMED for Guangxi: they ship only as demo rows.
/// </summary>
public static class HomesFigures
{
    public const string Module = "elderly-homes";

    public static readonly IReadOnlyList<(string Code, string Name)> Levels =
        [("0", "能力完好"), ("1", "轻度失能"), ("2", "中度失能"), ("3", "重度失能"), ("4", "完全失能")];

    public static readonly FigureKind ReassessMonths = new(Module, "reassess-months", "能力评估常规再评估间隔", "个月");
    public static readonly FigureKind ConstructionPerBed = new(Module, "construction-per-bed", "建设补贴（每张新增床位）", "元/张");
    public static readonly FigureKind OperatingPerBed = new(Module, "operating-per-bed", "运营补贴（每张入住床位每月）", "元/张·月");
    public static readonly FigureKind OperatingRaise = new(Module, "operating-raise", "运营补贴按能力等级加发比例", "%", Categories: Levels, Type: FigureValueType.Percent);
    public static readonly FigureKind MinOperatingMonths = new(Module, "min-operating-months", "享受运营补贴最短运营月数", "个月");
    public static readonly FigureKind ClawbackYears = new(Module, "clawback-years", "建设补贴最短运营年限（提前关闭追回）", "年");

    public static readonly IReadOnlyList<FigureKind> All = [ReassessMonths, ConstructionPerBed, OperatingPerBed, OperatingRaise, MinOperatingMonths, ClawbackYears];
}
