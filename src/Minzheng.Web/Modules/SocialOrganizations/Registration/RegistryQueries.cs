using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Text;

namespace Minzheng.Web.Modules.SocialOrganizations.Registration;

/// <summary>The list's filters: q (name, pinyin, initials or credit code), kind, level, county, status (active or ended).</summary>
public sealed record RegistryFilter(string? Q, string? Kind, string? Level, string? County, string? Status);

/// <summary>A row of the list (and of its xlsx export).</summary>
public sealed record RegistryRow(Guid Id, string Name, string CreditCode, string Kind, string KindName, string Level, string LevelName,
    string DivisionCode, string DivisionName, string LegalRepresentative, string Status, string StatusName, string? CertificateNumber,
    DateOnly? RegisteredOn, string? SupervisingUnit, int? Grade);

/// <summary>One organisation: registry facts, the profile, former names and the applications.</summary>
public sealed record RegistryDetail(RegistryRow Summary, string Address, string Purpose, string BusinessScope, decimal RegisteredCapital,
    string Category, string CategoryName, bool IsTradeAssociation, string AuthorityDivisionCode, string AuthorityName, DateOnly? CertificateIssuedOn,
    DateOnly? EndedOn, bool CanAct, int Version, IReadOnlyList<FormerName> FormerNames, IReadOnlyList<ApplicationRow> Applications);

public sealed record FormerName(string Name, DateOnly Until);

public sealed record ApplicationRow(Guid Id, string Number, string Kind, string KindName, string Status, string StatusName, string Name,
    DateOnly SubmittedOn, DateOnly? DueOn, DateOnly? DecidedOn, string Channel, int Version);

/// <summary>The read side of the registry of social organisations, through the one scope filter.</summary>
public sealed class RegistryQueries(AppDbContext db, DivisionDirectory divisions, RegistrationAuthority authority, AuditLog audit)
{
    public const int MaxExport = 5000;

    private sealed record Pair(SocialOrganizationProfile P, Organization O);

