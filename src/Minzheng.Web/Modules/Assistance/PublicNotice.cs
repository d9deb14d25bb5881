using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Platform;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Assistance;

/// <summary>
/// 公示: the households of a village or community in their 7-day notice, for anyone to see: name partly
/// masked, household size, program and amount. No ID number, income, address or reason is shown.
/// </summary>
public sealed class PublicNotice(AppDbContext db, BusinessClock clock, DivisionDirectory divisions)
{
    public sealed record Entry(string Name, int HouseholdSize, string Program, string Kind, string Amount, DateOnly From, DateOnly To);

    public async Task<(Division Village, List<Entry> Entries)?> ForVillageAsync(string code, CancellationToken ct)
    {
        if (divisions.Find(code) is not { Level: DivisionLevel.Village } village) return null;
        var today = clock.Today;
        // Public by law: read across scopes, but only what the notice itself shows.
        var rows = await db.Set<AssistanceCase>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .Where(c => c.DivisionCode == code && (c.State == AssistanceProcesses.Notice || c.State == AssistanceProcesses.TerminationNotice)
                && c.NoticeFrom <= today && c.NoticeTo >= today)
            .OrderBy(c => c.NoticeFrom).ThenBy(c => c.Number)
            .Select(c => new { c, Size = c.SinglePersonId != null ? 1 : c.Members.Count(m => m.Included) })
            .ToListAsync(ct);
        // The amount on the notice is the one proposed at review time (assessed again at confirmation).
        return (village, rows.Select(r => new Entry(PersonNames.Mask(r.c.ApplicantName), r.Size, AssistanceProcesses.ProgramName(r.c.Program),
            r.c.State == AssistanceProcesses.TerminationNotice ? "拟终止" : "拟纳入", ProposedAmount(r.c), r.c.NoticeFrom!.Value, r.c.NoticeTo!.Value)).ToList());
    }

    private static string ProposedAmount(AssistanceCase c) => c.State == AssistanceProcesses.TerminationNotice ? "—"
        : c.Program == AssistanceProgram.Temporary ? (c.RequestedAmount.Fen > 0 ? c.RequestedAmount.ToYuanString() : "—")
        : c.ProposedAmount.Fen > 0 ? c.ProposedAmount.ToYuanString() + "/月" : "—";
}

public static class PublicNoticeApi
{
    public static void MapPublicNoticeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/public/notices/{villageCode}", async (string villageCode, PublicNotice notice, CancellationToken ct) =>
                await notice.ForVillageAsync(villageCode, ct) is { } r
                    ? Results.Ok(new { village = r.Village.Name, entries = r.Entries })
                    : Platform.Http.Problems.Result(404, "not_found", "村（社区）代码不存在"))
            .AllowAnonymous()
            .RequireRateLimiting(PlatformSetup.PublicRateLimit)
            .WithTags("Public")
            .WithSummary("村（社区）公示名单（不含身份证号、收入、住址）");
    }
}
