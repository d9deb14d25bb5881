using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Rescue.Patrols.Pages;

/// <summary>
/// /rescue/patrols: the campaigns, the chosen campaign's counts per county and month, its patrols (or the latest ones), and the
/// forms to record a patrol and to set a campaign.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + RescuePermissions.Read)]
public sealed class IndexModel(PatrolLog log, DivisionDirectory divisions, BusinessClock clock, ICurrentUser user) : PageModel
{
    public sealed class PatrolForm
    {
        public DateOnly? PatrolOn { get; set; }
        public string? Area { get; set; }
        public string? Staff { get; set; }
        public int? Found { get; set; }
        public int? Persuaded { get; set; }
        public int? BroughtIn { get; set; }
        public int? Refused { get; set; }
        public int? Water { get; set; }
        public int? Medicine { get; set; }
        public int? Clothing { get; set; }
        public int? Quilts { get; set; }
        public bool ExtremeWeather { get; set; }
        public string? Note { get; set; }
    }

    public sealed class CampaignForm
    {
        public string? Kind { get; set; }
        public string? DivisionCode { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
    }

    [BindProperty] public PatrolForm Input { get; set; } = new();
    [BindProperty] public CampaignForm Campaign { get; set; } = new();
    public IReadOnlyList<RescueCampaign> Campaigns { get; private set; } = [];
    public RescueCampaign? Selected { get; private set; }
    public IReadOnlyList<PatrolCount> Counts { get; private set; } = [];
    public Paged<RescuePatrol> Patrols { get; private set; } = new([], 0, 1, 50);
    public bool CanRecord => user.HasPermission(PatrolsPermissions.Record);
    public bool CanSetCampaigns => user.HasPermission(PatrolsPermissions.Campaigns);
    public DateOnly Today => clock.Today;
    public string? OwnDivision => user.DivisionCode;

    public string DivisionName(string code) => divisions.NameOf(code);

    public async Task OnGetAsync([FromQuery] Guid? campaignId, [FromQuery] int page = 1)
    {
        var ct = HttpContext.RequestAborted;
        Campaigns = await log.CampaignsAsync(ct);
        Selected = campaignId is { } id ? await log.CampaignAsync(id, ct) : Campaigns.FirstOrDefault(c => c.From <= Today && c.To >= Today);
        if (Selected is { } s) Counts = await log.CountsAsync(s.Id, ct);
        Patrols = await log.ListAsync(Selected?.Id, null, null, PageRequest.From(page, 50, 50), ct);
    }

    public async Task<IActionResult> OnPostPatrolAsync(Guid? campaignId)
    {
        await log.CreateAsync(new PatrolInput
        {
            PatrolOn = Input.PatrolOn,
            Area = Input.Area,
            Staff = Input.Staff,
            Found = Input.Found,
            Persuaded = Input.Persuaded,
            BroughtIn = Input.BroughtIn,
            Refused = Input.Refused,
            Water = Input.Water,
            Medicine = Input.Medicine,
            Clothing = Input.Clothing,
            Quilts = Input.Quilts,
            ExtremeWeather = Input.ExtremeWeather,
            Note = Input.Note,
        }, HttpContext.RequestAborted);
        TempData["Message"] = "巡查记录已登记";
        return Redirect(campaignId is { } c ? $"/rescue/patrols?campaignId={c}" : "/rescue/patrols");
    }

    [ProblemPrefix("Campaign")]
    public async Task<IActionResult> OnPostCampaignAsync()
    {
        var c = await log.CreateCampaignAsync(new CampaignInput { Kind = Campaign.Kind, DivisionCode = Campaign.DivisionCode, From = Campaign.From, To = Campaign.To },
            HttpContext.RequestAborted);
        TempData["Message"] = "专项行动已设定";
        return Redirect($"/rescue/patrols?campaignId={c.Id}");
    }
}
