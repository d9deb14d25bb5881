using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Registry;

/// <summary>Looks a person up by ID number within the user's scope (the number itself never goes into a URL).</summary>
public static class PersonLookup
{
    public static async Task<Guid> RequireAsync(AppDbContext db, IdentifierProtector protector, string? idNumber, string field, string who, CancellationToken ct)
    {
        if (IdNumber.TryParse(idNumber, out var error) is not { } parsed) throw AppProblem.Field(field, error ?? "身份证号无效");
        var hash = protector.Hash(parsed.Value, ProtectedKind.IdNumber);
        return await db.Persons.Where(p => p.IdNumberHash == hash).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct)
            ?? throw AppProblem.Field(field, $"身份证号 {IdNumber.Mask(parsed.Value)} 的{who}未登记或不在您的管辖范围内；请先在人员登记中登记");
    }
}
