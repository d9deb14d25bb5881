using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Platform.Access.Admin;

public sealed record UserInput
{
    [Text(50)] public string? UserName { get; init; }
    [Text(100)] public string? DisplayName { get; init; }
    [Text(12)] public string? DivisionCode { get; init; }

    /// <summary>
    /// Binds the account to a registry organisation (a care home, a provider) instead of a division: it then sees that
    /// organisation's records only. Its division becomes the organisation's registered division (for the user list).
    /// </summary>
    public Guid? OrganizationId { get; init; }

    [NoNullItems] public List<string> Roles { get; init; } = [];
    public bool IsDisabled { get; init; }

    /// <summary>Initial password (new users); the user must change it at first sign-in.</summary>
    [Text(100)] public string? Password { get; init; }
}

public sealed record UserRow(Guid Id, string UserName, string DisplayName, string DivisionCode, string DivisionName, IReadOnlyList<string> Roles, bool IsDisabled, bool IsLockedOut, bool MustChangePassword);

/// <summary>
/// Administrators manage accounts within their own division subtree: create, change roles and scope,
/// disable, unlock, reset passwords (the user must then choose a new one). Every change renews the
/// user's security stamp, so sessions signed in under the old roles end within a minute.
/// </summary>
public sealed class UserAdministration(UserManager<AppUser> users, RoleManager<AppRole> roles, AppDbContext db, ICurrentUser admin, DivisionDirectory divisions, BusinessClock clock, Composition.PermissionCatalog catalog)
{
    public async Task<List<UserRow>> ListAsync(CancellationToken ct = default)
    {
        var scope = admin.Scope;
        var all = await db.Users.AsNoTracking().OrderBy(u => u.DivisionCode).ThenBy(u => u.UserName).ToListAsync(ct);
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name!, ct);
        var links = await db.UserRoles.AsNoTracking().ToListAsync(ct);
        var now = clock.UtcNow;
        return all.Where(u => scope.Contains(u.DivisionCode)).Select(u => new UserRow(u.Id, u.UserName!, u.DisplayName, u.DivisionCode, divisions.FullName(u.DivisionCode),
            links.Where(l => l.UserId == u.Id).Select(l => roleNames[l.RoleId]).Order().ToList(), u.IsDisabled,
            u.LockoutEnd is { } end && end.UtcDateTime > now, u.MustChangePassword)).ToList();
    }

    public async Task<AppUser> FindAsync(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null || !admin.Scope.Contains(user.DivisionCode)) throw AppProblem.NotFound("用户");
        return user;
    }

    public async Task<AppUser> CreateAsync(UserInput input)
    {
        input = await BindOrganizationAsync(input);
        var errors = Validate(input, isNew: true);
        errors.ThrowIfAny();
        var user = new AppUser
        {
            UserName = input.UserName!.Trim(),
            DisplayName = input.DisplayName!.Trim(),
            DivisionCode = input.DivisionCode!,
            OrganizationId = input.OrganizationId,
            IsDisabled = input.IsDisabled,
            MustChangePassword = true,
            CreatedAt = clock.UtcNow,
        };
        Check(await users.CreateAsync(user, input.Password!), "password");
        Check(await users.AddToRolesAsync(user, input.Roles), "roles");
        return user;
    }

    public async Task UpdateAsync(Guid id, UserInput input)
    {
        var user = await FindAsync(id);
        if (user.Id == admin.UserId && input.IsDisabled) throw AppProblem.Field("isDisabled", "不能停用自己的账号");
        input = await BindOrganizationAsync(input);
        var errors = Validate(input, isNew: false);
        errors.ThrowIfAny();
        user.DisplayName = input.DisplayName!.Trim();
        user.DivisionCode = input.DivisionCode!;
        user.OrganizationId = input.OrganizationId;
        user.IsDisabled = input.IsDisabled;
        Check(await users.UpdateAsync(user), "");
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(input.Roles)), "roles");
        Check(await users.AddToRolesAsync(user, input.Roles.Except(current)), "roles");
        await users.UpdateSecurityStampAsync(user);
    }

    public async Task ResetPasswordAsync(Guid id, string? newPassword)
    {
        var user = await FindAsync(id);
        if (string.IsNullOrEmpty(newPassword)) throw AppProblem.Field("password", "请输入临时密码");
        Check(await users.RemovePasswordAsync(user), "password");
        Check(await users.AddPasswordAsync(user, newPassword), "password");
        user.MustChangePassword = true;
        Check(await users.UpdateAsync(user), "password");
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
    }

    public async Task UnlockAsync(Guid id)
    {
        var user = await FindAsync(id);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }

    public async Task SetRolePermissionsAsync(string roleName, IReadOnlyCollection<string> permissions)
    {
        var role = await roles.FindByNameAsync(roleName) ?? throw AppProblem.NotFound("角色");
        var unknown = permissions.Except(catalog.Descriptions.Keys).ToList();
        if (unknown.Count > 0) throw AppProblem.Field("permissions", $"未知权限：{string.Join("、", unknown)}");
        var claims = (await roles.GetClaimsAsync(role)).Where(c => c.Type == Permissions.ClaimType).ToList();
        foreach (var c in claims.Where(c => !permissions.Contains(c.Value))) Check(await roles.RemoveClaimAsync(role, c), "permissions");
        foreach (var p in permissions.Except(claims.Select(c => c.Value))) Check(await roles.AddClaimAsync(role, new Claim(Permissions.ClaimType, p)), "permissions");
        // Members' sessions pick up the new permissions at the next security-stamp check.
        foreach (var member in await users.GetUsersInRoleAsync(roleName)) await users.UpdateSecurityStampAsync(member);
    }

    /// <summary>An organisation account takes its organisation's division; the organisation must be within the administrator's scope (else 400).</summary>
    private async Task<UserInput> BindOrganizationAsync(UserInput input)
    {
        if (input.OrganizationId is not { } id) return input;
        var division = await db.Organizations.Where(o => o.Id == id).Select(o => o.DivisionCode).FirstOrDefaultAsync()
            ?? throw AppProblem.Field("organizationId", "组织不存在或不在您的管辖范围内");
        return input with { DivisionCode = division };
    }

    private ValidationErrors Validate(UserInput input, bool isNew)
    {
        var errors = new ValidationErrors();
        if (isNew && string.IsNullOrWhiteSpace(input.UserName)) errors.Add("userName", "请填写用户名");
        if (string.IsNullOrWhiteSpace(input.DisplayName)) errors.Add("displayName", "请填写姓名");
        var division = divisions.Find(input.DivisionCode);
        if (division is null) errors.Add("divisionCode", "请选择管辖区划（区划代码不存在）");
        else if (!admin.Scope.Contains(division.Code)) errors.Add("divisionCode", "只能把用户设在您管辖的区划内");
        if (input.Roles.Count == 0) errors.Add("roles", "至少选择一个角色");
        var known = db.Roles.Select(r => r.Name).ToHashSet();
        if (input.Roles.Any(r => !known.Contains(r))) errors.Add("roles", "角色不存在");
        if (isNew && string.IsNullOrEmpty(input.Password)) errors.Add("password", "请设置初始密码（用户首次登录须修改）");
        return errors;
    }

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded) throw AppProblem.Field(field, string.Join("；", result.Errors.Select(e => e.Description)));
    }
}
