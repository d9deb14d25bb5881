using Minzheng.Tests.Charity;
using Minzheng.Web.Modules.SocialOrganizations.Charity;
using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Tests.SocialOrganizations;

/// <summary>
/// 慈善组织认定 (民政部令第58号), 公开募捐资格 (慈善法 art. 22) and 税前扣除资格 (公告2020年第27号): each check names every unmet
/// condition; the spending ratios follow 民发〔2016〕189号 (rules-2 §6.3).
/// </summary>
public sealed class CharityRulesTests
{
    private static readonly DateOnly Applied = new(2026, 4, 1);

    private static Money Y(decimal yuan) => Money.FromYuan(yuan);

    /// <summary>A 社会团体 registered in 2015 that meets every condition: net assets 300万 (non-公募 band 100–500万: 8 % / 15 %).</summary>
    private static readonly CharityFacts Good = new()
    {
        Kind = OrganizationKind.SocialGroup,
        RegisteredOn = new(2015, 1, 1),
        CharitablePurpose = true,
        NonProfitCharter = true,
        SoundFinance = true,
        NoBarredLeader = true,
        BoardResolution = true,
        AuditedReport = true,
        TaxExemption = true,
        LastYear = new(Y(1_000_000), Y(800_000), Y(50_000), Y(900_000)),
        YearBefore = new(Y(1_000_000), Y(750_000), Y(40_000), Y(800_000)),
        IncomeThreeYearsBefore = Y(900_000),
        NetAssets = Y(3_000_000),
        Grade = 3,
        GradeValidUntil = new(2028, 12, 31),
    };

    /// <summary>
    /// Recognition as <c>CharityQualifications</c> runs it: the 189号 verdict on the last year from the charity module's one table
    /// (the seeded rows, with the 演示数据 bands unless <paramref name="demo"/> is false), then the pure rule.
    /// </summary>
    private static IReadOnlyList<Unmet> Recognise(CharityFacts f, bool demo = true) =>
        CharityRules.Recognition(CharityRules.RatioAccounts(f, Applied) is { } a
            ? f with { LastYearRatios = SeededRatioTable.VerdictOf(f.Kind, f.HasPublicFundraising, a, demo) } : f, Applied);

    public static TheoryData<string, CharityFacts, string[]> RecognitionCases => new()
    {
        { "meets every condition", Good, [] },
        { "no charitable purpose", Good with { CharitablePurpose = false }, ["charitable-purpose"] },
        { "penalty within 2 years", Good with { Penalties = [new(2025, 6, 1)] }, ["penalty"] },
        { "penalty more than 2 years before", Good with { Penalties = [new(2024, 3, 31)] }, [] },
        { "on the abnormal list", Good with { ListStatus = CreditList.Abnormal }, ["credit-list"] },
        { "spending below 8 % of net assets", Good with { LastYear = new(Y(1_000_000), Y(200_000), Y(50_000), Y(300_000)) }, ["spending-ratio"] },
        { "small body: below 50 % of last income", Good with { NetAssets = Y(500_000), LastYear = new(Y(600_000), Y(300_000), Y(50_000), Y(400_000)) }, ["spending-income-ratio"] },
        { "management over 15 %", Good with { LastYear = new(Y(1_000_000), Y(550_000), Y(300_000), Y(900_000)) }, ["management-ratio"] },
        { "management over the share but under 200,000: exempt", Good with { LastYear = new(Y(1_000_000), Y(400_000), Y(190_000), Y(600_000)) }, [] },
        { "公募 foundation below 70 % of last income", Good with { Kind = OrganizationKind.Foundation, HasPublicFundraising = true, LastYear = new(Y(1_000_000), Y(600_000), Y(50_000), Y(700_000)) }, ["spending-ratio"] },
        { "no accounts", Good with { LastYear = null }, ["accounts-missing"] },
        { "deregistered", Good with { Active = false }, ["not-active"] },
        { "already recognised", Good with { RecognisedCharity = true }, ["already-recognised"] },
        { "several at once", Good with { NonProfitCharter = false, BoardResolution = false, ListStatus = CreditList.Dishonest, Penalties = [new(2026, 1, 5)] },
            ["non-profit", "board-resolution", "penalty", "credit-list"] },
    };

    [Theory]
    [MemberData(nameof(RecognitionCases))]
    public void Recognition_names_every_unmet_condition(string name, CharityFacts facts, string[] expected) =>
        Assert.True(expected.SequenceEqual(Recognise(facts).Select(u => u.Code)), name + ": " + string.Join("；", Recognise(facts).Select(u => u.Text)));

