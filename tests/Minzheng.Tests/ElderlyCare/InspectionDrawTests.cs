using Minzheng.Web.Modules.ElderlyCare.Inspections;

namespace Minzheng.Tests.ElderlyCare;

/// <summary>双随机 draw (rules-2 §1.5): replayable from seed and snapshot, ratio rounded up, conflicts excluded, at least two inspectors.</summary>
public sealed class InspectionDrawTests
{
    private static List<DrawHome> Homes(int n) => [.. Enumerable.Range(1, n).Select(i => new DrawHome(Id(i), $"养老院{i}"))];

    private static List<DrawInspector> Inspectors(int n, Func<int, Guid[]>? conflicts = null) =>
        [.. Enumerable.Range(1, n).Select(i => new DrawInspector(Id(1000 + i), $"检查员{i}", conflicts?.Invoke(i) ?? []))];

    private static Guid Id(int i) => new($"00000000-0000-0000-0000-{i:D12}");

    [Theory]
    [InlineData(0, 5, 0)]
    [InlineData(1, 5, 1)]
    [InlineData(14, 5, 1)]      // 0.7 → 1
    [InlineData(20, 5, 1)]      // exactly 1
    [InlineData(21, 5, 2)]      // 1.05 → 2: the ratio is a floor
    [InlineData(30, 3, 1)]      // 0.9 → 1
    [InlineData(34, 3, 2)]      // 1.02 → 2
    [InlineData(100, 4, 4)]
    [InlineData(7, 100, 7)]
    [InlineData(14, 14.3, 3)]   // 2.002 → 3
    public void Ratio_is_rounded_up(int population, decimal ratio, int expected) =>
        Assert.Equal(expected, InspectionDraw.HomeCount(population, ratio));

    [Fact]
    public void Same_seed_and_population_give_the_same_draw_whatever_order_the_population_came_in()
    {
        var input = new DrawInput("0123456789abcdef0123456789abcdef", 20, 2, Homes(30), Inspectors(8));
        var a = InspectionDraw.Draw(input);
        var b = InspectionDraw.Draw(input with { Homes = [.. Enumerable.Reverse(input.Homes)], Inspectors = [.. Enumerable.Reverse(input.Inspectors)] });
        Assert.True(a.Ok);
        Assert.Equal(6, a.Picks.Count);
        Assert.Equal(a.Picks.Select(p => p.HomeId), b.Picks.Select(p => p.HomeId));
        Assert.Equal(a.Picks.SelectMany(p => p.InspectorIds), b.Picks.SelectMany(p => p.InspectorIds));
        Assert.Equal(6, a.Picks.Select(p => p.HomeId).Distinct().Count());
    }

    [Fact]
    public void A_different_seed_gives_a_different_draw()
    {
        var homes = Homes(40);
        var draws = Enumerable.Range(0, 5).Select(i => InspectionDraw.Draw(new DrawInput($"seed-{i}", 10, 2, homes, Inspectors(6))))
            .Select(r => string.Join(",", r.Picks.Select(p => p.HomeId))).ToList();
        Assert.True(draws.Distinct().Count() > 1, "five seeds all drew the same homes");
    }

    [Fact]
    public void Conflicted_inspectors_are_never_drawn_for_that_home_and_each_home_gets_at_least_two()
    {
        // inspectors 1 and 2 conflict with every home (e.g. former employees); inspector 3 with home 1 only
        var homes = Homes(10);
        var inspectors = Inspectors(5, i => i switch { 1 or 2 => [.. homes.Select(h => h.Id)], 3 => [Id(1)], _ => [] });
        for (var s = 0; s < 20; s++)
        {
            var r = InspectionDraw.Draw(new DrawInput($"s{s}", 100, 2, homes, inspectors));
            Assert.True(r.Ok, string.Join("；", r.Problems));
            foreach (var pick in r.Picks)
            {
                Assert.Equal(2, pick.InspectorIds.Distinct().Count());
                Assert.DoesNotContain(Id(1001), pick.InspectorIds);
                Assert.DoesNotContain(Id(1002), pick.InspectorIds);
                if (pick.HomeId == Id(1)) Assert.DoesNotContain(Id(1003), pick.InspectorIds);
            }
        }
    }

    [Fact]
    public void Too_few_inspectors_after_conflicts_refuses_the_whole_draw()
    {
        var homes = Homes(3);
        var inspectors = Inspectors(2, i => i == 1 ? [Id(2)] : []);
        var r = InspectionDraw.Draw(new DrawInput("x", 100, 2, homes, inspectors));
        Assert.False(r.Ok);
        Assert.Empty(r.Picks);
        Assert.Contains("养老院2", r.Problems.Single());
    }

    [Theory]
    [InlineData(1, 0, "至少2名")]
    [InlineData(2, 0, null)]
    [InlineData(2, -1, "抽查比例")]
    [InlineData(2, 101, "抽查比例")]
    public void Fewer_than_two_inspectors_per_home_or_a_bad_ratio_is_refused(int perHome, int ratioDelta, string? problem)
    {
        var r = InspectionDraw.Draw(new DrawInput("x", ratioDelta switch { -1 => 0, 101 => 101, _ => 50 }, perHome, Homes(4), Inspectors(4)));
        if (problem is null) Assert.True(r.Ok);
        else Assert.Contains(problem, string.Join("；", r.Problems));
    }

    [Fact]
    public void A_fresh_seed_is_32_hex_digits_and_not_repeated()
    {
        var a = InspectionDraw.NewSeed();
        Assert.Matches("^[0-9a-f]{32}$", a);
        Assert.NotEqual(a, InspectionDraw.NewSeed());
    }
}
