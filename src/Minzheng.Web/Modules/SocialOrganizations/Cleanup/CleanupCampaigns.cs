using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Modules.SocialOrganizations.Reports;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialOrganizations.Cleanup;

/// <summary>One step of a cleanup campaign: a measure (联系/约谈, 责令整改, 公告) or an outcome (恢复活动, 自行注销, 撤销登记).</summary>
public enum CleanupStepKind
{
    /// <summary>联系/约谈.</summary>
    Contact = 1,

    /// <summary>责令整改.</summary>
    OrderRectification = 2,

    /// <summary>公告 (e.g. a public notice to an unreachable organisation).</summary>
    Announcement = 3,

    /// <summary>撤销登记: measure and outcome at once; ends the registry organisation.</summary>
    Revoked = 4,

    /// <summary>恢复活动: the campaign ends, the organisation stays.</summary>
    ResumedActivity = 5,

    /// <summary>自行注销: recorded once the deregistration is done in the registry.</summary>
    SelfDeregistered = 6,
}

public static class CleanupLabels
{
    public static readonly IReadOnlyList<(CleanupStepKind Kind, string Code, string Name)> Steps =
    [
        (CleanupStepKind.Contact, "contact", "联系/约谈"),
        (CleanupStepKind.OrderRectification, "order-rectification", "责令整改"),
        (CleanupStepKind.Announcement, "announcement", "公告"),
        (CleanupStepKind.Revoked, "revoked", "撤销登记"),
        (CleanupStepKind.ResumedActivity, "resumed-activity", "恢复活动"),
        (CleanupStepKind.SelfDeregistered, "self-deregistered", "自行注销"),
    ];

    public static CleanupStepKind? Parse(string? code) => Steps.FirstOrDefault(s => s.Code == code) is { Code: not null } s ? s.Kind : null;

    public static string Code(CleanupStepKind k) => Steps.First(s => s.Kind == k).Code;

    public static string Name(CleanupStepKind k) => Steps.First(s => s.Kind == k).Name;

    public static bool IsOutcome(CleanupStepKind k) => k is CleanupStepKind.Revoked or CleanupStepKind.ResumedActivity or CleanupStepKind.SelfDeregistered;
}

/// <summary>One line of an organisation's cleanup ledger (append-only: what was done, when, on which document).</summary>
public sealed class CleanupStep : IDivisionScoped, IOrganizationScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? OrganizationId { get; set; }
    public required string DivisionCode { get; set; }
    public CleanupStepKind Kind { get; set; }
    public DateOnly On { get; set; }
    public string Note { get; set; } = "";
    public string? DocumentNumber { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
}

