using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Modules.Assistance.Reviews;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.Assistance.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + AssistancePermissions.Read)]
public sealed class IndexModel(CaseQueries queries, ReadOnlyDb read, ICurrentUser user, DivisionDirectory divisions, BusinessClock clock) : PageModel
{
    // figures only: read from the standby when there is one (ADR 071)
    private readonly AppDbContext _db = read.Context;

    public IReadOnlyList<(AssistanceProgram Program, string Label)> Programs { get; } =
        [(AssistanceProgram.Dibao, "低保"), (AssistanceProgram.ExtremePoverty, "特困"), (AssistanceProgram.Temporary, "临时救助")];

    public Dictionary<(AssistanceProgram, string), int> Counts { get; private set; } = [];
    public IEnumerable<StateModel> States => AssistanceProcesses.Dibao.States.Concat(AssistanceProcesses.ExtremePoverty.States).Concat(AssistanceProcesses.Temporary.States)
        .DistinctBy(s => s.Code);
    public int Overdue { get; private set; }
    public int ReviewsDue { get; private set; }
    public List<BarChart.Item> MonthlyByArea { get; private set; } = [];
    public bool CanApply => user.HasPermission(AssistancePermissions.Apply);
    public string ScopeName => divisions.NameOf(user.DivisionCode);

    public int Count(AssistanceProgram program, string state) => Counts.GetValueOrDefault((program, state));

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Counts = await queries.CountsAsync(ct);
        Overdue = (await queries.SearchAsync(new CaseFilter { Overdue = true }, PageRequest.From(1, 1), ct)).Total;
        var today = clock.Today;
        ReviewsDue = await _db.Set<AssistanceReview>().CountAsync(r => r.CompletedOn == null && r.DueOn <= today.AddDays(30), ct);
        var root = divisions.Find(user.DivisionCode);
        if (root is { Level: < DivisionLevel.Village })
        {
            var prefix = DivisionCodes.PrefixLength(root.Level + 1);
            // Money is value-converted, which LINQ cannot SUM: project the two columns and add up here (scope still applies).
            var active = await _db.Set<AssistanceCase>().Where(c => c.State == AssistanceProcesses.Active).Select(c => new { c.DivisionCode, c.MonthlyAmount }).ToListAsync(ct);
            var sums = active.GroupBy(c => c.DivisionCode[..prefix]).Select(g => new { g.Key, Fen = g.Sum(c => c.MonthlyAmount.Fen) }).ToList();
            MonthlyByArea = sums.Select(s => (s, d: divisions.Find(s.Key.PadRight(DivisionCodes.Length, '0'))))
                .Where(x => x.d is not null).OrderBy(x => x.d!.SortOrder)
                .Select(x => new BarChart.Item(x.d!.Name, x.s.Fen / 100, $"/assistance/cases?State=active&DivisionCode={x.d.Code}")).ToList();
        }
    }
}
