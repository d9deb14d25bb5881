using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Modules.Assistance.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Assistance.Pages;

/// <summary>
/// 受理新申请: opened from a household or person page with the household (by id) and the program chosen, or by 户编号 here.
/// The form shows only the chosen program's fields; an application filed at the counter by a clerk who may accept is
/// accepted in the same step (issue 12, item 10).
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + AssistancePermissions.Apply)]
public sealed class NewCaseModel(AppDbContext db, RegistryQueries registry, ApplyForAssistance cases, ICurrentUser user) : PageModel, IReloadAfterProblem
{
    [BindProperty(SupportsGet = true)] public string? HouseholdNumber { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? HouseholdId { get; set; }
    [BindProperty(SupportsGet = true)] public AssistanceProgram Program { get; set; } = AssistanceProgram.Dibao;
    [BindProperty] public Channel Channel { get; set; } = Channel.Counter;
    [BindProperty] public Guid? ApplicantPersonId { get; set; }
    [BindProperty] public Guid? SinglePersonId { get; set; }
    [BindProperty] public string? SinglePersonGround { get; set; }
    [BindProperty] public TemporaryType? TemporaryType { get; set; }
    [BindProperty] public decimal? RequestedAmount { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool ConsentToCheck { get; set; }
    [BindProperty] public bool FlaggedRelative { get; set; }
    [BindProperty] public string? FlaggedDetail { get; set; }

    public HouseholdDto? Household { get; private set; }

    /// <summary>A clerk who may accept has a counter application accepted at once; a village worker's waits for the township.</summary>
    public bool CanAccept => user.HasPermission(AssistancePermissions.Accept);

    public static IReadOnlyList<AssistanceProgram> Programs { get; } = [AssistanceProgram.Dibao, AssistanceProgram.Temporary, AssistanceProgram.ExtremePoverty];

    public async Task OnGetAsync(Guid? applicant, Guid? supported)
    {
        ApplicantPersonId = applicant;
        SinglePersonId = Program == AssistanceProgram.Temporary ? null : supported;
        // a village worker files on behalf of the household; the township's counter is the clerk's own
        if (!CanAccept) Channel = Channel.Village;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // only the chosen program's fields count: a value left in a hidden field of another program is not sent on
        var temporary = Program == AssistanceProgram.Temporary;
        var c = await cases.RunAsync(new ApplyInput
        {
            Program = Program,
            HouseholdId = HouseholdId,
            HouseholdNumber = HouseholdId is null ? HouseholdNumber : null,
            ApplicantPersonId = ApplicantPersonId,
            Channel = Channel,
            Reason = Reason,
            ConsentToCheck = ConsentToCheck,
            SinglePersonId = temporary ? null : SinglePersonId,
            SinglePersonGround = Program == AssistanceProgram.Dibao ? SinglePersonGround : null,
            FlaggedRelative = FlaggedRelative,
            FlaggedDetail = FlaggedDetail,
            TemporaryType = temporary ? TemporaryType : null,
            RequestedAmount = temporary ? RequestedAmount : null,
            AcceptAtCounter = Channel == Channel.Counter && CanAccept,
        }, HttpContext.RequestAborted);
        TempData["Message"] = c.State == AssistanceProcesses.Investigating ? "申请已提交并当场受理，受理通知书已出具；请登记入户调查" : "申请已提交，等待受理";
        return Redirect($"/assistance/cases/{c.Id}");
    }

    public Task ReloadAfterProblemAsync(CancellationToken ct) => LoadAsync();

    /// <summary>The link to this page for another program, the household kept.</summary>
    public string ProgramUrl(AssistanceProgram program) =>
        $"/assistance/cases/new?householdId={Household?.Id}&program={program}" + (ApplicantPersonId is { } a ? $"&applicant={a}" : "");

    private async Task LoadAsync()
    {
        var id = HouseholdId;
        if (id is null && !string.IsNullOrWhiteSpace(HouseholdNumber))
        {
            id = await db.Households.Where(h => h.Number == HouseholdNumber.Trim()).Select(h => (Guid?)h.Id).FirstOrDefaultAsync();
            if (id is null)
            {
                ModelState.AddModelError("", $"户编号 {HouseholdNumber} 不存在或不在您的管辖范围内");
                return;
            }
        }
        if (id is null) return;
        try
        {
            Household = await registry.HouseholdAsync(id.Value, HttpContext.RequestAborted);
            HouseholdId = Household.Id;
            HouseholdNumber = Household.Number;
        }
        catch (AppProblem p) when (p.Status == 404)
        {
            ModelState.AddModelError("", "该家庭不存在或不在您的管辖范围内");
        }
    }
}
