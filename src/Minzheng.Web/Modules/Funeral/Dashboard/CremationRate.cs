namespace Minzheng.Web.Modules.Funeral.Dashboard;

/// <summary>One death record as the cremation rate counts it: the county, the month of death, whether the body was cremated.</summary>
public sealed record DeathForRate(string County, DateOnly Month, bool Cremated);

/// <summary>A county's month: deaths recorded, of them cremated, and the rate (percent, one decimal; null without deaths).</summary>
public sealed record CremationRateRow(string County, DateOnly Month, int Deaths, int Cremations, decimal? Rate);

/// <summary>
/// 火化率 = cremations / deaths recorded, per county and month of death. Counting the cremations of the month's deaths (not the
/// cremations done in the month) keeps the rate within 0–100 % when a body is cremated the month after the death.
/// </summary>
public static class CremationRate
{
    public static decimal? Rate(int deaths, int cremations) =>
        deaths <= 0 ? null : Math.Round(100m * Math.Min(cremations, deaths) / deaths, 1, MidpointRounding.AwayFromZero);

    public static IReadOnlyList<CremationRateRow> Compute(IEnumerable<DeathForRate> deaths) =>
        deaths.GroupBy(d => (d.County, Month: new DateOnly(d.Month.Year, d.Month.Month, 1)))
            .Select(g =>
            {
                var n = g.Count();
                var c = g.Count(d => d.Cremated);
                return new CremationRateRow(g.Key.County, g.Key.Month, n, c, Rate(n, c));
            })
            .OrderBy(r => r.County, StringComparer.Ordinal).ThenBy(r => r.Month)
            .ToList();

    /// <summary>The rate over several rows (a county's year, the whole scope): summed counts, not an average of rates.</summary>
    public static decimal? Total(IEnumerable<CremationRateRow> rows)
    {
        var list = rows.ToList();
        return Rate(list.Sum(r => r.Deaths), list.Sum(r => r.Cremations));
    }
}
