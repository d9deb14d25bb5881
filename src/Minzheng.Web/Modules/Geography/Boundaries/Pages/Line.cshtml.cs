using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Geography.Boundaries.Pages;

/// <summary>
/// /geography/boundaries/{id}: one line, its sides, agreement, markers with their condition, its inspections and disputes; for
/// those who manage lines, the forms that change the line (with its version), record an inspection, report a dispute and move
/// each dispute on (with the dispute's version). A failed form keeps what was typed and shows the errors beside its fields.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + GeographyPermissions.Read)]
public sealed class LineModel(BoundaryRegistry registry, ICurrentUser user, BusinessClock clock, DivisionDirectory divisions, Platform.Figures.FigureBook figures) : PageModel, IReloadAfterProblem
{
    public sealed class InspectionForm
    {
        public InspectionKind? Kind { get; set; }
        public int? Year { get; set; }
        public string? Round { get; set; }
        public string? Sections { get; set; }
        public string? Participants { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class DisputeForm
    {
        public string? Title { get; set; }
        public string? Location { get; set; }
        public string? Description { get; set; }
        public DisputeStatus? Status { get; set; }
        public DateOnly? ReportedOn { get; set; }
        public DateOnly? SettledOn { get; set; }
        public string? Outcome { get; set; }
    }

    /// <summary>One dispute's status form: the rest of the dispute (title, place, date reported) is kept as stored.</summary>
    public sealed class DisputeStatusForm
    {
        public Guid? DisputeId { get; set; }
        public DisputeStatus? Status { get; set; }
        public DateOnly? SettledOn { get; set; }
        public string? Outcome { get; set; }
        public int? Version { get; set; }
    }

    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public BoundaryLineForm Edit { get; set; } = new();
    public LineFieldsModel EditFields => new("Edit", Edit, ModelState);
    [BindProperty] public InspectionForm Inspection { get; set; } = new();
    [BindProperty] public DisputeForm Dispute { get; set; } = new();
    [BindProperty] public DisputeStatusForm Update { get; set; } = new();
    public BoundaryLineView? Line { get; private set; }

    /// <summary>The year the next joint round is due (条例 第十二条, the period figure in force); null with <see cref="JointPeriod"/> saying why.</summary>
    public int? NextJointYear { get; private set; }

    public int? JointPeriod { get; private set; }

    public int Year => clock.Today.Year;
    public bool CanManage => user.HasPermission(GeographyPermissions.Manage);

    /// <summary>Writes on the line itself are scoped by the division it is stored under (ADR 064); a county sees the county line but the city changes it.</summary>
    public bool CanEdit => CanManage && Line is not null && user.Scope.Contains(Line.DivisionCode);

    public string HomeName => divisions.NameOf(Line?.DivisionCode);

    /// <summary>The form that was posted (its handler name), whose values are kept as typed; the other forms are filled again.</summary>
    public string? Posted => HttpMethods.IsPost(Request.Method) ? Request.Query["handler"].FirstOrDefault() : null;

    public Task OnGetAsync() => ReloadAfterProblemAsync(HttpContext.RequestAborted);

    public async Task ReloadAfterProblemAsync(CancellationToken ct)
    {
        var line = await registry.LoadAsync(Id, ct);
        Line = registry.View(line, true);
        JointPeriod = figures.Find(BoundaryFigures.JointInspectionYears, line.DivisionCode, clock.Today)?.Row.Number;
        NextJointYear = BoundaryFigures.NextJointYear(line.Inspections.Where(i => i.Kind == InspectionKind.Joint).Select(i => (int?)i.Year).Max(), JointPeriod);
        if (Posted != "Edit") Edit = BoundaryLineForm.From(line);
        if (Posted != "Inspection") Inspection = new InspectionForm { Kind = InspectionKind.Joint, Year = clock.Today.Year };
        if (Posted != "Dispute") Dispute = new DisputeForm { Status = DisputeStatus.Reported, ReportedOn = clock.Today };
    }

    [ProblemPrefix("Edit")]
    public async Task<IActionResult> OnPostEditAsync()
    {
        if (!CanManage) return Forbid();
        if (Edit.Version is not { } version) throw AppProblem.Field("version", "缺少版本号，请刷新页面后重新编辑");
        await registry.UpdateAsync(Id, Edit.ToInput(), version, HttpContext.RequestAborted);
        TempData["Message"] = "已保存界线信息";
        return Redirect($"/geography/boundaries/{Id}");
    }

    [ProblemPrefix("Inspection")]
    public async Task<IActionResult> OnPostInspectionAsync()
    {
        if (!CanManage) return Forbid();
        await registry.AddInspectionAsync(Id, new InspectionInput
        {
            Kind = Inspection.Kind,
            Year = Inspection.Year,
            Round = Inspection.Round,
            Sections = Inspection.Sections,
            Participants = Inspection.Participants,
            Reason = Inspection.Reason,
        }, HttpContext.RequestAborted);
        TempData["Message"] = "已登记检查";
        return Redirect($"/geography/boundaries/{Id}");
    }

    [ProblemPrefix("Dispute")]
    public async Task<IActionResult> OnPostDisputeAsync()
    {
        if (!CanManage) return Forbid();
        await registry.SaveDisputeAsync(Id, null, new DisputeInput
        {
            Title = Dispute.Title,
            Location = Dispute.Location,
            Description = Dispute.Description,
            Status = Dispute.Status,
            ReportedOn = Dispute.ReportedOn,
            SettledOn = Dispute.SettledOn,
            Outcome = Dispute.Outcome,
        }, HttpContext.RequestAborted);
        TempData["Message"] = "已登记界线争议";
        return Redirect($"/geography/boundaries/{Id}");
    }

    [ProblemPrefix("Update")]
    public async Task<IActionResult> OnPostUpdateAsync()
    {
        if (!CanManage) return Forbid();
        var ct = HttpContext.RequestAborted;
        var stored = (await registry.LoadAsync(Id, ct)).Disputes.FirstOrDefault(d => d.Id == Update.DisputeId) ?? throw AppProblem.NotFound("界线争议");
        await registry.SaveDisputeAsync(Id, stored.Id, new DisputeInput
        {
            Title = stored.Title,
            Location = stored.Location,
            Description = stored.Description,
            ReportedOn = stored.ReportedOn,
            Status = Update.Status,
            SettledOn = Update.SettledOn,
            Outcome = Update.Outcome,
            Version = Update.Version,
        }, ct);
        TempData["Message"] = "已更新争议状态";
        return Redirect($"/geography/boundaries/{Id}");
    }
}
