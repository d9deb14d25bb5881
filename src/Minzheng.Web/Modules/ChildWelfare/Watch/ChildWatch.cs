using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.ChildWelfare.Allowances;
using Minzheng.Web.Modules.ChildWelfare.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ChildWelfare.Watch;

public enum RiskLevel
{
    Low = 1,
    Medium = 2,
    High = 3,
}

/// <summary>
/// A rural left-behind child (农村留守儿童) or a child in difficulty (困境儿童) under watch: the definition's facts, the
/// guardianship situation, school, risk level, the village children's director (儿童主任) and township supervisor
/// (儿童督导员), and when the next visit is due.
/// </summary>
public sealed class WatchedChild : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public required string DivisionCode { get; set; }
    public bool LeftBehind { get; set; }
    public ChildRules.ParentPresence Father { get; set; }
    public ChildRules.ParentPresence Mother { get; set; }

    /// <summary>困境儿童 categories, comma-separated codes (poverty, disability, guardianship, and local extensions).</summary>
    public string Difficulties { get; set; } = "";
    public required string GuardianName { get; set; }
    public required string GuardianRelation { get; set; }
    public string? GuardianPhone { get; set; }
    public string? School { get; set; }
    public RiskLevel Risk { get; set; } = RiskLevel.Low;
    public required string Director { get; set; }
    public string? Supervisor { get; set; }
    public DateOnly RegisteredOn { get; set; }
    public DateOnly? LastVisitOn { get; set; }
    public DateOnly NextVisitDue { get; set; }

    /// <summary>A risk item recorded at a visit and not yet resolved.</summary>
    public string? OpenRisk { get; set; }
    public bool Closed { get; set; }
    public string? ClosedReason { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class ChildVisit : IDivisionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WatchedChildId { get; set; }
    public required string DivisionCode { get; set; }
    public DateOnly VisitedOn { get; set; }
    public required string Visitor { get; set; }
    public required string Findings { get; set; }
    public string? RiskItem { get; set; }
    public string? FollowUp { get; set; }
    public RiskLevel RiskAfter { get; set; }
    public DateTime RecordedAt { get; set; }
}

internal sealed class WatchedChildConfiguration : IEntityTypeConfiguration<WatchedChild>
{
    public void Configure(EntityTypeBuilder<WatchedChild> b)
    {
        b.ToTable("child_watch");
        b.HasKey(c => c.Id);
        b.Property(c => c.DivisionCode).HasMaxLength(12);
        b.Property(c => c.Father).HasConversion<int>();
        b.Property(c => c.Mother).HasConversion<int>();
        b.Property(c => c.Risk).HasConversion<int>();
        b.Property(c => c.Difficulties).HasMaxLength(200);
        b.Property(c => c.GuardianName).HasMaxLength(50);
        b.Property(c => c.GuardianRelation).HasMaxLength(20);
        b.Property(c => c.GuardianPhone).HasMaxLength(20);
        b.Property(c => c.School).HasMaxLength(100);
        b.Property(c => c.Director).HasMaxLength(50);
        b.Property(c => c.Supervisor).HasMaxLength(50);
        b.Property(c => c.OpenRisk).HasMaxLength(500);
        b.Property(c => c.ClosedReason).HasMaxLength(200);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.DivisionCode, c.NextVisitDue });
        b.HasIndex(c => c.PersonId, "ux_child_watch_person").IsUnique().HasFilter("NOT closed");
    }
}

internal sealed class ChildVisitConfiguration : IEntityTypeConfiguration<ChildVisit>
{
    public void Configure(EntityTypeBuilder<ChildVisit> b)
    {
        b.ToTable("child_visit");
        b.HasKey(v => v.Id);
        b.Property(v => v.DivisionCode).HasMaxLength(12);
        b.Property(v => v.Visitor).HasMaxLength(50);
        b.Property(v => v.Findings).HasMaxLength(2000);
        b.Property(v => v.RiskItem).HasMaxLength(500);
        b.Property(v => v.FollowUp).HasMaxLength(1000);
        b.Property(v => v.RiskAfter).HasConversion<int>();
        b.HasIndex(v => new { v.WatchedChildId, v.VisitedOn });
    }
}

public sealed record WatchInput(
    Guid PersonId, [property: JsonRequired] ChildRules.ParentPresence Father, [property: JsonRequired] ChildRules.ParentPresence Mother,
    [NoNullItems] IReadOnlyList<string>? Difficulties,
    [Text(50)] string? GuardianName, [Text(20)] string? GuardianRelation, [Text(20)] string? GuardianPhone, [Text(100)] string? School,
    [property: JsonRequired] RiskLevel Risk, [Text(50)] string? Director, [Text(50)] string? Supervisor);

