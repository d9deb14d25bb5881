using Minzheng.Web.Modules.Geography.Naming;
using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Geography.Boundaries;

/// <summary>The boundary figures of the module's section in the figure book.</summary>
public static class BoundaryFigures
{
    /// <summary>《行政区域界线管理条例》第十二条: lines are jointly inspected every five years (a figure, so a change of the rule is data).</summary>
    public static readonly FigureKind JointInspectionYears = new(NamingFigures.Module, "joint-inspection-years", "行政区域界线联合检查周期", "年");

    public static readonly IReadOnlyList<FigureKind> All = [JointInspectionYears];

    /// <summary>
    /// The year the next joint round of a line is due: its last joint round's year plus the period in force. No joint round
    /// recorded, or no period in force, gives no year — the page says which, rather than guessing a due date.
    /// </summary>
    public static int? NextJointYear(int? lastJointYear, int? everyYears) =>
        lastJointYear is { } year && everyYears is { } n && n >= 1 ? year + n : null;
}
