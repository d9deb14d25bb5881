using Minzheng.Web.Modules.Geography.PlaceNames;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Text;

namespace Minzheng.Tests.Geography;

/// <summary>地名管理条例 第九条 checks and 第十五条 romanisation, table-driven: each scope's duplicates and homophones, and the reviewer's flags.</summary>
public sealed class NameCheckRulesTests
{
    private static readonly PlaceNameSpelling Spelling = new(new PlaceNamePinyin(PinyinTable.Shared));

    private const string Rongzhou = "450921100000";   // 容县 容州镇
    private const string Xinnan = "450921100003";     // 容州镇 新南社区
    private const string OtherRongVillage = "450921102001";
    private const string Luchuan = "450922100001";    // 陆川县, a village
    private const string Yuzhou = "450902001001";     // 玉州区 玉城街道 东成社区

    private static readonly IReadOnlyList<(string Name, IReadOnlyList<string> Prefixes)> Areas = [("容县县城", ["450921100"])];

    private static HeldName Held(string name, PlaceNameCategory category, string division, string? named = null)
    {
        var (specific, _) = PlaceNameSpelling.Split(name);
        var pinyin = Spelling.Romanize(name, category);
        return new HeldName(Guid.NewGuid(), name, specific, category, division, named, PlaceNameSpelling.Key(pinyin), Spelling.KeyOf(specific));
    }

    private static ProposedName Propose(string name, PlaceNameCategory category, string division)
    {
        var (specific, generic) = PlaceNameSpelling.Split(name);
        var pinyin = Spelling.Romanize(name, category);
        return new ProposedName(name, specific, generic, category, division, pinyin, PlaceNameSpelling.Key(pinyin), Spelling.KeyOf(specific));
    }

    private static readonly HeldName[] Held1 =
    [
        Held("新南社区", PlaceNameCategory.VillageSeat, Xinnan, Xinnan),
        Held("石南镇", PlaceNameCategory.AdministrativeDivision, "450924100000", "450924100000"), // 兴业县 石南镇
        Held("容县", PlaceNameCategory.AdministrativeDivision, "450921000000", "450921000000"),
        Held("人民路", PlaceNameCategory.Street, Xinnan),
        Held("人民路", PlaceNameCategory.Street, Luchuan),
        Held("绣江花园", PlaceNameCategory.Residential, Xinnan),
        Held("容州大桥", PlaceNameCategory.Facility, Xinnan),
    ];

    [Theory]
    // a village seat repeats within its county, not beyond it (art. 9(8))
    [InlineData("新南社区", PlaceNameCategory.VillageSeat, OtherRongVillage, "duplicate:新南社区")]
    [InlineData("新南村", PlaceNameCategory.VillageSeat, OtherRongVillage, "duplicate:新南社区")]
    [InlineData("心南社区", PlaceNameCategory.VillageSeat, OtherRongVillage, "homophone:新南社区")]
    [InlineData("新南社区", PlaceNameCategory.VillageSeat, Luchuan, "")]
    // a town repeats within the province: 石南 in 兴业县 conflicts with a 石南 in 容县, 街道 or 镇 alike; 石楠 sounds the same
    [InlineData("石南镇", PlaceNameCategory.AdministrativeDivision, "450921000000", "duplicate:石南镇")]
    [InlineData("石南街道", PlaceNameCategory.AdministrativeDivision, "450902000000", "duplicate:石南镇")]
    [InlineData("石楠镇", PlaceNameCategory.AdministrativeDivision, "450921000000", "homophone:石南镇")]
    // a county-level name repeats nationwide (the data held); a town named 容州 is a town, not a county
    [InlineData("容县", PlaceNameCategory.AdministrativeDivision, "450900000000", "duplicate:容县")]
    [InlineData("蓉县", PlaceNameCategory.AdministrativeDivision, "450900000000", "homophone:容县")]
    // streets within the built-up area; the same street in another county's area is no conflict
    [InlineData("人民路", PlaceNameCategory.Street, Xinnan, "duplicate:人民路")]
    [InlineData("仁民路", PlaceNameCategory.Street, Xinnan, "homophone:人民路")]
    [InlineData("人民路", PlaceNameCategory.Street, Yuzhou, "")]
    [InlineData("人民街", PlaceNameCategory.Street, Xinnan, "")]
    [InlineData("绣江花园", PlaceNameCategory.Residential, Xinnan, "duplicate:绣江花园")]
    [InlineData("绣江路", PlaceNameCategory.Street, Xinnan, "")]
    // facilities: art. 9 sets no repeat rule, so a repeat is a warning only
    [InlineData("容州大桥", PlaceNameCategory.Facility, Xinnan, "")]
    public void Conflicts_within_the_scope_the_category_requires(string name, PlaceNameCategory category, string division, string expected)
    {
        var p = Propose(name, category, division);
        var r = NameCheckRules.Check(p, NameCheckRules.ScopeFor(category, p.Generic, division, Areas), Held1);
        Assert.Equal(expected, string.Join(",", r.Conflicts.Select(c => c.Kind + ":" + c.Name)));
    }

