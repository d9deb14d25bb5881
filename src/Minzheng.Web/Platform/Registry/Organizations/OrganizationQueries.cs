using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Registry.Organizations;

/// <summary>Filters of the organisation list, shared by the page, the API and the Excel export.</summary>
public sealed record OrganizationFilter
{
    /// <summary>Name prefix in characters ("阳光"), pinyin or initials prefix ("yangg", "ygyl"), or a credit code / platform number (exact).</summary>
    public string? Search { get; init; }

    public OrganizationKind? Kind { get; init; }
    public OrganizationStatus? Status { get; init; }

    /// <summary>Any division: the list shows its subtree (within the user's scope).</summary>
    public string? DivisionCode { get; init; }
}

public sealed record OrganizationRow(Guid Id, string Number, string Name, OrganizationKind Kind, string KindName, string DivisionCode, string DivisionName,
    string LegalRepresentativeName, OrganizationStatus Status, string StatusName, string? PhoneMasked);

public sealed record OrganizationEventDto(OrganizationEventKind Kind, string KindName, DateOnly On, string? FormerName, string Note, string RecordedBy);

public sealed record OrganizationDto(Guid Id, string? CreditCode, string? PlatformNumber, string Name, OrganizationKind Kind, string KindName,
    Guid? LegalRepresentativePersonId, string LegalRepresentativeName, string DivisionCode, string DivisionName, string Address, string? PhoneMasked,
    string? BankName, string? BankAccountMasked, OrganizationStatus Status, string StatusName, DateOnly? RegisteredOn, DateOnly? EndedOn,
    IReadOnlyList<string> FormerNames, IReadOnlyList<OrganizationEventDto> Events, int Version);

public sealed class OrganizationQueries(AppDbContext db, DivisionDirectory divisions)
{
    /// <summary>The filtered query (scope applies through the query filter).</summary>
    public IQueryable<Organization> Query(OrganizationFilter f)
    {
        var q = db.Organizations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            var term = f.Search.Trim();
            var upper = term.ToUpperInvariant();
            if (upper.Length == CreditCode.Length && upper.All(c => CreditCode.Alphabet.Contains(c, StringComparison.Ordinal)))
            {
                q = q.Where(o => o.CreditCode == upper);
            }
            else if (upper.StartsWith("MZO", StringComparison.Ordinal) && upper.Length > 3 && upper[3..].All(char.IsAsciiDigit))
            {
                q = q.Where(o => o.PlatformNumber == upper);
            }
            else if (term.All(char.IsAsciiLetter))
            {
                var key = term.ToLowerInvariant();
                q = q.Where(o => o.NamePinyin.StartsWith(key) || o.NameInitials.StartsWith(key));
            }
            else
            {
                q = q.Where(o => o.Name.StartsWith(term) || o.Name.Contains(term));
            }
        }
        if (f.Kind is { } kind) q = q.Where(o => o.Kind == kind);
        if (f.Status is { } status) q = q.Where(o => o.Status == status);
        if (DivisionCodes.IsWellFormed(f.DivisionCode))
        {
            var sub = DivisionScope.Of(f.DivisionCode!);
            q = q.Where(o => string.Compare(o.DivisionCode, sub.Low) >= 0 && string.Compare(o.DivisionCode, sub.High) <= 0);
        }
        return q;
    }

    public async Task<Paged<OrganizationRow>> SearchAsync(OrganizationFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = Query(f);
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(o => o.DivisionCode).ThenBy(o => o.NamePinyin).ThenBy(o => o.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Paged<OrganizationRow>(items.Select(Row).ToList(), total, page.Page, page.PageSize);
    }

    public OrganizationRow Row(Organization o) => new(o.Id, o.DisplayNumber, o.Name, o.Kind, OrganizationLabels.Of(o.Kind), o.DivisionCode, divisions.FullName(o.DivisionCode),
        o.LegalRepresentativeName, o.Status, OrganizationLabels.Of(o.Status), o.PhoneMasked);

    public async Task<OrganizationDto> OrganizationAsync(Guid id, CancellationToken ct = default)
    {
        var o = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw AppProblem.NotFound("组织");
        var events = await db.Set<OrganizationEvent>().AsNoTracking().Where(e => e.OrganizationId == id).OrderBy(e => e.EffectiveOn).ThenBy(e => e.RecordedAt).ToListAsync(ct);
        return new OrganizationDto(o.Id, o.CreditCode, o.PlatformNumber, o.Name, o.Kind, OrganizationLabels.Of(o.Kind), o.LegalRepresentativePersonId, o.LegalRepresentativeName,
            o.DivisionCode, divisions.FullName(o.DivisionCode), o.Address, o.PhoneMasked, o.BankName, o.BankAccountMasked, o.Status, OrganizationLabels.Of(o.Status),
            o.RegisteredOn, o.EndedOn, events.Where(e => e.FormerName != null).Select(e => e.FormerName!).ToList(),
            events.Select(e => new OrganizationEventDto(e.Kind, OrganizationLabels.Of(e.Kind), e.EffectiveOn, e.FormerName, e.Note, e.RecordedBy)).ToList(), o.Version);
    }
}

