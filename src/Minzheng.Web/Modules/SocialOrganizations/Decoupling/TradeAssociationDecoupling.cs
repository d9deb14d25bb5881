using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialOrganizations.Decoupling;

/// <summary>Where one separation stands.</summary>
public enum SeparationStatus
{
    /// <summary>未开始.</summary>
    NotStarted = 0,

    /// <summary>推进中.</summary>
    InProgress = 1,

    /// <summary>已完成.</summary>
    Done = 2,
}

/// <summary>The five separations of 行业协会商会与行政机关脱钩总体方案 (中办发〔2015〕39号).</summary>
public enum Separation
{
    /// <summary>机构分离.</summary>
    Institution = 1,

    /// <summary>职能分离.</summary>
    Functions = 2,

    /// <summary>资产财务分离.</summary>
    AssetsFinance = 3,

    /// <summary>人员管理分离.</summary>
    Personnel = 4,

    /// <summary>党建、外事等事项分离.</summary>
    PartyAndForeignAffairs = 5,
}

public static class DecouplingLabels
{
    public static readonly IReadOnlyList<(Separation Kind, string Code, string Name)> Separations =
    [
        (Separation.Institution, "institution", "机构分离"),
        (Separation.Functions, "functions", "职能分离"),
        (Separation.AssetsFinance, "assets-finance", "资产财务分离"),
        (Separation.Personnel, "personnel", "人员管理分离"),
        (Separation.PartyAndForeignAffairs, "party-foreign-affairs", "党建外事等事项分离"),
    ];

    public static readonly IReadOnlyList<(SeparationStatus Status, string Code, string Name)> Statuses =
    [
        (SeparationStatus.NotStarted, "not-started", "未开始"),
        (SeparationStatus.InProgress, "in-progress", "推进中"),
        (SeparationStatus.Done, "done", "已完成"),
    ];

    public static Separation? ParseSeparation(string? code) => Separations.FirstOrDefault(s => s.Code == code) is { Code: not null } s ? s.Kind : null;

    public static SeparationStatus? ParseStatus(string? code) => Statuses.FirstOrDefault(s => s.Code == code) is { Code: not null } s ? s.Status : null;

    public static string Code(SeparationStatus s) => Statuses.First(x => x.Status == s).Code;

    public static string Name(SeparationStatus s) => Statuses.First(x => x.Status == s).Name;
}

/// <summary>
/// One trade association's 脱钩 (issue 14 item 8): the status and date of each of the five separations. One row per
/// association, created on the first recorded step; scoped like the profile.
/// </summary>
public sealed class DecouplingRecord : IVersioned, IDivisionScoped, IOrganizationScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? OrganizationId { get; set; }
    public required string DivisionCode { get; set; }

    public SeparationStatus Institution { get; set; }
    public DateOnly? InstitutionOn { get; set; }
    public SeparationStatus Functions { get; set; }
    public DateOnly? FunctionsOn { get; set; }
    public SeparationStatus AssetsFinance { get; set; }
    public DateOnly? AssetsFinanceOn { get; set; }
    public SeparationStatus Personnel { get; set; }
    public DateOnly? PersonnelOn { get; set; }
    public SeparationStatus PartyAndForeignAffairs { get; set; }
    public DateOnly? PartyAndForeignAffairsOn { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public (SeparationStatus Status, DateOnly? On) Get(Separation s) => s switch
    {
        Separation.Institution => (Institution, InstitutionOn),
        Separation.Functions => (Functions, FunctionsOn),
        Separation.AssetsFinance => (AssetsFinance, AssetsFinanceOn),
        Separation.Personnel => (Personnel, PersonnelOn),
        _ => (PartyAndForeignAffairs, PartyAndForeignAffairsOn),
    };

    public void Set(Separation s, SeparationStatus status, DateOnly? on)
    {
        switch (s)
        {
            case Separation.Institution: (Institution, InstitutionOn) = (status, on); break;
            case Separation.Functions: (Functions, FunctionsOn) = (status, on); break;
            case Separation.AssetsFinance: (AssetsFinance, AssetsFinanceOn) = (status, on); break;
            case Separation.Personnel: (Personnel, PersonnelOn) = (status, on); break;
            default: (PartyAndForeignAffairs, PartyAndForeignAffairsOn) = (status, on); break;
        }
    }

    /// <summary>脱钩完成: all five separations done.</summary>
    public bool Complete => DecouplingLabels.Separations.All(s => Get(s.Kind).Status == SeparationStatus.Done);
}

