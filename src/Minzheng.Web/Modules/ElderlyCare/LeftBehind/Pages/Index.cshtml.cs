using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.LeftBehind.Pages;

/// <summary>The register in the user's scope with its filters (risk, overdue, village), this month's figures and the export.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + LeftBehindPermissions.Read)]
public sealed class IndexModel(LeftBehindQueries queries, AppDbContext db, DivisionDirectory divisions, ICurrentUser user, BusinessClock clock) : PageModel
{
    public Paged<LeftBehindElder> Result { get; private set; } = new([], 0, 1, 50);
    public LeftBehindStats Stats { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> Villages { get; private set; } = [];
    public LeftBehindRisk? Risk { get; private set; }
    public bool Overdue { get; private set; }
    public string? Village { get; private set; }
    public DateOnly Today => clock.Today;
    public bool CanWrite => user.HasPermission(LeftBehindPermissions.Write);

    public string DivisionName(string code) => divisions.FullName(code);

    public async Task OnGetAsync([FromQuery] string? risk = null, [FromQuery] bool overdue = false, [FromQuery] string? village = null, [FromQuery] int? page = null)
    {
        var ct = HttpContext.RequestAborted;
        Risk = Enum.TryParse<LeftBehindRisk>(risk, true, out var r) && Enum.IsDefined(r) ? r : null;
        Overdue = overdue;
        // the villages that have elders in the register (within the scope): the filter offers only those
        var codes = await db.Set<LeftBehindElder>().AsNoTracking().Where(e => e.Status == LeftBehindStatus.InRegister).Select(e => e.DivisionCode).Distinct().ToListAsync(ct);
        Villages = [.. codes.Order(StringComparer.Ordinal).Select(c => (c, divisions.FullName(c)))];
        Village = village is not null && codes.Contains(village) ? village : null;
        Result = await queries.ListAsync(new LeftBehindFilter(Risk, Overdue, Village), PageRequest.From(page, 50), ct);
        var month = new DateOnly(Today.Year, Today.Month, 1);
        Stats = await queries.StatsAsync(month, month.AddMonths(1).AddDays(-1), ct);
    }
}
