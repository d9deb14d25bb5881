using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Tasks;

namespace Minzheng.Web.Modules.SocialOrganizations.Reports;

/// <summary>
/// Annual reports in "my tasks" (ADR 026): the organisation's own account sees its report due (from <see cref="RemindDays"/>
/// before the submission day, and every day once late); the registration authority's officers see submitted reports awaiting
/// their review (only those they may act on: the other level's are not theirs).
/// </summary>
public sealed class ReportWorkItems(AppDbContext db, AnnualReports reports, RegistrationAuthority authority, ICurrentUser user) : IWorkItemSource
{
    public const string DuePrefix = "socorg-report-";
    public const string ReviewPrefix = "socorg-review-";

    /// <summary>The reminder starts this many days before the submission day (the preliminary review comes two months earlier).</summary>
    public const int RemindDays = 90;

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(WorkItemRequest request, CancellationToken ct)
    {
        var items = new List<WorkItem>();
        if (user.OrganizationId is { } own && user.HasPermission(ReportsPermissions.File)) items.AddRange(await DueAsync(own, request, ct));
        if (user.HasPermission(ReportsPermissions.Review) && user.OrganizationId is null) items.AddRange(await ReviewsAsync(request, ct));
        return items;
    }

    private async Task<List<WorkItem>> DueAsync(Guid organizationId, WorkItemRequest request, CancellationToken ct)
    {
        var x = await db.Set<SocialOrganizationProfile>().Where(p => p.OrganizationId == organizationId)
            .Join(db.Set<Organization>(), p => p.OrganizationId, o => o.Id, (p, o) => new { p, o }).FirstOrDefaultAsync(ct);
        if (x is null || x.o.Status != OrganizationStatus.Active) return [];
        var year = request.Today.Year - 1;
        var due = reports.Due(x.p, x.o.RegisteredOn, year);
        if (due.Exempt || due.SubmitBy is not { } by || request.Today.DayNumber < by.DayNumber - RemindDays) return [];
        var filed = await db.Set<AnnualReport>().AnyAsync(r => r.OrganizationId == organizationId && r.Year == year && r.SubmittedOn != null, ct);
        var key = $"{DuePrefix}{year}-{organizationId:N}";
        if (filed || !request.Wants(key)) return [];
        return
        [
            new WorkItem(key, "socorg:report-due", "年度工作报告待报送", $"{year}年度工作报告，{by:yyyy年M月d日}前报送登记管理机关", x.o.Name, by,
                $"/social-organizations/reports/{organizationId}/{year}", WorkItemText.SeverityOf(by, request.Today), x.p.DivisionCode, $"due#{year}",
                ReportsPermissions.File, []),
        ];
    }

    private async Task<List<WorkItem>> ReviewsAsync(WorkItemRequest request, CancellationToken ct)
    {
        var rows = await db.Set<AnnualReport>().AsNoTracking().Where(r => r.Status == AnnualReportStatus.Submitted)
            .Join(db.Set<SocialOrganizationProfile>(), r => r.OrganizationId, p => p.OrganizationId, (r, p) => new { r, p })
            .OrderBy(x => x.r.SubmittedOn).ThenBy(x => x.r.Id).Take(request.Limit).ToListAsync(ct);
        var acting = rows.Where(x => authority.CanAct(x.p) && request.Wants(ReviewPrefix + x.r.Id)).ToList();
        var names = await db.OrganizationNamesAsync(acting.Select(x => x.r.OrganizationId), ct);
        return [.. acting.Select(x => new WorkItem(ReviewPrefix + x.r.Id, "socorg:report-review", "年度工作报告待审查",
            $"{x.r.Year}年度工作报告（{x.r.SubmittedOn:yyyy-MM-dd} 报送）", names.GetValueOrDefault(x.r.OrganizationId!.Value) ?? "", null,
            $"/social-organizations/reports/{x.r.OrganizationId}/{x.r.Year}", WorkItemSeverity.Normal, x.r.DivisionCode, $"submitted#{x.r.Version}",
            ReportsPermissions.Review, [ReportsPermissions.Read]))];
    }
}
