using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.ElderlyCare.Contracts;
using Minzheng.Web.Modules.ElderlyCare.Homes.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.Homes.Pages;

/// <summary>
/// 登记养老机构 (/elderly/homes/new): the organisation and the home's profile in one form, saved together by
/// <see cref="CareHomes.RegisterNewAsync"/>. The licence number is asked only of a home that opened while licences existed
/// (2013-07-01 → 2018-12-28); 法人登记 only of a 敬老院. The server decides both again.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + HomesPermissions.Manage)]
public sealed class NewModel(CareHomes homes, DivisionDirectory divisions, ICurrentUser user, BusinessClock clock) : PageModel
{
    public sealed class OrganizationForm
    {
        public string? Name { get; set; }
        public string? CreditCode { get; set; }
        public OrganizationKind? Kind { get; set; }
        public string? DivisionCode { get; set; }
        public string? Address { get; set; }
        public string? LegalRepresentativeName { get; set; }
    }

    public sealed class HomeForm
    {
        public string? Kind { get; set; } = ElderlyHomeKinds.CareHome;
        public bool Private { get; set; } = true;
        public DateOnly? OpenedOn { get; set; }
        public string? LicenceNumber { get; set; }
        public int? Beds { get; set; }
        public int? NursingBeds { get; set; }
        public decimal? FloorArea { get; set; }
        public string? PremisesOwnership { get; set; }
        public bool LegalPersonRegistered { get; set; }
    }

    public sealed class FormInput
    {
        public OrganizationForm Organization { get; set; } = new();
        public HomeForm Home { get; set; } = new();
    }

    /// <summary>The legal forms a care home takes in the registry (a 养老机构 is a 社会服务机构, an enterprise or a 事业单位).</summary>
    public static readonly IReadOnlyList<(OrganizationKind Kind, string Name)> LegalForms =
    [
        (OrganizationKind.SocialServiceAgency, "社会服务机构（民办非企业单位）"),
        (OrganizationKind.Enterprise, "企业"),
        (OrganizationKind.PublicInstitution, "事业单位"),
        (OrganizationKind.Other, "其他"),
    ];

    [BindProperty] public FormInput Input { get; set; } = new();
    public DateOnly Today => clock.Today;
    public DivisionDirectory Divisions => divisions;

    /// <summary>Counties and townships in the user's scope (with their villages), as on the registry's organisation form.</summary>
    public IEnumerable<Division> Places => divisions.All.Where(d => d.Level is DivisionLevel.County or DivisionLevel.Town && user.Scope.Contains(d.Code)).OrderBy(d => d.SortOrder);

    /// <summary>Shown without script: when the date needs a licence, or when one was typed (its error then shows beside it).</summary>
    public bool ShowLicence => Input.Home.OpenedOn is { } on && HomeRules.RegimeOf(on) is { } r && HomeRules.NeedsLicence(r)
                               || !string.IsNullOrWhiteSpace(Input.Home.LicenceNumber);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var o = Input.Organization;
        var h = Input.Home;
        var home = await homes.RegisterNewAsync(new NewHomeInput(
            new OrganizationInput
            {
                Name = o.Name,
                CreditCode = o.CreditCode,
                Kind = o.Kind,
                DivisionCode = o.DivisionCode,
                Address = o.Address,
                LegalRepresentativeName = o.LegalRepresentativeName,
            },
            new HomeInput
            {
                Kind = h.Kind,
                Private = h.Private,
                OpenedOn = h.OpenedOn,
                LicenceNumber = h.LicenceNumber,
                Beds = h.Beds,
                NursingBeds = h.NursingBeds,
                FloorArea = h.FloorArea,
                PremisesOwnership = h.PremisesOwnership,
                LegalPersonRegistered = h.Kind == ElderlyHomeKinds.SpecialCareFacility ? h.LegalPersonRegistered : null,
            }), HttpContext.RequestAborted);
        TempData["Message"] = "已登记养老机构；收住首位老人后 10 个工作日内办理备案";
        return Redirect($"/elderly/homes/{home.Id}");
    }
}
