using Minzheng.Web.Modules.Charity;
using Minzheng.Web.Modules.Charity.Contracts;
using Minzheng.Web.Modules.Charity.Ratios;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Tests.Charity;

/// <summary>The one 民发〔2016〕189号 table as the initializer seeds it (production rows, plus the 演示数据 rows in demo mode).</summary>
public static class SeededRatioTable
{
    /// <summary>The row of a tier, or null when the seeded rows do not configure it (as <see cref="RatioTable.On"/> would answer).</summary>
    public static RatioTable? Row(string tier, bool demo = true)
    {
        var rows = CharityInitializer.FigureRows().Concat(demo ? CharityInitializer.DemoFigureRows() : []).ToList();
        decimal? P(string kind) => rows.FirstOrDefault(r => r.Kind == kind && r.Category == tier)?.Percent;
        if (P(CharityFigures.SpendingMin.Code) is not { } spending || P(CharityFigures.ManagementMax.Code) is not { } management) return null;
        var exempt = rows.Single(r => r.Kind == CharityFigures.ManagementExempt.Code).Amount!.Value;
        var isDemo = rows.Where(r => r.Category == tier && r.Kind != CharityFigures.DesignatedPlatform.Code).Any(r => r.IsDemo);
        return new RatioTable(tier, spending, management, P(CharityFigures.IncomeShareMin.Code), exempt, isDemo);
    }

    /// <summary>What <see cref="ICharityRatioTable.VerdictOf"/> answers with these rows in force.</summary>
    public static CharityRatioVerdict VerdictOf(OrganizationKind kind, bool publicFundraising, CharityYearAccounts year, bool demo = true)
    {
        var tier = CharityRatioTable.TierOf(kind, publicFundraising, year);
        return CharityRatioTable.Verdict(tier, Row(tier, demo), year);
    }
}
