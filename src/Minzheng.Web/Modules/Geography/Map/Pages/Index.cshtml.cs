using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Modules.Geography.Map.Pages;

/// <summary>/geography/map: boundary lines, markers and named places in scope on a Leaflet map (script in wwwroot/js/geography-map.js).</summary>
[Authorize(Policy = Permissions.PolicyPrefix + GeographyPermissions.Read)]
public sealed class IndexModel(MapOptions options) : PageModel
{
    public MapOptions Options => options;
}
