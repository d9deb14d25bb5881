using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Platform.Access.Admin;

[Authorize(Policy = Permissions.PolicyPrefix + Permissions.AdminUsers)]
public sealed class UserModel(UserAdministration admin, UserManager<AppUser> users, AppDbContext db, DivisionDirectory divisions, ICurrentUser user) : PageModel, IReloadAfterProblem
{
    public sealed class FormInput
    {
        public string? DisplayName { get; set; }
        public string? DivisionCode { get; set; }

        /// <summary>The village chosen under the township in <see cref="DivisionCode"/>, if any.</summary>
        public string? VillageCode { get; set; }
        public bool IsDisabled { get; set; }

        /// <summary>机构账号: the organisation's credit code or platform number; empty for a division account.</summary>
        public string? Organization { get; set; }
        public string? Password { get; set; }
        public List<string> Roles { get; set; } = [];
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public AppUser Account { get; private set; } = null!;
    public List<AppRole> RoleOptions { get; private set; } = [];
    public DivisionPicker Picker { get; private set; } = null!;

    public async Task OnGetAsync(Guid id)
    {
        await LoadAsync(id);
        Input = new FormInput
        {
            DisplayName = Account.DisplayName,
            DivisionCode = Account.DivisionCode,
            IsDisabled = Account.IsDisabled,
            Organization = Account.OrganizationId is { } o ? await db.Organizations.Where(x => x.Id == o).Select(x => x.CreditCode ?? x.PlatformNumber).FirstOrDefaultAsync() : null,
            Roles = [.. await users.GetRolesAsync(Account)],
        };
        Picker = DivisionPicker.For(divisions, user.DivisionCode, "Input.DivisionCode", Account.DivisionCode);
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id) => Act(id, "已保存", async () =>
    {
        Guid? organization = null;
        if (!string.IsNullOrWhiteSpace(Input.Organization))
        {
            // through the scope filter: only an organisation the administrator may see
            var number = Input.Organization.Trim().ToUpperInvariant();
            organization = await db.Organizations.Where(o => o.CreditCode == number || o.PlatformNumber == number).Select(o => (Guid?)o.Id).FirstOrDefaultAsync()
                ?? throw AppProblem.Field("organization", "未找到该统一社会信用代码（或平台编号）的组织，或不在您的管辖范围内");
        }
        await admin.UpdateAsync(id, new UserInput { DisplayName = Input.DisplayName, DivisionCode = DivisionPicker.Combine(Input.DivisionCode, Input.VillageCode), OrganizationId = organization, IsDisabled = Input.IsDisabled, Roles = Input.Roles });
    });

    public Task<IActionResult> OnPostResetAsync(Guid id, string? password) => Act(id, "密码已重置，用户下次登录须修改密码", () => admin.ResetPasswordAsync(id, password));

    public Task<IActionResult> OnPostUnlockAsync(Guid id) => Act(id, "已解除锁定", () => admin.UnlockAsync(id));

    private async Task<IActionResult> Act(Guid id, string done, Func<Task> action)
    {
        await action();
        TempData["Message"] = done;
        return Redirect($"/admin/users/{id}");
    }

    /// <summary>After a refused change the form stays as typed; the account and the role list are read again (a 404 if it is gone).</summary>
    public async Task ReloadAfterProblemAsync(CancellationToken ct)
    {
        await LoadAsync(Guid.Parse(RouteData.Values["id"]!.ToString()!));
        Picker = DivisionPicker.For(divisions, user.DivisionCode, "Input.DivisionCode", DivisionPicker.Combine(Input.DivisionCode, Input.VillageCode));
    }

    private async Task LoadAsync(Guid id)
    {
        Account = await admin.FindAsync(id);
        RoleOptions = await db.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync();
    }
}
