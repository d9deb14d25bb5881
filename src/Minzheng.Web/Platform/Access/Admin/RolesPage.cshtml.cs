using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Platform.Access.Admin;

[Authorize(Policy = Permissions.PolicyPrefix + Permissions.AdminUsers)]
public sealed class RolesPageModel(UserAdministration admin, AppDbContext db, Composition.PermissionCatalog catalog) : PageModel
{
    public Composition.PermissionCatalog Catalog => catalog;
    public List<AppRole> RoleList { get; private set; } = [];
    public Dictionary<string, HashSet<string>> Granted { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(string role, List<string> permissions)
    {
        await admin.SetRolePermissionsAsync(role, permissions);
        TempData["Message"] = "权限已保存，该角色的用户在一分钟内生效";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        RoleList = await db.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync();
        var claims = await db.RoleClaims.AsNoTracking().Where(c => c.ClaimType == Permissions.ClaimType).ToListAsync();
        Granted = RoleList.ToDictionary(r => r.Name!, r => claims.Where(c => c.RoleId == r.Id).Select(c => c.ClaimValue!).ToHashSet());
    }
}
