using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Registry;

/// <summary>Filters of the person list, shared by the page, the API and the Excel export.</summary>
public sealed record PersonFilter
{
    /// <summary>Exact ID number (18 or 15 digits), looked up by keyed hash.</summary>
    public string? IdNumber { get; init; }

    /// <summary>
    /// The keyed hash of an ID number (base64url), used in page URLs instead of the number itself so that
    /// full ID numbers never reach browser history or access logs.
    /// </summary>
    public string? IdKey { get; init; }

    /// <summary>Name prefix in characters ("陈小"), or pinyin / initials prefix ("chenx", "cxm").</summary>
    public string? Name { get; init; }

    /// <summary>Any division: the list shows its subtree (within the user's scope).</summary>
    public string? DivisionCode { get; init; }

    public LifeStatus? LifeStatus { get; init; }
    public bool? Disabled { get; init; }
    public string? Sort { get; init; }
}

/// <summary>One row of the person list, masked identifiers only.</summary>
public sealed record PersonRow(
    Guid Id, string Number, string Name, Sex Sex, DateOnly BirthDate, string DivisionCode, HukouType HukouType,
    DisabilityCategory? DisabilityCategory, int? DisabilityGrade, LifeStatus LifeStatus, string? PhoneMasked);

public sealed class PersonSearch(AppDbContext db, IdentifierProtector protector, ListTotals totals, ICurrentUser user)
{
    /// <summary>The filtered query (scope applies through the query filter); throws 400 for a malformed ID number.</summary>
    public IQueryable<Person> Query(PersonFilter f)
    {
        var q = db.Persons.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.IdNumber))
        {
            var id = Registry.IdNumber.TryParse(f.IdNumber, out var error)
                ?? throw AppProblem.Field("idNumber", error!, "id_number_invalid");
            var hash = protector.Hash(id.Value, ProtectedKind.IdNumber);
            q = q.Where(p => p.IdNumberHash == hash);
        }
        if (!string.IsNullOrWhiteSpace(f.IdKey))
        {
            byte[] hash;
            try
            {
                hash = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(f.IdKey);
            }
            catch (FormatException)
            {
                throw AppProblem.Field("idKey", "查询链接无效，请重新输入身份证号", "id_key_invalid");
            }
            q = q.Where(p => p.IdNumberHash == hash);
        }
        if (!string.IsNullOrWhiteSpace(f.Name))
        {
            var name = f.Name.Trim();
            if (name.All(char.IsAsciiLetter))
            {
                var key = name.ToLowerInvariant();
                q = q.Where(p => p.NamePinyin.StartsWith(key) || p.NameInitials.StartsWith(key));
            }
            else
            {
                q = q.Where(p => p.Name.StartsWith(name));
            }
        }
        if (DivisionCodes.IsWellFormed(f.DivisionCode))
        {
            var sub = DivisionScope.Of(f.DivisionCode!);
            q = q.Where(p => string.Compare(p.DivisionCode, sub.Low) >= 0 && string.Compare(p.DivisionCode, sub.High) <= 0);
        }
        if (f.LifeStatus is { } status) q = q.Where(p => p.LifeStatus == status);
        if (f.Disabled is true) q = q.Where(p => p.DisabilityCategory != null);
        if (f.Disabled is false) q = q.Where(p => p.DisabilityCategory == null);
        return q;
    }

    /// <summary>The URL-safe lookup key of an ID number (see <see cref="PersonFilter.IdKey"/>).</summary>
    public string IdKeyOf(string idNumber)
    {
        var id = Registry.IdNumber.TryParse(idNumber, out var error) ?? throw AppProblem.Field("idNumber", error!, "id_number_invalid");
        return Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(protector.Hash(id.Value, ProtectedKind.IdNumber));
    }

    public static IQueryable<PersonRow> Rows(IQueryable<Person> q, string? sort)
    {
        q = sort switch
        {
            "name" => q.OrderBy(p => p.NamePinyin).ThenBy(p => p.Id),
            "birth" => q.OrderBy(p => p.BirthDate).ThenBy(p => p.Id),
            "-birth" => q.OrderByDescending(p => p.BirthDate).ThenBy(p => p.Id),
            "-updated" => q.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id),
            _ => q.OrderBy(p => p.DivisionCode).ThenBy(p => p.NamePinyin).ThenBy(p => p.Id),
        };
        return q.Select(p => new PersonRow(p.Id, p.IdNumberMasked ?? p.PlatformNumber ?? "", p.Name, p.Sex, p.BirthDate, p.DivisionCode,
            p.HukouType, p.DisabilityCategory, p.DisabilityGrade, p.LifeStatus, p.PhoneMasked));
    }

    public async Task<Paged<PersonRow>> SearchAsync(PersonFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = Query(f);
        var items = await Rows(q, f.Sort).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        // an exact lookup needs no count (one row or none); a city's total is kept for a minute (ADR 075)
        var total = await totals.TotalAsync(q, ListTotals.Key("persons", user, f with { Sort = null }), page, items.Count, ct);
        return new Paged<PersonRow>(items, total, page.Page, page.PageSize);
    }
}
