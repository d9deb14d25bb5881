namespace Minzheng.Web.Platform.Registry;

/// <summary>
/// A "办理…" action on the registry's person and household pages: where the clerk already is, one click opens a module's
/// application with the household or person filled in (issue 12, item 10), instead of copying the 16-digit 户编号.
/// <paramref name="HouseholdWide"/> marks an action about the whole household (低保 is applied for by the household), which the
/// household page shows once above the members rather than in every member's row.
/// </summary>
public sealed record StartAction(string Name, string Url, bool HouseholdWide = false);

/// <summary>The person an action would start for, as the person and household pages know them.</summary>
public sealed record StartSubject(Guid PersonId, string Name, int Age, bool Disabled, bool Alive, Guid? HouseholdId);

/// <summary>
/// A module's start actions; each module registers its own (services.AddScoped&lt;IStartActions, …&gt;()) and offers only
/// what the signed-in user may start. The registry pages render them all and know nothing of the modules.
/// </summary>
public interface IStartActions
{
    int Order { get; }

    IEnumerable<StartAction> ForHousehold(HouseholdDto household);

    IEnumerable<StartAction> ForPerson(StartSubject person);
}
