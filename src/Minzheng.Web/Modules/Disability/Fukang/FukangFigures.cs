using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Disability.Fukang;

/// <summary>
/// The figure of 福康工程 in the kernel figure book: which groups of physically disabled people are served (one yes/no row per
/// group and issuer, effective-dated), so that a county can widen or narrow the scope by a document without a code change.
/// </summary>
public static class FukangFigures
{
    public const string Module = "disability-fukang";
    public const string GroupDibao = "dibao";
    public const string GroupExtremePoverty = "extreme-poverty";
    public const string GroupPovertyRegistry = "poverty-registry";

    public static readonly IReadOnlyList<(string Code, string Name)> Groups =
    [
        (GroupDibao, "低保对象家庭"),
        (GroupExtremePoverty, "特困人员"),
        (GroupPovertyRegistry, "建档立卡贫困户"),
    ];

    private static readonly IReadOnlyList<(string Code, string Name)> YesNo = [("yes", "是"), ("no", "否")];

    public static readonly FigureKind EligibleGroup = new(Module, "eligible-group", "福康工程救助对象范围", "", Categories: Groups, Choices: YesNo);

    public static readonly IReadOnlyList<FigureKind> All = [EligibleGroup];

    public static string GroupName(string code) => Groups.FirstOrDefault(g => g.Code == code).Name ?? code;

    /// <summary>The groups in force for a division on a date (a group without a row does not count).</summary>
    public static List<string> InForce(FigureBook book, string divisionCode, DateOnly on) =>
        Groups.Where(g => book.Find(EligibleGroup, divisionCode, on, g.Code)?.Yes == true).Select(g => g.Code).ToList();
}
