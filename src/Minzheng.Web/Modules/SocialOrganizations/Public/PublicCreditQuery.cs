using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Modules.SocialOrganizations.Reports;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialOrganizations.Public;

/// <summary>One search result: who the organisation is and whether it is listed today.</summary>
public sealed record PublicOrganizationSummary(string CreditCode, string Name, string KindName, string StatusName, string Authority, string ListName);

/// <summary>
/// One organisation on the public query: the registration facts printed on the certificate (the legal representative's NAME
/// only), the grade in validity, and what every <see cref="IPublicFactSource"/> publishes. Never a phone, a bank account or a
/// member's personal data: those fields are simply not read.
/// </summary>
public sealed record PublicOrganizationDetail(string CreditCode, string Name, OrganizationKind Kind, string KindName, OrganizationStatus Status, string StatusName,
    DateOnly? RegisteredOn, DateOnly? EndedOn, string Authority, string? SupervisingUnit, string Address, string BusinessScope, string LegalRepresentative,
    string? CertificateNumber, string? Grade, DateOnly? GradeValidUntil, CreditList List, IReadOnlyList<PublicFact> Facts);

/// <summary>One organisation on a published list (its latest announcement is an entry).</summary>
public sealed record PublicListEntry(string CreditCode, string Name, string Authority, CreditList List, DateOnly EffectiveOn, string Grounds, DateOnly PublishedOn);

/// <summary>
/// The public credit query (issue 14 item 4): anonymous, so every read here goes past the scope filter on purpose — the facts
/// are public by law (民政部令第60号: both lists are published with a public query service) and only they are selected. Each
/// query ignores the filters on every source it reads (<see cref="ScopeLeakGuard"/>). Only social organisations (those with a
/// profile) are found.
/// </summary>
public sealed partial class PublicCreditQuery(AppDbContext db, IEnumerable<IPublicFactSource> sources, CreditLedger ledger, DivisionDirectory divisions, BusinessClock clock)
{
    public const int MaxQueryLength = 60;

    [GeneratedRegex("^[0-9A-Za-z]{18}$")]
    private static partial Regex CodeShaped();

