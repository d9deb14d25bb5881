using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Community.Admission.Pages;

/// <summary>
/// /community/admission: the three 准入 lists, the tasks a village carries (its own for a village worker, any village in scope by
/// choice), and the departments' requests with the approve / refuse forms for the county and city; the request form and the form
/// to add a list entry for community.oversee.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + CommunityPermissions.Read)]
public sealed class IndexModel(AdmissionLists lists, DivisionDirectory divisions, ICurrentUser user) : PageModel
{
    public sealed class RequestForm
    {
        public string? Department { get; set; }
        public string? Task { get; set; }
        public string? Description { get; set; }
        public string? LegalBasis { get; set; }
        public string? FundingSource { get; set; }
        public decimal? FundingAmount { get; set; }
        public string? DivisionCode { get; set; }
    }

    public sealed class ItemForm
    {
        public WorkItemList? List { get; set; }
        public string? Title { get; set; }
        public string? LegalBasis { get; set; }
        public string? Keywords { get; set; }
    }

    [BindProperty] public RequestForm Proposal { get; set; } = new();
    [BindProperty] public ItemForm Item { get; set; } = new();
    [FromQuery] public string? Village { get; set; }
    [FromQuery] public AdmissionRequestStatus? Status { get; set; }
    public IReadOnlyList<AdmissionItemDto> Items { get; private set; } = [];
    public IReadOnlyList<AdmissionItemDto>? VillageTasks { get; private set; }
    public string? VillageName { get; private set; }
    public Paged<AdmissionRequestDto> Requests { get; private set; } = new([], 0, 1, 50);
    public bool CanOversee => user.HasPermission(CommunityPermissions.Oversee);
    public DivisionFilter RequestDivisions => DivisionFilter.For(divisions, user, Proposal.DivisionCode, "Proposal.DivisionCode");
    public DivisionFilter VillageFilter => DivisionFilter.For(divisions, user, Village, "village");

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var ct = HttpContext.RequestAborted;
        Items = (await lists.ListItemsAsync(null, false, PageRequest.From(1, PageRequest.MaxPageSize), ct)).Items;
        var village = !string.IsNullOrWhiteSpace(Village) ? Village : divisions.Find(user.DivisionCode) is { Level: DivisionLevel.Village } own ? own.Code : null;
        if (divisions.Find(village) is { Level: DivisionLevel.Village } v && user.Scope.Contains(v.Code))
        {
            VillageTasks = await lists.VillageTasksAsync(v.Code, ct);
            VillageName = divisions.FullName(v.Code);
        }
        Requests = await lists.ListRequestsAsync(Status, PageRequest.From(page, 50, 50), ct);
    }

    [ProblemPrefix("Proposal")]
    public async Task<IActionResult> OnPostRequestAsync()
    {
        if (!CanOversee) return Forbid();
        var r = await lists.SubmitAsync(new AdmissionRequestInput
        {
            Department = Proposal.Department,
            Task = Proposal.Task,
            Description = Proposal.Description,
            LegalBasis = Proposal.LegalBasis,
            FundingSource = Proposal.FundingSource,
            FundingAmount = Proposal.FundingAmount,
            DivisionCode = Proposal.DivisionCode,
        }, HttpContext.RequestAborted);
        TempData["Message"] = $"已登记部门进村事项申请 {r.Number}";
        return Redirect("/community/admission#requests");
    }

    [ProblemPrefix("")]
    public async Task<IActionResult> OnPostDecideAsync(Guid id, int version, string decision, string? opinion, string? fundingSource, decimal? fundingAmount)
    {
        if (!CanOversee) return Forbid();
        var input = new AdmissionDecisionInput { Version = version, Opinion = opinion, FundingSource = fundingSource, FundingAmount = fundingAmount };
        var r = decision == "approve" ? await lists.ApproveAsync(id, input, HttpContext.RequestAborted) : await lists.RefuseAsync(id, input, HttpContext.RequestAborted);
        TempData["Message"] = $"申请 {r.Number}：{AdmissionRules.StatusName(r.Status)}";
        return Redirect("/community/admission#requests");
    }

    [ProblemPrefix("Item")]
    public async Task<IActionResult> OnPostItemAsync()
    {
        if (!CanOversee) return Forbid();
        var i = await lists.AddItemAsync(new AdmissionItemInput { List = Item.List, Title = Item.Title, LegalBasis = Item.LegalBasis, Keywords = Item.Keywords },
            HttpContext.RequestAborted);
        TempData["Message"] = $"已将“{i.Title}”列入{AdmissionRules.ListName(i.List)}";
        return Redirect("/community/admission");
    }
}
