using Minzheng.Web.Platform.Demo;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Unit;

/// <summary>The first-start population at its real size: deterministic, spread over the city, with valid ID numbers.</summary>
public sealed class DemoPopulationTests
{
    private static readonly DivisionDirectory Divisions = DivisionDirectory.Of(DivisionReference.BuildShipped());
    private static readonly Lazy<DemoPopulation> Full = new(() => DemoPopulation.Generate(Divisions, 21_000, 7_200, ["450921100003"]));

    [Fact]
    public void Default_size_meets_the_minimums()
    {
        var p = Full.Value;
        Assert.True(p.People.Count >= 20_000, $"{p.People.Count} people");
        Assert.True(p.Households.Count >= 7_000, $"{p.Households.Count} households");
    }

    [Fact]
    public void Households_spread_over_all_counties_and_most_villages()
    {
        var p = Full.Value;
        var counties = p.Households.Select(h => DivisionCodes.CountyPart(h.DivisionCode)).Distinct().Count();
        Assert.Equal(7, counties);
        var villages = p.Households.Select(h => h.DivisionCode).Distinct().Count();
        Assert.True(villages > 1508 * 0.8, $"{villages} of 1508 villages have households");
        Assert.Contains(p.Households, h => h.DivisionCode == "450921100003");
    }

    [Fact]
    public void Id_numbers_are_valid_unique_and_match_the_county()
    {
        var p = Full.Value;
        Assert.Equal(p.People.Count, p.People.Select(x => x.IdNumber).Distinct().Count());
        Assert.All(p.People, x =>
        {
            var id = IdNumber.TryParse(x.IdNumber, out var error);
            Assert.True(id is not null, error);
            Assert.Equal(DivisionCodes.CountyPart(x.DivisionCode), id.Value.AddressCode);
            Assert.Equal(x.Sex, id.Value.Sex);
            Assert.Equal(x.BirthDate, id.Value.BirthDate);
        });
    }

    [Fact]
    public void Some_people_are_disabled_and_some_deceased()
    {
        var p = Full.Value;
        var disabled = p.People.Where(x => x.DisabilityCategory is not null).ToList();
        Assert.InRange(disabled.Count, p.People.Count / 50, p.People.Count / 8);
        Assert.Equal(7, disabled.Select(x => x.DisabilityCategory).Distinct().Count());
        Assert.All(disabled, x => Assert.Equal(x.IdNumber + (int)x.DisabilityCategory! + x.DisabilityGrade, x.DisabilityCertificate));
        Assert.Contains(p.People, x => x.LifeStatus == LifeStatus.Deceased && x.DeathDate is not null);
    }

    [Fact]
    public void Every_household_has_exactly_one_head()
    {
        Assert.All(Full.Value.Households, h => Assert.Single(h.Members, m => m.Relation == Relation.Head));
    }

    [Fact]
    public void Generation_is_deterministic()
    {
        var a = DemoPopulation.Generate(Divisions, 300, 80, []);
        var b = DemoPopulation.Generate(Divisions, 300, 80, []);
        Assert.Equal(a.People.Select(x => x.IdNumber + x.Name), b.People.Select(x => x.IdNumber + x.Name));
    }
}