/// <param name="RevisitWithinDays">The follow-up chosen (e.g. 三日内再访 = 3): the next visit is due then, if sooner than the regular cycle.</param>
public sealed record VisitInput(DateOnly? VisitedOn, [Text(2000)] string? Findings, [Text(500)] string? RiskItem, [Text(1000)] string? FollowUp, [property: JsonRequired] RiskLevel RiskAfter, bool RiskResolved,
    [Within(1, 90)] int? RevisitWithinDays = null)
{
    /// <summary>The follow-up choices the visit form offers (days until the next visit); the regular cycle when none is chosen.</summary>
    public static readonly IReadOnlyList<(int Days, string Name)> RevisitChoices = [(1, "次日再访"), (3, "三日内再访"), (7, "七日内再访"), (15, "半月内再访")];
}

/// <summary>An alert on a watched child: no visit within its period, or a risk item recorded and open.</summary>
public sealed record WatchAlert(Guid Id, string Name, string DivisionCode, string Kind, string Detail, DateOnly Since);

public sealed class ChildWatch(AppDbContext db, ICurrentUser user, BusinessClock clock, ChildStandards standards, AuditLog audit)
{
    public static readonly IReadOnlyList<(string Code, string Name)> DifficultyCategories =
    [
        ("poverty", "家庭贫困导致生活、就医、就学困难"), ("disability", "自身残疾导致康复、照料、护理和社会融入困难"),
        ("guardianship", "监护缺失或监护不当遭受虐待、遗弃、意外伤害、不法侵害"),
    ];

    public async Task<WatchedChild> RegisterAsync(WatchInput input, CancellationToken ct = default)
    {
        if (!user.HasPermission(ChildPermissions.Apply)) throw AppProblem.Forbidden("您没有登记留守和困境儿童的权限");
        var child = await db.Persons.FirstOrDefaultAsync(p => p.Id == input.PersonId, ct)
            ?? throw AppProblem.Field("personId", "儿童不存在或不在您的管辖范围内", "person_not_found");
        var today = clock.Today;
        var difficulties = (input.Difficulties ?? []).Where(d => !string.IsNullOrWhiteSpace(d)).Distinct().ToList();
        if (difficulties.Any(d => DifficultyCategories.All(c => c.Code != d))) throw AppProblem.Field("difficulties", "未知的困境类别");
        var figures = standards.RuleFigures(child.DivisionCode, today);
        var leftBehind = ChildRules.LeftBehind(child.BirthDate, today, child.HukouType == HukouType.Rural, input.Father, input.Mother, figures);
        if (!leftBehind.Eligible && difficulties.Count == 0)
        {
            throw AppProblem.Field("difficulties", "既不符合农村留守儿童条件（" + string.Join("；", leftBehind.Reasons) + "），也未选择困境类别");
        }
        if (ChildRules.AgeOn(child.BirthDate, today) >= figures.AdultAge) throw AppProblem.Field("personId", "已成年，不属于儿童");
        if (string.IsNullOrWhiteSpace(input.GuardianName)) throw AppProblem.Field("guardianName", "请填写监护人");
        if (string.IsNullOrWhiteSpace(input.GuardianRelation)) throw AppProblem.Field("guardianRelation", "请填写监护人与儿童的关系");
        if (string.IsNullOrWhiteSpace(input.Director)) throw AppProblem.Field("director", "请填写负责走访的儿童主任");
        if (await db.Set<WatchedChild>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(w => w.PersonId == child.Id && !w.Closed, ct))
        {
            throw AppProblem.Conflict("already_watched", "该儿童已在关爱名册中");
        }
        var w = new WatchedChild
        {
            PersonId = child.Id,
            DivisionCode = child.DivisionCode,
            LeftBehind = leftBehind.Eligible,
            Father = input.Father,
            Mother = input.Mother,
            Difficulties = string.Join(',', difficulties),
            GuardianName = input.GuardianName.Trim(),
            GuardianRelation = input.GuardianRelation.Trim(),
            GuardianPhone = input.GuardianPhone?.Trim(),
            School = input.School?.Trim(),
            Risk = Enum.IsDefined(input.Risk) ? input.Risk : RiskLevel.Low,
            Director = input.Director.Trim(),
            Supervisor = input.Supervisor?.Trim(),
            RegisteredOn = today,
        };
        w.NextVisitDue = today.AddDays(Interval(w, today));
        db.Add(w);
        audit.Add("register", nameof(WatchedChild), w.Id.ToString(), new { w.LeftBehind, w.Difficulties, w.Risk }, w.DivisionCode);
        await db.SaveChangesAsync(ct);
        return w;
    }

