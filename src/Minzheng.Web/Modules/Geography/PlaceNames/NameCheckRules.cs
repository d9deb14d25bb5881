using System.Text;

namespace Minzheng.Web.Modules.Geography.PlaceNames;

/// <summary>A name proposed for checking, spelled and split.</summary>
public sealed record ProposedName(string Name, string Specific, string Generic, PlaceNameCategory Category, string DivisionCode, string Pinyin, string PinyinKey,
    string SpecificKey, Guid? ExcludeId = null, string? NamedDivisionCode = null);

/// <summary>A name already held (registry row or reference data) that a proposal is compared with.</summary>
public sealed record HeldName(Guid? Id, string Name, string Specific, PlaceNameCategory Category, string DivisionCode, string? NamedDivisionCode, string PinyinKey,
    string SpecificKey, bool ReferenceOnly = false);

/// <summary>Where art. 9 forbids a repeat: the label, the division prefixes it spans ("" = everything held), the categories compared.</summary>
public sealed record CheckScope(string Label, IReadOnlyList<string> Prefixes, IReadOnlyList<PlaceNameCategory> Categories, bool CompareSpecific, bool Binding,
    DivisionTarget Target = DivisionTarget.None, string? Note = null)
{
    public bool Contains(string divisionCode) => Prefixes.Any(p => divisionCode.StartsWith(p, StringComparison.Ordinal));
}

/// <summary>For a division's name, the level it names (from its 通名): the repeat rule differs per level (art. 9(7), 9(8)).</summary>
public enum DivisionTarget
{
    None = 0,
    County = 1,
    Township = 2,
    Village = 3,
}

public sealed record NameConflict(string Name, string Code, string Kind, string Scope);

public sealed record NameCheckResult(string Pinyin, IReadOnlyList<NameConflict> Conflicts, IReadOnlyList<string> Warnings);

/// <summary>
/// The checks of 地名管理条例 (2022) 第九条 run on a proposed name: (7) county-level and higher divisions must not repeat and
/// should avoid homophones; (8) within a province 乡镇 names, within a county 村（居）委会 seat names, within a built-up area
/// street, lane, residential and building names must not repeat, and should avoid homophones; (3)–(6) rare characters,
/// person, foreign and enterprise names are flagged for the reviewer (a flag is a question, not a refusal). A duplicate is
/// the same text; a homophone the same toneless pinyin in other characters. Divisions and seats compare their 专名
/// (容州镇 and 容州街道 repeat); other features the whole name, with a same-专名 warning. Pure: the caller supplies the names
/// held in the scope.
/// </summary>
public static class NameCheckRules
{
    public const string Duplicate = "duplicate";
    public const string Homophone = "homophone";

    /// <summary>The scope art. 9 requires for a category, given the built-up areas configured (prefix lists by name).</summary>
    public static CheckScope ScopeFor(PlaceNameCategory category, string generic, string divisionCode, IReadOnlyList<(string Name, IReadOnlyList<string> Prefixes)> builtUpAreas)
    {
        var county = divisionCode[..6];
        switch (category)
        {
            case PlaceNameCategory.AdministrativeDivision:
                return TargetOf(generic) switch
                {
                    DivisionTarget.County => new("全国县级以上行政区划（本平台所持：广西壮族自治区）", [""], [PlaceNameCategory.AdministrativeDivision], true, true, DivisionTarget.County),
                    DivisionTarget.Township => new("本省（自治区）乡、镇（本平台所持：玉林市）", [""], [PlaceNameCategory.AdministrativeDivision], true, true, DivisionTarget.Township),
                    _ => new("本县（市、区）村（居）民委员会", [county], [PlaceNameCategory.VillageSeat, PlaceNameCategory.AdministrativeDivision], true, true, DivisionTarget.Village),
                };
            case PlaceNameCategory.VillageSeat:
                return new("本县（市、区）村（居）民委员会驻地", [county], [PlaceNameCategory.VillageSeat], true, true, DivisionTarget.Village);
            case PlaceNameCategory.Street:
            case PlaceNameCategory.Residential:
                var area = builtUpAreas.FirstOrDefault(a => a.Prefixes.Any(p => divisionCode.StartsWith(p, StringComparison.Ordinal)));
                return area.Name is null
                    ? new($"本县（市、区）{Label(category)}", [county], [category], false, true, Note: "未设定该地的城市建成区，按所在县（市、区）范围检查")
                    : new($"{area.Name}{Label(category)}", area.Prefixes, [category], false, true);
            case PlaceNameCategory.NaturalFeature:
                return new("本平台所持全部自然地理实体", [""], [PlaceNameCategory.NaturalFeature], false, true);
            default:
                return new($"本县（市、区）{PlaceNameLabels.Category(category)}", [county], [category], false, false);
        }
    }

    private static string Label(PlaceNameCategory c) => c == PlaceNameCategory.Street ? "街路巷" : "住宅区、楼宇";

    public static DivisionTarget TargetOf(string generic) => generic switch
    {
        "县" or "市" or "区" => DivisionTarget.County,
        "镇" or "乡" or "街道" => DivisionTarget.Township,
        _ => DivisionTarget.Village,
    };

    /// <summary>The level of an existing division code (12 digits) as a target: county, township or village.</summary>
    public static DivisionTarget LevelOfCode(string code) =>
        code[6..] == "000000" ? (code[4..6] == "00" ? DivisionTarget.None : DivisionTarget.County)
        : code[9..] == "000" ? DivisionTarget.Township : DivisionTarget.Village;

