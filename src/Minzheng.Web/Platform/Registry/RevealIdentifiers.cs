using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Registry;

/// <summary>
/// Shows a person's full identifiers to a holder of registry.reveal-id, with a stated reason; every reveal
/// is written to the audit log (PIPL: access to sensitive personal information is recorded).
/// </summary>
public sealed class RevealIdentifiers(AppDbContext db, IdentifierProtector protector, AuditLog audit)
{
    public async Task<RevealedIdentifiers> RevealAsync(Guid personId, string? reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 2) throw AppProblem.Field("reason", "请填写查看完整号码的事由");
        var p = await db.Persons.AsNoTracking().FirstOrDefaultAsync(x => x.Id == personId, ct) ?? throw AppProblem.NotFound("人员");
        var result = new RevealedIdentifiers(
            p.IdNumberCipher is null ? null : protector.Decrypt(p.IdNumberCipher, ProtectedKind.IdNumber),
            p.PhoneCipher is null ? null : protector.Decrypt(p.PhoneCipher, ProtectedKind.Phone),
            p.BankAccountCipher is null ? null : protector.Decrypt(p.BankAccountCipher, ProtectedKind.BankAccount),
            p.DisabilityCertificateCipher is null ? null : protector.Decrypt(p.DisabilityCertificateCipher, ProtectedKind.DisabilityCertificate));
        await audit.RecordAsync("reveal", "registry_person", p.Id.ToString(), new { reason = reason.Trim(), person = p.Name, number = p.DisplayNumber }, p.DivisionCode, ct: ct);
        return result;
    }
}