    /// <summary>A visit by the children's director: findings, a risk item (raises an alert until resolved), follow-up, the risk level after it.</summary>
    public async Task<ChildVisit> VisitAsync(Guid id, VisitInput input, int? version, CancellationToken ct = default)
    {
        if (!user.HasPermission(ChildPermissions.Visit)) throw AppProblem.Forbidden("您没有登记走访的权限");
        var w = await db.Set<WatchedChild>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw AppProblem.NotFound("关爱儿童");
        if (version is not { } v) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        db.ExpectVersion(w, v);
        if (w.Closed) throw AppProblem.Conflict("watch_closed", "该儿童已退出关爱名册");
        var today = clock.Today;
        if (input.VisitedOn is not { } on || on > today) throw AppProblem.Field("visitedOn", "请填写走访日期（不晚于今天）");
        if (string.IsNullOrWhiteSpace(input.Findings)) throw AppProblem.Field("findings", "请填写走访情况");
        if (!string.IsNullOrWhiteSpace(input.RiskItem) && string.IsNullOrWhiteSpace(input.FollowUp)) throw AppProblem.Field("followUp", "发现风险须填写跟进措施");
        if (input.RevisitWithinDays is { } days && days is < 1 or > 90) throw AppProblem.Field("revisitWithinDays", "再访期限应为 1 至 90 天");
        var visit = new ChildVisit
        {
            WatchedChildId = w.Id,
            DivisionCode = w.DivisionCode,
            VisitedOn = on,
            Visitor = user.UserName,
            Findings = input.Findings.Trim(),
            RiskItem = string.IsNullOrWhiteSpace(input.RiskItem) ? null : input.RiskItem.Trim(),
            FollowUp = input.FollowUp?.Trim(),
            RiskAfter = Enum.IsDefined(input.RiskAfter) ? input.RiskAfter : w.Risk,
            RecordedAt = clock.UtcNow,
        };
        db.Add(visit);
        w.Risk = visit.RiskAfter;
        if (visit.RiskItem is not null) w.OpenRisk = visit.RiskItem;
        else if (input.RiskResolved) w.OpenRisk = null;
        if (w.LastVisitOn is null || on > w.LastVisitOn) w.LastVisitOn = on;
        w.NextVisitDue = w.LastVisitOn.Value.AddDays(Interval(w, today));
        // a follow-up such as 三日内再访 brings the next visit forward; it never postpones the regular cycle
        if (input.RevisitWithinDays is { } within && on.AddDays(within) < w.NextVisitDue) w.NextVisitDue = on.AddDays(within);
        audit.Add("visit", nameof(WatchedChild), w.Id.ToString(), new { on, risk = visit.RiskAfter, riskItem = visit.RiskItem is not null }, w.DivisionCode);
        await db.SaveChangesAsync(ct);
        return visit;
    }

    /// <summary>Alerts within the user's scope: visits overdue and open risk items (the scope filter applies).</summary>
    public async Task<List<WatchAlert>> AlertsAsync(CancellationToken ct = default)
    {
        var today = clock.Today;
        var rows = await db.Set<WatchedChild>().AsNoTracking().Where(w => !w.Closed && (w.NextVisitDue < today || w.OpenRisk != null))
            .Join(db.Persons, w => w.PersonId, p => p.Id, (w, p) => new { w, p.Name }).ToListAsync(ct);
        var alerts = new List<WatchAlert>();
        foreach (var r in rows)
        {
            if (r.w.OpenRisk is { } risk) alerts.Add(new WatchAlert(r.w.Id, r.Name, r.w.DivisionCode, "risk", "风险事项：" + risk, r.w.LastVisitOn ?? r.w.RegisteredOn));
            if (r.w.NextVisitDue < today) alerts.Add(new WatchAlert(r.w.Id, r.Name, r.w.DivisionCode, "overdue", $"应于 {r.w.NextVisitDue:yyyy-MM-dd} 前走访，已超期 {today.DayNumber - r.w.NextVisitDue.DayNumber} 天", r.w.NextVisitDue));
        }
        return [.. alerts.OrderBy(a => a.Kind == "risk" ? 0 : 1).ThenBy(a => a.Since)];
    }

    private int Interval(WatchedChild w, DateOnly date) =>
        standards.Require(ChildStandardKinds.VisitIntervalDays, w.DivisionCode, date, w.Risk switch { RiskLevel.High => "high", RiskLevel.Medium => "medium", _ => "low" }).Number;
}
