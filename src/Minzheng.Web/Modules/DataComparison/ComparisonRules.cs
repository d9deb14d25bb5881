using Minzheng.Web.Modules.Assistance.Contracts;
using Minzheng.Web.Modules.Disability.Contracts;
namespace Minzheng.Web.Modules.DataComparison;

/// <summary>
/// The comparison rules: each named, described in Chinese with its basis, reading the registry, the shared entitlements
/// and (most) one kind of dataset. Each runs as one set-based statement for every county of a run
/// (<see cref="ComparisonEngine"/>); every county can switch each one off.
/// </summary>
public static class ComparisonRules
{
    public sealed record Rule(string Code, string Name, FindingDirection Direction, DatasetKind? Dataset, string Description, string Basis,
        string? ParameterLabel = null, string? ParameterHint = null)
    {
        /// <summary>A few characters for chart labels.</summary>
        public string ShortName => Code switch
        {
            "deceased" => "死亡",
            "imprisoned" => "服刑羁押",
            "vehicle" => "机动车",
            "second-house" => "多套住房",
            "business" => "登记经营",
            "public-payroll" => "财政供养",
            "certificate" => "残疾人证",
            "work-injury-care" => "工伤护理费",
            "care-missing" => "护理补贴应补",
            "living-missing" => "生活补贴应补",
            "poverty-no-dibao" => "扶贫对象应保",
            _ => "孤儿应保",
        };
    }

    /// <summary>Means-tested programs: property rules apply to them (社会救助暂行办法 第十条, 第十五条).</summary>
    public static readonly string[] MeansTested = [AssistancePrograms.Dibao, AssistancePrograms.ExtremePoverty];

    public static readonly string[] DisabilitySubsidies = [DisabilityPrograms.Living, DisabilityPrograms.Care];

    public static readonly IReadOnlyList<Rule> All =
    [
        new("deceased", "死亡人员仍在享受待遇", FindingDirection.Stop, DatasetKind.Deaths,
            "公安、卫健死亡数据中的人员，本人（或其所在低保家庭）在死亡月份之后仍有应发待遇。核实后停发，并追缴死亡次月起已发放的资金；家庭保障的应重新核定保障金额。",
            "社会救助暂行办法 第十三条（家庭人口、收入变化及时调整，停发须书面说明理由）、第五十八条（部门信息核查）；国发〔2015〕52号（两项补贴动态管理）"),
        new("imprisoned", "服刑或羁押人员仍在享受待遇", FindingDirection.Stop, DatasetKind.Detention,
            "正在服刑、羁押或强制隔离戒毒的人员，本人（或其所在家庭）仍在享受救助、补贴。服刑人员不计入低保家庭成员，应核实后调整或停发。",
            "民发〔2012〕220号 最低生活保障审核审批办法（试行）（在监狱服刑、强制隔离戒毒人员不计入共同生活的家庭成员；条次待核）"),
        new("vehicle", "拥有非豁免机动车", FindingDirection.Stop, DatasetKind.Vehicles,
            "低保、特困供养家庭成员名下的正常状态机动车（不含本县设定的豁免车型，如残疾人功能性补偿代步车）多于救助标准允许的数量。",
            "社会救助暂行办法 第十条（家庭财产状况符合当地规定）；救助标准“允许拥有的机动车数”",
            "豁免车型（逗号分隔）", "例如：残疾人专用车,二轮摩托车,三轮汽车,低速货车,拖拉机"),
        new("second-house", "拥有第二套及以上住房", FindingDirection.Stop, DatasetKind.RealEstate,
            "低保、特困供养家庭成员名下登记的不动产多于救助标准允许的住房套数。",
            "社会救助暂行办法 第十条；救助标准“允许拥有的住房套数”"),
        new("business", "登记经营企业或个体工商户", FindingDirection.Stop, DatasetKind.Businesses,
            "低保、特困供养家庭成员为存续（在业）市场主体的经营者，而救助标准不允许有登记经营的企业或个体户。",
            "社会救助暂行办法 第十条；救助标准“允许有登记经营的企业或个体户”"),
        new("public-payroll", "财政供养人员", FindingDirection.Stop, DatasetKind.PublicPayroll,
            "低保、特困供养家庭成员在机关事业单位工资统发名单中，有稳定工资收入，应核实家庭收入。",
            "社会救助暂行办法 第十三条（收入变化调整）、第五十八条（与人社、财政等部门信息核查）"),
        new("certificate", "残疾人证不再符合补贴条件", FindingDirection.Stop, DatasetKind.DisabilityCertificates,
            "领取两项补贴的人员，残联数据中的残疾人证已注销、过期，或护理补贴对象的残疾等级已不在补贴范围内。",
            "国发〔2015〕52号（持第二代、第三代残疾人证；护理补贴对象为一、二级重度残疾人，可扩大到三、四级智力、精神残疾人）"),
        new("work-injury-care", "领取工伤保险生活护理费", FindingDirection.Stop, DatasetKind.Pensions,
            "领取两项补贴的人员同时领取工伤保险生活护理费：按规定不享受两项补贴。",
            "国发〔2015〕52号（享受工伤保险生活护理费的，不享受残疾人两项补贴）"),
        new("care-missing", "一二级重度残疾人未享受护理补贴", FindingDirection.Add, null,
            "人员登记中的一、二级（及本县扩大范围内的三、四级智力、精神）残疾人，未领取重度残疾人护理补贴，且不是特困供养人员。",
            "国发〔2015〕52号（重度残疾人护理补贴：应补尽补）"),
        new("living-missing", "低保家庭残疾人未享受生活补贴", FindingDirection.Add, null,
            "正在享受低保的家庭中持证残疾人，未领取困难残疾人生活补贴（孤儿、特困供养人员除外）。",
            "国发〔2015〕52号（困难残疾人生活补贴：低保家庭中的残疾人）"),
        new("poverty-no-dibao", "收入低于低保标准的扶贫对象未纳入低保", FindingDirection.Add, DatasetKind.PovertyRegistry,
            "扶贫（防返贫监测）数据中家庭年人均纯收入低于当地农村低保年标准的人员，其家庭未享受低保，本人也不是特困供养人员。",
            "国办发〔2016〕70号 关于做好农村最低生活保障制度与扶贫开发政策有效衔接的指导意见"),
        new("orphan-no-case", "父母均已死亡的儿童未纳入孤儿保障", FindingDirection.Add, null,
            "人员登记中未满 18 周岁、与户主关系为子女的儿童，户内登记的父母（户主及配偶）均已死亡，未享受孤儿或事实无人抚养儿童基本生活费。",
            "国办发〔2010〕54号 关于加强孤儿保障工作的意见"),
    ];

    public static Rule? Find(string? code) => All.FirstOrDefault(r => r.Code == code);

    public static string NameOf(string code) => Find(code)?.Name ?? code;

    public static string DirectionName(FindingDirection d) => d == FindingDirection.Stop ? "应退" : "应补";

    public static string ActionName(FindingAction a) => a switch
    {
        FindingAction.Suspend => "暂停发放",
        FindingAction.Terminate => "终止（次月起停发）",
        FindingAction.Recover => "停发并追缴",
        FindingAction.RecordDeath => "登记死亡（本人待遇停发并追缴，家庭保障重新核定）",
        _ => "启动申请",
    };

    public static string StatusName(FindingStatus s) => s switch
    {
        FindingStatus.Open => "待核实",
        FindingStatus.Confirmed => "已确认处置",
        _ => "已排除",
    };
}
