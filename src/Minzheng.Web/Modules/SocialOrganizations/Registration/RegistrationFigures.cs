using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.SocialOrganizations.Registration;

/// <summary>
/// The registration authority's time limits per application (and, for establishment, per kind) in the one figure book: the
/// number of days and how they count. The limits are not among rules.md's confirmed facts, so they ship only as demo rows
/// marked 演示数据 with the article they are believed to come from; an installation without them answers standard_missing on
/// acceptance until the city enters the rows it has verified.
/// </summary>
public static class RegistrationFigures
{
    public static readonly IReadOnlyList<(string Code, string Name)> Categories =
    [
        ("establish-social-group", "社会团体成立登记"),
        ("establish-social-service", "社会服务机构成立登记"),
        ("establish-foundation", "基金会成立登记"),
        ("change", "变更登记"),
        ("deregister", "注销登记"),
    ];

    public static readonly FigureKind LimitDays = new(SocialOrganizationFigures.Module, "registration-limit-days", "登记管理机关作出决定的期限（自受理之日起）", "日",
        Categories: Categories);

    public static readonly FigureKind LimitCounting = new(SocialOrganizationFigures.Module, "registration-limit-counting", "登记期限的计算方式", "",
        Categories: Categories, Choices: [(TimeLimits.Calendar, "自然日"), (TimeLimits.Working, "工作日")]);

    public static readonly IReadOnlyList<FigureKind> All = [LimitDays, LimitCounting];

    public static List<Figure> DemoRows()
    {
        Figure Row(FigureKind k, string category, string document, int? number = null, string? choice = null) => new()
        {
            Module = k.Module,
            Kind = k.Code,
            DivisionCode = RegistrationAuthority.City,
            Category = category,
            Number = number,
            Choice = choice,
            ValidFrom = new DateOnly(2016, 2, 6),
            Document = document,
            IsDemo = true,
            CreatedBy = "system",
        };
        const string demo = "演示数据（期限未经核实）：";
        var rows = new List<Figure>();
        void Limit(string category, int days, string counting, string basis)
        {
            rows.Add(Row(LimitDays, category, demo + basis, number: days));
            rows.Add(Row(LimitCounting, category, demo + basis, choice: counting));
        }
        Limit("establish-social-group", 30, TimeLimits.Calendar, "社会团体登记管理条例（2016）：自收到完成筹备工作的登记申请书及有关文件之日起30日内完成审查");
        Limit("establish-social-service", 60, TimeLimits.Calendar, "民办非企业单位登记管理暂行条例 第十一条：自收到全部有效文件之日起60日内作出准予或者不准予登记的决定");
        Limit("establish-foundation", 60, TimeLimits.Calendar, "基金会管理条例 第十一条：自收到全部有效文件之日起60日内作出准予或者不准予登记的决定");
        Limit("change", 20, TimeLimits.Working, "行政许可法 第四十二条、第八十二条：20个工作日内作出决定（条例未另定期限）");
        Limit("deregister", 20, TimeLimits.Working, "行政许可法 第四十二条、第八十二条：20个工作日内作出决定（条例未另定期限）");
        return rows;
    }
}
