namespace Minzheng.Web.Modules.Marriage.Backfill;

/// <summary>One entry of a shipped code table: the code stored, the Chinese name shown.</summary>
public sealed record CodeEntry(string Code, string Name);

/// <summary>
/// The code tables MZ/T 113-2018 (婚姻登记档案信息补录规范) prescribes for archive records, shipped as reference data: the
/// record types, GB/T 2261.2 marital status, GB/T 3304 ethnic groups, the GB/T 2659 countries a Guangxi registry meets, the
/// GB/T 6565 occupation major groups, and the anomaly codes this platform uses for what the paper archive lacks or garbles
/// (the standard's notes on anomalous data: record it as found, never complete it by guessing).
/// </summary>
public static class BackfillCodes
{
    public static readonly IReadOnlyList<CodeEntry> RecordTypes =
    [
        new("marriage", "结婚"),
        new("divorce", "离婚"),
        new("remarriage", "复婚"),
        new("annulment", "撤销婚姻"),
    ];

    /// <summary>GB/T 2261.2-2003 个人基本信息分类与代码 第2部分：婚姻状况代码 (the status before this registration).</summary>
    public static readonly IReadOnlyList<CodeEntry> MaritalStatuses =
    [
        new("10", "未婚"),
        new("20", "已婚"),
        new("30", "丧偶"),
        new("40", "离婚"),
        new("90", "未说明的婚姻状况"),
    ];

    /// <summary>GB/T 3304-1991 中国各民族名称的罗马字母拼写法和代码 (numeric codes).</summary>
    public static readonly IReadOnlyList<CodeEntry> Ethnicities =
    [
        new("01", "汉族"), new("02", "蒙古族"), new("03", "回族"), new("04", "藏族"), new("05", "维吾尔族"), new("06", "苗族"), new("07", "彝族"),
        new("08", "壮族"), new("09", "布依族"), new("10", "朝鲜族"), new("11", "满族"), new("12", "侗族"), new("13", "瑶族"), new("14", "白族"),
        new("15", "土家族"), new("16", "哈尼族"), new("17", "哈萨克族"), new("18", "傣族"), new("19", "黎族"), new("20", "傈僳族"), new("21", "佤族"),
        new("22", "畲族"), new("23", "高山族"), new("24", "拉祜族"), new("25", "水族"), new("26", "东乡族"), new("27", "纳西族"), new("28", "景颇族"),
        new("29", "柯尔克孜族"), new("30", "土族"), new("31", "达斡尔族"), new("32", "仫佬族"), new("33", "羌族"), new("34", "布朗族"), new("35", "撒拉族"),
        new("36", "毛南族"), new("37", "仡佬族"), new("38", "锡伯族"), new("39", "阿昌族"), new("40", "普米族"), new("41", "塔吉克族"), new("42", "怒族"),
        new("43", "乌孜别克族"), new("44", "俄罗斯族"), new("45", "鄂温克族"), new("46", "德昂族"), new("47", "保安族"), new("48", "裕固族"), new("49", "京族"),
        new("50", "塔塔尔族"), new("51", "独龙族"), new("52", "鄂伦春族"), new("53", "赫哲族"), new("54", "门巴族"), new("55", "珞巴族"), new("56", "基诺族"),
        new("97", "其他未识别民族"), new("98", "外国血统中国籍人士"),
    ];

    /// <summary>GB/T 2659-2000 世界各国和地区名称代码 (alpha-3): the ones a 玉林 registry's archive contains, with the border neighbours.</summary>
    public static readonly IReadOnlyList<CodeEntry> Countries =
    [
        new("CHN", "中国"), new("HKG", "中国香港"), new("MAC", "中国澳门"), new("TWN", "中国台湾"), new("VNM", "越南"), new("LAO", "老挝"),
        new("MMR", "缅甸"), new("KHM", "柬埔寨"), new("THA", "泰国"), new("MYS", "马来西亚"), new("SGP", "新加坡"), new("IDN", "印度尼西亚"),
        new("PHL", "菲律宾"), new("JPN", "日本"), new("KOR", "韩国"), new("PRK", "朝鲜"), new("RUS", "俄罗斯"), new("USA", "美国"),
        new("CAN", "加拿大"), new("GBR", "英国"), new("FRA", "法国"), new("DEU", "德国"), new("AUS", "澳大利亚"),
    ];

    /// <summary>GB/T 6565-2015 职业分类与代码: the eight major groups (大类).</summary>
    public static readonly IReadOnlyList<CodeEntry> Occupations =
    [
        new("1", "党的机关、国家机关、群众团体和社会组织、企事业单位负责人"),
        new("2", "专业技术人员"),
        new("3", "办事人员和有关人员"),
        new("4", "社会生产服务和生活服务人员"),
        new("5", "农、林、牧、渔业生产及辅助人员"),
        new("6", "生产制造及有关人员"),
        new("7", "军人"),
        new("8", "不便分类的其他从业人员"),
    ];

    public const string NoIdNumber = "no-id";
    public const string OldNumber = "old-15";
    public const string PartialBirth = "birth-partial";
    public const string Illegible = "illegible";
    public const string WrongNumber = "id-wrong";

    /// <summary>
    /// Anomaly codes for one party (MZ/T 113-2018 异常数据说明): the archive is entered as found; what it lacks or garbles is
    /// named by a code, never filled in by a guess (no invented ID numbers).
    /// </summary>
    public static readonly IReadOnlyList<CodeEntry> Anomalies =
    [
        new(NoIdNumber, "无身份证号"),
        new(OldNumber, "15位旧号"),
        new(PartialBirth, "出生日期不全"),
        new(Illegible, "字迹不清"),
        new(WrongNumber, "原档证号有误（未录入）"),
        new("name-variant", "姓名前后不一"),
        new("page-missing", "档案缺页"),
    ];

    public static string? NameOf(IReadOnlyList<CodeEntry> table, string? code) => code is null ? null : table.FirstOrDefault(c => c.Code == code)?.Name;

    /// <summary>A cell or form value read as a code of the table: the code itself or its Chinese name; null when empty, "" when unknown.</summary>
    public static string? Read(IReadOnlyList<CodeEntry> table, string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        return table.FirstOrDefault(c => string.Equals(c.Code, t, StringComparison.OrdinalIgnoreCase) || c.Name == t)?.Code ?? "";
    }
}