internal sealed class DecouplingRecordConfiguration : IEntityTypeConfiguration<DecouplingRecord>
{
    public void Configure(EntityTypeBuilder<DecouplingRecord> b)
    {
        b.ToTable("socorg_decoupling");
        b.HasKey(r => r.Id);
        b.Property(r => r.DivisionCode).HasMaxLength(12);
        b.Property(r => r.Institution).HasConversion<int>();
        b.Property(r => r.Functions).HasConversion<int>();
        b.Property(r => r.AssetsFinance).HasConversion<int>();
        b.Property(r => r.Personnel).HasConversion<int>();
        b.Property(r => r.PartyAndForeignAffairs).HasConversion<int>();
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.Complete);
        b.HasIndex(r => r.OrganizationId).IsUnique();
        b.HasIndex(r => r.DivisionCode);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed record SeparationInput(string? Status, DateOnly? On, int? Version);

public sealed record SeparationDto(string Separation, string Name, string Status, string StatusName, DateOnly? On);

public sealed record DecouplingDto(Guid OrganizationId, string Name, string DivisionCode, string CountyName, int Done, bool Complete, IReadOnlyList<SeparationDto> Separations, int Version, bool CanAct);

/// <summary>Progress of one county (or the city's own associations, under the city's district).</summary>
public sealed record CountyProgress(string CountyCode, string CountyName, int Associations, int Complete, int InProgress, int NotStarted, int SeparationsDone)
{
    /// <summary>Separations done of all separations due (5 per association), in percent.</summary>
    public decimal Percent => Associations == 0 ? 0 : Math.Round(100m * SeparationsDone / (Associations * 5), 1);
}

/// <summary>
/// 行业协会商会脱钩 (issue 14 item 8): every trade association in scope with its five separations, the step an officer of
/// the registration authority records, and progress per county.
/// </summary>
public sealed class TradeAssociationDecoupling(AppDbContext db, RegistrationAuthority authority, DivisionDirectory divisions, BusinessClock clock)
{
    public async Task<Paged<DecouplingDto>> ListAsync(PageRequest page, CancellationToken ct = default)
    {
        var rows = await AllAsync(ct);
        return rows.ToPaged(page);
    }

    public async Task<DecouplingDto> OneAsync(Guid organizationId, CancellationToken ct = default)
    {
        var o = await authority.LoadAsync(organizationId, ct);
        if (!o.Profile.IsTradeAssociation) throw NotTradeAssociation();
        var row = await db.Set<DecouplingRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.OrganizationId == o.Id, ct);
        return ToDto(o.Organization, o.Profile, row);
    }

    public async Task<IReadOnlyList<CountyProgress>> ProgressAsync(CancellationToken ct = default)
    {
        var rows = await AllAsync(ct);
        return [.. rows.GroupBy(r => DivisionCodes.CountyPart(r.DivisionCode)).OrderBy(g => g.Key).Select(g =>
        {
            var code = g.Key.PadRight(DivisionCodes.Length, '0');
            return new CountyProgress(code, divisions.NameOf(code), g.Count(), g.Count(r => r.Complete), g.Count(r => !r.Complete && r.Done + r.Separations.Count(s => s.Status == "in-progress") > 0),
                g.Count(r => r.Separations.All(s => s.Status == "not-started")), g.Sum(r => r.Done));
        })];
    }

