using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;

namespace Minzheng.Web.Modules.SocialOrganizations.Registration.Pages;

/// <summary>
/// 网上申请成立社会组织 (/social-organizations/apply): a signed-in citizen (发起人 or 拟任负责人) files the establishment
/// application with its materials checklist, on a phone-friendly page, and follows his applications' status here.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.CitizenApply)]
public sealed class ApplyModel(RegistrationApplications applications, DivisionDirectory divisions) : PageModel
{
    public sealed class FormInput
    {
        public string? Kind { get; set; } = "social-group";
        public string? Level { get; set; } = "county";
        public bool CityWide { get; set; }
        public string? DivisionCode { get; set; }
        public string? Name { get; set; }
        public string? LegalRepresentative { get; set; }
        public string? Address { get; set; }
        public string? SupervisingUnit { get; set; }
        public string? Category { get; set; }
        public string? Purpose { get; set; }
        public string? BusinessScope { get; set; }
        public decimal? RegisteredCapital { get; set; }
        public bool IsTradeAssociation { get; set; }
        public List<string> Materials { get; set; } = [];
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public List<RegistrationApplication> Mine { get; private set; } = [];

    /// <summary>The townships (streets) of the city: the seat of the proposed organisation.</summary>
    public IEnumerable<Division> Towns => divisions.All.Where(d => d.Level == DivisionLevel.Town && d.Code.StartsWith(Registry.RegistrationAuthority.City[..4], StringComparison.Ordinal))
        .OrderBy(d => d.Code);

    public string CountyOf(Division d) => divisions.NameOf(d.Code[..6].PadRight(12, '0'));

    public async Task OnGetAsync() => Mine = await applications.MineAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        var i = Input;
        var a = await applications.EstablishAsync(new EstablishInput
        {
            Kind = i.Kind,
            Level = i.Level,
            CityWide = i.CityWide,
            DivisionCode = i.DivisionCode,
            Name = i.Name,
            LegalRepresentative = i.LegalRepresentative,
            Address = i.Address,
            SupervisingUnit = i.SupervisingUnit,
            Category = i.Category,
            Purpose = i.Purpose,
            BusinessScope = i.BusinessScope,
            RegisteredCapital = i.RegisteredCapital,
            IsTradeAssociation = i.IsTradeAssociation,
            Materials = i.Materials,
        }, HttpContext.RequestAborted);
        TempData["Message"] = $"申请已提交（编号 {a.Number}），请等待登记管理机关受理；受理后将在法定期限内作出决定";
        return Redirect("/social-organizations/apply");
    }
}
