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
public sealed class HouseholdModel(RegistryQueries queries, HouseholdRegistration registration, AppDbContext db, IdentifierProtector protector, ICurrentUser user,
    IEnumerable<IStartActions> starts, Time.BusinessClock clock) : PageModel
{
    public HouseholdDto Household { get; private set; } = null!;
    public bool CanWrite => user.HasPermission(Permissions.RegistryWrite);

    /// <summary>The household's 办理 actions (低保, 临时救助, 特困), shown once above the members.</summary>
    public List<StartAction> Actions { get; private set; } = [];

    /// <summary>Each member's own 办理 actions (残疾人补贴, 儿童), in their row.</summary>
    public Dictionary<Guid, List<StartAction>> MemberActions { get; private set; } = [];

    public async Task OnGetAsync(Guid id)
    {
        Household = await queries.HouseholdAsync(id, HttpContext.RequestAborted);
        var providers = starts.OrderBy(s => s.Order).ToList();
        Actions = [.. providers.SelectMany(s => s.ForHousehold(Household))];
        var ids = Household.Members.Select(m => m.PersonId).ToList();
        var disabled = await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id) && p.DisabilityCategory != null).Select(p => p.Id).ToListAsync(HttpContext.RequestAborted);
        var today = clock.Today;
        foreach (var m in Household.Members)
        {
            var age = today.Year - m.BirthDate.Year - (m.BirthDate.AddYears(today.Year - m.BirthDate.Year) > today ? 1 : 0);
            var subject = new StartSubject(m.PersonId, m.Name, age, disabled.Contains(m.PersonId), m.LifeStatus == LifeStatus.Alive, Household.Id);
            MemberActions[m.PersonId] = [.. providers.SelectMany(s => s.ForPerson(subject)).Where(a => !a.HouseholdWide)];
        }
    }

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
