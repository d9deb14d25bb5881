using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.Charity.Contracts;
using Minzheng.Web.Modules.SocialOrganizations.Cleanup;
using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialOrganizations.Charity;

public enum QualificationStatus
{
    /// <summary>已受理.</summary>
    Applied = 1,

    /// <summary>准予 (认定并公告 / 取得资格).</summary>
    Granted = 2,

    /// <summary>不予 (书面说明理由).</summary>
    Refused = 3,
}

/// <summary>
/// One application for a qualification and its decision: the declarations the officer verified from the materials, the
/// accounts the ratios are checked on, the unmet conditions found at the last check, and the decision of the registration
/// authority. A granted row IS the qualification recorded on the organisation (with its validity where it has one).
/// </summary>
public sealed class QualificationApplication : IVersioned, IDivisionScoped, IOrganizationScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? OrganizationId { get; set; }
    public required string DivisionCode { get; set; }
    public required string Number { get; set; }
    public QualificationKind Kind { get; set; }
    public DateOnly AppliedOn { get; set; }

    public bool CharitablePurpose { get; set; }
    public bool NonProfitCharter { get; set; }
    public bool SoundFinance { get; set; }
    public bool NoBarredLeader { get; set; }
    public bool BoardResolution { get; set; }
    public bool AuditedReport { get; set; }
    public bool TaxExemption { get; set; }

    public Money? LastYearIncome { get; set; }
    public Money? LastYearSpending { get; set; }
    public Money? LastYearManagementCost { get; set; }
    public Money? LastYearTotalSpending { get; set; }
    public Money? YearBeforeIncome { get; set; }
    public Money? YearBeforeSpending { get; set; }
    public Money? ThreeYearsBeforeIncome { get; set; }
    public Money? NetAssets { get; set; }

    public QualificationStatus Status { get; set; } = QualificationStatus.Applied;

    /// <summary>The unmet conditions at the last check, one per line (empty when all are met).</summary>
    public string Unmet { get; set; } = "";

    public DateOnly? DecidedOn { get; set; }
    public string? DecisionNumber { get; set; }
    public string? DecisionNote { get; set; }
    public string? DecidedBy { get; set; }

    /// <summary>税前扣除资格 is valid 3 years (rules-2 §6.4); the others until revoked.</summary>
    public DateOnly? ValidUntil { get; set; }

    public required string RecordedBy { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class QualificationApplicationConfiguration : IEntityTypeConfiguration<QualificationApplication>
{
    public void Configure(EntityTypeBuilder<QualificationApplication> b)
    {
        b.ToTable("socorg_qualification");
        b.HasKey(a => a.Id);
        b.Property(a => a.DivisionCode).HasMaxLength(12);
        b.Property(a => a.Number).HasMaxLength(30);
        b.Property(a => a.Kind).HasConversion<int>();
        b.Property(a => a.Status).HasConversion<int>();
        b.Property(a => a.Unmet).HasMaxLength(4000);
        b.Property(a => a.DecisionNumber).HasMaxLength(100);
        b.Property(a => a.DecisionNote).HasMaxLength(1000);
        b.Property(a => a.DecidedBy).HasMaxLength(100);
        b.Property(a => a.RecordedBy).HasMaxLength(100);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => a.Number).IsUnique();
        b.HasIndex(a => new { a.OrganizationId, a.Kind, a.Status });
        b.HasIndex(a => new { a.DivisionCode, a.Status });
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class QualificationLabels
{
    public static readonly IReadOnlyList<(QualificationKind Kind, string Code, string Name)> Kinds =
    [
        (QualificationKind.CharityRecognition, "charity-recognition", "慈善组织认定"),
        (QualificationKind.PublicFundraising, "public-fundraising", "公开募捐资格"),
        (QualificationKind.TaxDeduction, "tax-deduction", "公益性捐赠税前扣除资格"),
    ];

    public static QualificationKind? Parse(string? code) => Kinds.FirstOrDefault(k => k.Code == code) is { Code: not null } k ? k.Kind : null;

    public static string Code(QualificationKind k) => Kinds.First(x => x.Kind == k).Code;

    public static string Name(QualificationKind k) => Kinds.First(x => x.Kind == k).Name;

    public static string Name(QualificationStatus s) => s switch
    {
        QualificationStatus.Applied => "已受理",
        QualificationStatus.Granted => "准予",
        _ => "不予",
    };
}

/// <summary>An application as entered: amounts in yuan (two decimals at most), declarations verified from the materials.</summary>
public sealed record QualificationInput(
    Guid? OrganizationId, string? Kind, DateOnly? AppliedOn,
    bool CharitablePurpose, bool NonProfitCharter, bool SoundFinance, bool NoBarredLeader, bool BoardResolution, bool AuditedReport, bool TaxExemption,
    decimal? LastYearIncome, decimal? LastYearSpending, decimal? LastYearManagementCost, decimal? LastYearTotalSpending,
    decimal? YearBeforeIncome, decimal? YearBeforeSpending, decimal? ThreeYearsBeforeIncome, decimal? NetAssets);

public sealed record DecisionInput(string? Decision, DateOnly? On, string? DocumentNumber, string? Note, int? Version);

public sealed record QualificationDto(Guid Id, string Number, Guid OrganizationId, string OrganizationName, string Kind, string KindName, DateOnly AppliedOn,
    string Status, string StatusName, IReadOnlyList<Unmet> Unmet, DateOnly? DecidedOn, string? DecisionNumber, string? DecisionNote, DateOnly? ValidUntil, int Version, bool CanAct);

/// <summary>
/// 慈善组织认定, 公开募捐资格 and 税前扣除资格 (issue 14 item 10): the registration authority receives an application, the pure
/// <see cref="CharityRules"/> name every unmet condition (re-checked with today's credit facts at the decision), and the
/// authority grants (only when nothing is unmet) or refuses with written reasons.
/// </summary>
public sealed class CharityQualifications(AppDbContext db, RegistrationAuthority authority, CreditLedger ledger, FigureBook figures, CaseNumbers numbers,
    BusinessClock clock, ICurrentUser user, ICharityRatioTable ratioTable)
{
    private static readonly NumberSeries Series = new("SZZG", null, 6);

    public async Task<QualificationDto> ApplyAsync(QualificationInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (input.OrganizationId is null) errors.Add("organizationId", "请选择申请的社会组织");
        var kind = QualificationLabels.Parse(input.Kind);
        if (kind is null) errors.Add("kind", "请选择申请事项：慈善组织认定、公开募捐资格或公益性捐赠税前扣除资格");
        if (input.AppliedOn is not { } appliedOn) errors.Add("appliedOn", "请填写申请日期");
        else if (appliedOn > clock.Today) errors.Add("appliedOn", "申请日期不能晚于今天");
        Money? M(decimal? yuan, string field)
        {
            if (yuan is not { } y) return null;
            if (y < 0) { errors.Add(field, "金额不能为负数"); return null; }
            if (decimal.Round(y, 2) != y || y > Money.MaxYuan) { errors.Add(field, "金额应为元，至多两位小数"); return null; }
            return Money.FromYuan(y, field);
        }
        var app = new QualificationApplication
        {
            DivisionCode = "",
            Number = "",
            RecordedBy = user.UserName,
            CharitablePurpose = input.CharitablePurpose,
            NonProfitCharter = input.NonProfitCharter,
            SoundFinance = input.SoundFinance,
            NoBarredLeader = input.NoBarredLeader,
            BoardResolution = input.BoardResolution,
            AuditedReport = input.AuditedReport,
            TaxExemption = input.TaxExemption,
            LastYearIncome = M(input.LastYearIncome, "lastYearIncome"),
            LastYearSpending = M(input.LastYearSpending, "lastYearSpending"),
            LastYearManagementCost = M(input.LastYearManagementCost, "lastYearManagementCost"),
            LastYearTotalSpending = M(input.LastYearTotalSpending, "lastYearTotalSpending"),
            YearBeforeIncome = M(input.YearBeforeIncome, "yearBeforeIncome"),
            YearBeforeSpending = M(input.YearBeforeSpending, "yearBeforeSpending"),
            ThreeYearsBeforeIncome = M(input.ThreeYearsBeforeIncome, "threeYearsBeforeIncome"),
            NetAssets = M(input.NetAssets, "netAssets"),
        };
        if (app.LastYearSpending is { } s && app.LastYearTotalSpending is { } t && s > t) errors.Add("lastYearSpending", "慈善活动支出不能大于当年总支出");
        if (app.LastYearManagementCost is { } m && app.LastYearTotalSpending is { } t2 && m > t2) errors.Add("lastYearManagementCost", "管理费用不能大于当年总支出");
        errors.ThrowIfAny();

        var o = await authority.LoadForActionAsync(input.OrganizationId!.Value, ct);
        if (o.Organization.Status != OrganizationStatus.Active) throw new AppProblem(409, "socorg_organization_ended", "该社会组织已注销或被撤销登记，不能申请");
        if (await db.Set<QualificationApplication>().AnyAsync(a => a.OrganizationId == o.Id && a.Kind == kind && a.Status == QualificationStatus.Applied, ct))
            throw new AppProblem(409, "socorg_application_pending", $"该组织已有{QualificationLabels.Name(kind!.Value)}申请在办理中");
        app.OrganizationId = o.Id;
        app.DivisionCode = o.Profile.DivisionCode;
        app.Kind = kind!.Value;
        app.AppliedOn = input.AppliedOn!.Value;
        app.Number = await numbers.NextAsync(Series with { Year = app.AppliedOn.Year },
            db.Set<QualificationApplication>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(a => (string?)a.Number), ct);
        app.Unmet = string.Join("\n", (await CheckAsync(o, app, ct)).Select(u => u.Code + "|" + u.Text));
        db.Add(app);
        await db.SaveChangesAsync(ct);
        return ToDto(app, o);
    }

    public async Task<QualificationDto> OneAsync(Guid id, CancellationToken ct = default)
    {
        var app = await db.Set<QualificationApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw AppProblem.NotFound("申请");
        return ToDto(app, await authority.LoadAsync(app.OrganizationId!.Value, ct));
    }

    public async Task<Paged<QualificationDto>> ListAsync(Guid? organizationId, string? status, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<QualificationApplication>().AsNoTracking();
        if (organizationId is { } oid) q = q.Where(a => a.OrganizationId == oid);
        if (status is not null)
        {
            QualificationStatus s = status switch
            {
                "applied" => QualificationStatus.Applied,
                "granted" => QualificationStatus.Granted,
                "refused" => QualificationStatus.Refused,
                _ => throw AppProblem.Field("status", "状态应为 applied、granted 或 refused"),
            };
            q = q.Where(a => a.Status == s);
        }
        var rows = await q.OrderByDescending(a => a.AppliedOn).ThenByDescending(a => a.Id).ToPagedAsync(page, ct);
        var ids = rows.Items.Select(a => a.OrganizationId!.Value).Distinct().ToList();
        var orgs = await (from p in db.Set<SocialOrganizationProfile>().AsNoTracking()
                          join o in db.Set<Organization>().AsNoTracking() on p.OrganizationId equals o.Id
                          where ids.Contains(o.Id)
                          select new { p, o }).ToDictionaryAsync(x => x.o.Id, x => new SocialOrganization(x.o, x.p), ct);
        return rows.Select(a => ToDto(a, orgs[a.OrganizationId!.Value]));
    }

    /// <summary>准予 (only when no condition is unmet, checked again now) or 不予 with written reasons.</summary>
    public async Task<QualificationDto> DecideAsync(Guid id, DecisionInput input, CancellationToken ct = default)
    {
        var app = await db.Set<QualificationApplication>().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw AppProblem.NotFound("申请");
        var o = await authority.LoadForActionAsync(app.OrganizationId!.Value, ct);
        var errors = new ValidationErrors();
        var grant = input.Decision switch { "grant" => true, "refuse" => (bool?)false, _ => null };
        if (grant is null) errors.Add("decision", "请选择准予（grant）或不予（refuse）");
        if (input.On is not { } on) errors.Add("on", "请填写决定日期");
        else if (on > clock.Today) errors.Add("on", "决定日期不能晚于今天");
        else if (on < app.AppliedOn) errors.Add("on", "决定日期不能早于申请日期");
        var note = input.Note?.Trim() ?? "";
        if (grant == false && note.Length == 0) errors.Add("note", "不予的，须书面说明理由");
        if (note.Length > 1000) errors.Add("note", "说明不能超过 1000 字");
        var document = string.IsNullOrWhiteSpace(input.DocumentNumber) ? null : input.DocumentNumber.Trim();
        if (document is null) errors.Add("documentNumber", "请填写决定书文号");
        else if (document.Length > 100) errors.Add("documentNumber", "文号不能超过 100 字");
        if (input.Version is null) errors.Add("version", "缺少版本号，无法判断记录是否已被他人修改");
        errors.ThrowIfAny();
        db.ExpectVersion(app, input.Version!.Value);
        if (app.Status != QualificationStatus.Applied) throw new AppProblem(409, "socorg_application_decided", "该申请已作出决定");

        var unmet = await CheckAsync(o, app, ct);
        app.Unmet = string.Join("\n", unmet.Select(u => u.Code + "|" + u.Text));
        if (grant == true && unmet.Count > 0)
            throw new AppProblem(409, "socorg_conditions_unmet", "不符合条件，不能准予：" + string.Join("；", unmet.Select(u => u.Text)));
        app.Status = grant == true ? QualificationStatus.Granted : QualificationStatus.Refused;
        app.DecidedOn = input.On;
        app.DecisionNumber = document;
        app.DecisionNote = note;
        app.DecidedBy = user.UserName;
        app.ValidUntil = grant == true && app.Kind == QualificationKind.TaxDeduction ? input.On!.Value.AddYears(3).AddDays(-1) : null;
        await db.SaveChangesAsync(ct);
        return ToDto(app, o);
    }

    /// <summary>The qualifications in force for an organisation on a date (granted, not expired).</summary>
    public static bool InForce(QualificationApplication a, DateOnly on) => a.Status == QualificationStatus.Granted && (a.ValidUntil is null || a.ValidUntil >= on);

    private async Task<IReadOnlyList<Unmet>> CheckAsync(SocialOrganization o, QualificationApplication app, CancellationToken ct)
    {
        var today = clock.Today;
        var events = await db.Set<CreditEventRecord>().AsNoTracking().Where(e => e.OrganizationId == o.Id).OrderBy(e => e.OccurredOn).ThenBy(e => e.RecordedAt).ToListAsync(ct);
        var struck = events.Where(e => e.Kind == CreditEventKind.Corrected && e.CorrectsId is not null).Select(e => e.CorrectsId!.Value).ToHashSet();
        // the ledger records 警告 and 小额罚款 as one ground, so none counts as "only a warning" (the stricter reading)
        var penalties = events.Where(e => !struck.Contains(e.Id) && e.Kind is CreditEventKind.WarningOrSmallFine or CreditEventKind.LargeFine or CreditEventKind.Suspension
            or CreditEventKind.FraudulentChangeRevoked or CreditEventKind.RegistrationRevoked).Select(e => e.OccurredOn).ToList();
        var status = ledger.Status(events, o.Profile.AuthorityDivisionCode, today);
        var granted = await db.Set<QualificationApplication>().AsNoTracking().Where(a => a.OrganizationId == o.Id && a.Status == QualificationStatus.Granted && a.Id != app.Id).ToListAsync(ct);
        var facts = new CharityFacts
        {
            Kind = o.Profile.Kind,
            RegisteredOn = o.Organization.RegisteredOn ?? DateOnly.FromDateTime(o.Organization.CreatedAt),
            Active = o.Organization.Status == OrganizationStatus.Active,
            CharitablePurpose = app.CharitablePurpose,
            NonProfitCharter = app.NonProfitCharter,
            SoundFinance = app.SoundFinance,
            NoBarredLeader = app.NoBarredLeader,
            BoardResolution = app.BoardResolution,
            AuditedReport = app.AuditedReport,
            TaxExemption = app.TaxExemption,
            LastYear = app.LastYearIncome is { } i && app.LastYearSpending is { } s
                ? new YearAccounts(i, s, app.LastYearManagementCost ?? Money.Zero, app.LastYearTotalSpending ?? s + (app.LastYearManagementCost ?? Money.Zero)) : null,
            YearBefore = app.YearBeforeIncome is { } i2 ? new YearAccounts(i2, app.YearBeforeSpending ?? Money.Zero, Money.Zero, app.YearBeforeSpending ?? Money.Zero) : null,
            IncomeThreeYearsBefore = app.ThreeYearsBeforeIncome,
            NetAssets = app.NetAssets ?? Money.Zero,
            Penalties = penalties,
            ListStatus = status.List,
            RecognisedCharity = granted.Any(a => a.Kind == QualificationKind.CharityRecognition && InForce(a, today)),
            HasPublicFundraising = granted.Any(a => a.Kind == QualificationKind.PublicFundraising && InForce(a, today)),
            Grade = o.Profile.Grade,
            GradeValidUntil = o.Profile.GradeValidUntil,
        };
        // the 189号 verdict comes from the charity module's one table (ADR 060), judged on the rows in force at the year's end
        if (app.Kind == QualificationKind.CharityRecognition && CharityRules.RatioAccounts(facts, app.AppliedOn) is { } accounts)
            facts = facts with { LastYearRatios = ratioTable.VerdictOf(facts.Kind, facts.HasPublicFundraising, accounts, o.Profile.DivisionCode) };
        return app.Kind switch
        {
            QualificationKind.CharityRecognition => CharityRules.Recognition(facts, app.AppliedOn),
            QualificationKind.PublicFundraising => CharityRules.PublicFundraising(facts, app.AppliedOn,
                figures.Require(GovernanceFigures.FundraisingMinYears, o.Profile.AuthorityDivisionCode, app.AppliedOn).Row.Number ?? 0),
            _ => CharityRules.TaxDeduction(facts, app.AppliedOn),
        };
    }

    public static IReadOnlyList<Unmet> ParseUnmet(string s) =>
        [.. s.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('|', 2)).Select(p => new Unmet(p[0], p.Length > 1 ? p[1] : p[0]))];

    private QualificationDto ToDto(QualificationApplication a, SocialOrganization o) => new(a.Id, a.Number, o.Id, o.Organization.Name, QualificationLabels.Code(a.Kind),
        QualificationLabels.Name(a.Kind), a.AppliedOn, a.Status.ToString().ToLowerInvariant(), QualificationLabels.Name(a.Status), ParseUnmet(a.Unmet), a.DecidedOn,
        a.DecisionNumber, a.DecisionNote, a.ValidUntil, a.Version, authority.CanAct(o.Profile));
}
