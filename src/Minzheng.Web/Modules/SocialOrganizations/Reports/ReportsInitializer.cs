using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialOrganizations.Reports;

/// <summary>
/// Demo mode: the 2025 reports of the demo organisations (due 31 May 2026; 基金会 31 March), most of them concluded, one awaiting
/// the county's review — and none from <see cref="SocialOrganizationsInitializer.DemoOrganizationName"/>, so the sweep run here lists
/// it on the 活动异常名录 (the demo then shows listed → its account files the report → removed). 容县书法家协会, registered
/// 12 August 2026, owes nothing for 2025 or 2026.
/// </summary>
public sealed class ReportsInitializer : IModuleInitializer
{
    public int Order => 180;

    private sealed record DemoReport(string Name, DateOnly SubmittedOn, InspectionConclusion? Conclusion, string Sanctions, string? Reasons,
        int Members, decimal Income, decimal Expenditure, decimal NetAssets, PartyOrganizationStatus Party, int FullTime, int PartTime, int SocialWorkers);

    private static readonly DemoReport[] Demo =
    [
        new("玉林市慈善总会", new(2026, 5, 12), InspectionConclusion.Qualified, "", null, 326, 1_860_000m, 1_720_000m, 905_000m, PartyOrganizationStatus.Own, 6, 3, 2),
        new("玉林市餐饮行业协会", new(2026, 5, 26), InspectionConclusion.BasicallyQualified, ReportSanctions.Rectify, "会员大会未按章程每年召开，财务收支未单独建账", 88, 126_000m, 131_500m, 42_300m, PartyOrganizationStatus.Joint, 2, 1, 0),
        new("玉林市助学基金会", new(2026, 3, 20), InspectionConclusion.Qualified, "", null, 0, 3_200_000m, 2_950_000m, 2_410_000m, PartyOrganizationStatus.Instructor, 4, 2, 1),
        new("容县老年人协会", new(2026, 4, 28), InspectionConclusion.Qualified, "", null, 1_240, 86_000m, 79_400m, 36_800m, PartyOrganizationStatus.Own, 1, 6, 0),
        // waiting for 北流's review; 北流市新荣镇乡村振兴服务中心 files nothing (the clean-up part's zombie candidate, listed by the sweep)
        new("北流市陶瓷行业协会", new(2026, 5, 30), null, "", null, 156, 420_000m, 398_000m, 210_000m, PartyOrganizationStatus.Own, 3, 2, 0),
    ];

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        if (!demo) return;
        using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAsSystem("demo");
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.Set<AnnualReport>().AnyAsync(ct) || !await db.Set<SocialOrganizationProfile>().AnyAsync(ct)) return;
        var names = Demo.Select(d => d.Name).ToList();
        var orgs = await db.Set<Organization>().Where(o => names.Contains(o.Name))
            .Join(db.Set<SocialOrganizationProfile>(), o => o.Id, p => p.OrganizationId, (o, p) => new { o, p }).ToListAsync(ct);
        foreach (var d in Demo)
        {
            var x = orgs.FirstOrDefault(o => o.o.Name == d.Name);
            if (x is null) continue;
            var foundation = x.p.Kind == OrganizationKind.Foundation;
            db.Add(new AnnualReport
            {
                OrganizationId = x.o.Id,
                DivisionCode = x.p.DivisionCode,
                Year = 2025,
                Status = d.Conclusion is null ? AnnualReportStatus.Submitted : AnnualReportStatus.Concluded,
                Members = x.p.Kind == OrganizationKind.SocialGroup ? d.Members : null,
                CouncilMeetings = 2,
                AddressConfirmed = true,
                MainActivities = $"{x.p.Purpose}（演示数据：2025年度主要业务活动）",
                EventsHeld = 12,
                Services = "（演示数据）",
                IncomeDonations = Money.FromYuan(foundation ? d.Income * 0.8m : d.Income * 0.3m),
                IncomeGovernment = Money.FromYuan(d.Income * 0.2m),
                IncomeServices = Money.FromYuan(foundation ? 0 : d.Income * 0.3m),
                IncomeDues = Money.FromYuan(foundation ? 0 : d.Income * 0.2m),
                IncomeOther = Money.FromYuan(foundation ? 0 : d.Income * 0.0m),
                Expenditure = Money.FromYuan(d.Expenditure),
                NetAssets = Money.FromYuan(d.NetAssets),
                PublicWelfareSpending = foundation ? Money.FromYuan(d.Expenditure * 0.85m) : null,
                ManagementCosts = foundation ? Money.FromYuan(d.Expenditure * 0.08m) : null,
                PartyOrganization = d.Party,
                FullTimeStaff = d.FullTime,
                PartTimeStaff = d.PartTime,
                SocialWorkers = d.SocialWorkers,
                PreReviewPassed = x.p.SupervisingUnit is not null && !foundation ? true : null,
                PreReviewedOn = x.p.SupervisingUnit is not null && !foundation ? d.SubmittedOn.AddDays(-20) : null,
                PreReviewOpinion = x.p.SupervisingUnit is not null && !foundation ? $"{x.p.SupervisingUnit}：同意报送（演示数据）" : null,
                SubmittedOn = d.SubmittedOn,
                Conclusion = d.Conclusion,
                ConcludedOn = d.Conclusion is null ? null : new DateOnly(2026, 6, 26),
                ConclusionReasons = d.Reasons,
                Sanctions = d.Sanctions,
                SanctionDocument = d.Sanctions.Length > 0 ? "玉民社〔2026〕12号（演示）" : null,
                ConcludedBy = d.Conclusion is null ? null : "demo",
            });
            x.p.PartyOrganization = d.Party;
        }
        await db.SaveChangesAsync(ct);
        // the daily sweep, run once now so the demo shows its result at once (the recurring job repeats it, recording nothing new)
        await sp.GetRequiredService<AnnualReports>().SweepOverdueAsync(sp.GetRequiredService<BusinessClock>().Today, ct);
    }
}
