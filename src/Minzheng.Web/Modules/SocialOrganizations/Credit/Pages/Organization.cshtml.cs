using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.SocialOrganizations.Credit.Pages;

/// <summary>
/// One organisation's credit: the status derived today beside its events, the registration authority's forms (record an
/// event, decide an objection) and the organisation's own objection form. Readers: the authorities, the auditor and the
/// organisation's own account (others' accounts get 404 from the scope).
/// </summary>
[Authorize]
public sealed class OrganizationModel(CreditOffice office, ICurrentUser user, BusinessClock clock) : PageModel
{
    public sealed class RecordForm
    {
        public string? Kind { get; set; }
        public string? Date { get; set; }
        public string? Fact { get; set; }
        public string? DocumentNumber { get; set; }
        public decimal? FineYuan { get; set; }
        public string? Fulfils { get; set; }
    }

    public sealed class ObjectionForm
    {
        public Guid? EventId { get; set; }
        public string? Reason { get; set; }
        public string? Evidence { get; set; }
    }

    public sealed class DecisionForm
    {
        public Guid ObjectionId { get; set; }
        public string? Decision { get; set; }
        public string? Reason { get; set; }
        public int? Version { get; set; }
    }

    [BindProperty] public RecordForm Record { get; set; } = new();
    [BindProperty] public ObjectionForm Objection { get; set; } = new();
    [BindProperty] public DecisionForm Decision { get; set; } = new();

    public CreditView View { get; private set; } = null!;
    public DateOnly Today => clock.Today;
    public bool CanRead => user.HasPermission(CreditPermissions.Read);
    public bool CanRecord => View.CanAct && user.HasPermission(CreditPermissions.Record);
    public bool CanObject => View.IsOwnOrganization && user.HasPermission(CreditPermissions.OwnObjection);

    public async Task OnGetAsync(Guid id)
    {
        CreditSetup.RequireReadOrOwn(user);
        View = await office.ViewAsync(id, HttpContext.RequestAborted);
    }

    // an AppProblem is shown beside its field by the ProblemPageFilter (ADR 021)
    [ProblemPrefix("Record")]
    public async Task<IActionResult> OnPostRecordAsync(Guid id)
    {
        await office.RecordAsync(id, new CreditOffice.RecordInput(Record.Kind, Record.Date, Record.Fact, Record.DocumentNumber, Record.FineYuan, Record.Fulfils), HttpContext.RequestAborted);
        TempData["Message"] = "已登记信用事件";
        return Redirect($"/social-organizations/credit/{id}");
    }

    [ProblemPrefix("Objection")]
    public async Task<IActionResult> OnPostObjectAsync(Guid id)
    {
        await office.ObjectAsync(id, new CreditOffice.ObjectionInput(Objection.EventId, Objection.Reason, Objection.Evidence), HttpContext.RequestAborted);
        TempData["Message"] = "已提出异议，登记管理机关将核实处理";
        return Redirect($"/social-organizations/credit/{id}");
    }

    [ProblemPrefix("Decision")]
    public async Task<IActionResult> OnPostDecideAsync(Guid id)
    {
        var o = await office.DecideAsync(Decision.ObjectionId, new CreditOffice.DecisionInput(Decision.Decision, Decision.Reason, Decision.Version), HttpContext.RequestAborted);
        TempData["Message"] = o.Status == CreditObjectionStatus.Upheld ? "异议成立，已登记更正事件" : "异议不成立，已书面答复";
        return Redirect($"/social-organizations/credit/{id}");
    }
}