internal sealed class CleanupStepConfiguration : IEntityTypeConfiguration<CleanupStep>
{
    public void Configure(EntityTypeBuilder<CleanupStep> b)
    {
        b.ToTable("socorg_cleanup_step");
        b.HasKey(s => s.Id);
        b.Property(s => s.DivisionCode).HasMaxLength(12);
        b.Property(s => s.Kind).HasConversion<int>();
        b.Property(s => s.Note).HasMaxLength(500);
        b.Property(s => s.DocumentNumber).HasMaxLength(100);
        b.Property(s => s.RecordedBy).HasMaxLength(100);
        b.HasIndex(s => new { s.OrganizationId, s.On });
        b.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed record CleanupStepInput(string? Kind, DateOnly? On, string? Note, string? DocumentNumber, int? Version);

public sealed record CleanupStepDto(Guid Id, string Kind, string KindName, DateOnly On, string Note, string? DocumentNumber, string RecordedBy);

public sealed record FlaggedOrganization(Guid OrganizationId, string Name, string Kind, string DivisionCode, string Level, IReadOnlyList<ZombieReason> Reasons,
    [property: JsonPropertyName("lastStep")] CleanupStepDto? LastStep, bool CanAct);

public sealed record CleanupLedgerDto(Guid OrganizationId, string Name, string Status, int Version, IReadOnlyList<ZombieReason> Reasons, IReadOnlyList<CleanupStepDto> Steps, bool CanAct);

/// <summary>
/// 僵尸型社会组织清理 (issue 14 item 7): the flagged list in the user's scope (the pure <see cref="ZombieRules"/> over the
/// report, registry, ledger and credit facts), the campaign ledger per organisation, and 撤销登记 by the registration authority,
/// which ends the registry organisation and records the 60号令 ground <see cref="CreditEventKind.RegistrationRevoked"/> in the
/// same save.
/// </summary>
public sealed class CleanupCampaigns(AppDbContext db, RegistrationAuthority authority, OrganizationRegistration registration, CreditLedger ledger,
    FigureBook figures, BusinessClock clock, ICurrentUser user)
{
    public async Task<Paged<FlaggedOrganization>> FlaggedAsync(PageRequest page, CancellationToken ct = default)
    {
        var today = clock.Today;
        var orgs = await (from p in db.Set<SocialOrganizationProfile>().AsNoTracking()
                          join o in db.Set<Organization>().AsNoTracking() on p.OrganizationId equals o.Id
                          where o.Status == OrganizationStatus.Active
                          orderby o.Name, o.Id
                          select new { Profile = p, Organization = o }).ToListAsync(ct);
        var ids = orgs.Select(o => o.Organization.Id).ToList();
        var facts = await FactsAsync(ids, ct);
        var steps = (await db.Set<CleanupStep>().AsNoTracking().Where(s => ids.Contains(s.OrganizationId!.Value)).ToListAsync(ct))
            .GroupBy(s => s.OrganizationId!.Value).ToDictionary(g => g.Key, g => g.OrderBy(s => s.On).ThenBy(s => s.RecordedAt).Last());
        var flagged = new List<FlaggedOrganization>();
        foreach (var x in orgs)
        {
            var reasons = Reasons(new SocialOrganization(x.Organization, x.Profile), facts, today);
            if (reasons.Count == 0) continue;
            flagged.Add(new(x.Organization.Id, x.Organization.Name, SocialOrganizationKinds.Name(x.Profile.Kind), x.Profile.DivisionCode,
                x.Profile.Level == RegistrationLevel.City ? "市级登记" : "县级登记", reasons,
                steps.TryGetValue(x.Organization.Id, out var last) ? ToDto(last) : null, authority.CanAct(x.Profile)));
        }
        return flagged.ToPaged(page);
    }

    public async Task<CleanupLedgerDto> LedgerAsync(Guid organizationId, CancellationToken ct = default)
    {
        var o = await authority.LoadAsync(organizationId, ct);
        var facts = await FactsAsync([o.Id], ct);
        var reasons = o.Organization.Status == OrganizationStatus.Active ? Reasons(o, facts, clock.Today) : [];
        var steps = await db.Set<CleanupStep>().AsNoTracking().Where(s => s.OrganizationId == o.Id).OrderBy(s => s.On).ThenBy(s => s.RecordedAt).ToListAsync(ct);
        return new(o.Id, o.Organization.Name, OrganizationLabels.Of(o.Organization.Status), o.Organization.Version, reasons, [.. steps.Select(ToDto)], authority.CanAct(o.Profile));
    }

    /// <summary>Records a measure or an outcome; 撤销登记 also ends the registry organisation (needs its version) and lists it.</summary>
    public async Task<CleanupStepDto> RecordAsync(Guid organizationId, CleanupStepInput input, CancellationToken ct = default)
    {
        var o = await authority.LoadForActionAsync(organizationId, ct);
        var errors = new ValidationErrors();
        var kind = CleanupLabels.Parse(input.Kind);
        if (kind is null) errors.Add("kind", "请选择措施或结果（联系/约谈、责令整改、公告、恢复活动、自行注销、撤销登记）");
        if (input.On is not { } on) errors.Add("on", "请填写日期");
        else if (on > clock.Today) errors.Add("on", "日期不能晚于今天");
        var note = input.Note?.Trim() ?? "";
        if (note.Length > 500) errors.Add("note", "说明不能超过 500 字");
        var document = string.IsNullOrWhiteSpace(input.DocumentNumber) ? null : input.DocumentNumber.Trim();
        if (document is { Length: > 100 }) errors.Add("documentNumber", "文书编号不能超过 100 字");
        if (kind == CleanupStepKind.Revoked)
        {
            if (document is null) errors.Add("documentNumber", "撤销登记须写明撤销登记决定书文号");
            if (note.Length == 0) errors.Add("note", "撤销登记须写明事实和理由");
            if (input.Version is null) errors.Add("version", "缺少版本号，无法判断记录是否已被他人修改");
        }
        errors.ThrowIfAny();
        var date = input.On!.Value;

        // after a 撤销/注销 the ledger is closed; 自行注销 is recorded once the registry shows the deregistration
        if (kind == CleanupStepKind.SelfDeregistered)
        {
            if (o.Organization.Status != OrganizationStatus.Deregistered)
                throw new AppProblem(409, "socorg_cleanup_not_deregistered", "该社会组织尚未办结注销登记，不能记为自行注销");
        }
        else if (o.Organization.Status != OrganizationStatus.Active)
        {
            throw new AppProblem(409, "socorg_organization_ended", "该社会组织已注销或被撤销登记，清理已结束");
        }

        var step = new CleanupStep
        {
            OrganizationId = o.Id,
            DivisionCode = o.Profile.DivisionCode,
            Kind = kind!.Value,
            On = date,
            Note = note,
            DocumentNumber = document,
            RecordedBy = user.UserName,
            RecordedAt = clock.UtcNow,
        };
        db.Add(step);
        if (kind == CleanupStepKind.Revoked)
        {
            // the step and the 60号令 ground are added first so the registry's one save stores all three or nothing
            await ledger.RecordAsync(o, new CreditEntry(o.Id, date, CreditEventKind.RegistrationRevoked, $"因{note}被撤销登记", "cleanup", document, $"cleanup-revoked-{o.Id:N}"), ct);
            await registration.EndAsync(o.Id, new OrganizationEndInput(OrganizationEventKind.Revoked, date, $"撤销登记（{document}）：{note}", input.Version), ct);
        }
        else
        {
            await db.SaveChangesAsync(ct);
        }
        return ToDto(step);
    }

    private static CleanupStepDto ToDto(CleanupStep s) => new(s.Id, CleanupLabels.Code(s.Kind), CleanupLabels.Name(s.Kind), s.On, s.Note, s.DocumentNumber, s.RecordedBy);

    private sealed record Facts(ILookup<Guid, AnnualReport> Reports, ILookup<Guid, DateOnly> Activity, ILookup<Guid, CreditEventRecord> Credit);

    private async Task<Facts> FactsAsync(List<Guid> ids, CancellationToken ct)
    {
        var reports = await db.Set<AnnualReport>().AsNoTracking().Where(r => ids.Contains(r.OrganizationId!.Value)).ToListAsync(ct);
        var changes = await db.Set<OrganizationEvent>().AsNoTracking().Where(e => ids.Contains(e.OrganizationId) && e.Kind == OrganizationEventKind.Changed)
            .Select(e => new { e.OrganizationId, e.EffectiveOn }).ToListAsync(ct);
        var resumed = await db.Set<CleanupStep>().AsNoTracking().Where(s => ids.Contains(s.OrganizationId!.Value) && s.Kind == CleanupStepKind.ResumedActivity)
            .Select(s => new { OrganizationId = s.OrganizationId!.Value, s.On }).ToListAsync(ct);
        var credit = await db.Set<CreditEventRecord>().AsNoTracking().Where(e => ids.Contains(e.OrganizationId!.Value)).OrderBy(e => e.OccurredOn).ThenBy(e => e.RecordedAt).ToListAsync(ct);
        var activity = reports.Where(r => r.SubmittedOn is not null).Select(r => (Id: r.OrganizationId!.Value, On: r.SubmittedOn!.Value))
            .Concat(changes.Select(c => (Id: c.OrganizationId, On: c.EffectiveOn)))
            .Concat(resumed.Select(r => (Id: r.OrganizationId, On: r.On)))
            .ToLookup(a => a.Id, a => a.On);
        return new(reports.ToLookup(r => r.OrganizationId!.Value), activity, credit.ToLookup(e => e.OrganizationId!.Value));
    }

    private List<ZombieReason> Reasons(SocialOrganization o, Facts facts, DateOnly today)
    {
        var thresholds = GovernanceFigures.Zombie(figures, o.Profile.AuthorityDivisionCode, today);
        var deadlines = SocialOrganizationFigures.ReportDeadlines(figures, o.Profile.Kind, o.Profile.AuthorityDivisionCode, today);
        var registeredOn = o.Organization.RegisteredOn ?? DateOnly.FromDateTime(o.Organization.CreatedAt);
        var filed = facts.Reports[o.Id].ToDictionary(r => r.Year, r => r.SubmittedOn);
        var years = new List<ReportYearFact>();
        for (var y = registeredOn.Year; y < today.Year; y++)
            years.Add(new(ReportDeadlines.For(y, registeredOn, deadlines), filed.GetValueOrDefault(y)));
        var status = ledger.Status([.. facts.Credit[o.Id]], o.Profile.AuthorityDivisionCode, today);
        var unreachable = status.Grounds.Where(g => g.Kind == "unreachable").Select(g => (DateOnly?)g.Date).Min();
        return [.. ZombieRules.Flag(new ZombieFacts(registeredOn, years, [.. facts.Activity[o.Id]], unreachable), thresholds, today)];
    }
}