    [Fact]
    public void A_repeat_where_art_9_sets_no_rule_and_a_shared_specific_name_are_warnings()
    {
        var bridge = Propose("容州大桥", PlaceNameCategory.Facility, Xinnan);
        var r = NameCheckRules.Check(bridge, NameCheckRules.ScopeFor(bridge.Category, bridge.Generic, Xinnan, Areas), Held1);
        Assert.Contains(r.Warnings, w => w.Contains("同名地名“容州大桥”", StringComparison.Ordinal));
        var street = Propose("人民街", PlaceNameCategory.Street, Xinnan);
        r = NameCheckRules.Check(street, NameCheckRules.ScopeFor(street.Category, street.Generic, Xinnan, Areas), Held1);
        Assert.Contains(r.Warnings, w => w.Contains("专名相同的“人民路”", StringComparison.Ordinal));
        // outside any configured built-up area the county is the scope, and the result says so
        var county = Propose("新华路", PlaceNameCategory.Street, Luchuan);
        r = NameCheckRules.Check(county, NameCheckRules.ScopeFor(county.Category, county.Generic, Luchuan, Areas), Held1);
        Assert.Contains(r.Warnings, w => w.Contains("未设定该地的城市建成区", StringComparison.Ordinal));
    }

    [Fact]
    public void A_renamed_record_is_not_compared_with_itself()
    {
        var own = Held1[3];
        var p = Propose("人民路", PlaceNameCategory.Street, Xinnan) with { ExcludeId = own.Id };
        var r = NameCheckRules.Check(p, NameCheckRules.ScopeFor(p.Category, p.Generic, Xinnan, Areas), Held1);
        Assert.Empty(r.Conflicts);
    }

    [Theory]
    [InlineData("维也纳花园", PlaceNameCategory.Residential, "外国地名“维也纳”")]
    [InlineData("黄志明路", PlaceNameCategory.Street, "以姓氏开头")]
    [InlineData("宏达集团路", PlaceNameCategory.Street, "企业名称用字“集团”")]
    [InlineData("帝王花园", PlaceNameCategory.Residential, "夸大用字“帝王”")]
    [InlineData("𠀋江路", PlaceNameCategory.Street, "生僻字“𠀋”")]
    [InlineData("CBD广场", PlaceNameCategory.Facility, "外文字母")]
    public void The_reviewer_is_asked_about_person_foreign_enterprise_and_rare_names(string name, PlaceNameCategory category, string expected)
    {
        var p = Propose(name, category, Xinnan);
        Assert.Contains(NameCheckRules.Flags(p), w => w.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("新华路", PlaceNameCategory.Street)]
    [InlineData("城南社区", PlaceNameCategory.VillageSeat)]
    public void An_ordinary_name_raises_no_flag(string name, PlaceNameCategory category) => Assert.Empty(NameCheckRules.Flags(Propose(name, category, Xinnan)));

    [Theory]
    [InlineData("人民路", PlaceNameCategory.Street, "Renmin Lu")]
    [InlineData("泰山", PlaceNameCategory.NaturalFeature, "Tai Shan")]
    [InlineData("绣江花园", PlaceNameCategory.Residential, "Xiujiang Huayuan")]
    [InlineData("西安路", PlaceNameCategory.Street, "Xi'an Lu")]
    [InlineData("新南社区", PlaceNameCategory.VillageSeat, "Xinnan Shequ")]
    [InlineData("容州镇", PlaceNameCategory.AdministrativeDivision, "Rongzhou Zhen")]
    [InlineData("那卜镇", PlaceNameCategory.AdministrativeDivision, "Nabu Zhen")]
    [InlineData("新圩村", PlaceNameCategory.VillageSeat, "Xinxu Cun")]
    [InlineData("五一大道", PlaceNameCategory.Street, "Wuyi Dadao")]
    [InlineData("东门巷", PlaceNameCategory.Street, "Dongmen Xiang")]
    public void Names_are_romanised_with_the_generic_part_written_separately(string name, PlaceNameCategory category, string expected) =>
        Assert.Equal(expected, Spelling.Romanize(name, category));

    [Fact]
    public void Homophone_keys_ignore_case_spaces_and_apostrophes() =>
        Assert.Equal("xianlu", PlaceNameSpelling.Key("Xi'an Lu"));
}
