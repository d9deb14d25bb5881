using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Printing;

namespace Minzheng.Web.Platform.Entitlements.Pages;

/// <summary>停发通知书 of an approved stop proposal, printable; read through the division scope (another county's is not found).</summary>
[Authorize]
public sealed class ProposalNoticeModel(BenefitProposals proposals, DivisionDirectory divisions, PrintFooters print, AppDbContext db) : PageModel
{
    public BenefitProposal Proposal { get; private set; } = null!;
    public string ProgramName { get; private set; } = "";
    public string Division { get; private set; } = "";
    public PrintFooter Footer { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var p = await proposals.LoadAsync(id, HttpContext.RequestAborted);
        if (p.Status != ProposalStatus.Approved || p.NoticeNumber is null) return NotFound();
        Proposal = p;
        ProgramName = proposals.ProgramName(p);
        Division = divisions.FullName(p.DivisionCode);
        // the stop is the county's decision: the county bureau issues the notice; 审核 is the one who approved it
        var decider = await db.Users.AsNoTracking().Where(u => u.UserName == p.DecidedBy).Select(u => u.DisplayName).FirstOrDefaultAsync(HttpContext.RequestAborted);
        Footer = print.For(p.DivisionCode, DivisionLevel.County, reviewedBy: string.IsNullOrWhiteSpace(decider) ? p.DecidedBy : decider);
        return Page();
    }
}
