using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;

namespace Minzheng.Tests.Unit;

public sealed class DivisionTests
{
    private static readonly List<Division> Shipped = DivisionReference.BuildShipped();

    [Fact]
    public void The_shipped_tree_has_1626_divisions_in_four_levels()
    {
        Assert.Equal(1626, Shipped.Count);
        Assert.Single(Shipped, d => d.Level == DivisionLevel.City);
        Assert.Equal(7, Shipped.Count(d => d.Level == DivisionLevel.County));
        Assert.Equal(110, Shipped.Count(d => d.Level == DivisionLevel.Town));
        Assert.Equal(1508, Shipped.Count(d => d.Level == DivisionLevel.Village));
        var codes = Shipped.Select(d => d.Code).ToHashSet();
        Assert.All(Shipped.Where(d => d.Level > DivisionLevel.City), d => Assert.Contains(d.ParentCode!, codes));
    }

    [Fact]
    public void Known_source_errors_are_corrected_and_the_source_value_kept()
    {
        var d = Shipped.Single(x => x.Code == "450921100209");
        Assert.Equal("周口村委会", d.Name);
        Assert.Equal("周囗村委会", d.SourceName);
        Assert.Equal("六仑村委会", Shipped.Single(x => x.Code == "450981121206").Name);
        Assert.DoesNotContain(Shipped, x => x.Name.Contains('囗', StringComparison.Ordinal));
    }

    [Fact]
    public void Alternative_codes_and_urban_flags_are_filled()
    {
        Assert.Equal("450902104000", Shipped.Single(x => x.Code == "450902100000").AlternativeCode);
        Assert.Equal(17, Shipped.Count(x => x.AlternativeCode is not null));
        Assert.True(Shipped.Single(x => x.Code == "450921100003").IsUrban); // 新南社区居委会
        Assert.All(Shipped.Where(x => x.Name.EndsWith("村委会", StringComparison.Ordinal)), x => Assert.False(x.IsUrban));
    }

    [Theory]
    [InlineData("450900000000", DivisionLevel.City, "4509")]
    [InlineData("450921000000", DivisionLevel.County, "450921")]
    [InlineData("450921100000", DivisionLevel.Town, "450921100")]
    [InlineData("450921100003", DivisionLevel.Village, "450921100003")]
    public void Levels_and_scope_prefixes(string code, DivisionLevel level, string prefix)
    {
        Assert.Equal(level, DivisionCodes.LevelOf(code));
        Assert.Equal(prefix, DivisionCodes.ScopePrefix(code));
    }

    [Theory]
    [InlineData("450921102000", "450921102203", true)]  // 杨梅镇 sees its village
    [InlineData("450921102000", "450921100003", false)] // …but not 容州镇's
    [InlineData("450921000000", "450921100003", true)]  // 容县 sees both towns
    [InlineData("450981000000", "450921100003", false)] // 北流市 sees neither
    [InlineData("450900000000", "450981121206", true)]
    public void Scope_is_the_division_subtree(string userDivision, string record, bool visible) =>
        Assert.Equal(visible, DivisionScope.Of(userDivision).Contains(record));

    [Fact]
    public void Nothing_scope_contains_nothing() => Assert.False(DivisionScope.Nothing.Contains("450921100003"));
}
