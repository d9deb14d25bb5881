using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Text;

namespace Minzheng.Tests.Unit;

/// <summary>
/// The plan a division change makes of the tree (ADR 065), over a small tree: what is re-coded, retired, created and renamed,
/// which codes keep their identity (accounts follow them), and the changes refused with the field that is wrong.
/// </summary>
public sealed class DivisionChangePlannerTests
{
    private static readonly DateOnly On = new(2026, 12, 1);
    private static readonly PlaceNamePinyin Pinyin = new(PinyinTable.Shared);

    private static Division D(string code, string name, string? parent) =>
        new() { Code = code, Name = name, Level = DivisionCodes.LevelOf(code), ParentCode = parent };

    /// <summary>A county with two towns: 甲镇 (villages 201, 202) and 乙镇 (villages 201, 203); a second county with one town.</summary>
    private static DivisionDirectory Tree() => DivisionDirectory.Of(
    [
        D("450900000000", "玉林市", null),
        D("450921000000", "容县", "450900000000"),
        D("450921100000", "甲镇", "450921000000"),
        D("450921100201", "甲一村委会", "450921100000"),
        D("450921100202", "甲二村委会", "450921100000"),
        D("450921101000", "乙镇", "450921000000"),
        D("450921101201", "乙一村委会", "450921101000"),
        D("450921101203", "乙三村委会", "450921101000"),
        D("450922000000", "陆川县", "450900000000"),
        D("450922100000", "丙镇", "450922000000"),
    ]);

    private static DivisionChangePlanner.Item I(string from, string? to, string? name) => new(from, to, name);

    private static DivisionChangePlanner.Result Plan(DivisionChangeKind kind, params DivisionChangePlanner.Item[] items) =>
        DivisionChangePlanner.Build(Tree(), kind, On, items, Pinyin);

    [Fact]
    public void A_merge_sends_the_town_records_to_the_target_and_recodes_its_villages_under_it()
    {
        var r = Plan(DivisionChangeKind.Merge, I("450921101000", "450921100000", null));
        Assert.True(r.Ok, string.Join(";", r.Errors.SelectMany(e => e.Value)));
        var p = r.Plan!;
        Assert.Equal("450921100000", p.RecordMapping["450921101000"]);
        Assert.False(p.IdentityMapping.ContainsKey("450921101000")); // the town ceased: its clerks do not follow
        // 乙一 (201) is taken under 甲镇 and 乙三 keeps its 203, so 乙一 gets the next free number of its hundred, 204
        Assert.Equal("450921100204", p.RecordMapping["450921101201"]);
        Assert.Equal("450921100203", p.RecordMapping["450921101203"]);
        Assert.Equal("450921100204", p.IdentityMapping["450921101201"]);
        Assert.Contains(p.Retired, x => x.Code == "450921101000" && x.SucceededBy == "450921100000");
        Assert.Equal(3, p.Retired.Count);
        Assert.Equal(["450921100203", "450921100204"], p.Created.Select(c => c.Code).Order());
        Assert.All(p.Created, c => Assert.Equal("450921100000", c.ParentCode));
        Assert.All(p.Created, c => Assert.Equal(On, c.ValidFrom));
    }

    [Fact]
    public void A_merge_into_a_new_town_creates_it_and_retires_both()
    {
        var r = Plan(DivisionChangeKind.Merge, I("450921100000", "450921120000", "甲乙镇"), I("450921101000", "450921120000", "甲乙镇"));
        Assert.True(r.Ok, string.Join(";", r.Errors.SelectMany(e => e.Value)));
        var town = Assert.Single(r.Plan!.Created, c => c.Code == "450921120000");
        Assert.Equal("甲乙镇", town.Name);
        Assert.Equal("Jiayi Zhen", town.Pinyin);
        Assert.Equal(4, r.Plan.Created.Count(c => c.ParentCode == "450921120000"));
        Assert.Equal(6, r.Plan.Retired.Count);
    }

