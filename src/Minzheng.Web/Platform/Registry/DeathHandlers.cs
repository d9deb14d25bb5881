namespace Minzheng.Web.Platform.Registry;

/// <summary>
/// What a module does when a death is recorded: stop what it pays the person and say what it did, in the caller's
/// transaction (the death record and every effect commit together). Modules register their own handler; the funeral
/// module's death record calls them all.
/// </summary>
public interface IDeathHandler
{
    /// <summary>Changes are tracked, not saved; returns one line per benefit stopped or task created ("停发重度残疾人护理补贴 CH…").</summary>
    Task<IReadOnlyList<string>> OnDeathAsync(Guid personId, DateOnly deathDate, CancellationToken ct);
}
