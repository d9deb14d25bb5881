using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Platform.Access.Admin;

[Authorize(Policy = Permissions.PolicyPrefix + Permissions.AdminUsers)]
public sealed class UsersModel(UserAdministration admin, AppDbContext db, DivisionDirectory divisions, ICurrentUser currentUser) : PageModel
{
    public sealed class FormInput
    {
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public string? DivisionCode { get; set; }

        /// <summary>The village chosen under the township in <see cref="DivisionCode"/>, if any.</summary>
        public string? VillageCode { get; set; }
        public string? Password { get; set; }
        public List<string> Roles { get; set; } = [];
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public List<UserRow> Users { get; private set; } = [];
    public List<AppRole> RoleOptions { get; private set; } = [];
    public DivisionPicker Picker { get; private set; } = null!;

    public string RoleName(string name) => RoleOptions.FirstOrDefault(r => r.Name == name)?.DisplayName ?? name;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await admin.CreateAsync(new UserInput { UserName = Input.UserName, DisplayName = Input.DisplayName, DivisionCode = DivisionPicker.Combine(Input.DivisionCode, Input.VillageCode), Password = Input.Password, Roles = Input.Roles });
        return Redirect($"/admin/users/{user.Id}");
    }

    private async Task LoadAsync()
    {
        Users = await admin.ListAsync(HttpContext.RequestAborted);
        RoleOptions = await db.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync();
        Picker = DivisionPicker.For(divisions, currentUser.DivisionCode, "Input.DivisionCode", DivisionPicker.Combine(Input.DivisionCode, Input.VillageCode));
    }
}
