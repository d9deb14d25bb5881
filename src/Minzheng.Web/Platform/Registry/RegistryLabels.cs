namespace Minzheng.Web.Platform.Registry;

/// <summary>Chinese names of the registry's codes, for pages, exports and imports.</summary>
public static class RegistryLabels
{
    /// <summary>The 56 ethnic groups (GB/T 3304), in the standard's order.</summary>
    public static readonly IReadOnlyList<string> Ethnicities =
    [
        "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族",
        "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族",
        "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族",
        "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
        "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
    ];

    public static string Of(Sex sex) => sex == Sex.Male ? "男" : "女";

    public static string Of(HukouType t) => t == HukouType.Urban ? "城镇" : "农村";

    public static string Of(LifeStatus s) => s switch
    {
        LifeStatus.Alive => "健在",
        LifeStatus.Deceased => "已死亡",
        _ => "失踪",
    };

    public static string Of(DisabilityCategory c) => c switch
    {
        DisabilityCategory.Visual => "视力残疾",
        DisabilityCategory.Hearing => "听力残疾",
        DisabilityCategory.Speech => "言语残疾",
        DisabilityCategory.Physical => "肢体残疾",
        DisabilityCategory.Intellectual => "智力残疾",
        DisabilityCategory.Mental => "精神残疾",
        _ => "多重残疾",
    };

    public static string GradeOf(int grade) => grade switch
    {
        1 => "一级",
        2 => "二级",
        3 => "三级",
        4 => "四级",
        _ => grade.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static string Of(Relation r) => r switch
    {
        Relation.Head => "户主",
        Relation.Spouse => "配偶",
        Relation.Son => "子",
        Relation.Daughter => "女",
        Relation.Father => "父亲",
        Relation.Mother => "母亲",
        Relation.Grandson => "孙子",
        Relation.Granddaughter => "孙女",
        Relation.DaughterInLaw => "儿媳",
        Relation.SonInLaw => "女婿",
        Relation.Grandfather => "祖父",
        Relation.Grandmother => "祖母",
        Relation.Sibling => "兄弟姐妹",
        _ => "其他",
    };

    /// <summary>Parses a Chinese label or an API name of an enum value (imports accept both).</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        foreach (var v in Enum.GetValues<T>())
        {
            var label = v switch
            {
                Sex s => Of(s),
                HukouType h => Of(h),
                LifeStatus l => Of(l),
                DisabilityCategory d => Of(d),
                Relation r => Of(r),
                _ => v.ToString(),
            };
            if (text == label || string.Equals(text, v.ToString(), StringComparison.OrdinalIgnoreCase)
                || (label.Length > 2 && label.EndsWith("残疾", StringComparison.Ordinal) && text == label[..^2]))
            {
                value = v;
                return true;
            }
        }
        // Common synonyms in legacy exports.
        (bool ok, object? v) alias = text switch
        {
            "本人" or "户主本人" when typeof(T) == typeof(Relation) => (true, Relation.Head),
            "妻" or "妻子" or "夫" or "丈夫" when typeof(T) == typeof(Relation) => (true, Relation.Spouse),
            "儿子" or "长子" or "次子" when typeof(T) == typeof(Relation) => (true, Relation.Son),
            "女儿" or "长女" or "次女" when typeof(T) == typeof(Relation) => (true, Relation.Daughter),
            "父" when typeof(T) == typeof(Relation) => (true, Relation.Father),
            "母" when typeof(T) == typeof(Relation) => (true, Relation.Mother),
            "非农业" or "城市" or "城镇户口" when typeof(T) == typeof(HukouType) => (true, HukouType.Urban),
            "农业" or "农村户口" when typeof(T) == typeof(HukouType) => (true, HukouType.Rural),
            "正常" or "在世" or "存活" when typeof(T) == typeof(LifeStatus) => (true, LifeStatus.Alive),
            "死亡" when typeof(T) == typeof(LifeStatus) => (true, LifeStatus.Deceased),
            _ => (false, null),
        };
        if (alias.ok)
        {
            value = (T)alias.v!;
            return true;
        }
        return false;
    }

    public static int? ParseGrade(string? text) => text?.Trim() switch
    {
        "1" or "一级" or "一" => 1,
        "2" or "二级" or "二" => 2,
        "3" or "三级" or "三" => 3,
        "4" or "四级" or "四" => 4,
        _ => null,
    };
}