    [Fact]
    public void A_county_becoming_a_district_with_a_new_code_recodes_its_whole_subtree()
    {
        var r = Plan(DivisionChangeKind.CountyToDistrict, I("450921000000", "450904000000", "容州区"));
        Assert.True(r.Ok, string.Join(";", r.Errors.SelectMany(e => e.Value)));
        var p = r.Plan!;
        Assert.Equal(7, p.RecordMapping.Count);
        Assert.Equal("450904101203", p.RecordMapping["450921101203"]);
        Assert.Equal(p.RecordMapping, p.IdentityMapping);
        Assert.Equal("容州区", p.Created.Single(c => c.Code == "450904000000").Name);
        Assert.Equal("450904101000", p.Created.Single(c => c.Code == "450904101203").ParentCode);
    }

    [Fact]
    public void A_rename_keeps_the_code_and_a_town_becoming_a_street_without_a_new_code_is_a_rename()
    {
        var rename = Plan(DivisionChangeKind.Rename, I("450921100000", null, "甲新镇"));
        Assert.True(rename.Ok);
        Assert.Empty(rename.Plan!.RecordMapping);
        Assert.Equal(("450921100000", "甲新镇"), (rename.Plan.Renamed[0].Code, rename.Plan.Renamed[0].NewName));

        var street = Plan(DivisionChangeKind.TownToStreet, I("450921100000", null, "甲街道"));
        Assert.True(street.Ok);
        Assert.True(street.Plan!.Renamed.Single().IsUrban);
    }

    [Fact]
    public void A_split_moves_the_named_villages_to_a_new_town()
    {
        var r = Plan(DivisionChangeKind.Split, I("450921100202", "450921121000", "丁镇"));
        Assert.True(r.Ok, string.Join(";", r.Errors.SelectMany(e => e.Value)));
        Assert.Equal("450921121202", r.Plan!.RecordMapping["450921100202"]);
        Assert.Equal("丁镇", r.Plan.Created.Single(c => c.Code == "450921121000").Name);
        Assert.DoesNotContain("450921100000", r.Plan.RecordMapping.Keys);
    }

    public static TheoryData<DivisionChangeKind, string, string?, string?, string> Refused => new()
    {
        { DivisionChangeKind.Merge, "450921101000", "450922100000", null, "items[0].toCode" },        // target in another county
        { DivisionChangeKind.Recode, "450921100000", "450921101000", null, "items[0].toCode" },       // code in use
        { DivisionChangeKind.Recode, "450921100000", "450922105000", null, "items[0].toCode" },       // outside the parent's range
        { DivisionChangeKind.Recode, "450921100000", "450921100201", null, "items[0].toCode" },       // another level
        { DivisionChangeKind.CountyToDistrict, "450921000000", "450904000000", "容州县", "items[0].toName" },
        { DivisionChangeKind.TownToStreet, "450921100000", null, "甲镇", "items[0].toName" },
        { DivisionChangeKind.Rename, "450921100000", null, "甲镇", "items[0].toName" },            // the same name
        { DivisionChangeKind.Rename, "450921199000", null, "某镇", "items[0].fromCode" },          // unknown code
        { DivisionChangeKind.Rename, "450900000000", null, "某市", "items[0].fromCode" },          // the city is not ours to change
        { DivisionChangeKind.Merge, "450921101000", "450921130000", null, "items[0].toName" },        // a new target needs a name
        { DivisionChangeKind.Split, "450921100201", "450921101000", null, "items" },                 // (with 甲二 below) empties 甲镇
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Changes_that_cannot_be_made_are_refused_with_the_field(DivisionChangeKind kind, string from, string? to, string? name, string field)
    {
        var items = new List<DivisionChangePlanner.Item> { new(from, to, name) };
        if (kind == DivisionChangeKind.Split) items.Add(new("450921100202", to, name));
        var r = DivisionChangePlanner.Build(Tree(), kind, On, items, Pinyin);
        Assert.False(r.Ok);
        Assert.Contains(field, r.Errors.Keys);
    }
}
