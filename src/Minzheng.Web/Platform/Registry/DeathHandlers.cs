namespace Minzheng.Web.Platform.Registry;

/// <summary>
/// What a module does when a death is recorded, and when a death recorded in error is reversed, in the caller's transaction
/// (the registry's change and every module's effect commit together). Modules register their own handler; the registry's
/// <see cref="PersonDeaths"/> calls them all, whichever path reported the death (funeral record, registry edit, person
/// import, confirmed data-comparison finding).
/// </summary>
public interface IDeathHandler
{
    /// <summary>Changes are tracked, not saved; returns one line per benefit stopped or task created ("停发重度残疾人护理补贴 CH…").</summary>
    Task<IReadOnlyList<string>> OnDeathAsync(Guid personId, DateOnly deathDate, CancellationToken ct);

    /// <summary>
    /// The death of <paramref name="deathDate"/> was recorded in error: restore what <see cref="OnDeathAsync"/> stopped (the
    /// entitlement published again, so that the next payroll pays the months missed and cancels the recoveries the death
    /// caused), or open a review task where the module cannot restore by itself. Returns one line per benefit restored or
    /// task opened. The person is already alive again in the registry when this runs.
    /// </summary>
    Task<IReadOnlyList<string>> OnDeathReversedAsync(Guid personId, DateOnly deathDate, CancellationToken ct);
}
