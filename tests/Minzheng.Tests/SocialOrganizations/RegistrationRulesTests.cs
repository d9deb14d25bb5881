using Minzheng.Web.Modules.SocialOrganizations.Registration;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Tests.SocialOrganizations;

/// <summary>The pure rules of registration: which level registers, which materials each application needs, how a limit counts.</summary>
public sealed class RegistrationRulesTests
{
    [Theory]
    [InlineData(OrganizationKind.Foundation, false, RegistrationLevel.City)]
    [InlineData(OrganizationKind.Foundation, true, RegistrationLevel.City)]
    [InlineData(OrganizationKind.SocialGroup, true, RegistrationLevel.City)]
    [InlineData(OrganizationKind.SocialGroup, false, RegistrationLevel.County)]
    [InlineData(OrganizationKind.SocialServiceAgency, false, RegistrationLevel.County)]
    [InlineData(OrganizationKind.SocialServiceAgency, true, RegistrationLevel.City)]
    public void The_level_follows_the_kind_and_the_activity_area(OrganizationKind kind, bool cityWide, RegistrationLevel expected)
    {
        Assert.Equal(expected, RegistrationLevels.Required(kind, cityWide));
        Assert.Null(RegistrationLevels.Problem(kind, cityWide, expected));
        var other = expected == RegistrationLevel.City ? RegistrationLevel.County : RegistrationLevel.City;
        Assert.NotNull(RegistrationLevels.Problem(kind, cityWide, other));
    }

    [Theory]
    [InlineData(ApplicationKind.Establish, OrganizationKind.SocialGroup, true, "form,supervisor-approval,charter,premises,capital,leaders,founders,members")]
    [InlineData(ApplicationKind.Establish, OrganizationKind.SocialGroup, false, "form,charter,premises,capital,leaders,founders,members")]
    [InlineData(ApplicationKind.Establish, OrganizationKind.SocialServiceAgency, false, "form,charter,premises,capital,leaders,staff")]
    [InlineData(ApplicationKind.Establish, OrganizationKind.Foundation, true, "form,supervisor-approval,charter,premises,capital,leaders")]
    [InlineData(ApplicationKind.Change, OrganizationKind.Foundation, true, "form,supervisor-approval,resolution,change-proof")]
    [InlineData(ApplicationKind.Change, OrganizationKind.SocialGroup, false, "form,resolution,change-proof")]
    [InlineData(ApplicationKind.Deregister, OrganizationKind.SocialServiceAgency, true, "form,supervisor-approval,resolution,liquidation,certificates")]
    public void Each_application_has_its_checklist(ApplicationKind application, OrganizationKind kind, bool supervised, string expected) =>
        Assert.Equal(expected.Split(','), RegistrationMaterials.Required(application, kind, supervised).Select(m => m.Code));

    [Fact]
    public void Missing_materials_are_named_in_checklist_order()
    {
        var missing = RegistrationMaterials.Missing(ApplicationKind.Establish, OrganizationKind.SocialGroup, false, ["form", "members", "charter", "unknown"]);
        Assert.Equal(["premises", "capital", "leaders", "founders"], missing.Select(m => m.Code));
        Assert.Empty(RegistrationMaterials.Missing(ApplicationKind.Change, OrganizationKind.SocialGroup, false, ["form", "resolution", "change-proof"]));
    }

    [Theory]
    [InlineData("2026-11-30", 60, TimeLimits.Calendar, "2027-01-29")]
    [InlineData("2026-11-30", 30, TimeLimits.Calendar, "2026-12-30")]
    [InlineData("2026-11-30", 3, TimeLimits.Working, "2026-12-03")] // Monday + 3 working days (no holiday in the fake calendar)
    [InlineData("2026-12-04", 1, TimeLimits.Working, "2026-12-07")] // Friday → Monday
    public void A_limit_counts_calendar_or_working_days(string accepted, int days, string counting, string expected)
    {
        // a calendar that only skips weekends stands in for the kernel's
        static DateOnly AddWorking(DateOnly from, int n)
        {
            var d = from;
            while (n > 0)
            {
                d = d.AddDays(1);
                if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) n--;
            }
            return d;
        }
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            TimeLimits.DueOn(DateOnly.Parse(accepted, System.Globalization.CultureInfo.InvariantCulture), days, counting, AddWorking));
    }

    [Theory]
    [InlineData(ApplicationKind.Establish, OrganizationKind.Foundation, "establish-foundation")]
    [InlineData(ApplicationKind.Establish, OrganizationKind.SocialGroup, "establish-social-group")]
    [InlineData(ApplicationKind.Change, OrganizationKind.Foundation, "change")]
    [InlineData(ApplicationKind.Deregister, OrganizationKind.SocialGroup, "deregister")]
    public void Each_application_reads_its_own_limit(ApplicationKind application, OrganizationKind kind, string category)
    {
        Assert.Equal(category, TimeLimits.Category(application, kind));
        Assert.Contains(RegistrationFigures.Categories, c => c.Code == category);
        Assert.Equal(2, RegistrationFigures.DemoRows().Count(r => r.Category == category));
        Assert.All(RegistrationFigures.DemoRows(), r => Assert.StartsWith("演示数据", r.Document, StringComparison.Ordinal));
    }
}
