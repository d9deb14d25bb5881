using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Assistance;

/// <summary>
/// 办理低保 / 临时救助 / 特困 from the household and person pages: the application opens with the household chosen (by its id,
/// never the 户编号 typed again) and, from a person, that person as the applicant (特困: as the person supported).
/// Only for users who may file an application.
/// </summary>
public sealed class AssistanceStartActions(ICurrentUser user) : IStartActions
{
    private static readonly (AssistanceProgram Program, string Name)[] Programs =
    [
        (AssistanceProgram.Dibao, "办理低保"),
        (AssistanceProgram.Temporary, "办理临时救助"),
        (AssistanceProgram.ExtremePoverty, "办理特困"),
    ];

    public int Order => 10;

    public IEnumerable<StartAction> ForHousehold(HouseholdDto household) =>
        user.HasPermission(AssistancePermissions.Apply) && household.MemberCount > 0
            ? Programs.Select(p => new StartAction(p.Name, $"/assistance/cases/new?householdId={household.Id}&program={p.Program}", HouseholdWide: true))
            : [];

    public IEnumerable<StartAction> ForPerson(StartSubject person)
    {
        if (!user.HasPermission(AssistancePermissions.Apply) || !person.Alive || person.HouseholdId is not { } household) return [];
        return Programs.Select(p => new StartAction(p.Name,
            $"/assistance/cases/new?householdId={household}&program={p.Program}&applicant={person.PersonId}"
            + (p.Program == AssistanceProgram.ExtremePoverty ? $"&supported={person.PersonId}" : ""), HouseholdWide: true));
    }
}
