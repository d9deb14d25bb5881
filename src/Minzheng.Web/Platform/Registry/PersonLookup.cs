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

    /// <summary>A person chosen on the person or household page (办理…), by id within the user's scope: name and masked number to show.</summary>
    public static async Task<PersonChoice?> FindAsync(AppDbContext db, Guid? personId, CancellationToken ct) =>
        personId is { } id
            ? await db.Persons.AsNoTracking().Where(p => p.Id == id).Select(p => new PersonChoice(p.Id, p.Name, p.IdNumberMasked ?? p.PlatformNumber)).FirstOrDefaultAsync(ct)
            : null;

    /// <summary>The person an application names: the one chosen by id (from the person or household page), else the ID number typed.</summary>
    public static async Task<Guid> RequireAsync(AppDbContext db, IdentifierProtector protector, Guid? personId, string? idNumber, string field, string who, CancellationToken ct)
    {
        if (personId is null || !string.IsNullOrWhiteSpace(idNumber)) return await RequireAsync(db, protector, idNumber, field, who, ct);
        return (await FindAsync(db, personId, ct))?.Id ?? throw AppProblem.Field(field, $"该{who}未登记或不在您的管辖范围内");
    }

    /// <summary>
    /// As <see cref="RequireAsync(AppDbContext, IdentifierProtector, Guid?, string?, string, string, CancellationToken)"/>, for a
    /// form that collects every field error before it answers: the person, or null with the reason added to
    /// <paramref name="errors"/>; null and no error when neither an id nor an ID number was given.
    /// </summary>
    public static async Task<Person?> FindAsync(AppDbContext db, IdentifierProtector protector, Guid? personId, string? idNumber, string field, string who,
        ValidationErrors errors, CancellationToken ct)
    {
        if (personId is null && string.IsNullOrWhiteSpace(idNumber)) return null;
        try
        {
            var id = await RequireAsync(db, protector, personId, idNumber, field, who, ct);
            return await db.Persons.AsNoTracking().FirstAsync(p => p.Id == id, ct);
        }
        catch (AppProblem p) when (p.Errors.Count > 0)
        {
            foreach (var (key, messages) in p.Errors) foreach (var message in messages) errors.Add(key, message);
            return null;
        }
    }
}

public sealed record PersonChoice(Guid Id, string Name, string? Number);
