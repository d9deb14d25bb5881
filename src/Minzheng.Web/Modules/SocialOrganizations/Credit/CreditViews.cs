using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialOrganizations.Credit;

/// <summary>The current lists in the officer's scope as a spreadsheet (the same rows as the list page).</summary>
public sealed class CreditExport(CreditOffice office, DivisionDirectory divisions, AuditLog audit)
{
    public async Task<byte[]> ExcelAsync(CreditList? list, CancellationToken ct)
    {
        var rows = await office.CurrentListsAsync(list, ct);
        var sheet = rows.Select((r, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["社会组织名称"] = r.Name,
            ["统一社会信用代码"] = r.CreditCode,
            ["登记管理机关"] = divisions.NameOf(r.AuthorityDivisionCode) + "民政局",
            ["名录"] = CreditLabels.Name(r.Status.List),
            ["列入日期"] = r.Status.Since?.ToString("yyyy-MM-dd"),
            ["列入情形"] = string.Join("；", r.Status.Grounds.Select(g => $"{g.Date:yyyy-MM-dd} {g.Name}")),
            ["可移出日期"] = r.Status.RemovableFrom?.ToString("yyyy-MM-dd") ?? "须履行义务或整改后核实",
        }).ToList();
        await audit.RecordAsync("export", nameof(CreditEventRecord), null, new { rows = sheet.Count, list = list?.ToString() }, ct: ct);
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: "信用名录", cancellationToken: ct);
        return stream.ToArray();
    }
}

/// <summary>The credit panel of the one-organisation view: the status derived today and the events.</summary>
public sealed class CreditOrganizationPanel(AppDbContext db, CreditLedger ledger, BusinessClock clock) : IOrganizationPanel
{
    public sealed record Model(Guid OrganizationId, CreditStatus Status, IReadOnlyList<CreditEventView> Events);

    public string ModuleKey => "social-organizations";
    public string Title => "信用名录（民政部令第60号）";
    public int Order => 60;
    public string PartialView => "/Modules/SocialOrganizations/Credit/Pages/_OrganizationPanel.cshtml";

    public async Task<object?> LoadAsync(Guid organizationId, CancellationToken ct)
    {
        var profile = await db.Set<SocialOrganizationProfile>().AsNoTracking().FirstOrDefaultAsync(p => p.OrganizationId == organizationId, ct);
        if (profile is null) return null;
        var records = await db.Set<CreditEventRecord>().AsNoTracking().Where(e => e.OrganizationId == organizationId)
            .OrderBy(e => e.OccurredOn).ThenBy(e => e.RecordedAt).ToListAsync(ct);
        return new Model(organizationId, ledger.Status(records, profile.AuthorityDivisionCode, clock.Today), CreditOffice.Views(records));
    }
}

/// <summary>
/// What the credit part publishes on the public query: the current list with its grounds and dates, and every announcement.
/// Reads past the scope filter on purpose (anonymous, public by law: 60号令 publishes both lists); only list facts, no person.
/// </summary>
public sealed class CreditPublicFacts(AppDbContext db, CreditLedger ledger, BusinessClock clock) : IPublicFactSource
{
    public const string Section = "信用名录";

    public int Order => 40;

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<PublicFact>>> LoadAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken ct)
    {
        var ids = organizationIds.ToList();
        // anonymous public query: every source ignores the filters (ScopeLeakGuard), each in its own query
        var events = (await db.Set<CreditEventRecord>().IgnoreQueryFilters().AsNoTracking().Where(e => ids.Contains(e.OrganizationId!.Value))
            .OrderBy(e => e.OccurredOn).ThenBy(e => e.RecordedAt).ToListAsync(ct)).ToLookup(e => e.OrganizationId!.Value);
        var authorities = await db.Set<SocialOrganizationProfile>().IgnoreQueryFilters().AsNoTracking().Where(p => ids.Contains(p.OrganizationId!.Value))
            .ToDictionaryAsync(p => p.OrganizationId!.Value, p => p.AuthorityDivisionCode, ct);
        var publications = (await db.Set<CreditPublication>().IgnoreQueryFilters().AsNoTracking().Where(p => ids.Contains(p.OrganizationId!.Value))
            .ToListAsync(ct)).ToLookup(p => p.OrganizationId!.Value);
        var result = new Dictionary<Guid, IReadOnlyList<PublicFact>>();
        foreach (var id in ids)
        {
            if (!authorities.TryGetValue(id, out var authority)) continue;
            var facts = new List<PublicFact>();
            var status = ledger.Status([.. events[id]], authority, clock.Today);
            facts.Add(status.List == CreditList.None
                ? new PublicFact(Section, "当前状态", "未列入活动异常名录、严重违法失信名单")
                : new PublicFact(Section, "当前状态", $"列入{CreditLabels.Name(status.List)}", status.Since));
            facts.AddRange(status.Grounds.Select(g => new PublicFact(Section, "列入情形", g.Name, g.Date)));
            facts.AddRange(publications[id].OrderByDescending(p => p.EffectiveOn).ThenByDescending(p => p.RecordedAt)
                .Select(p => new PublicFact(Section, CreditPublisher.Name(p.Action), p.Grounds, p.EffectiveOn)));
            result[id] = facts;
        }
        return result;
    }
}