    private IQueryable<Pair> Query(RegistryFilter f)
    {
        var q = db.Set<SocialOrganizationProfile>().AsNoTracking()
            .Join(db.Organizations.AsNoTracking(), p => p.OrganizationId, o => o.Id, (p, o) => new { p, o });
        if (RegistrationApplications.ParseKind(f.Kind) is { } kind) q = q.Where(x => x.p.Kind == kind);
        if (f.Level == "city") q = q.Where(x => x.p.Level == RegistrationLevel.City);
        if (f.Level == "county") q = q.Where(x => x.p.Level == RegistrationLevel.County);
        if (f.County is { Length: 6 } county && county.All(char.IsAsciiDigit))
        {
            var low = county.PadRight(12, '0');
            var high = county.PadRight(12, '9');
            q = q.Where(x => string.Compare(x.p.DivisionCode, low) >= 0 && string.Compare(x.p.DivisionCode, high) <= 0);
        }
        if (f.Status == "active") q = q.Where(x => x.o.Status == OrganizationStatus.Active);
        if (f.Status == "ended") q = q.Where(x => x.o.Status != OrganizationStatus.Active);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var text = f.Q.Trim();
            var key = PinyinTable.Shared.SearchKey(text);
            var upper = text.ToUpperInvariant();
            q = q.Where(x => x.o.Name.Contains(text) || (x.o.CreditCode != null && x.o.CreditCode.StartsWith(upper))
                || (key.Length > 0 && (x.o.NamePinyin.Contains(key) || x.o.NameInitials.StartsWith(key))));
        }
        return q.OrderBy(x => x.o.Name).ThenBy(x => x.o.Id).Select(x => new Pair(x.p, x.o));
    }

    public async Task<Paged<RegistryRow>> ListAsync(RegistryFilter f, PageRequest page, CancellationToken ct = default)
    {
        var rows = await Query(f).ToPagedAsync(page, ct);
        return rows.Select(x => Row(x.P, x.O));
    }

    public async Task<RegistryDetail> DetailAsync(Guid id, CancellationToken ct = default)
    {
        var o = await authority.LoadAsync(id, ct); // 404 outside the scope or for another organisation's account
        var former = await db.Set<OrganizationEvent>().AsNoTracking().Where(e => e.OrganizationId == id && e.FormerName != null)
            .OrderBy(e => e.EffectiveOn).Select(e => new FormerName(e.FormerName!, e.EffectiveOn)).ToListAsync(ct);
        var applications = await db.Set<RegistrationApplication>().AsNoTracking().Where(a => a.OrganizationId == id)
            .OrderByDescending(a => a.SubmittedOn).ThenByDescending(a => a.Id).ToListAsync(ct);
        var p = o.Profile;
        return new(Row(p, o.Organization), o.Organization.Address, p.Purpose, p.BusinessScope, p.RegisteredCapital.Yuan, p.Category,
            SocialOrganizationCategories.Name(p.Category), p.IsTradeAssociation, p.AuthorityDivisionCode, AuthorityName(p.AuthorityDivisionCode),
            p.CertificateIssuedOn, o.Organization.EndedOn, authority.CanAct(p), o.Organization.Version, former, [.. applications.Select(ToRow)]);
    }

    public async Task<byte[]> ExcelAsync(RegistryFilter f, CancellationToken ct = default)
    {
        var rows = await Query(f).Take(MaxExport).ToListAsync(ct);
        var sheet = rows.Select((x, i) =>
        {
            var r = Row(x.P, x.O);
            return new Dictionary<string, object?>
            {
                ["序号"] = i + 1,
                ["名称"] = r.Name,
                ["统一社会信用代码"] = r.CreditCode,
                ["类型"] = r.KindName,
                ["登记管理机关"] = AuthorityName(x.P.AuthorityDivisionCode),
                ["住所所在地"] = r.DivisionName,
                ["法定代表人"] = r.LegalRepresentative,
                ["业务主管单位"] = r.SupervisingUnit ?? "（直接登记）",
                ["登记证书编号"] = r.CertificateNumber,
                ["成立登记日期"] = r.RegisteredOn?.ToString("yyyy-MM-dd"),
                ["注册资金（元）"] = x.P.RegisteredCapital.Yuan,
                ["评估等级"] = r.Grade is { } g ? $"{g}A" : null,
                ["状态"] = r.StatusName,
            };
        }).ToList();
        await audit.RecordAsync("export", nameof(SocialOrganizationProfile), null, new { rows = sheet.Count }, ct: ct);
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: "社会组织", cancellationToken: ct);
        return stream.ToArray();
    }

    public string AuthorityName(string authorityDivisionCode) => divisions.NameOf(authorityDivisionCode) + "民政局";

    public RegistryRow Row(SocialOrganizationProfile p, Organization o) => new(
        o.Id, o.Name, o.DisplayNumber, SocialOrganizationKinds.FigureCategory(p.Kind), SocialOrganizationKinds.Name(p.Kind),
        p.Level == RegistrationLevel.City ? "city" : "county", RegistrationLevels.Name(p.Level), p.DivisionCode, divisions.FullName(p.DivisionCode),
        o.LegalRepresentativeName, o.Status == OrganizationStatus.Active ? "active" : "ended",
        o.Status switch { OrganizationStatus.Active => "正常", OrganizationStatus.Deregistered => "已注销", _ => "已撤销登记" },
        p.CertificateNumber, o.RegisteredOn, p.SupervisingUnit, p.Grade);

    public static ApplicationRow ToRow(RegistrationApplication a) => new(a.Id, a.Number, a.Kind.ToString().ToLowerInvariant(),
        RegistrationApplications.KindName(a.Kind), a.Status.ToString().ToLowerInvariant(), RegistrationApplications.StatusName(a.Status), a.Name,
        a.SubmittedOn, a.DueOn, a.DecidedOn, a.Channel == ApplicationChannel.Online ? "网上申请" : "窗口录入", a.Version);
}
