using Minzheng.Web.Modules.ChildWelfare.Allowances;
using Minzheng.Web.Modules.ChildWelfare.Rules;
using Minzheng.Web.Modules.ChildWelfare.Watch;

namespace Minzheng.Web.Modules.ChildWelfare.Pages;

/// <summary>Chinese labels of the module's enums, for pages and exports.</summary>
public static class ChildLabels
{
    public static string Of(ChildCaseStatus s) => s switch
    {
        ChildCaseStatus.Applied => "待乡镇审核",
        ChildCaseStatus.TownshipReviewed => "待县级认定",
        ChildCaseStatus.Confirmed => "保障中",
        ChildCaseStatus.Refused => "不予认定",
        _ => "已停发",
    };

    public static string Tag(ChildCaseStatus s) => s switch
    {
        ChildCaseStatus.Confirmed => "ok",
        ChildCaseStatus.Refused => "bad",
        ChildCaseStatus.Ended => "",
        _ => "warn",
    };

    public static string Of(ChildAllowanceKind k) => ChildAllowances.KindName(k);

    public static string Of(ChildEndReason r) => r switch
    {
        ChildEndReason.Age => "到龄",
        ChildEndReason.Adoption => "被依法收养",
        ChildEndReason.Death => "死亡",
        ChildEndReason.ParentSituationEnded => "父母情形消失（如刑满释放、恢复联系）",
        _ => "其他",
    };

    public static string Of(RiskLevel r) => r switch { RiskLevel.High => "高风险", RiskLevel.Medium => "中风险", _ => "低风险" };

    public static string RiskTag(RiskLevel r) => r switch { RiskLevel.High => "bad", RiskLevel.Medium => "warn", _ => "ok" };

    public static string Of(ChildRules.ParentPresence p) => p switch
    {
        ChildRules.ParentPresence.WorkingAway => "外出务工",
        ChildRules.ParentPresence.NoGuardianCapacity => "在家但无监护能力",
        ChildRules.ParentPresence.Dead => "死亡",
        _ => "在家",
    };

    public static string Difficulties(string codes) =>
        string.Join("；", codes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(c => ChildWatch.DifficultyCategories.FirstOrDefault(d => d.Code == c).Name ?? c));

    public static readonly IReadOnlyList<ParentSituation> Situations = Enum.GetValues<ParentSituation>();
}