public static class OrganizationLabels
{
    public static readonly IReadOnlyDictionary<OrganizationKind, string> Kinds = new Dictionary<OrganizationKind, string>
    {
        [OrganizationKind.SocialGroup] = "社会团体",
        [OrganizationKind.SocialServiceAgency] = "社会服务机构",
        [OrganizationKind.Foundation] = "基金会",
        [OrganizationKind.PublicInstitution] = "事业单位",
        [OrganizationKind.Enterprise] = "企业",
        [OrganizationKind.ResidentsCommittee] = "村（居）民委员会",
        [OrganizationKind.GovernmentAgency] = "机关",
        [OrganizationKind.Other] = "其他",
    };

    public static string Of(OrganizationKind kind) => Kinds.GetValueOrDefault(kind, kind.ToString());

    public static string Of(OrganizationStatus status) => status switch
    {
        OrganizationStatus.Active => "存续",
        OrganizationStatus.Deregistered => "已注销",
        OrganizationStatus.Revoked => "已撤销登记",
        _ => status.ToString(),
    };

    public static string Of(OrganizationEventKind kind) => kind switch
    {
        OrganizationEventKind.Registered => "成立登记",
        OrganizationEventKind.Changed => "变更登记",
        OrganizationEventKind.Deregistered => "注销登记",
        OrganizationEventKind.Revoked => "撤销登记",
        _ => kind.ToString(),
    };

    /// <summary>Parses a kind as written in an import file (its Chinese name, with either kind of brackets).</summary>
    public static OrganizationKind? KindOf(string? text)
    {
        var t = text?.Trim().Replace('(', '（').Replace(')', '）');
        if (string.IsNullOrEmpty(t)) return null;
        if (t == "民办非企业单位") return OrganizationKind.SocialServiceAgency;
        foreach (var (kind, name) in Kinds) if (name == t) return kind;
        return null;
    }
}

/// <summary>
/// A module's panel on the one-organisation view: a care home's residents, a provider's settlements, a social
/// organisation's annual reports… Each module registers its own (services.AddScoped&lt;IOrganizationPanel, …&gt;()).
/// </summary>
public interface IOrganizationPanel
{
    /// <summary>The module key in <see cref="Ui.ModuleCatalog"/>.</summary>
    string ModuleKey { get; }

    string Title { get; }

    int Order { get; }

    /// <summary>A Razor partial (absolute path) that renders the model returned by <see cref="LoadAsync"/>.</summary>
    string PartialView { get; }

    /// <summary>The panel's model, or null when the module has nothing for this organisation (the panel is then not shown).</summary>
    Task<object?> LoadAsync(Guid organizationId, CancellationToken ct);
}
