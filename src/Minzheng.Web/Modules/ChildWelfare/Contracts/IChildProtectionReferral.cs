namespace Minzheng.Web.Modules.ChildWelfare.Contracts;

/// <summary>
/// A child who came into a domestic-violence shelter with a parent (反家庭暴力法 第十八条: the shelter is run by 民政 on its own
/// or by the rescue station): the shelter's stay number and id, the shelter's name and the day the child was admitted with it.
/// </summary>
public sealed record ShelterReferral(Guid ChildPersonId, Guid ShelterStayId, string ShelterStayNumber, string ShelterName, DateOnly From, string Description);

/// <summary>The child's protection case a shelter referral opened or linked: its id and number, and whether it was already open.</summary>
public sealed record ChildProtectionLink(Guid CaseId, string Number, bool Existing);

/// <summary>
/// The one way another module puts a child into child protection (未成年人保护个案) and takes the child out of shelter again. The
/// caller decides who may refer (the shelter's own restricted permission); the case itself stays behind child.protection for
/// every read. Both calls add their changes to the caller's unit of work (the caller's SaveChanges saves them with its own). A case opened here has harm 家庭暴力, is marked sheltered from the referral day and names the shelter stay it came
/// from; a child who already has an open (not sheltered) case has that case sheltered and linked instead of a second one.
/// </summary>
public interface IChildProtectionReferral
{
    /// <summary>Opens (or links) the child's case and shelters it. A child already sheltered in a case answers 409 <c>already_sheltered</c>; a child out of the caller's scope 400 on <paramref name="field"/>.</summary>
    Task<ChildProtectionLink> ShelterAsync(ShelterReferral referral, string field, CancellationToken ct = default);

    /// <summary>Records the shelter end (离开庇护) on the case; a case already out of shelter or closed is left as it is.</summary>
    Task LeaveShelterAsync(Guid caseId, DateOnly on, CancellationToken ct = default);
}
