using Minzheng.Web.Modules.SocialOrganizations.Reports;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Tests.SocialOrganizations;

/// <summary>年检/年报 deadlines per kind and the 6-month exemption (rules.md §6.1), with the dates as figures.</summary>
public sealed class ReportDeadlinesTests
{
    public static TheoryData<string, OrganizationKind, DateOnly, bool, DateOnly?, DateOnly?> Cases => new()
    {
        { "social group registered long ago", OrganizationKind.SocialGroup, new(2020, 1, 1), false, new(2026, 3, 31), new(2026, 5, 31) },
        { "social service, 29 June: more than 6 months before the year end", OrganizationKind.SocialServiceAgency, new(2025, 6, 29), false, new(2026, 3, 31), new(2026, 5, 31) },
        { "30 June: exactly 6 months, exempt", OrganizationKind.SocialServiceAgency, new(2025, 6, 30), true, null, null },
        { "31 December: exempt", OrganizationKind.SocialGroup, new(2025, 12, 31), true, null, null },
        { "registered after the year: nothing due", OrganizationKind.SocialGroup, new(2026, 1, 2), true, null, null },
        { "foundation: 31 March to the registration authority, no preliminary review", OrganizationKind.Foundation, new(2020, 1, 1), false, null, new(2026, 3, 31) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Deadlines_and_exemption(string name, OrganizationKind kind, DateOnly registered, bool exempt, DateOnly? reviewBy, DateOnly? submitBy)
    {
        var due = ReportDeadlines.For(2025, registered, ReportDeadlines.Statutory(kind));
        Assert.True(due == new ReportDue(2025, exempt, reviewBy, submitBy), $"{name}: {due}");
    }

    [Fact]
    public void Figures_decide_the_dates_not_the_rule()
    {
        var local = new ReportDeadlineFigures(new DateOnly(2000, 4, 15), new DateOnly(2000, 6, 30), 3);
        Assert.Equal(new ReportDue(2025, false, new(2026, 4, 15), new(2026, 6, 30)), ReportDeadlines.For(2025, new DateOnly(2025, 9, 29), local));
        Assert.True(ReportDeadlines.For(2025, new DateOnly(2025, 9, 30), local).Exempt); // exactly 3 months before 31 December
    }

    [Fact]
    public void Overdue_from_the_day_after_the_deadline()
    {
        var due = ReportDeadlines.For(2025, new DateOnly(2020, 1, 1), ReportDeadlines.Statutory(OrganizationKind.SocialGroup));
        Assert.False(ReportDeadlines.IsOverdue(due, null, new DateOnly(2026, 5, 31)));
        Assert.True(ReportDeadlines.IsOverdue(due, null, new DateOnly(2026, 6, 1)));
        Assert.False(ReportDeadlines.IsOverdue(due, new DateOnly(2026, 5, 31), new DateOnly(2026, 6, 1)));
        Assert.True(ReportDeadlines.IsOverdue(due, new DateOnly(2026, 6, 2), new DateOnly(2026, 6, 3)));
        var exempt = ReportDeadlines.For(2025, new DateOnly(2025, 8, 1), ReportDeadlines.Statutory(OrganizationKind.SocialGroup));
        Assert.False(ReportDeadlines.IsOverdue(exempt, null, new DateOnly(2026, 6, 1)));
    }
}
