using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Registry;

public sealed record DeathReversalInput([Text(500)] string? Reason, int? Version);

public sealed record DeathReversal(Guid PersonId, DateOnly DeathDate, IReadOnlyList<string> Effects);

/// <summary>
/// A person's death as a registry event (ADR 015): every path that marks a registered person deceased — the funeral death
/// record, an edit of the person, a person import, a confirmed data-comparison finding — comes here, and every module's
/// <see cref="IDeathHandler"/> stops what it pays in the same transaction. A death recorded in error is reversed here too,
/// by the county with a written reason, and every module restores what it stopped.
/// </summary>
public sealed class PersonDeaths(AppDbContext db, ICurrentUser user, IEnumerable<IDeathHandler> handlers, AuditLog audit)
{
    public const int ReasonMinLength = 5;
    public const int ReasonMaxLength = 500;

    /// <summary>
    /// Marks the (tracked) person deceased on <paramref name="deathDate"/> and runs every module's handler; returns what they
    /// did. Runs inside the caller's transaction (handlers may save on the way), the caller saves and commits. A person the
    /// registry already holds as deceased is left as is: the handlers ran when the death was first recorded.
    /// </summary>
    /// <param name="source">Who reported the death, in words, for the audit trail ("殡葬登记", "人员登记修改", …).</param>
    public async Task<IReadOnlyList<string>> RecordAsync(Person person, DateOnly deathDate, string source, CancellationToken ct = default)
    {
        // the registry's change and the modules' effects must commit together: without a transaction a handler's own save
        // could commit a stopped benefit for a death that then fails to save
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("A death is recorded inside the caller's transaction.");
        if (db.Entry(person).Property(p => p.LifeStatus).OriginalValue == LifeStatus.Deceased && db.Entry(person).State != EntityState.Added) return [];
        person.LifeStatus = LifeStatus.Deceased;
        person.DeathDate = deathDate;
        person.MissingSince = null;
        var effects = new List<string>();
        foreach (var handler in handlers) effects.AddRange(await handler.OnDeathAsync(person.Id, deathDate, ct));
        audit.Add("record-death", "registry_person", person.Id.ToString(), new { deathDate, source, effects }, person.DivisionCode);
        return effects;
    }

    /// <summary>
    /// 撤销死亡登记: the death was recorded in error. County only (<see cref="Permissions.RegistryDeathReverse"/>), with a written
    /// reason; the person is alive again and every module restores what its death handler stopped, in one transaction, audited.
    /// </summary>
    public async Task<DeathReversal> ReverseAsync(Guid personId, DeathReversalInput input, CancellationToken ct = default)
    {
        if (!user.HasPermission(Permissions.RegistryDeathReverse)) throw AppProblem.Forbidden("撤销死亡登记由县级民政部门办理");
        var person = await db.Persons.FirstOrDefaultAsync(p => p.Id == personId, ct) ?? throw AppProblem.NotFound("人员");
        var reason = input.Reason?.Trim();
        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(reason) || reason.Length < ReasonMinLength) errors.Add("reason", $"请写明撤销死亡登记的理由和依据（至少 {ReasonMinLength} 个字），如：殡仪馆误报，经村委会核实本人健在");
        else if (reason.Length > ReasonMaxLength) errors.Add("reason", $"撤销理由不超过 {ReasonMaxLength} 个字");
        if (input.Version is null) errors.Add("version", "缺少版本号，无法判断记录是否已被他人修改");
        errors.ThrowIfAny();
        db.ExpectVersion(person, input.Version!.Value);
        if (person.LifeStatus != LifeStatus.Deceased || person.DeathDate is not { } deathDate) throw AppProblem.Conflict("person_not_deceased", "该人员未登记死亡，无需撤销");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // alive again before the modules act: a handler that re-checks the registry sees the corrected record
        person.LifeStatus = LifeStatus.Alive;
        person.DeathDate = null;
        var effects = new List<string>();
        foreach (var handler in handlers) effects.AddRange(await handler.OnDeathReversedAsync(person.Id, deathDate, ct));
        audit.Add("reverse-death", "registry_person", person.Id.ToString(), new { deathDate, reason, effects }, person.DivisionCode);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new DeathReversal(person.Id, deathDate, effects);
    }
}
