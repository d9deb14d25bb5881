using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Volunteers.Activities.Pages;

/// <summary>
/// 服务时长核实: the organiser's list of submitted records with the claimed time, travel and flags; verify several at once
/// (each with its own minutes) or reject one with the reason; and the volunteers' correction requests.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + VolunteerPermissions.Manage)]
public sealed class RecordsModel(ActivityQueries queries, ServiceVerification verification, Corrections corrections) : PageModel
{
    public List<RecordRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public List<CorrectionRow> Requests { get; private set; } = [];

    public async Task OnGetAsync()
    {
        (Rows, Total) = await queries.RecordsAsync(ServiceRecordStatus.Submitted, 1, 100, HttpContext.RequestAborted);
        Requests = await queries.CorrectionsAsync(CorrectionStatus.Requested, HttpContext.RequestAborted);
    }

    /// <summary>Verifies the ticked records, each with the minutes in its row (blank: the claimed time); all or none.</summary>
    public async Task<IActionResult> OnPostVerifyAsync(Guid[] ids)
    {
        if (ids.Length == 0) throw AppProblem.Field("ids", "请勾选要核实的记录");
        foreach (var id in ids)
        {
            var minutes = int.TryParse(Request.Form[$"minutes_{id:N}"], out var m) ? m : (int?)null;
            var version = int.TryParse(Request.Form[$"version_{id:N}"], out var v) ? v : throw AppProblem.Field("version", "缺少版本号");
            string? note = Request.Form[$"note_{id:N}"];
            await verification.VerifyAsync(id, new VerifyServiceInput(minutes, note, version), HttpContext.RequestAborted);
        }
        TempData["Message"] = $"已核实 {ids.Length} 条服务记录";
        return Redirect("/volunteers/records");
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, string? reason, int version)
    {
        await verification.RejectAsync(id, new RejectServiceInput(reason, version), HttpContext.RequestAborted);
        TempData["Message"] = "已不予认定";
        return Redirect("/volunteers/records");
    }

    public async Task<IActionResult> OnPostCorrectionAsync(Guid id, bool accept, string? answer, int version)
    {
        await corrections.DecideAsync(id, accept, answer, version, HttpContext.RequestAborted);
        TempData["Message"] = accept ? "已同意更正，志愿者的累计时长随之变更" : "已答复不予更正";
        return Redirect("/volunteers/records");
    }
}
