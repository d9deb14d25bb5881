using Minzheng.Web.Modules.SocialOrganizations.SpotChecks;

namespace Minzheng.Tests.SocialOrganizations;

/// <summary>The yearly spot-check draw (民发〔2017〕45号): ratio rounded up, same seed → same draw, conflicts excluded, ≥ 2 inspectors.</summary>
public sealed class SpotCheckSamplerTests
{
    private static Guid G(int n) => new($"00000000-0000-0000-0000-{n:D12}");

    private static List<SampleOrganization> Orgs(int n) => [.. Enumerable.Range(1, n).Select(i => new SampleOrganization(G(i), $"组织{i}"))];

    private static List<SampleInspector> Inspectors(int n, Func<int, Guid[]>? conflicts = null) =>
        [.. Enumerable.Range(1, n).Select(i => new SampleInspector(G(1000 + i), $"检查员{i}", conflicts?.Invoke(i) ?? []))];

    [Theory]
    [InlineData(0, 3, 0)]
    [InlineData(1, 3, 1)]
    [InlineData(33, 3, 1)] // 0.99 → 1
    [InlineData(34, 3, 2)] // 1.02 → 2: the ratio is a floor (不低于)
    [InlineData(100, 3, 3)]
    [InlineData(101, 3, 4)]
    [InlineData(100, 4, 4)]
    [InlineData(26, 4, 2)] // 1.04 → 2
    [InlineData(25, 4, 1)]
    [InlineData(5, 100, 5)]
    public void The_count_is_the_ratio_rounded_up(int population, int ratio, int expected) => Assert.Equal(expected, SpotCheckSampler.Count(population, ratio));

    [Fact]
    public void The_same_seed_and_population_give_the_same_draw_whatever_order_they_are_read_in()
    {
        var orgs = Orgs(120);
        var inspectors = Inspectors(6);
        var a = SpotCheckSampler.Draw(new("0123456789abcdef0123456789abcdef", 4m, 2, orgs, inspectors));
        var b = SpotCheckSampler.Draw(new("0123456789abcdef0123456789abcdef", 4m, 2, [.. orgs.AsEnumerable().Reverse()], [.. inspectors.AsEnumerable().Reverse()]));
        Assert.True(a.Ok);
        Assert.Equal(5, a.Picks.Count);
        Assert.Equal(a.Picks.Select(p => p.OrganizationId), b.Picks.Select(p => p.OrganizationId));
        Assert.Equal(a.Picks.Select(p => string.Join(",", p.InspectorIds)), b.Picks.Select(p => string.Join(",", p.InspectorIds)));
        Assert.All(a.Picks, p => Assert.Equal(2, p.InspectorIds.Distinct().Count()));

        var other = SpotCheckSampler.Draw(new("fedcba9876543210fedcba9876543210", 4m, 2, orgs, inspectors));
        Assert.NotEqual(a.Picks.Select(p => p.OrganizationId), other.Picks.Select(p => p.OrganizationId));
    }

    [Fact]
    public void An_inspector_with_a_conflict_is_never_drawn_for_that_organisation()
    {
        var orgs = Orgs(10);
        // inspectors 1 and 2 must stay away from every organisation: only 3 and 4 may inspect
        var inspectors = Inspectors(4, i => i <= 2 ? [.. orgs.Select(o => o.Id)] : []);
        for (var s = 0; s < 20; s++)
        {
            var r = SpotCheckSampler.Draw(new($"seed-{s}", 100m, 2, orgs, inspectors));
            Assert.True(r.Ok);
            Assert.All(r.Picks, p => Assert.Equal([G(1003), G(1004)], p.InspectorIds.Order()));
        }
    }

    [Fact]
    public void Too_few_inspectors_after_conflicts_refuses_the_whole_draw()
    {
        var orgs = Orgs(3);
        var inspectors = Inspectors(2, i => i == 1 ? [G(1), G(2), G(3)] : []);
        var r = SpotCheckSampler.Draw(new("seed", 100m, 2, orgs, inspectors));
        Assert.False(r.Ok);
        Assert.Empty(r.Picks);
        Assert.Equal(3, r.Problems.Count);
    }

    [Theory]
    [InlineData(0, 2, 3)]
    [InlineData(101, 2, 3)]
    [InlineData(3, 1, 3)]
    [InlineData(3, 2, 0)]
    public void Bad_input_draws_nothing(int ratio, int perOrganization, int population)
    {
        var r = SpotCheckSampler.Draw(new("seed", ratio, perOrganization, Orgs(population), Inspectors(4)));
        Assert.False(r.Ok);
        Assert.Empty(r.Picks);
    }
}
