using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Commands;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.Rescue.Search;

/// <summary>Family inquiries keep the family's phone sealed: re-sealed on key rotation.</summary>
internal sealed class InquiryPhoneKeyRotation : IKeyRotationParticipant
{
    public string What => "条寻人登记的联系电话";

    public async Task<int> ResealAsync(AppDbContext db, IdentifierProtector protector, int keyId, CancellationToken ct)
    {
        const int pageSize = 1000;
        var count = 0;
        // rows are never deleted and the order is stable, so paging by position visits each once
        for (var skip = 0; ; skip += pageSize)
        {
            var batch = await db.Set<FamilyInquiry>().IgnoreQueryFilters().Where(i => i.ContactPhoneCipher != null)
                .OrderBy(i => i.Id).Skip(skip).Take(pageSize).ToListAsync(ct);
            foreach (var i in batch.Where(i => IdentifierProtector.KeyIdOf(i.ContactPhoneCipher!) != keyId))
            {
                i.ContactPhoneCipher = protector.Encrypt(protector.Decrypt(i.ContactPhoneCipher!, ProtectedKind.Phone), ProtectedKind.Phone);
                count++;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            if (batch.Count < pageSize) return count;
        }
    }
}
