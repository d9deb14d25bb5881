using System.Globalization;
using System.Text;
using Minzheng.Web.Platform.Divisions;

namespace Minzheng.Web.Modules.Geography.PlaceNames;

/// <summary>
/// Splits a place name into 专名 and 通名 and romanises it (地名管理条例 第十五条: 汉语拼音方案; 中国地名汉语拼音字母拼写规则
/// (汉语地名部分) / GB 17733): the 专名 and the 通名 are written separately, each capitalised, syllables of one word joined, an
/// apostrophe before an a/o/e syllable inside a word. The 通名 is the longest known suffix of the name; a name with none is
/// all 专名. Division names keep the kernel's spelling (the division tree's pinyin).
/// </summary>
public sealed class PlaceNameSpelling(PlaceNamePinyin pinyin)
{
    /// <summary>
    /// 通名 of features other than divisions, longest first. A one-character 专名 followed by a one-character 通名 still
    /// splits (泰山 Tai Shan, 珠江 Zhu Jiang), as the spelling rules write them.
    /// </summary>
    public static readonly IReadOnlyList<string> FeatureGenericNames =
    [
        "社区居民委员会", "村民委员会", "居民委员会", "社区居委会", "村委会", "居委会",
        "立交桥", "高速公路", "自然保护区", "风景名胜区", "湿地公园", "森林公园",
        "大道", "大街", "小区", "花园", "广场", "公园", "水库", "码头", "车站", "机场", "隧道", "大桥", "大厦", "新村", "小镇", "社区",
        "街道", "山庄", "家园", "名苑",
        "路", "街", "巷", "弄", "里", "坊", "苑", "园", "城", "府", "湾", "庭", "居", "阁", "院", "楼", "座",
        "桥", "站", "港", "渡", "闸", "坝", "渠",
        "山", "岭", "峰", "岩", "洞", "河", "江", "湖", "塘", "溪", "潭", "泉", "滩", "洲", "岛",
        "村", "屯", "寨", "圩", "垌", "坡", "冲",
        "镇", "乡", "县", "区", "市",
    ];

    /// <summary>The 专名 and 通名 of a name (the 通名 empty where none is recognised or the name is the 通名 alone).</summary>
    public static (string Specific, string Generic) Split(string name)
    {
        name = name.Trim();
        foreach (var suffix in FeatureGenericNames)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal)) return (name[..^suffix.Length], suffix);
        }
        return (name, "");
    }

    /// <summary>The romanisation: "Renmin Lu", "Rongzhou Zhen", "Tai Shan".</summary>
    public string Romanize(string name, PlaceNameCategory category)
    {
        if (category == PlaceNameCategory.AdministrativeDivision) return pinyin.Romanize(name);
        var (specific, generic) = Split(name);
        var spelled = pinyin.Spell(specific);
        return generic.Length == 0 ? spelled : spelled + " " + GenericWord(generic);
    }

    /// <summary>A 通名 written as one capitalised word ("Lu", "Dadao", "Shequ Juweihui" for the committees' long forms).</summary>
    private string GenericWord(string generic)
    {
        var (_, divisionGeneric) = PlaceNamePinyin.Split("X" + generic);
        return divisionGeneric ?? pinyin.Spell(generic);
    }

    /// <summary>The comparison key for homophones: toneless syllables, lower case, nothing between them ("renminlu").</summary>
    public static string Key(string romanized)
    {
        var sb = new StringBuilder(romanized.Length);
        foreach (var ch in romanized)
        {
            if (char.IsLetterOrDigit(ch)) sb.Append(char.ToLower(ch, CultureInfo.InvariantCulture));
            else if (ch > 0x2E7F) sb.Append(ch); // a character without a reading stays as itself
        }
        return sb.ToString();
    }

    public string KeyOf(string text) => Key(pinyin.Spell(text));
}
