using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Modules.Assistance.Changes;
using Minzheng.Web.Modules.Assistance.Reviews;
using Minzheng.Web.Modules.Assistance.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Assistance.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + AssistancePermissions.Read)]
[RequestSizeLimit(Platform.Files.FileStore.MaxBytes + 1024 * 1024)]
public sealed class CaseModel(CaseDetails details, AssistanceCases cases, RecordInvestigation investigation, RecordCountyVisit countyVisit, RecordSpotCheck spotCheck,
    ExtendTimeLimit extension, AttachMaterial attachments, ReviewService reviews, ChangeQueries changes, DecideChange decideChange, ICurrentUser user, BusinessClock clock)
    : PageModel, IReloadAfterProblem
{
    /// <summary>Set by the investigation handler: after a problem the page keeps the posted investigation form instead of refilling it.</summary>
    private bool _keepInvestigationForm;

    public sealed class IncomeRow
    {
        public string? Category { get; set; }
        public Guid? PersonId { get; set; }
        public string? Description { get; set; }
        public decimal? MonthlyAmount { get; set; }
    }

    public sealed class MemberRow
    {
        public Guid PersonId { get; set; }
        public bool Included { get; set; }
        public bool SeriouslyIll { get; set; }
        public bool AbleToWork { get; set; }
    }

    public sealed class InvestigationForm
    {
        public DateOnly? InvestigatedOn { get; set; }
        public string? Investigators { get; set; }
        public string? VisitRecord { get; set; }
        public string? NeighbourRecord { get; set; }
        public EconomicCheck EconomicCheck { get; set; }
        public string? EconomicCheckNote { get; set; }
        public bool IncomeIrregular { get; set; }
        public decimal Deposits { get; set; }
        public int Vehicles { get; set; }
        public int Houses { get; set; }
        public bool HasBusiness { get; set; }
        public List<MemberRow> Members { get; set; } = [];
        public List<IncomeRow> Income { get; set; } = [];
        public List<SelfCareItem>? SelfCareUnable { get; set; }
        public SupportForm? SupportForm { get; set; }
        public string? Institution { get; set; }
        public bool HasAbleSupporter { get; set; }
        public TemporaryType? TemporaryType { get; set; }
        public decimal? RequestedAmount { get; set; }
        public int? Version { get; set; }
    }

    [BindProperty] public InvestigationForm Investigation { get; set; } = new();

    public CaseView View { get; private set; } = null!;

    /// <summary>The case's change proposals (a recalculation after a death, a termination asked for on a finding), open ones first.</summary>
    public IReadOnlyList<ChangeView> Changes { get; private set; } = [];
    public DateOnly Today => clock.Today;
    public List<IncomeRow> IncomeRows { get; private set; } = [];
    public bool CanInvestigate => details.CanInvestigate(View);
    public bool CanCountyVisit => user.HasPermission(AssistancePermissions.Confirm) && View.Case.FlaggedRelative && View.Case.State is AssistanceProcesses.Confirming or AssistanceProcesses.Reviewing or AssistanceProcesses.Notice;
    public bool CanSpotCheck => user.HasPermission(AssistancePermissions.Confirm) && View.Case.DecisionLevel == ApprovalLevel.Township && View.Case.State is AssistanceProcesses.Active or AssistanceProcesses.Filing;
    public bool CanExtend => user.HasPermission(AssistancePermissions.Approve) && View.Workflow.ClockStartedOn is not null && View.Workflow.ExtensionReason is null && View.Workflow.ClosedAt is null && View.Case.State is not (AssistanceProcesses.Active or AssistanceProcesses.Suspended);
    public bool CanAttach => user.HasPermission(AssistancePermissions.Apply) && !AssistanceProcesses.IsClosed(View.Case.State);
    public bool CanReportChange => user.HasPermission(AssistancePermissions.Accept) && View.Case.State is AssistanceProcesses.Active or AssistanceProcesses.Suspended;

    /// <summary>
    /// Actions that end or cut something (撤回, 不予受理, 终止, 暂停, 不予确认…): shown as secondary buttons that ask for
    /// confirmation first (data-confirm in site.js); the workflow engine still checks state, permission and opinion.
    /// </summary>
    public static bool IsDestructive(string action) => action is "not-accept" or "withdraw" or "record-withdrawal" or "propose-refuse" or "refuse-township"
        or "refuse-county" or "suspend" or "terminate" or "propose-termination" or "confirm-termination" or "reject";

    /// <summary>Before the investigation is submitted the amount is only a trial on the data entered so far, never a finding (issue 12, item 10).</summary>
    public bool IsTrial => View.DecidedLines.Count == 0 && View.Case.State is AssistanceProcesses.Submitted or AssistanceProcesses.Investigating or AssistanceProcesses.AssistedFirst;

    /// <summary>The investigation form submits itself (保存并提交审核), so the actions card does not offer the same step twice.</summary>
    public IEnumerable<ActionOption> Actions => CanInvestigate ? View.Actions.Where(a => a.Action is not ("submit-investigation" or "complete-paperwork")) : View.Actions;

    public async Task OnGetAsync(Guid id) => await LoadAsync(id, fillForm: true);

    public Task<IActionResult> OnPostActionAsync(Guid id, string action, string? opinion, int version, decimal? amount) =>
        Act(id, () => cases.PerformAsync(id, action, new ActionInput { Opinion = opinion, Version = version, Amount = amount }, HttpContext.RequestAborted), "已办理");

    /// <summary>
    /// The investigation form: 保存草稿 saves, 保存并提交审核 saves and hands the case to the township's review in one place;
    /// 添加一行 / 删除 (income rows) redraw the form without saving when the page runs without script (site.js does them in place).
    /// </summary>
    [ProblemPrefix("Investigation")]
    public async Task<IActionResult> OnPostInvestigationAsync(Guid id, bool submit, string? addRow, int? removeRow)
    {
        if (addRow is not null || removeRow is not null)
        {
            ModelState.Clear(); // nothing was saved: no field is in error yet
            if (removeRow is { } r && r >= 0 && r < Investigation.Income.Count) Investigation.Income.RemoveAt(r);
            await LoadAsync(id, fillForm: false);
            if (addRow is not null) IncomeRows.Add(new IncomeRow());
            return Page();
        }
        _keepInvestigationForm = true;
        return await Act(id, async () =>
        {
            var c = await SaveInvestigationAsync(id);
            if (submit)
            {
                var step = c.State == AssistanceProcesses.AssistedFirst ? "complete-paperwork" : "submit-investigation";
                await cases.PerformAsync(id, step, new ActionInput { Version = c.Version }, HttpContext.RequestAborted);
            }
        }, submit ? "调查结果已保存并提交审核" : "调查结果已保存（草稿，尚未提交审核）");
    }

    private Task<AssistanceCase> SaveInvestigationAsync(Guid id) =>
        investigation.RunAsync(id, new InvestigationInput
        {
            InvestigatedOn = Investigation.InvestigatedOn,
            Investigators = Investigation.Investigators,
            VisitRecord = Investigation.VisitRecord,
            NeighbourRecord = Investigation.NeighbourRecord,
            EconomicCheck = Investigation.EconomicCheck,
            EconomicCheckNote = Investigation.EconomicCheckNote,
            IncomeIrregular = Investigation.IncomeIrregular,
            Deposits = Investigation.Deposits,
            Vehicles = Investigation.Vehicles,
            Houses = Investigation.Houses,
            HasBusiness = Investigation.HasBusiness,
            Members = Investigation.Members.Select(m => new MemberFacts(m.PersonId, m.Included, m.SeriouslyIll, m.AbleToWork)).ToList(),
            Income = Investigation.Income.Where(i => !string.IsNullOrEmpty(i.Category) && i.MonthlyAmount is not null)
            .Select(i => new IncomeInput(i.Category!, i.Description, i.MonthlyAmount!.Value, i.PersonId)).ToList(),
            SelfCareUnable = Investigation.SelfCareUnable ?? [],
            SupportForm = Investigation.SupportForm,
            Institution = Investigation.Institution,
            HasAbleSupporter = Investigation.HasAbleSupporter,
            TemporaryType = Investigation.TemporaryType,
            RequestedAmount = Investigation.RequestedAmount,
            Version = Investigation.Version,
        }, HttpContext.RequestAborted);

    public Task<IActionResult> OnPostCountyVisitAsync(Guid id, DateOnly? date, string? record) =>
        Act(id, () => countyVisit.RunAsync(id, date, record, HttpContext.RequestAborted), "已登记县级入户核查");

    public Task<IActionResult> OnPostSpotCheckAsync(Guid id, string? result) =>
        Act(id, () => spotCheck.RunAsync(id, result, HttpContext.RequestAborted), "已登记抽查结果");

    public Task<IActionResult> OnPostExtendAsync(Guid id, string? reason) =>
        Act(id, () => extension.RunAsync(id, reason, HttpContext.RequestAborted), "已延长办理时限");

    public async Task<IActionResult> OnPostAttachAsync(Guid id, IFormFile? file, string? note)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("", "请选择文件");
            await LoadAsync(id, fillForm: true);
            return Page();
        }
        await using var stream = file.OpenReadStream();
        return await Act(id, () => attachments.RunAsync(id, file.FileName, stream, string.IsNullOrWhiteSpace(note) ? "经办人上传" : note.Trim(), HttpContext.RequestAborted), "材料已上传");
    }

    public Task<IActionResult> OnPostChangeAsync(Guid id, Guid changeId, string action, string? opinion, int version) =>
        Act(id, () => decideChange.PerformAsync(changeId, action, new ChangeActionInput(opinion, version), HttpContext.RequestAborted), action == "approve" ? "已同意变更，通知书已出具" : "已办理");

    public Task<IActionResult> OnPostChangeReportAsync(Guid id, string? text) =>
        Act(id, () => reviews.ReportChangeAsync(id, text, HttpContext.RequestAborted), "已登记变化，复核任务已生成");

    // an AppProblem is shown on the page by the ProblemPageFilter, which calls ReloadAfterProblemAsync (ADR 021)
    private async Task<IActionResult> Act(Guid id, Func<Task> action, string done)
    {
        await action();
        TempData["Message"] = done;
        return Redirect($"/assistance/cases/{id}");
    }

    /// <summary>A case that is gone or out of scope throws its 404 again here, which the filter leaves to the not-found page.</summary>
    public Task ReloadAfterProblemAsync(CancellationToken ct) =>
        LoadAsync(Guid.Parse((string)RouteData.Values["id"]!), fillForm: !_keepInvestigationForm);

    private async Task LoadAsync(Guid id, bool fillForm)
    {
        View = await details.LoadAsync(id, HttpContext.RequestAborted);
        Changes = (await changes.ForCaseAsync(id, new PageRequest(1, 20), HttpContext.RequestAborted)).Items;
        var c = View.Case;
        if (fillForm)
        {
            Investigation = new InvestigationForm
            {
                InvestigatedOn = c.InvestigatedOn ?? clock.Today,
                Investigators = c.Investigators,
                VisitRecord = c.VisitRecord,
                NeighbourRecord = c.NeighbourRecord,
                EconomicCheck = c.EconomicCheck,
                EconomicCheckNote = c.EconomicCheckNote,
                IncomeIrregular = c.IncomeIrregular,
                Deposits = c.Deposits.Yuan,
                Vehicles = c.Vehicles,
                Houses = c.Houses,
                HasBusiness = c.HasBusiness,
                SelfCareUnable = c.SelfCareUnable?.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<SelfCareItem>).ToList(),
                SupportForm = c.SupportForm,
                Institution = c.Institution,
                HasAbleSupporter = c.HasAbleSupporter,
                TemporaryType = c.TemporaryType,
                RequestedAmount = c.RequestedAmount.Yuan,
            };
            IncomeRows = c.IncomeItems.Select(i => new IncomeRow { Category = i.Category, PersonId = i.PersonId, Description = i.Description, MonthlyAmount = i.MonthlyAmount.Yuan }).ToList();
        }
        else
        {
            // the rows as posted, the empty ones dropped
            IncomeRows = Investigation.Income.Where(i => !string.IsNullOrEmpty(i.Category) || !string.IsNullOrWhiteSpace(i.Description) || i.MonthlyAmount is not null).ToList();
        }
        // no fixed number of blank rows: one to start with, more by 添加一行
        if (IncomeRows.Count == 0) IncomeRows.Add(new IncomeRow());
    }
}
