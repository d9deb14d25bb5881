using Minzheng.Web.Platform.Imports;

namespace Minzheng.Web.Modules.DataComparison;

/// <summary>
/// What each kind of dataset holds and how its columns land in a <see cref="ComparisonRecord"/>: the same record columns
/// (event date, end date, category, status, grade, amount, reference) carry each department's own fields. Where a rule
/// depends on a value (a certificate's status, a pension's kind), the accepted values are listed and anything else is
/// reported on its line rather than guessed.
/// </summary>
public static class DatasetKinds
{
    public sealed record Info(DatasetKind Kind, string Code, string Name, string TypicalSource, IReadOnlyList<ImportField> Fields,
        IReadOnlyDictionary<string, string[]> AllowedValues, string? DefaultStatus = null)
    {
        public string ImportKind => "comparison." + Code;
    }

    private static ImportField Id(string label = "身份证号") => new("idNumber", label, true, [label, "身份证号", "公民身份号码", "身份证号码", "证件号码"]);
    private static ImportField Name(string label = "姓名") => new("name", label, true, [label, "姓名", "名称"]);

    public static readonly IReadOnlyList<Info> All =
    [
        new(DatasetKind.Deaths, "deaths", "死亡人员数据", "公安（户籍注销）、卫健（死亡医学证明）",
            [Id(), Name(), new("eventDate", "死亡日期", true, ["死亡日期", "死亡时间", "注销日期"]), new("reference", "死亡证明或注销编号", false, ["死亡证明编号", "注销编号", "证明编号"])],
            new Dictionary<string, string[]>()),
        new(DatasetKind.DisabilityCertificates, "certificates", "残疾人证数据", "残联",
            [Id(), Name(), new("reference", "残疾人证号", true, ["残疾人证号", "残疾证号"]), new("category", "残疾类别", true, ["残疾类别", "残疾类型"]),
             new("grade", "残疾等级", true, ["残疾等级", "残疾级别"]), new("endDate", "有效期至", false, ["有效期至", "有效期截止", "有效期"]),
             new("status", "证件状态", false, ["证件状态", "状态"])],
            new Dictionary<string, string[]> { ["status"] = ["有效", "注销", "过期"] }, "有效"),
        new(DatasetKind.Vehicles, "vehicles", "机动车登记数据", "公安交警",
            [Id("所有人身份证号"), Name("所有人"), new("reference", "号牌号码", true, ["号牌号码", "车牌号", "车牌号码"]),
             new("category", "车辆类型", true, ["车辆类型", "车型"]), new("eventDate", "初次登记日期", false, ["初次登记日期", "登记日期"]),
             new("status", "机动车状态", false, ["机动车状态", "状态"])],
            new Dictionary<string, string[]> { ["status"] = ["正常", "注销", "报废", "转出"] }, "正常"),
        new(DatasetKind.RealEstate, "real-estate", "不动产登记数据", "自然资源（不动产登记中心）",
            [Id("权利人身份证号"), Name("权利人"), new("reference", "不动产权证号", true, ["不动产权证号", "产权证号", "不动产单元号"]),
             new("category", "房屋用途", false, ["房屋用途", "用途"]), new("eventDate", "登记日期", false, ["登记日期", "登簿日期"])],
            new Dictionary<string, string[]>()),
        new(DatasetKind.Businesses, "businesses", "市场主体登记数据", "市场监管",
            [Id("经营者身份证号"), Name("经营者"), new("reference", "统一社会信用代码", true, ["统一社会信用代码", "注册号"]),
             new("category", "主体类型", false, ["主体类型", "企业类型", "市场主体类型"]), new("eventDate", "成立日期", false, ["成立日期"]),
             new("status", "登记状态", false, ["登记状态", "经营状态", "状态"]), new("endDate", "注销日期", false, ["注销日期", "吊销日期"])],
            new Dictionary<string, string[]> { ["status"] = ["存续", "在业", "注销", "吊销", "迁出"] }, "存续"),
        new(DatasetKind.PublicPayroll, "public-payroll", "财政供养人员数据", "财政、人社（机关事业单位工资统发）",
            [Id(), Name(), new("reference", "工作单位", true, ["工作单位", "单位名称"]), new("category", "人员类别", false, ["人员类别", "编制类别"]),
             new("amount", "月应发工资（元）", false, ["月应发工资", "应发工资", "月工资"])],
            new Dictionary<string, string[]>()),
        new(DatasetKind.Pensions, "pensions", "养老金及工伤待遇数据", "人社（社保经办）",
            [Id(), Name(), new("category", "待遇类型", true, ["待遇类型", "险种", "待遇项目"]), new("amount", "月发放金额（元）", true, ["月发放金额", "月待遇", "发放金额"]),
             new("eventDate", "待遇起始日期", false, ["待遇起始日期", "起始日期", "开始领取日期"])],
            new Dictionary<string, string[]> { ["category"] = ["企业职工基本养老金", "机关事业单位养老金", "城乡居民基本养老保险", "工伤保险生活护理费", "工伤保险伤残津贴", "其他"] }),
        new(DatasetKind.Detention, "detention", "服刑和羁押人员数据", "司法行政（监狱、戒毒所）、公安（看守所）",
            [Id(), Name(), new("category", "类型", true, ["类型", "羁押类型", "人员类型"]), new("eventDate", "起始日期", true, ["起始日期", "入监日期", "羁押日期", "刑期起日"]),
             new("endDate", "截止日期", false, ["截止日期", "刑期止日", "出监日期", "预计释放日期"]), new("reference", "执行场所", false, ["执行场所", "羁押场所", "监所名称"])],
            new Dictionary<string, string[]> { ["category"] = ["服刑", "羁押", "强制隔离戒毒", "拘留"] }),
        new(DatasetKind.PovertyRegistry, "poverty", "扶贫（防返贫监测）人员数据", "乡村振兴（扶贫）部门",
            [Id(), Name(), new("amount", "家庭年人均纯收入（元）", true, ["家庭年人均纯收入", "人均纯收入", "年人均纯收入"]),
             new("status", "帮扶状态", false, ["帮扶状态", "贫困户状态", "状态"]), new("reference", "户编号", false, ["户编号", "户码"])],
            new Dictionary<string, string[]> { ["status"] = ["未脱贫", "已脱贫", "监测对象"] }),
    ];

    public static Info Of(DatasetKind kind) => All.First(k => k.Kind == kind);

    public static Info? FindCode(string? code) => All.FirstOrDefault(k => k.Code == code);
}
