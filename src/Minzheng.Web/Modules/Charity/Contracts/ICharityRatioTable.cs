using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.Charity.Contracts;

/// <summary>
/// One year's accounts of a body as the 民发〔2016〕189号 table reads them. <paramref name="PreviousYearIncome"/> may be unknown:
/// then a row whose base (or extra income share) is the previous year's income yields an "accounts-missing" finding.
/// </summary>
public sealed record CharityYearAccounts(int Year, Money Income, Money CharitableSpending, Money ManagementCost, Money TotalSpending,
    Money PreviousYearEndNetAssets, Money? PreviousYearIncome);

public enum CharityRatioOutcome
{
    /// <summary>达标.</summary>
    Passed = 1,

    /// <summary>未达标 (or accounts missing for the row's base).</summary>
    ShortFall = 2,

    /// <summary>比例未配置: no row of the table in force for the body's tier, so no verdict (never a guessed pass).</summary>
    NotConfigured = 3,
}

/// <summary>A named shortfall: <c>spending</c>, <c>income-share</c>, <c>management</c>, <c>accounts-missing</c> or <c>not-configured</c>.</summary>
public sealed record CharityRatioFinding(string Code, string Text);

/// <summary>The verdict of the 189号 table on a body's year: the tier (row) it falls in, whether that row is a demo figure, every finding.</summary>
public sealed record CharityRatioVerdict(CharityRatioOutcome Outcome, string Tier, string TierName, bool Demo, IReadOnlyList<CharityRatioFinding> Findings);

/// <summary>
/// The one 民发〔2016〕189号 table (ADR 057, 060): the versioned figures of the charity module, published so that other modules
/// (the recognition of a charity in the social organisations' registry) read the same rows instead of a copy.
/// </summary>
public interface ICharityRatioTable
{
    /// <summary>
    /// The ratio verdict for a body's year: the tier by kind, 公募 qualification and previous year-end net assets, judged by
    /// the rows in force in <paramref name="divisionCode"/> on the year's last day. A tier without rows is
    /// <see cref="CharityRatioOutcome.NotConfigured"/>.
    /// </summary>
    CharityRatioVerdict VerdictOf(OrganizationKind kind, bool publicFundraising, CharityYearAccounts year, string divisionCode);
}