    public static NameCheckResult Check(ProposedName p, CheckScope scope, IEnumerable<HeldName> held)
    {
        var conflicts = new List<NameConflict>();
        var warnings = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var h in held)
        {
            if (p.ExcludeId is { } x && h.Id == x) continue;
            if (p.NamedDivisionCode is { } nd && h.NamedDivisionCode == nd) continue;
            if (!scope.Contains(h.DivisionCode) || !scope.Categories.Contains(h.Category)) continue;
            if (scope.Target is not DivisionTarget.None && p.Category == PlaceNameCategory.AdministrativeDivision && h.Category == PlaceNameCategory.AdministrativeDivision
                && LevelOfCode(h.NamedDivisionCode ?? h.DivisionCode) != scope.Target) continue;
            var (mine, theirs, myKey, theirKey) = scope.CompareSpecific ? (p.Specific, h.Specific, p.SpecificKey, h.SpecificKey) : (p.Name, h.Name, p.PinyinKey, h.PinyinKey);
            string? kind = mine == theirs ? Duplicate : myKey.Length > 0 && myKey == theirKey ? Homophone : null;
            var code = h.NamedDivisionCode ?? h.DivisionCode;
            if (kind is not null)
            {
                if (!seen.Add(kind + "|" + h.Name + "|" + code)) continue;
                if (scope.Binding) conflicts.Add(new(h.Name, code, kind, scope.Label));
                else warnings.Add($"{scope.Label}已有{(kind == Duplicate ? "同名" : "同音")}地名“{h.Name}”，建议避免");
            }
            else if (!scope.CompareSpecific && p.Specific.Length > 0 && p.Specific == h.Specific && p.Generic != "" && seen.Add("specific|" + h.Name))
            {
                warnings.Add($"{scope.Label}已有专名相同的“{h.Name}”，易混淆，请审查");
            }
        }
        if (scope.Note is not null) warnings.Add(scope.Note);
        warnings.AddRange(Flags(p));
        return new(p.Pinyin, conflicts.OrderBy(c => c.Kind, StringComparer.Ordinal).ThenBy(c => c.Code, StringComparer.Ordinal).ToList(), warnings);
    }

    // 百家姓 most common surnames (the first 100 by population): a 专名 starting with one and two or three characters long may be a person's name
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

    private static readonly string[] EnterpriseWords = ["公司", "集团", "有限", "股份", "实业", "置业", "地产", "商贸", "酒店", "银行", "控股"];

    private static readonly string[] ForeignWords = ["威尼斯", "巴黎", "曼哈顿", "罗马", "维也纳", "纽约", "伦敦", "加州", "欧洲", "香榭", "莱茵", "地中海", "塞纳", "普罗旺斯",
        "夏威夷", "托斯卡纳", "拉斯维加斯", "比华利", "枫丹白露", "剑桥", "牛津", "哈佛", "曼哈顿", "好莱坞", "温莎", "凡尔赛"];

    private static readonly string[] Exaggerating = ["帝王", "皇家", "皇朝", "宫廷", "至尊", "国际", "环球", "世界", "中央", "天下", "宇宙", "寰宇"];

    /// <summary>Art. 9 (1)–(6) questions for the reviewer: rare characters, non-Han characters, person, foreign and enterprise names, exaggeration.</summary>
    public static IEnumerable<string> Flags(ProposedName p)
    {
        var rare = new StringBuilder();
        var foreignScript = false;
        foreach (var rune in p.Name.EnumerateRunes())
        {
            var v = rune.Value;
            if (v is >= 0x4E00 and <= 0x9FFF) continue;
            if (v is >= 0x3400 and <= 0x4DBF or >= 0x20000 and <= 0x323AF or >= 0xF900 and <= 0xFAFF) rare.Append(rune.ToString());
            else if (Rune.IsLetter(rune)) foreignScript = true;
        }
        if (rare.Length > 0) yield return $"含生僻字“{rare}”（不在通用汉字基本区），应避免（第九条第三项）";
        if (foreignScript) yield return "含外文字母，应使用国家通用语言文字（第九条第三项），请核实是否以外国人名、地名或商标命名（第九条第五、六项）";
        if (p.Category is not (PlaceNameCategory.AdministrativeDivision or PlaceNameCategory.VillageSeat or PlaceNameCategory.NaturalFeature)
            && p.Specific.Length is 2 or 3 && Surnames.Contains(p.Specific[0], StringComparison.Ordinal))
            yield return $"专名“{p.Specific}”以姓氏开头，请核实是否以人名命名（第九条第四项：一般不以人名命名，禁止以国家领导人的名字命名）";
        if (EnterpriseWords.FirstOrDefault(w => p.Name.Contains(w, StringComparison.Ordinal)) is { } e)
            yield return $"含企业名称用字“{e}”，不得以企业名称或商标名称命名（第九条第六项）";
        if (ForeignWords.FirstOrDefault(w => p.Name.Contains(w, StringComparison.Ordinal)) is { } f)
            yield return $"含外国地名“{f}”，不得以外国人名、地名命名（第九条第五项）";
        if (Exaggerating.FirstOrDefault(w => p.Name.Contains(w, StringComparison.Ordinal)) is { } big)
            yield return $"含夸大用字“{big}”，请核实是否与地理实体的实际规模、性质相符（第九条第二项）";
    }
}
