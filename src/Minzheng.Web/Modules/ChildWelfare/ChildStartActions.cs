using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.ChildWelfare;

/// <summary>办理儿童（孤儿、事实无人抚养儿童）from the person and household pages, for a living child under 18: the module's own application form, the child filled in.</summary>
public sealed class ChildStartActions(ICurrentUser user) : IStartActions
{
    public int Order => 30;

    public IEnumerable<StartAction> ForHousehold(HouseholdDto household) => [];

    public IEnumerable<StartAction> ForPerson(StartSubject person) =>
        user.HasPermission(ChildPermissions.Apply) && person.Alive && person.Age < 18
            ? [new StartAction("办理儿童保障", $"/children/cases/new?personId={person.PersonId}")]
            : [];
}
