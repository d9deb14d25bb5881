using Minzheng.Web.Modules.SocialOrganizations.Reports;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Tests.SocialOrganizations;

/// <summary>Table tests of the pure parts of annual reports: the form's checks per kind, draft against submission, and the years an organisation is shown.</summary>
public sealed class AnnualReportFormTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    private static ReportInput Complete() => new()
    {
        Members = 120,
        CouncilMeetings = 2,
        AddressConfirmed = true,
        MainActivities = "开展会员服务",
        Expenditure = 1000m,
        NetAssets = -50.5m,
        PartyOrganization = "own",
        FullTimeStaff = 2,
        PartTimeStaff = 1,
        SocialWorkers = 3,
        PublicWelfareSpending = 800m,
        ManagementCosts = 90m,
    };

    [Theory]
    [InlineData(OrganizationKind.SocialGroup)]
    [InlineData(OrganizationKind.SocialServiceAgency)]
    [InlineData(OrganizationKind.Foundation)]
    public void A_complete_report_passes_for_every_kind(OrganizationKind kind) =>
        Assert.Empty(ReportForm.Check(Complete(), kind, 2025, Today, submitting: true));

    [Theory]
    // field set to a bad value → the field named, in a draft as in a submission
    [InlineData("expenditure", "1.005")]
    [InlineData("expenditure", "-1")]
    [InlineData("expenditure", "10000000000.01")]
    [InlineData("netAssets", "-10000000000.01")]
    [InlineData("members", "-1")]
    [InlineData("councilMeetings", "367")]
    [InlineData("socialWorkers", "4")]
    [InlineData("partyOrganization", "secret")]
    public void A_wrong_value_is_refused_even_in_a_draft(string field, string value)
    {
        var i = Complete();
        switch (field)
        {
            case "expenditure": i.Expenditure = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "netAssets": i.NetAssets = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "members": i.Members = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "councilMeetings": i.CouncilMeetings = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "socialWorkers": i.SocialWorkers = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "partyOrganization": i.PartyOrganization = value; break;
        }
        Assert.Equal([field], ReportForm.Check(i, OrganizationKind.SocialGroup, 2025, Today, submitting: false).Keys);
    }

    [Fact]
    public void An_empty_draft_saves_but_does_not_submit_and_the_kind_decides_what_is_required()
    {
        Assert.Empty(ReportForm.Check(new ReportInput(), OrganizationKind.SocialGroup, 2025, Today, submitting: false));
        string[] common = ["addressConfirmed", "mainActivities", "councilMeetings", "expenditure", "netAssets", "partyOrganization", "fullTimeStaff", "partTimeStaff"];
        Assert.Equal(common.Append("members").Order(StringComparer.Ordinal), ReportForm.Check(new ReportInput(), OrganizationKind.SocialGroup, 2025, Today, true).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(common.Order(StringComparer.Ordinal), ReportForm.Check(new ReportInput(), OrganizationKind.SocialServiceAgency, 2025, Today, true).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(common.Concat(["publicWelfareSpending", "managementCosts"]).Order(StringComparer.Ordinal),
            ReportForm.Check(new ReportInput(), OrganizationKind.Foundation, 2025, Today, true).Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(true, "2026-03-20", null)]
    [InlineData(null, "2026-03-20", "preReviewPassed")]
    [InlineData(true, null, "preReviewedOn")]
    [InlineData(true, "2025-12-31", "preReviewedOn")]
    [InlineData(false, "2026-12-01", "preReviewedOn")]
    public void The_supervising_units_opinion_needs_its_choice_and_a_date_after_the_year(bool? passed, string? on, string? error)
    {
        var i = Complete();
        i.PreReviewPassed = passed;
        i.PreReviewedOn = on is null ? null : DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture);
        i.PreReviewOpinion = "同意";
        var errors = ReportForm.Check(i, OrganizationKind.SocialGroup, 2025, Today, submitting: false);
        Assert.Equal(error is null ? [] : [error], errors.Keys);
    }

    [Theory]
    [InlineData("2019-04-01", new[] { 2025, 2024, 2023 })]
    [InlineData("2024-02-01", new[] { 2025, 2024 })]
    [InlineData("2026-08-12", new int[0])]
    public void An_organisation_sees_its_years_from_registration_three_at_most(string registered, int[] years) =>
        Assert.Equal(years, AnnualReports.YearsOf(DateOnly.Parse(registered, System.Globalization.CultureInfo.InvariantCulture), Today));

    [Theory]
    [InlineData("none", "")]
    [InlineData("warning,suspend", "警告、限期停止活动")]
    public void Sanctions_are_named(string joined, string names) =>
        Assert.Equal(names, ReportSanctions.Names(joined == "none" ? "" : joined));
}
