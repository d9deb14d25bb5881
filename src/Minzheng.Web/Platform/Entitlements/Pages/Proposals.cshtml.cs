using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Platform.Entitlements.Pages;

/// <summary>停发提请: what township clerks proposed on confirmed findings, decided here by whoever may decide the stop (ADR 028).</summary>
[Authorize]
public sealed class ProposalsModel(BenefitProposals proposals) : PageModel
{
    public Paged<ProposalView> Result { get; private set; } = new([], 0, 1, 20);
    public string? Status { get; private set; }

    public async Task OnGetAsync(string? status, [FromQuery] int? page)
    {
        Status = status ?? "proposed";
        Result = await proposals.ListAsync(Status == "all" ? null : QueryEnum.Parse<ProposalStatus>(Status, "status"), PageRequest.From(page, 20), HttpContext.RequestAborted);
    }

    [ProblemPrefix("")]
    public async Task<IActionResult> OnPostDecideAsync(Guid id, string decision, string? opinion, int? version)
    {
        var p = await proposals.DecideAsync(id, decision, new ProposalDecisionInput(opinion, version), HttpContext.RequestAborted);
        TempData["Message"] = p.Status == ProposalStatus.Approved ? $"已同意停发，停发通知书 {p.NoticeNumber}" : "已退回提请";
        return p.Status == ProposalStatus.Approved ? Redirect($"/benefit-proposals/{p.Id}/notice") : RedirectToPage();
    }
}
