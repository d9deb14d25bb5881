using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Community.Committees;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Community.Elections.Pages;

/// <summary>
/// /community/elections: the elections in scope by township, step and year (paged), each county's (or, under a county, each
/// township's) progress of the year's elections, and the form that starts one: the committees offered are those the user
/// sees (a township clerk her own villages), so the township is never typed.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + CommunityPermissions.Read)]
public sealed class IndexModel(Elections elections, CommitteeRegistry committees, DivisionDirectory divisions, ICurrentUser user, BusinessClock clock) : PageModel
{
    /// <summary>More committees than this in one select is no choice at all: a county or city user narrows by the township filter first.</summary>
    public const int MaxCommittees = 400;

    public sealed class StartForm
    {
        public Guid? CommitteeId { get; set; }
        public int? Year { get; set; }
        public int? SeatsDirector { get; set; } = 1;
        public int? SeatsDeputy { get; set; }
        public int? SeatsMember { get; set; }
        public DateOnly? VoteDate { get; set; }
    }

    public sealed record CommitteeOption(Guid Id, string Name, string Township);

    [BindProperty] public StartForm Input { get; set; } = new();
    [FromQuery] public string? Division { get; set; }
    [FromQuery] public string? State { get; set; }
    [FromQuery] public int? Year { get; set; }
    [FromQuery] public string? Q { get; set; }
    public Paged<ElectionRow> Rows { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyList<ProgressRow> Progress { get; private set; } = [];
    public int ProgressYear { get; private set; }
    public IReadOnlyList<CommitteeOption> Committees { get; private set; } = [];
    public bool TooManyCommittees { get; private set; }
    public bool CanManage => user.HasPermission(CommunityPermissions.Manage);
    public DivisionFilter DivisionOptions => DivisionFilter.For(divisions, user, Division, "division");

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var ct = HttpContext.RequestAborted;
        var today = clock.Today;
        Input.Year ??= today.Year;
        // a division typed into the URL by hand is refused beside the filter, not as a 500
        var division = DivisionCodes.IsWellFormed(Division ?? "") ? Division : null;
        if (!string.IsNullOrWhiteSpace(Division) && division is null) ModelState.AddModelError("division", "区划代码应为12位数字");
        Rows = await elections.ListAsync(new ElectionFilter(division, State, Year, Q), PageRequest.From(page, 50, 50), ct);
        ProgressYear = Year ?? today.Year;
        Progress = await elections.ProgressAsync(ProgressYear, user.DivisionCode, ct);
        if (CanManage)
        {
            var rows = await committees.Query(new CommitteeFilter(division, null, null)).Take(MaxCommittees + 1)
                .Select(c => new { c.Id, c.Name, c.DivisionCode }).ToListAsync(ct);
            TooManyCommittees = rows.Count > MaxCommittees;
            Committees = [.. rows.Take(MaxCommittees).Select(c => new CommitteeOption(c.Id, c.Name, divisions.NameOf(c.DivisionCode[..9] + "000")))];
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanManage) return Forbid();
        var e = await elections.CreateAsync(new ElectionInput
        {
            CommitteeId = Input.CommitteeId,
            Year = Input.Year,
            SeatsDirector = Input.SeatsDirector,
            SeatsDeputy = Input.SeatsDeputy,
            SeatsMember = Input.SeatsMember,
            VoteDate = Input.VoteDate,
        }, HttpContext.RequestAborted);
        TempData["Message"] = $"已启动 {e.Name}（{e.Number}）：请先登记选举委员会成员";
        return Redirect($"/community/elections/{e.Id}");
    }

    /// <summary>The steps' short names for the progress table's columns (the full name in the column's title).</summary>
    public static string ShortStep(string state) => state switch
    {
        ElectionProcess.Preparing => "选举委员会",
        ElectionProcess.Registration => "选民登记",
        ElectionProcess.RollPublished => "名单公布",
        ElectionProcess.Nomination => "提名",
        ElectionProcess.Vetting => "资格联审",
        ElectionProcess.Voting => "投票计票",
        ElectionProcess.Additional => "另行选举",
        ElectionProcess.Handover => "待移交",
        ElectionProcess.HandedOver => "已移交",
        ElectionProcess.Archived => "已归档",
        _ => ElectionProcess.StateName(state),
    };
}
