using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Files;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Assistance.Citizen;

public sealed record CitizenRegistration(string? IdNumber, string? Name, string? Phone, string? Password);

/// <summary>
/// 网上自助申请: citizens sign up with their ID number, name and phone. The ID number and name must match the
/// registry (a household is registered by the village or township first); the phone becomes the sign-in name.
/// A citizen sees only their own applications.
/// </summary>
public sealed partial class CitizenAccounts(AppDbContext db, UserManager<AppUser> users, IdentifierProtector protector, ICurrentUser user, BusinessClock clock)
{
    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();

    public async Task<AppUser> RegisterAsync(CitizenRegistration input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var id = IdNumber.TryParse(input.IdNumber, out var idError);
        if (id is null) errors.Add("idNumber", idError!, "id_number_invalid");
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", "请填写姓名");
        if (input.Phone is null || !MobilePattern().IsMatch(input.Phone.Trim())) errors.Add("phone", "请填写11位手机号码（作为登录账号）");
        var phoneValid = input.Phone is not null && MobilePattern().IsMatch(input.Phone.Trim());
        if (phoneValid && await users.FindByNameAsync(input.Phone!.Trim()) is not null) errors.Add("phone", "该手机号已被注册，请直接登录");
        // the password's rules are checked with the other fields, so that one try shows every field to correct
        if (string.IsNullOrEmpty(input.Password)) errors.Add("password", "请设置密码");
        else
        {
            var candidate = new AppUser { UserName = input.Phone?.Trim(), DisplayName = input.Name?.Trim() ?? "", DivisionCode = "" };
            foreach (var validator in users.PasswordValidators)
            {
                var verdict = await validator.ValidateAsync(users, candidate, input.Password);
                foreach (var e in verdict.Errors) errors.Add("password", e.Description);
            }
        }
        errors.ThrowIfAny();

        var hash = protector.Hash(id!.Value.Value, ProtectedKind.IdNumber);
        var person = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).FirstOrDefaultAsync(p => p.IdNumberHash == hash, ct);
        // The same answer whether the number is unknown or the name differs: no probing of the registry.
        if (person is null || person.Name != input.Name!.Trim() || person.LifeStatus != LifeStatus.Alive)
        {
            throw AppProblem.Field("idNumber", "身份证号与姓名未能在户籍登记中核实。请先到村（社区）或乡镇（街道）办理家庭登记", "citizen_not_verified");
        }
        if (await db.Users.AnyAsync(u => u.PersonId == person.Id, ct)) throw AppProblem.Conflict("citizen_exists", "该身份证号已注册，请直接登录；忘记密码请到乡镇（街道）重置");
        var phone = input.Phone!.Trim();
        if (await users.FindByNameAsync(phone) is not null) throw AppProblem.Field("phone", "该手机号已被注册");
        var account = new AppUser
        {
            UserName = phone,
            DisplayName = person.Name,
            DivisionCode = person.DivisionCode,
            PersonId = person.Id,
            CreatedAt = clock.UtcNow,
        };
        var result = await users.CreateAsync(account, input.Password!);
        if (!result.Succeeded) throw AppProblem.Field("password", string.Join("；", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(account, Roles.Citizen);
        return account;
    }

    public async Task<Guid> PersonIdAsync(CancellationToken ct = default) =>
        user.UserId is { } uid && await db.Users.Where(u => u.Id == uid).Select(u => u.PersonId).FirstOrDefaultAsync(ct) is { } pid
            ? pid
            : throw AppProblem.Forbidden("网上申请须使用群众账号登录");

    public async Task<Household?> HouseholdAsync(CancellationToken ct = default)
    {
        var pid = await PersonIdAsync(ct);
        return await db.HouseholdMembers.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(m => m.PersonId == pid && m.LeftOn == null)
            .Select(m => m.Household).FirstOrDefaultAsync(ct);
    }

    /// <summary>How many people live in the household now (the members who have not left).</summary>
    public Task<int> HouseholdSizeAsync(Guid householdId, CancellationToken ct = default) =>
        db.HouseholdMembers.IgnoreQueryFilters([AppDbContext.ScopeFilter]).CountAsync(m => m.HouseholdId == householdId && m.LeftOn == null, ct);

    /// <summary>The date by which the township must act on the citizen's case in its current step (受理 while it waits), if the step has one.</summary>
    public Task<DateOnly?> StepDueDateAsync(AssistanceCase c, CancellationToken ct = default) =>
        db.WorkflowCases.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(w => w.Id == c.WorkflowCaseId && w.ClosedAt == null)
            .Select(w => w.StepDueDate).FirstOrDefaultAsync(ct);

    public async Task<List<AssistanceCase>> MyCasesAsync(CancellationToken ct = default)
    {
        var pid = await PersonIdAsync(ct);
        return await db.Set<AssistanceCase>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .Where(c => c.ApplicantPersonId == pid).OrderByDescending(c => c.AppliedOn).ThenByDescending(c => c.Id).ToListAsync(ct);
    }

    /// <summary>The citizen's own case, or 404 (never another person's).</summary>
    public async Task<AssistanceCase> MyCaseAsync(Guid id, CancellationToken ct = default)
    {
        var pid = await PersonIdAsync(ct);
        return await db.Set<AssistanceCase>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == id && c.ApplicantPersonId == pid, ct) ?? throw AppProblem.NotFound("申请");
    }

    /// <summary>补充材料: the citizen uploads documents; they join the case timeline.</summary>
    public async Task UploadAsync(Guid caseId, string fileName, Stream content, AttachMaterial attachments, CancellationToken ct = default)
    {
        await MyCaseAsync(caseId, ct); // the citizen's own case only
        UploadKinds.Materials.EnsureAllowed("file", fileName); // what the page's accept list offers, nothing else
        await attachments.RunAsync(caseId, fileName, content, "申请人上传", ct);
    }
}
