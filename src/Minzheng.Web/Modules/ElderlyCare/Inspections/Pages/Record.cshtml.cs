using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.Inspections.Pages;

/// <summary>One inspection: the drawn inspector records the checklist and the rectifications; the county publishes; rectifications are closed with a note.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + ElderlyCarePermissions.Read)]
public sealed class RecordModel(InspectionService inspections, ICurrentUser user, BusinessClock clock) : PageModel
{
    public const int RectificationRows = 3;

    public sealed class RectRow
    {
        public string? ItemCode { get; set; }
        public string? Requirement { get; set; }
        public int? WorkingDays { get; set; }
    }

    public sealed class FormInput
    {
        public DateOnly? InspectedOn { get; set; }
        public Dictionary<string, string> Results { get; set; } = [];
        public string? Findings { get; set; }
        public List<RectRow> Rectifications { get; set; } = [];
        public string? Note { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public Inspection Inspection { get; private set; } = null!;
    public bool MayRecord { get; private set; }
    public bool CanManage => user.HasPermission(InspectionPermissions.Manage);
    public bool MayRecordRectification => user.HasPermission(InspectionPermissions.Record);
    public DateOnly Today => clock.Today;
    public Dictionary<string, string> Answers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        Inspection = await inspections.LoadAsync(id, ct);
        MayRecord = Inspection.State == InspectionState.Drawn && await inspections.MayRecordAsync(Inspection, ct);
        Answers = Inspection.Results is null ? [] : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(Inspection.Results) ?? [];
        Input.InspectedOn ??= Today;
        while (Input.Rectifications.Count < RectificationRows) Input.Rectifications.Add(new RectRow());
        return Page();
    }

    /// <summary>The field error for <paramref name="field"/> as the problem filter put it (Input.Results.F2, Input.Rectifications[0].ItemCode …).</summary>
    public string? ErrorOf(string field) =>
        ModelState.TryGetValue("Input." + field, out var entry) && entry.Errors.Count > 0 ? string.Join("；", entry.Errors.Select(e => e.ErrorMessage)) : null;

    public async Task<IActionResult> OnPostRecordAsync(Guid id, int version)
    {
        // each checklist item is a radio group named result-<code>: keys with dots do not bind into a dictionary reliably
        var results = InspectionChecklist.Items.Select(i => (i.Code, Value: Request.Form["result-" + i.Code].ToString()))
            .Where(r => r.Value.Length > 0).ToDictionary(r => r.Code, r => r.Value);
        Input.Results = results;
        var rows = Input.Rectifications.Where(r => !string.IsNullOrWhiteSpace(r.ItemCode) || !string.IsNullOrWhiteSpace(r.Requirement))
            .Select(r => new RectificationInput(r.ItemCode, r.Requirement, r.WorkingDays)).ToList();
        await inspections.RecordAsync(id, new RecordInput(Input.InspectedOn, results, Input.Findings, rows, version), HttpContext.RequestAborted);
        TempData["Message"] = "检查结果已保存";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, int version)
    {
        if (!CanManage) throw Platform.Http.AppProblem.Forbidden("需要“双随机抽查”管理权限");
        await inspections.PublishAsync(id, version, HttpContext.RequestAborted);
        TempData["Message"] = "检查结果已公开";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCompleteAsync(Guid id, Guid rectificationId, int version)
    {
        if (!user.HasPermission(InspectionPermissions.Record)) throw Platform.Http.AppProblem.Forbidden("需要录入检查结果的权限");
        await inspections.CompleteAsync(rectificationId, new CompleteInput(Input.Note, null, version), HttpContext.RequestAborted);
        TempData["Message"] = "整改事项已销号";
        return RedirectToPage(new { id });
    }

    public string AnswerOf(string code) => Request.HasFormContentType ? Request.Form["result-" + code].ToString() : Answers.GetValueOrDefault(code, "");
}
