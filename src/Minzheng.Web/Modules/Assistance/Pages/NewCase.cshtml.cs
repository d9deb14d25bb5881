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

[Authorize(Policy = Permissions.PolicyPrefix + AssistancePermissions.Apply)]
public sealed class NewCaseModel(AppDbContext db, RegistryQueries registry, ApplyForAssistance cases) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? HouseholdNumber { get; set; }
    [BindProperty] public AssistanceProgram Program { get; set; } = AssistanceProgram.Dibao;
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

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var c = await cases.RunAsync(new ApplyInput
        {
            Program = Program,
            HouseholdNumber = HouseholdNumber,
            ApplicantPersonId = ApplicantPersonId,
            Channel = Channel,
            Reason = Reason,
            ConsentToCheck = ConsentToCheck,
            SinglePersonId = SinglePersonId,
            SinglePersonGround = SinglePersonGround,
            FlaggedRelative = FlaggedRelative,
            FlaggedDetail = FlaggedDetail,
            TemporaryType = TemporaryType,
            RequestedAmount = RequestedAmount,
        }, HttpContext.RequestAborted);
        TempData["Message"] = "申请已提交，等待受理";
        return Redirect($"/assistance/cases/{c.Id}");
    }

    private async Task LoadAsync()
    {
        if (string.IsNullOrWhiteSpace(HouseholdNumber)) return;
        var id = await db.Households.Where(h => h.Number == HouseholdNumber.Trim()).Select(h => (Guid?)h.Id).FirstOrDefaultAsync();
        if (id is null)
        {
            ModelState.AddModelError("", $"户编号 {HouseholdNumber} 不存在或不在您的管辖范围内");
            return;
        }
        Household = await registry.HouseholdAsync(id.Value, HttpContext.RequestAborted);
    }
}