    /// <summary>Records one separation's status and date (未开始 carries no date); the first step creates the row.</summary>
    public async Task<DecouplingDto> SetAsync(Guid organizationId, string? separationCode, SeparationInput input, CancellationToken ct = default)
    {
        var o = await authority.LoadForActionAsync(organizationId, ct);
        if (!o.Profile.IsTradeAssociation) throw NotTradeAssociation();
        if (o.Organization.Status != OrganizationStatus.Active) throw new AppProblem(409, "socorg_organization_ended", "该行业协会商会已注销或被撤销登记");
        var errors = new ValidationErrors();
        var separation = DecouplingLabels.ParseSeparation(separationCode);
        if (separation is null) errors.Add("separation", "未知的分离事项（institution、functions、assets-finance、personnel、party-foreign-affairs）");
        var status = DecouplingLabels.ParseStatus(input.Status);
        if (status is null) errors.Add("status", "请选择进度：未开始、推进中或已完成");
        if (status is SeparationStatus.InProgress or SeparationStatus.Done && input.On is null) errors.Add("on", status == SeparationStatus.Done ? "请填写完成日期" : "请填写启动日期");
        if (input.On is { } on && on > clock.Today) errors.Add("on", "日期不能晚于今天");
        if (input.Version is null) errors.Add("version", "缺少版本号，无法判断记录是否已被他人修改");
        errors.ThrowIfAny();

        var row = await db.Set<DecouplingRecord>().FirstOrDefaultAsync(r => r.OrganizationId == o.Id, ct);
        if (row is null)
        {
            // no row yet: version 0 is what the list shows for an association with nothing recorded
            if (input.Version != 0) throw AppProblem.Stale();
            row = new DecouplingRecord { OrganizationId = o.Id, DivisionCode = o.Profile.DivisionCode };
            db.Add(row);
        }
        else
        {
            db.ExpectVersion(row, input.Version!.Value);
        }
        row.Set(separation!.Value, status!.Value, status == SeparationStatus.NotStarted ? null : input.On);
        await db.SaveChangesAsync(ct);
        return ToDto(o.Organization, o.Profile, row);
    }

    private async Task<List<DecouplingDto>> AllAsync(CancellationToken ct)
    {
        var orgs = await (from p in db.Set<SocialOrganizationProfile>().AsNoTracking()
                          join o in db.Set<Organization>().AsNoTracking() on p.OrganizationId equals o.Id
                          where p.IsTradeAssociation && o.Status == OrganizationStatus.Active
                          orderby p.DivisionCode, o.Name, o.Id
                          select new { p, o }).ToListAsync(ct);
        var ids = orgs.Select(x => x.o.Id).ToList();
        var rows = await db.Set<DecouplingRecord>().AsNoTracking().Where(r => ids.Contains(r.OrganizationId!.Value)).ToDictionaryAsync(r => r.OrganizationId!.Value, ct);
        return [.. orgs.Select(x => ToDto(x.o, x.p, rows.GetValueOrDefault(x.o.Id)))];
    }

    private DecouplingDto ToDto(Organization o, SocialOrganizationProfile p, DecouplingRecord? row)
    {
        var seps = DecouplingLabels.Separations.Select(s =>
        {
            var (status, on) = row?.Get(s.Kind) ?? (SeparationStatus.NotStarted, null);
            return new SeparationDto(s.Code, s.Name, DecouplingLabels.Code(status), DecouplingLabels.Name(status), on);
        }).ToList();
        var county = DivisionCodes.CountyPart(p.DivisionCode).PadRight(DivisionCodes.Length, '0');
        return new(o.Id, o.Name, p.DivisionCode, divisions.NameOf(county), seps.Count(s => s.Status == "done"), seps.All(s => s.Status == "done"), seps, row?.Version ?? 0, authority.CanAct(p));
    }

    private static AppProblem NotTradeAssociation() => new(409, "socorg_not_trade_association", "该社会组织不是行业协会商会，不适用脱钩");
}