    public static TheoryData<string, CharityFacts, int, string[]> FundraisingCases => new()
    {
        { "recognised and registered long ago", Good with { RecognisedCharity = true }, 2, [] },
        { "not a recognised charity", Good, 2, ["not-charity"] },
        { "registered 15 months before: enough under the 2023 law", Good with { RecognisedCharity = true, RegisteredOn = new(2025, 1, 1) }, 1, [] },
        { "registered 15 months before: too young under the 2016 law", Good with { RecognisedCharity = true, RegisteredOn = new(2025, 1, 1) }, 2, ["registered-years"] },
        { "exactly 2 years on the day", Good with { RecognisedCharity = true, RegisteredOn = new(2024, 4, 1) }, 2, [] },
        { "already qualified", Good with { RecognisedCharity = true, HasPublicFundraising = true }, 2, ["already-granted"] },
        { "governance unsound and listed", Good with { RecognisedCharity = true, SoundFinance = false, ListStatus = CreditList.Abnormal }, 2, ["sound-governance", "credit-list"] },
    };

    [Theory]
    [MemberData(nameof(FundraisingCases))]
    public void Public_fundraising_names_every_unmet_condition(string name, CharityFacts facts, int minYears, string[] expected) =>
        Assert.True(expected.SequenceEqual(CharityRules.PublicFundraising(facts, Applied, minYears).Select(u => u.Code)), name);

    public static TheoryData<string, CharityFacts, string[]> TaxCases => new()
    {
        { "3A valid, audited, exempt", Good, [] },
        { "2A", Good with { Grade = 2 }, ["grade"] },
        { "never evaluated", Good with { Grade = null, GradeValidUntil = null }, ["grade"] },
        { "4A expired", Good with { Grade = 4, GradeValidUntil = new(2026, 3, 31) }, ["grade"] },
        { "a fine within 2 years", Good with { Penalties = [new(2025, 1, 1)] }, ["penalty"] },
        { "only a warning within 2 years", Good with { Penalties = [new(2025, 1, 1)], PenaltyWarningsOnly = [new(2025, 1, 1)] }, [] },
        { "on the dishonest list", Good with { ListStatus = CreditList.Dishonest }, ["dishonest-list"] },
        { "on the abnormal list only", Good with { ListStatus = CreditList.Abnormal }, [] },
        { "公募: the year before below 70 %", Good with { HasPublicFundraising = true, YearBefore = new(Y(1_000_000), Y(600_000), Y(0), Y(600_000)) }, ["spending-ratio"] },
        { "公募: both years at 70 % or more", Good with { HasPublicFundraising = true, YearBefore = new(Y(1_000_000), Y(630_000), Y(0), Y(630_000)) }, [] },
        { "公募: no income three years before", Good with { HasPublicFundraising = true, IncomeThreeYearsBefore = null }, ["accounts-missing"] },
        { "no audit, no exemption", Good with { AuditedReport = false, TaxExemption = false }, ["audited-report", "tax-exemption"] },
    };

    [Theory]
    [MemberData(nameof(TaxCases))]
    public void Tax_deduction_names_every_unmet_condition(string name, CharityFacts facts, string[] expected) =>
        Assert.True(expected.SequenceEqual(CharityRules.TaxDeduction(facts, Applied).Select(u => u.Code)), name + ": " + string.Join("；", CharityRules.TaxDeduction(facts, Applied).Select(u => u.Text)));

    [Fact]
    public void A_band_awaiting_confirmation_says_so()
    {
        var facts = Good with { Kind = OrganizationKind.Foundation, NetAssets = Y(5_000_000), LastYear = new(Y(1_000_000), Y(100_000), Y(10_000), Y(120_000)) };
        var unmet = Assert.Single(Recognise(facts));
        Assert.Contains("待确认", unmet.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_band_without_figures_is_unmet_not_a_guessed_pass()
    {
        // a foundation with 500万 of net assets spending far above any floor: without the (UNCONFIRMED) rows no verdict, so no grant
        var facts = Good with { Kind = OrganizationKind.Foundation, NetAssets = Y(5_000_000), LastYear = new(Y(1_000_000), Y(900_000), Y(10_000), Y(920_000)) };
        Assert.Empty(Recognise(facts));
        var unmet = Assert.Single(Recognise(facts, demo: false));
        Assert.Equal("ratio-not-configured", unmet.Code);
        Assert.Contains("比例未配置", unmet.Text, StringComparison.Ordinal);
        // and a caller that obtained no verdict at all gets the same, never a pass
        Assert.Equal(["ratio-not-configured"], CharityRules.Recognition(facts, Applied).Select(u => u.Code));
    }
}
