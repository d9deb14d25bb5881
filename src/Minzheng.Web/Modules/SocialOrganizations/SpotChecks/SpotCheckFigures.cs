using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.SocialOrganizations.SpotChecks;

/// <summary>
/// Spot checks' figures: the yearly ratio per registration level and the inspectors per organisation are CONFIRMED-S
/// (民发〔2017〕45号, rules-2 §1.5: county ≥ 3 %, city ≥ 4 %, ≥ 2 inspectors on site) and ship as real rows; the default
/// rectification period is set case by case by the authority, so its default is a demo row (演示数据).
/// </summary>
public static class SpotCheckFigures
{
    private const string Module = SocialOrganizationFigures.Module;

    public static readonly IReadOnlyList<(string Code, string Name)> Levels = [("county", "县级登记"), ("city", "市级登记")];

    public static readonly FigureKind Ratio = new(Module, "spot-check-ratio", "定期抽查比例（不低于，按登记层级）", "%", Categories: Levels, Type: FigureValueType.Percent);
    public static readonly FigureKind InspectorsPerOrganization = new(Module, "spot-check-inspectors", "现场检查每个社会组织检查人员数（不少于）", "人");
    public static readonly FigureKind RectifyWorkingDays = new(Module, "spot-check-rectify-days", "抽查责令整改期限（默认）", "个工作日");

    public static readonly IReadOnlyList<FigureKind> All = [Ratio, InspectorsPerOrganization, RectifyWorkingDays];
}
