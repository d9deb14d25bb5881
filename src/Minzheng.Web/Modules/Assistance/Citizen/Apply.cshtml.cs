using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Modules.Assistance.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Assistance.Citizen;

[Authorize(Policy = Permissions.PolicyPrefix + Permissions.CitizenApply)]
public sealed class ApplyModel(CitizenAccounts accounts, ApplyForAssistance cases) : PageModel
{
    [BindProperty] public AssistanceProgram Program { get; set; } = AssistanceProgram.Dibao;
    [BindProperty] public TemporaryType? TemporaryType { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool ConsentToCheck { get; set; }
    public string? HouseholdNumber { get; private set; }
    public int HouseholdSize { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var household = await accounts.HouseholdAsync(HttpContext.RequestAborted) ?? throw AppProblem.Field("", "没有找到您的家庭登记信息");
        if (Program == AssistanceProgram.ExtremePoverty) throw AppProblem.Field("program", "特困人员认定请到乡镇（街道）申请");
        var c = await cases.RunAsync(new ApplyInput
        {
            Program = Program,
            HouseholdId = household.Id,
            ApplicantPersonId = await accounts.PersonIdAsync(HttpContext.RequestAborted),
            Channel = Channel.Online,
            Reason = Reason,
            ConsentToCheck = ConsentToCheck,
            TemporaryType = Program == AssistanceProgram.Temporary ? TemporaryType : null,
        }, HttpContext.RequestAborted);
        TempData["Message"] = "申请已提交，乡镇（街道）将在规定时间内受理";
        return Redirect($"/citizen/cases/{c.Id}");
    }

    private async Task LoadAsync()
    {
        var household = await accounts.HouseholdAsync(HttpContext.RequestAborted);
        HouseholdNumber = household?.Number;
        // counted in the database: the household is read without its members, so counting them here gave 0
        HouseholdSize = household is null ? 0 : await accounts.HouseholdSizeAsync(household.Id, HttpContext.RequestAborted);
    }
}
