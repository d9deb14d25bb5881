using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Funeral;

/// <summary>
/// The effective-dated figures of funeral management in the one figure book (rules-2.md §4): plot size and term limits,
/// the 惠民殡葬 waiver (who, which services, how much) and the eco-burial awards. Read for the county on the day.
/// </summary>
public static class FuneralFigures
{
    public const string Module = "funeral";

    public static readonly IReadOnlyList<(string Code, string Name)> PlotKinds = [("ashes", "骨灰墓穴"), ("single", "单人遗体墓穴"), ("double", "合葬遗体墓穴")];

    public static readonly IReadOnlyList<(string Code, string Name)> WaiverItems =
        [("transport", "遗体接运"), ("storage", "遗体存放"), ("cremation", "遗体火化"), ("ashes-storage", "骨灰寄存")];

    public static readonly IReadOnlyList<(string Code, string Name)> WaiverGroups =
        [("dibao", "城乡低保对象"), ("extreme-poverty", "特困人员"), ("orphan", "孤儿"), ("key-entitled", "重点优抚对象"), ("unidentified", "无名遗体")];

    public static readonly IReadOnlyList<(string Code, string Name)> EcoKinds =
        [("flower-bed", "花坛葬"), ("tree", "树葬"), ("sea", "海葬（骨灰撒散）"), ("deep", "深埋不留坟头")];

    private static readonly IReadOnlyList<(string Code, string Name)> YesNo = [("yes", "是"), ("no", "否")];

    public static readonly FigureKind PlotMaxArea = new(Module, "plot-max-area", "单个墓穴占地面积上限", "平方米", Categories: PlotKinds);
    public static readonly FigureKind PlotTermYears = new(Module, "plot-term-years", "墓穴使用年限（一次不超过）", "年");
    public static readonly FigureKind WaiverGroup = new(Module, "waiver-group", "惠民殡葬免除基本服务费用的对象", "", Categories: WaiverGroups, Choices: YesNo);
    public static readonly FigureKind WaiverCap = new(Module, "waiver-cap", "惠民殡葬基本服务免费项目及限额（每人）", "元", Categories: WaiverItems);
    public static readonly FigureKind WaiverMaxUnits = new(Module, "waiver-max-units", "惠民殡葬免费存放天数、骨灰寄存年数上限", "天或年", Categories: WaiverItems);
    public static readonly FigureKind EcoAward = new(Module, "eco-award", "节地生态安葬奖补（每具骨灰）", "元", Categories: EcoKinds);

    public static readonly IReadOnlyList<FigureKind> All = [PlotMaxArea, PlotTermYears, WaiverGroup, WaiverCap, WaiverMaxUnits, EcoAward];

    public static string NameOf(IReadOnlyList<(string Code, string Name)> list, string code) => list.FirstOrDefault(x => x.Code == code).Name ?? code;
}
