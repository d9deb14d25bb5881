using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Disability;

/// <summary>办理残疾人补贴 from the person and household pages, for a living person with a disability: the module's own application form, that person filled in.</summary>
public sealed class DisabilityStartActions(ICurrentUser user) : IStartActions
{
    public int Order => 20;

    public IEnumerable<StartAction> ForHousehold(HouseholdDto household) => [];

    public IEnumerable<StartAction> ForPerson(StartSubject person) =>
        user.HasPermission(DisabilityPermissions.Apply) && person.Alive && person.Disabled
            ? [new StartAction("办理残疾人补贴", $"/disability?personId={person.PersonId}#apply")]
            : [];
}