    /// <summary>A full 统一社会信用代码 matches exactly, anything else matches names by contains; a bad query is refused on <c>q</c>.</summary>
    public async Task<Paged<PublicOrganizationSummary>> SearchAsync(string? q, PageRequest paging, CancellationToken ct = default)
    {
        var text = q?.Trim() ?? "";
        string? code = null;
        if (text.Length == 0) throw AppProblem.Field("q", "请输入社会组织名称或统一社会信用代码");
        if (CodeShaped().IsMatch(text))
        {
            code = CreditCode.Normalize(text);
            if (!CreditCode.IsValid(code)) throw AppProblem.Field("q", "统一社会信用代码校验不通过，请核对后重新输入");
        }
        else if (text.Length < 2) throw AppProblem.Field("q", "名称至少输入 2 个字");
        else if (text.Length > MaxQueryLength) throw AppProblem.Field("q", $"名称最多 {MaxQueryLength} 个字");
        else if (text.Any(char.IsControl)) throw AppProblem.Field("q", "名称含有无效字符");

        // public by law, anonymous: both sources ignore the scope filter deliberately
        var found = db.Set<Organization>().IgnoreQueryFilters().AsNoTracking()
            .Where(o => db.Set<SocialOrganizationProfile>().IgnoreQueryFilters().Any(p => p.OrganizationId == o.Id))
            .Where(o => code != null ? o.CreditCode == code : o.Name.Contains(text));
        var total = await found.CountAsync(ct);
        var orgs = await found.OrderBy(o => o.Name).ThenBy(o => o.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var ids = orgs.Select(o => o.Id).ToList();
        var profiles = await Profiles(ids, ct);
        var lists = await ListsOf(profiles, ct);
        var items = orgs.Where(o => profiles.ContainsKey(o.Id)).Select(o => new PublicOrganizationSummary(o.CreditCode ?? o.DisplayNumber, o.Name,
            SocialOrganizationKinds.Name(o.Kind), StatusName(o.Status), AuthorityName(profiles[o.Id].AuthorityDivisionCode), CreditLabels.Name(lists[o.Id]))).ToList();
        return new(items, total, paging.Page, paging.PageSize);
    }

    /// <summary>The organisation with this credit code, or null (not a social organisation, or no such code).</summary>
    public async Task<PublicOrganizationDetail?> DetailAsync(string? creditCode, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(creditCode) || !CodeShaped().IsMatch(creditCode.Trim())) return null;
        var code = CreditCode.Normalize(creditCode);
        // public by law, anonymous: read past the scope filter on purpose (each source in its own query)
        var o = await db.Set<Organization>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.CreditCode == code, ct);
        if (o is null) return null;
        var profiles = await Profiles([o.Id], ct);
        if (!profiles.TryGetValue(o.Id, out var p)) return null;
        var lists = await ListsOf(profiles, ct);
        var facts = new List<PublicFact>();
        foreach (var source in sources.OrderBy(s => s.Order))
        {
            var bySource = await source.LoadAsync([o.Id], ct);
            if (bySource.TryGetValue(o.Id, out var f)) facts.AddRange(f);
        }
        var today = clock.Today;
        var gradeValid = p.Grade is { } g && g is >= 1 and <= 5 && p.GradeValidUntil is { } until && until >= today;
        return new(code, o.Name, o.Kind, SocialOrganizationKinds.Name(o.Kind), o.Status, StatusName(o.Status), o.RegisteredOn, o.EndedOn,
            AuthorityName(p.AuthorityDivisionCode), p.SupervisingUnit, o.Address, p.BusinessScope, o.LegalRepresentativeName, p.CertificateNumber,
            gradeValid ? $"{p.Grade}A" : null, gradeValid ? p.GradeValidUntil : null, lists[o.Id], facts);
    }

    /// <summary>The published lists: every organisation whose latest announcement is an entry, newest first.</summary>
    public async Task<Paged<PublicListEntry>> ListsAsync(CreditList? list, PageRequest paging, CancellationToken ct = default)
    {
        // the publication log is public by law; read past the scope filter on purpose
        var all = await db.Set<CreditPublication>().IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        var current = all.GroupBy(p => p.OrganizationId!.Value)
            .Select(g => g.OrderBy(p => p.RecordedAt).ThenBy(p => p.EffectiveOn).ThenBy(p => (int)p.Action % 2 == 0 ? 0 : 1).Last())
            .Where(p => CreditPublisher.ListOf(p.Action) is var l && l != CreditList.None && (list is null || l == list))
            .OrderByDescending(p => p.EffectiveOn).ThenBy(p => p.Id)
            .ToList();
        var page = current.Skip(paging.Skip).Take(paging.PageSize).ToList();
        var ids = page.Select(p => p.OrganizationId!.Value).ToList();
        var orgs = await db.Set<Organization>().IgnoreQueryFilters().AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var items = page.Where(p => orgs.ContainsKey(p.OrganizationId!.Value)).Select(p =>
        {
            var o = orgs[p.OrganizationId!.Value];
            return new PublicListEntry(o.CreditCode ?? o.DisplayNumber, o.Name, AuthorityName(p.AuthorityDivisionCode), CreditPublisher.ListOf(p.Action), p.EffectiveOn, p.Grounds, p.PublishedOn);
        }).ToList();
        return new(items, current.Count, paging.Page, paging.PageSize);
    }

    private async Task<Dictionary<Guid, SocialOrganizationProfile>> Profiles(List<Guid> ids, CancellationToken ct) =>
        // public by law, anonymous: read past the scope filter on purpose
        await db.Set<SocialOrganizationProfile>().IgnoreQueryFilters().AsNoTracking().Where(p => ids.Contains(p.OrganizationId!.Value)).ToDictionaryAsync(p => p.OrganizationId!.Value, ct);

    private async Task<Dictionary<Guid, CreditList>> ListsOf(Dictionary<Guid, SocialOrganizationProfile> profiles, CancellationToken ct)
    {
        var ids = profiles.Keys.ToList();
        // public by law, anonymous: read past the scope filter on purpose
        var events = (await db.Set<CreditEventRecord>().IgnoreQueryFilters().AsNoTracking().Where(e => ids.Contains(e.OrganizationId!.Value))
            .OrderBy(e => e.OccurredOn).ThenBy(e => e.RecordedAt).ToListAsync(ct)).ToLookup(e => e.OrganizationId!.Value);
        var today = clock.Today;
        return ids.ToDictionary(id => id, id => events[id].Any() ? ledger.Status([.. events[id]], profiles[id].AuthorityDivisionCode, today).List : CreditList.None);
    }

    public string AuthorityName(string divisionCode) => divisions.NameOf(divisionCode) + "民政局";

    public static string StatusName(OrganizationStatus s) => s switch
    {
        OrganizationStatus.Deregistered => "注销",
        OrganizationStatus.Revoked => "撤销",
        _ => "存续",
    };
}
