using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Marriage.Registry;

/// <summary>
/// A death ends the marriage in force: the registration is marked ended by death, the surviving spouse becomes 丧偶 (with the
/// event in their history) and the couple's certificates verify as no longer current. A death recorded in error and reversed
/// restores all three. The marriage may have been registered by another county and the spouse may live in another county:
/// the registry's death is the authority here, so those writes go past the scope check for that stated reason.
/// </summary>
public sealed class MarriageDeathHandler(AppDbContext db, MaritalStatuses statuses, MarriageCertificates certificates) : IDeathHandler
{
    private const string Reason = "一方死亡，婚姻关系终止，另一方为丧偶";

    public async Task<IReadOnlyList<string>> OnDeathAsync(Guid personId, DateOnly deathDate, CancellationToken ct)
    {
        var marriage = await InForceAsync(personId, RegistrationStatus.InForce, null, ct);
        if (marriage is null) return [];
        marriage.Status = RegistrationStatus.EndedByDeath;
        marriage.EndedOn = deathDate;
        marriage.EndedBy = "一方死亡";
        db.PermitOutOfScopeWrite(marriage, Reason);
        await certificates.SupersedeAsync(marriage.Id, ct);
        foreach (var c in db.ChangeTracker.Entries<MarriageCertificate>().Where(e => e.State == EntityState.Modified)) db.PermitOutOfScopeWrite(c.Entity, Reason);
        var spouse = await SpouseAsync(marriage, personId, ct);
        if (spouse is not null && spouse.LifeStatus == LifeStatus.Alive && spouse.MaritalStatus == MaritalStatus.Married)
            statuses.Record(spouse, MaritalStatus.Widowed, deathDate, "配偶死亡", marriage.Number, marriage.Id, Reason);
        return [$"婚姻（{marriage.Number}）因一方死亡终止，配偶婚姻状况记为丧偶"];
    }

    public async Task<IReadOnlyList<string>> OnDeathReversedAsync(Guid personId, DateOnly deathDate, CancellationToken ct)
    {
        var marriage = await InForceAsync(personId, RegistrationStatus.EndedByDeath, deathDate, ct);
        if (marriage is null) return [];
        const string reversal = "撤销误报的死亡登记，恢复婚姻关系";
        marriage.Status = RegistrationStatus.InForce;
        marriage.EndedOn = null;
        marriage.EndedBy = null;
        db.PermitOutOfScopeWrite(marriage, reversal);
        foreach (var c in await db.Set<MarriageCertificate>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
                     .Where(c => c.RegistrationId == marriage.Id && c.Status == CertificateStatus.Superseded && c.Kind != CertificateKind.RecordProof).ToListAsync(ct))
        {
            c.Status = CertificateStatus.Valid;
            db.PermitOutOfScopeWrite(c, reversal);
        }
        var spouse = await SpouseAsync(marriage, personId, ct);
        if (spouse is not null && spouse.MaritalStatus == MaritalStatus.Widowed)
            statuses.Record(spouse, MaritalStatus.Married, marriage.RegisteredOn, "撤销配偶死亡登记", marriage.Number, marriage.Id, reversal);
        return [$"婚姻（{marriage.Number}）恢复有效，配偶婚姻状况恢复为有配偶"];
    }

    private Task<MarriageRegistration?> InForceAsync(Guid personId, RegistrationStatus status, DateOnly? endedOn, CancellationToken ct) =>
        db.Set<MarriageRegistration>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .Where(r => r.Kind == RegistrationKind.Marriage && r.Status == status && (r.MalePersonId == personId || r.FemalePersonId == personId) && (endedOn == null || r.EndedOn == endedOn))
            .OrderByDescending(r => r.RegisteredOn).FirstOrDefaultAsync(ct);

    private Task<Person?> SpouseAsync(MarriageRegistration marriage, Guid deceasedId, CancellationToken ct)
    {
        var spouseId = marriage.MalePersonId == deceasedId ? marriage.FemalePersonId : marriage.MalePersonId;
        return db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).FirstOrDefaultAsync(p => p.Id == spouseId, ct);
    }
}
