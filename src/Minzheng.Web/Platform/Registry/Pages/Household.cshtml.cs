using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Platform.Registry.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + Permissions.RegistryRead)]
public sealed class HouseholdModel(RegistryQueries queries, HouseholdRegistration registration, AppDbContext db, IdentifierProtector protector, ICurrentUser user) : PageModel
{
    public HouseholdDto Household { get; private set; } = null!;
    public bool CanWrite => user.HasPermission(Permissions.RegistryWrite);

    public async Task OnGetAsync(Guid id) => Household = await queries.HouseholdAsync(id, HttpContext.RequestAborted);

    public Task<IActionResult> OnPostAddAsync(Guid id, string? idNumber, Relation relation, DateOnly? joinedOn, bool move) => Write(id, async () =>
    {
        var parsed = IdNumber.TryParse(idNumber, out var error) ?? throw AppProblem.Field("idNumber", error!, "id_number_invalid");
        var hash = protector.Hash(parsed.Value, ProtectedKind.IdNumber);
        var personId = await db.Persons.Where(p => p.IdNumberHash == hash).Select(p => (Guid?)p.Id).FirstOrDefaultAsync()
            ?? throw AppProblem.NotFound($"身份证号 {IdNumber.Mask(parsed.Value)} 的人员");
        await registration.AddMemberAsync(id, new AddMemberInput { PersonId = personId, Relation = relation, JoinedOn = joinedOn, MoveFromCurrentHousehold = move });
        return "已增员";
    });

    public Task<IActionResult> OnPostLeaveAsync(Guid id, Guid personId, string? reason, DateOnly? leftOn, int version) => Write(id, async () =>
    {
        await ExpectVersionAsync(id, version);
        await registration.RemoveMemberAsync(id, personId, new RemoveMemberInput { Reason = reason, LeftOn = leftOn });
        return "已减员";
    });

    public Task<IActionResult> OnPostHeadAsync(Guid id, Guid personId, int version) => Write(id, async () =>
    {
        await registration.UpdateAsync(id, new HouseholdInput { HeadPersonId = personId, Version = version });
        return "已更换户主";
    });

    private async Task ExpectVersionAsync(Guid id, int version)
    {
        var current = await db.Households.AsNoTracking().Where(h => h.Id == id).Select(h => (int?)h.Version).FirstOrDefaultAsync();
        if (current is not null && current != version) throw AppProblem.Stale();
    }

    private async Task<IActionResult> Write(Guid id, Func<Task<string>> action)
    {
        if (!CanWrite) return Forbid();
        TempData["Message"] = await action();
        return Redirect($"/registry/households/{id}");
    }
}
