using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

using Minzheng.Web.Modules.Disability.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Disability.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + DisabilityPermissions.Read)]
public sealed class IndexModel(SubsidyApplications applications, AppDbContext db, IdentifierProtector protector, ICurrentUser user, DivisionDirectory divisions) : PageModel
{
    public sealed record Row(Guid Id, string Number, Subsidy Subsidy, SubsidyStatus Status, string Name, string DivisionName, decimal Amount, DateOnly AppliedOn, DateOnly? FromMonth);

    public sealed class FormInput
    {
        public string? IdNumber { get; set; }

        /// <summary>The person chosen on the person or household page (办理残疾人补贴); the ID number is then not typed again.</summary>
        public Guid? PersonId { get; set; }
        public Subsidy Subsidy { get; set; } = Subsidy.Care;
        public SubsidyChannel Channel { get; set; } = SubsidyChannel.Counter;
        public bool LowIncome { get; set; }
        public bool WorkInjuryCareAllowance { get; set; }
        public decimal? OtherLivingAllowance { get; set; }
        public decimal? OtherCareAllowance { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public Paged<Row> Result { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyList<Row> Rows => Result.Items;
    public SubsidyStatus? Status { get; private set; }
    /// <summary>The default view: the applications whose current step this user may do (待我处理).</summary>
    public bool Mine { get; private set; }
    public string? Search { get; private set; }
    public int MineCount { get; private set; }
    public int AllCount { get; private set; }
    public Dictionary<SubsidyStatus, int> Counts { get; private set; } = [];
    public bool CanApply => user.HasPermission(DisabilityPermissions.Apply);

    /// <summary>The person the application form is filled in for, when opened from the person or household page.</summary>
    public PersonChoice? Chosen { get; private set; }

    /// <summary>The pending states whose forward step (村级核实, 乡镇审核, 县残联审核, 县民政审批) this user's permissions allow.</summary>
    private List<SubsidyStatus> MyStates() =>
        [.. Enum.GetValues<SubsidyStatus>().Where(s => DisabilityProcess.ForwardAction(s) is { } action
            && DisabilityProcess.Model.Transitions.Any(t => t.Action == action && user.HasPermission(t.Permission)))];

    /// <summary>Opens on 待我处理 (with counts per state) unless a state or 全部 is chosen; q finds by name, number or ID number.</summary>
    public async Task OnGetAsync(string? status, string? q, Guid? personId, [FromQuery] int page = 1)
    {
        var ct = HttpContext.RequestAborted;
        Chosen = await PersonLookup.FindAsync(db, personId, ct);
        Input.PersonId = Chosen?.Id;
        Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Mine = string.IsNullOrEmpty(status) || status == "mine";
        Status = !Mine && Enum.TryParse<SubsidyStatus>(status, true, out var s) && Enum.IsDefined(s) ? s : null;
        var mine = MyStates();
        var all = db.Set<SubsidyApplication>().AsNoTracking();
        Counts = await all.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        AllCount = Counts.Values.Sum();
        MineCount = Counts.Where(c => mine.Contains(c.Key)).Sum(c => c.Value);

        var filtered = all;
        if (Mine) filtered = filtered.Where(a => mine.Contains(a.Status));
        else if (Status is { } st) filtered = filtered.Where(a => a.Status == st);
        var rows = filtered.Join(db.Persons, a => a.PersonId, p => p.Id, (a, p) => new { a, p.Name, p.IdNumberHash });
        if (Search is { } text)
        {
            if (IdNumber.TryParse(text, out _) is { } id)
            {
                var hash = protector.Hash(id.Value, ProtectedKind.IdNumber);
                rows = rows.Where(x => x.IdNumberHash == hash);
            }
            else
            {
                rows = rows.Where(x => x.Name.Contains(text) || x.a.Number.Contains(text));
            }
        }
        // the oldest waiting first when it is the user's work; newest first otherwise
        var ordered = Mine ? rows.OrderBy(x => x.a.AppliedOn).ThenBy(x => x.a.Id) : rows.OrderByDescending(x => x.a.AppliedOn).ThenByDescending(x => x.a.Id);
        var result = await ordered.ToPagedAsync(PageRequest.From(page, 50), ct);
        Result = result.Select(x => new Row(x.a.Id, x.a.Number, x.a.Subsidy, x.a.Status, x.Name, divisions.FullName(x.a.DivisionCode), x.a.MonthlyAmount.Yuan, x.a.AppliedOn, x.a.FromMonth));
    }

    // an AppProblem is shown beside its field by the ProblemPageFilter (ADR 021)
    public async Task<IActionResult> OnPostAsync()
    {
        var person = await PersonLookup.RequireAsync(db, protector, Input.PersonId, Input.IdNumber, "idNumber", "残疾人", HttpContext.RequestAborted);
        var a = await applications.ApplyAsync(new SubsidyApplyInput(person, Input.Subsidy, Input.Channel, Input.LowIncome, Input.WorkInjuryCareAllowance, Input.OtherLivingAllowance, Input.OtherCareAllowance), HttpContext.RequestAborted);
        TempData["Message"] = $"已受理 {a.Number}，待村级核实";
        return Redirect($"/disability/{a.Id}");
    }

    public static string StatusName(SubsidyStatus s) => s switch
    {
        SubsidyStatus.Applied => "待村级核实",
        SubsidyStatus.VillageChecked => "待乡镇审核",
        SubsidyStatus.TownshipReviewed => "待县残联审核",
        SubsidyStatus.Verified => "待县民政审批",
        SubsidyStatus.Approved => "发放中",
        SubsidyStatus.Refused => "不予批准",
        SubsidyStatus.Suspended => "暂停发放",
        _ => "已停发",
    };

    public static string Tag(SubsidyStatus s) => s switch { SubsidyStatus.Approved => "ok", SubsidyStatus.Refused => "bad", SubsidyStatus.Terminated => "", _ => "warn" };

    public static string ChannelName(SubsidyChannel c) => c switch { SubsidyChannel.Online => "网上申请", SubsidyChannel.Village => "村（社区）代办", _ => "乡镇窗口" };
}
