using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Disability.Rehab;

/// <summary>
/// The functional-outcome scale as figure-book data: which scale (by name), its minimum and its maximum, each effective-dated
/// for the city or a county, so that a county changing its assessment tool changes what is accepted from that date on, and older
/// scores keep the scale they were taken on.
/// </summary>
public static class RehabFigures
{
    public const string Module = "disability-rehab";

    /// <summary>The scales the kernel knows the direction of (whether a higher score is better).</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Scales =
    [
        ("psp", "个人和社会功能量表（PSP）"),
        ("gaf", "大体功能评定量表（GAF）"),
        ("sdss", "社会功能缺陷筛选量表（SDSS）"),
    ];

    public static readonly FigureKind Scale = new(Module, "scale", "功能评估量表", "", Choices: Scales);
    public static readonly FigureKind ScaleMin = new(Module, "scale-min", "功能评估量表最低分", "分");
    public static readonly FigureKind ScaleMax = new(Module, "scale-max", "功能评估量表最高分", "分");

    public static readonly IReadOnlyList<FigureKind> All = [Scale, ScaleMin, ScaleMax];

    /// <summary>SDSS counts defects (higher is worse); PSP and GAF measure function (higher is better).</summary>
    public static bool HigherIsBetter(string scale) => scale != "sdss";

    public static string ScaleName(string scale) => Scales.FirstOrDefault(s => s.Code == scale).Name ?? scale;
}
