using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Community.Elections.Pages;

/// <summary>
/// /community/elections/{id}/voters: the roll of one election, paged, with the removed kept (day and reason); before the roll is
/// published a voter is removed here with a reason (after publication only an upheld objection changes it, on the election page).
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + CommunityPermissions.Read)]
[ProblemPrefix("Remove")]
public sealed class VotersModel(Elections elections, ICurrentUser user) : PageModel
{
    public sealed class RemoveForm
    {
        public Guid? VoterId { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty] public RemoveForm Remove { get; set; } = new();
    [FromRoute] public Guid Id { get; set; }
    [FromQuery] public string? Q { get; set; }
    public Election Election { get; private set; } = null!;
    public Paged<VoterView> Rows { get; private set; } = new([], 0, 1, 50);

    /// <summary>Removal is open while the roll is being drawn up: not once it is published (第十四条).</summary>
    public bool CanRemove => user.HasPermission(CommunityPermissions.Manage) && Election.State == ElectionProcess.Registration && Election.RollPublishedOn is null;

    /// <summary>The row whose removal was refused: only its form shows the message and what was typed.</summary>
    public Guid? Posted => HttpMethods.IsPost(Request.Method) ? Remove.VoterId : null;

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var ct = HttpContext.RequestAborted;
        Election = await elections.LoadAsync(Id, ct);
        Rows = await elections.VotersAsync(Id, Q, PageRequest.From(page, 50, 50), ct);
    }

    public async Task<IActionResult> OnPostAsync([FromQuery] int page = 1)
    {
        if (!user.HasPermission(CommunityPermissions.Manage)) return Forbid();
        if (Remove.VoterId is not { } voterId) return BadRequest();
        await elections.RemoveVoterAsync(voterId, new VoterRemoveInput { Reason = Remove.Reason }, HttpContext.RequestAborted);
        TempData["Message"] = "已从选民名单除名";
        return Redirect($"/community/elections/{Id}/voters?page={page}" + (string.IsNullOrWhiteSpace(Q) ? "" : "&q=" + Uri.EscapeDataString(Q)));
    }
}
