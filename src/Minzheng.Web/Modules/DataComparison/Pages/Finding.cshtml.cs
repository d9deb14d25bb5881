using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.DataComparison.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + ComparisonPermissions.Read)]
public sealed class FindingModel(Findings findings, ICurrentUser user) : PageModel
{
    public sealed class FormInput
    {
        public FindingAction? Action { get; set; }
        public string? Note { get; set; }
        public DateOnly? LastDueMonth { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public FindingView View { get; private set; } = null!;
    public IReadOnlyList<FindingAction> Actions { get; private set; } = [];
    public ComparisonRules.Rule? Rule { get; private set; }
    public bool CanResolve => user.HasPermission(ComparisonPermissions.Resolve) && View.Finding.Status == FindingStatus.Open;

    public async Task OnGetAsync(long id)
    {
        var ct = HttpContext.RequestAborted;
        var f = await findings.LoadAsync(id, ct);
        View = (await findings.ViewsAsync([f], ct))[0];
        Actions = findings.AvailableActions(f);
        Rule = ComparisonRules.Find(f.RuleCode);
        // a death offers only 登记死亡; otherwise the mildest action first (suspend pending the decision)
        Input.Action ??= Actions.Count > 0 ? Actions[0] : null;
        Input.LastDueMonth ??= f.EventDate;
    }

    public Task<IActionResult> OnPostConfirmAsync(long id, int version) =>
        RunAsync(id, () => findings.ConfirmAsync(id, new ConfirmInput(Input.Action, Input.Note, Input.LastDueMonth, version), HttpContext.RequestAborted), "已确认并处置");

    public Task<IActionResult> OnPostDismissAsync(long id, int version) =>
        RunAsync(id, () => findings.DismissAsync(id, new DismissInput(Input.Reason, version), HttpContext.RequestAborted), "已排除");

    private async Task<IActionResult> RunAsync(long id, Func<Task<ComparisonFinding>> action, string done)
    {
        await action();
        TempData["Message"] = done;
        return Redirect($"/comparison/findings/{id}");
    }
}
