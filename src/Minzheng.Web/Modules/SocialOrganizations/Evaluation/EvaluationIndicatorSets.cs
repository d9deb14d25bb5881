using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.SocialOrganizations.Evaluation;

/// <summary>
/// The first indicator set, seeded at start. The four first-level sections and the 1,000 points are the national pattern (rules.md
/// §6.3); the second-level indicators and their maxima per kind were not seen in an official text, so the set is named 演示数据
/// until 玉林市民政局 confirms it — a confirmed set is a new version, and evaluations already applied keep this one.
/// </summary>
public static class EvaluationIndicatorSets
{
    public const int FirstVersion = 1;
    public const string FirstName = "2026版（演示数据，待玉林市民政局按评估指标确认）";
    public static readonly DateOnly FirstValidFrom = new(2020, 1, 1);

    private static readonly (string Section, string Code, string Name, int Max)[] SocialGroup =
    [
        ("basic", "1.1", "法人资格", 20), ("basic", "1.2", "章程", 20), ("basic", "1.3", "登记备案", 20),
        ("governance", "2.1", "组织机构", 100), ("governance", "2.2", "人力资源", 60), ("governance", "2.3", "领导班子建设", 60), ("governance", "2.4", "财务资产管理", 120),
        ("performance", "3.1", "提供服务", 150), ("performance", "3.2", "反映诉求", 100), ("performance", "3.3", "行业自律与规范行为", 100), ("performance", "3.4", "信息公开与宣传", 50),
        ("social", "4.1", "内部评价", 100), ("social", "4.2", "外部评价", 100),
    ];

    private static readonly (string Section, string Code, string Name, int Max)[] SocialService =
    [
        ("basic", "1.1", "法人资格", 30), ("basic", "1.2", "章程", 25), ("basic", "1.3", "登记备案", 25),
        ("governance", "2.1", "组织机构", 100), ("governance", "2.2", "人力资源", 80), ("governance", "2.3", "领导班子建设", 60), ("governance", "2.4", "财务资产管理", 130),
        ("performance", "3.1", "业务活动", 150), ("performance", "3.2", "服务质量", 100), ("performance", "3.3", "诚信建设", 50), ("performance", "3.4", "信息公开", 50),
        ("social", "4.1", "内部评价", 80), ("social", "4.2", "服务对象评价", 80), ("social", "4.3", "登记管理机关评价", 40),
    ];

    private static readonly (string Section, string Code, string Name, int Max)[] Foundation =
    [
        ("basic", "1.1", "法人资格", 30), ("basic", "1.2", "章程", 20), ("basic", "1.3", "登记备案", 20),
        ("governance", "2.1", "组织机构", 100), ("governance", "2.2", "财务管理", 160), ("governance", "2.3", "人力资源", 60), ("governance", "2.4", "档案与证章管理", 60),
        ("performance", "3.1", "公益活动", 150), ("performance", "3.2", "募捐管理", 100), ("performance", "3.3", "信息公开", 100),
        ("social", "4.1", "内部评价", 60), ("social", "4.2", "捐赠人与受益人评价", 80), ("social", "4.3", "管理机关评价", 60),
    ];

    public static List<EvaluationIndicator> First()
    {
        var rows = new List<EvaluationIndicator>();
        foreach (var (kind, items) in new[] { (OrganizationKind.SocialGroup, SocialGroup), (OrganizationKind.SocialServiceAgency, SocialService), (OrganizationKind.Foundation, Foundation) })
        {
            var order = 0;
            rows.AddRange(items.Select(i => new EvaluationIndicator
            {
                SetVersion = FirstVersion,
                SetName = FirstName,
                ValidFrom = FirstValidFrom,
                Kind = kind,
                Section = i.Section,
                Code = i.Code,
                Name = i.Name,
                MaxPoints = i.Max,
                Order = ++order,
            }));
        }
        return rows;
    }
}
