using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.DataComparison.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + ComparisonPermissions.Read)]
public sealed class RulesModel(RuleSettings settings, ICurrentUser user, DivisionDirectory divisions) : PageModel
{
    public IReadOnlyList<Division> Counties { get; private set; } = [];
    public string? County { get; private set; }
    public List<RuleState> States { get; private set; } = [];
    public bool CanEdit => user.HasPermission(ComparisonPermissions.Run);

    public async Task OnGetAsync(string? county)
    {
        Counties = user.DivisionCode is { } d ? divisions.InScope(DivisionScope.Of(d), DivisionLevel.County).ToList() : [];
        County = Counties.Any(c => c.Code == county) ? county : (Counties.Count > 0 ? Counties[0].Code : null);
        States = County is null ? ComparisonRules.All.Select(r => new RuleState(r, true, null, 0, null)).ToList() : await settings.ForCountyAsync(County, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync(string county, string rule, bool enabled, string? parameter, int version)
    {
        await settings.SetAsync(county, rule, new RuleSettingInput(enabled, parameter, version), HttpContext.RequestAborted);
        TempData["Message"] = $"已{(enabled ? "启用" : "停用")}“{ComparisonRules.NameOf(rule)}”";
        return Redirect($"/comparison/rules?county={county}");
    }
}
