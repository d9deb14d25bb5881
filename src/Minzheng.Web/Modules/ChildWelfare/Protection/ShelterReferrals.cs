using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ChildWelfare.Contracts;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.ChildWelfare.Protection;

/// <summary>
/// <see cref="IChildProtectionReferral"/>: a child admitted to the domestic-violence shelter with a parent gets a protection case
/// (反家庭暴力法 第十八条, 未成年人保护法 第九十二条: 民政 takes temporary care of a child whose guardian is under domestic violence
/// or cannot care for the child). It runs in the caller's transaction and division scope; the caller's own permission admitted
/// the family, so child.protection is not asked here — reading the case afterwards still needs it.
/// </summary>
public sealed class ShelterReferrals(AppDbContext db, ProtectionCases cases, AuditLog audit) : IChildProtectionReferral
{
    public async Task<ChildProtectionLink> ShelterAsync(ShelterReferral referral, string field, CancellationToken ct = default)
    {
        var child = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == referral.ChildPersonId, ct)
            ?? throw AppProblem.Field(field, "儿童不存在或不在您的管辖范围内", "person_not_found");
        var existing = await db.Set<ProtectionCase>().Where(c => c.ChildPersonId == child.Id && c.Status != ProtectionStatus.Closed)
            .OrderByDescending(c => c.ReportedOn).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        if (existing?.Status == ProtectionStatus.Sheltered)
        {
            throw AppProblem.Conflict("already_sheltered", $"{child.Name}已在保护个案 {existing.Number} 中临时庇护，请先在该个案登记离开庇护");
        }
        var c = existing ?? await cases.NewCaseAsync(child, HarmKind.DomesticViolence, referral.From, "临时庇护 " + referral.ShelterStayNumber, "家暴受害人临时庇护随行子女",
            referral.Description, ct);
        ProtectionCases.Shelter(c, referral.ShelterName, referral.From);
        c.ShelterStayId = referral.ShelterStayId;
        c.ShelterStayNumber = referral.ShelterStayNumber;
        // the audit keeps that the case was opened or sheltered from the stay, not what happened to the child
        audit.Add(existing is null ? "open" : "shelter", nameof(ProtectionCase), c.Id.ToString(), new { c.Number, c.Harm, referral.ShelterStayNumber }, c.DivisionCode);
        return new(c.Id, c.Number, existing is not null);
    }

    public async Task LeaveShelterAsync(Guid caseId, DateOnly on, CancellationToken ct = default)
    {
        var c = await db.Set<ProtectionCase>().FirstOrDefaultAsync(x => x.Id == caseId, ct);
        // already left (the protection officer recorded it) or closed: the case's own record stands
        if (c is null || c.Status != ProtectionStatus.Sheltered) return;
        ProtectionCases.LeaveShelter(c, on < c.ShelterFrom ? c.ShelterFrom!.Value : on);
        audit.Add("leave-shelter", nameof(ProtectionCase), c.Id.ToString(), new { c.Number, c.Status }, c.DivisionCode);
    }
}
