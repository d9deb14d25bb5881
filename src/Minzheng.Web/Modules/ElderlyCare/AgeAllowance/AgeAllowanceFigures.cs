using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.ElderlyCare.AgeAllowance;

/// <summary>
/// The figure-book kinds of 高龄津贴 (rules-2 §1.10): the monthly amount per band (category = the band's minimum age), whether
/// only low-income elders qualify, whether payment starts the month after the qualifying birthday, and how far back an elder found
/// late is paid. All UNCONFIRMED for
/// 玉林, so shipped only as demo rows.
/// </summary>
public static class AgeAllowanceFigures
{
    public const string Module = "elderly-allowance";
    private static readonly IReadOnlyList<(string Code, string Name)> YesNo = [("yes", "是"), ("no", "否")];

    /// <summary>The bands the statute's "八十周岁以上" is usually split into; the category is the band's minimum age.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Bands = [("80", "80—89 周岁"), ("90", "90—99 周岁"), ("100", "100 周岁及以上")];

    public static readonly FigureKind BandAmount = new(Module, "band-amount", "高龄津贴月标准", "元/人·月", Categories: Bands);
    public static readonly FigureKind MeansTest = new(Module, "means-test", "仅限低收入老年人（低保、特困）", "", Choices: YesNo);
    public static readonly FigureKind FromNextMonth = new(Module, "from-next-month", "满周岁次月起发（否：当月起发）", "", Choices: YesNo);


    /// <summary>How many months before the month the run found an elder are still paid (an elder found late is owed them; 0: none).</summary>
    public static readonly FigureKind ArrearsMonths = new(Module, "arrears-months", "发现前最多补发月数", "个月");

    public static readonly IReadOnlyList<FigureKind> All = [BandAmount, MeansTest, FromNextMonth, ArrearsMonths];
}
