using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Commands;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.Payments;

/// <summary>Payment lines keep a sealed copy of the account they were paid to (bank files are rebuilt from them): re-sealed on key rotation.</summary>
internal sealed class PayrollLineKeyRotation : IKeyRotationParticipant
{
    public string What => "条发放明细的账号";

    public async Task<int> ResealAsync(AppDbContext db, IdentifierProtector protector, int keyId, CancellationToken ct)
    {
        const int pageSize = 1000;
        var lines = 0;
        for (long after = 0; ;)
        {
            var batch = await db.Set<PayrollLine>().IgnoreQueryFilters().Where(l => l.Id > after && l.BankAccountCipher != null)
                .OrderBy(l => l.Id).Take(pageSize).ToListAsync(ct);
            foreach (var l in batch.Where(l => IdentifierProtector.KeyIdOf(l.BankAccountCipher!) != keyId))
            {
                l.BankAccountCipher = protector.Encrypt(protector.Decrypt(l.BankAccountCipher!, ProtectedKind.BankAccount), ProtectedKind.BankAccount);
                lines++;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            if (batch.Count < pageSize) return lines;
            after = batch[^1].Id;
        }
    }
}
