using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Assistance;

/// <summary>The assistance panel of the one-person view: every case of the person's household or naming them.</summary>
public sealed class AssistancePersonPanel(AppDbContext db) : IPersonPanel
{
    /// <summary><see cref="Notice"/>: for a case in its public notice, the proposed amount and the notice's last day (issue 12, item 12).</summary>
    public sealed record Item(Guid Id, string Number, string Program, string State, DateOnly AppliedOn, string Amount, bool Applicant, string? Notice = null);

    public string ModuleKey => "assistance";
    public string Title => "社会救助";
    public int Order => 10;
    public string PartialView => "/Modules/Assistance/Pages/_PersonPanel.cshtml";

    public async Task<object?> LoadAsync(Guid personId, CancellationToken ct)
    {
        var rows = await db.Set<AssistanceCase>().AsNoTracking()
            .Where(c => c.ApplicantPersonId == personId || c.SinglePersonId == personId || c.Members.Any(m => m.PersonId == personId))
            .OrderByDescending(c => c.AppliedOn)
            .Select(c => new { c.Id, c.Number, c.Program, c.State, c.AppliedOn, c.MonthlyAmount, c.ApprovedAmount, c.ApplicantPersonId, c.ProposedAmount, c.NoticeTo })
            .ToListAsync(ct);
        return rows.Select(r => new Item(r.Id, r.Number, AssistanceProcesses.ProgramName(r.Program), CaseQueries.StateName(r.Program, r.State), r.AppliedOn,
            r.Program == AssistanceProgram.Temporary ? r.ApprovedAmount.ToYuanString() : r.MonthlyAmount.ToYuanString() + "/月", r.ApplicantPersonId == personId,
            r.State == AssistanceProcesses.Notice && r.NoticeTo is { } end
                ? $"公示中：拟核定金额 {r.ProposedAmount.ToYuanString()}{(r.Program == AssistanceProgram.Temporary ? "" : "/月")}，公示至 {end:yyyy-MM-dd}"
                : null)).ToList();
    }
}
