using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Marriage.Registration;

/// <summary>The person's marital status with its history, and the registrations and certificates of this platform, on the one-person view.</summary>
public sealed class MarriagePersonPanel(AppDbContext db, MaritalStatuses statuses) : IPersonPanel
{
    public sealed record Item(MaritalStatus Status, IReadOnlyList<MaritalEvent> History, IReadOnlyList<RegistrationRow> Registrations, IReadOnlyList<CertificateDto> Certificates);

    public string ModuleKey => "marriage";
    public string Title => "婚姻状况";
    public int Order => 6;
    public string PartialView => "/Modules/Marriage/Registration/_PersonPanel.cshtml";

    public async Task<object?> LoadAsync(Guid personId, CancellationToken ct)
    {
        var person = await db.Persons.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.MaritalStatus }).FirstOrDefaultAsync(ct);
        if (person is null) return null;
        var history = await statuses.HistoryAsync(personId, ct);
        // registrations of offices in the reader's scope (another county's registration of this person shows in its history line)
        var regs = await db.Set<MarriageRegistration>().AsNoTracking().Where(r => r.MalePersonId == personId || r.FemalePersonId == personId)
            .OrderByDescending(r => r.RegisteredOn).ToListAsync(ct);
        var ids = regs.SelectMany(r => new[] { r.MalePersonId, r.FemalePersonId }).Distinct().ToList();
        var names = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var offices = await db.Set<MarriageOffice>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var regIds = regs.Select(r => r.Id).ToList();
        var certs = await db.Set<MarriageCertificate>().AsNoTracking().Where(c => c.HolderPersonId == personId && regIds.Contains(c.RegistrationId)).OrderByDescending(c => c.IssuedAt).ToListAsync(ct);
        if (history.Count == 0 && regs.Count == 0 && person.MaritalStatus == MaritalStatus.Unknown) return null;
        return new Item(person.MaritalStatus, history,
            regs.Select(r => new RegistrationRow(r.Id, r.Number, r.Kind == RegistrationKind.Marriage ? "marriage" : "divorce", MarriageQueries.StatusCode(r.Status), MarriageQueries.StatusName(r.Status),
                offices.GetValueOrDefault(r.OfficeId, ""), r.RegisteredOn, names.GetValueOrDefault(r.MalePersonId, ""), names.GetValueOrDefault(r.FemalePersonId, ""))).ToList(),
            certs.Select(c => MarriageQueries.ToDto(c, regs.First(r => r.Id == c.RegistrationId), names.GetValueOrDefault(personId, ""))).ToList());
    }
}
