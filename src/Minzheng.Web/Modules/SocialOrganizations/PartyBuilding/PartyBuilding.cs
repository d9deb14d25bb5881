using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialOrganizations.PartyBuilding;

/// <summary>
/// The details of an organisation's party organisation (chapter 十 as it touches this module): when it was set up, how many
/// party members the organisation has, the instructor's name where one was sent. The status itself lives on the profile
/// (<see cref="SocialOrganizationProfile.PartyOrganization"/>) so every part reads it there; this row holds the rest and its
/// version guards concurrent edits.
/// </summary>
public sealed class PartyOrganizationRecord : IVersioned, IDivisionScoped, IOrganizationScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? OrganizationId { get; set; }
    public required string DivisionCode { get; set; }
    public PartyOrganizationStatus Status { get; set; }

    /// <summary>成立日期 (单独/联合建立) or 选派日期 (党建工作指导员).</summary>
    public DateOnly? EstablishedOn { get; set; }

    public int PartyMembers { get; set; }
    public string? InstructorName { get; set; }
    public required string RecordedBy { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class PartyOrganizationRecordConfiguration : IEntityTypeConfiguration<PartyOrganizationRecord>
{
    public void Configure(EntityTypeBuilder<PartyOrganizationRecord> b)
    {
        b.ToTable("socorg_party");
        b.HasKey(r => r.Id);
        b.Property(r => r.DivisionCode).HasMaxLength(12);
        b.Property(r => r.Status).HasConversion<int>();
        b.Property(r => r.InstructorName).HasMaxLength(50);
        b.Property(r => r.RecordedBy).HasMaxLength(100);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => r.OrganizationId).IsUnique();
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class PartyLabels
{
    public static readonly IReadOnlyList<(PartyOrganizationStatus Status, string Code, string Name)> Statuses =
    [
        (PartyOrganizationStatus.Own, "own", "单独建立"),
        (PartyOrganizationStatus.Joint, "joint", "联合建立"),
        (PartyOrganizationStatus.Instructor, "instructor", "党建工作指导员"),
        (PartyOrganizationStatus.None, "none", "未建立"),
        (PartyOrganizationStatus.Unknown, "unknown", "未采集"),
    ];

    public static PartyOrganizationStatus? Parse(string? code) =>
        Statuses.FirstOrDefault(s => s.Code == code) is { Code: not null } s && s.Status != PartyOrganizationStatus.Unknown ? s.Status : null;

    public static string Code(PartyOrganizationStatus s) => Statuses.First(x => x.Status == s).Code;

    public static string Name(PartyOrganizationStatus s) => Statuses.First(x => x.Status == s).Name;

    /// <summary>党的组织覆盖 counts an organisation with its own or a joint party organisation or an instructor.</summary>
    public static bool Covered(PartyOrganizationStatus s) => s is PartyOrganizationStatus.Own or PartyOrganizationStatus.Joint or PartyOrganizationStatus.Instructor;
}

public sealed record PartyInput(string? Status, DateOnly? EstablishedOn, int? PartyMembers, string? InstructorName, int? Version);

public sealed record PartyDto(Guid OrganizationId, string Name, string Status, string StatusName, DateOnly? EstablishedOn, int PartyMembers, string? InstructorName, int Version, bool CanAct);

/// <summary>Coverage of one group (a kind or a county): counts per status and the covered share.</summary>
public sealed record Coverage(string Code, string Name, int Total, int Own, int Joint, int Instructor, int None, int Unknown)
{
    public int Covered => Own + Joint + Instructor;

    public decimal Percent => Total == 0 ? 0 : Math.Round(100m * Covered / Total, 1);
}

public sealed record CoverageDto(IReadOnlyList<Coverage> ByKind, IReadOnlyList<Coverage> ByCounty, Coverage Total);

/// <summary>
/// 党建 (issue 14 item 9): officers of the registration authority record each organisation's party organisation; coverage
/// by kind and by county counts the active organisations in scope.
/// </summary>
public sealed class PartyBuildingRecords(AppDbContext db, RegistrationAuthority authority, DivisionDirectory divisions, BusinessClock clock, Platform.Access.ICurrentUser user)
{
    /// <summary>单独建立 needs 3 正式党员 (党章 art. 30); fewer join with others or get an instructor.</summary>
    public const int MinMembersForOwn = 3;

    public async Task<PartyDto> OneAsync(Guid organizationId, CancellationToken ct = default)
    {
        var o = await authority.LoadAsync(organizationId, ct);
        var row = await db.Set<PartyOrganizationRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.OrganizationId == o.Id, ct);
        return ToDto(o, row);
    }

    public async Task<Paged<PartyDto>> ListAsync(string? status, PageRequest page, CancellationToken ct = default)
    {
        var q = from p in db.Set<SocialOrganizationProfile>().AsNoTracking()
                join o in db.Set<Organization>().AsNoTracking() on p.OrganizationId equals o.Id
                where o.Status == OrganizationStatus.Active
                select new { p, o };
        if (status is not null)
        {
            var s = PartyLabels.Statuses.FirstOrDefault(x => x.Code == status);
            if (s.Code is null) throw AppProblem.Field("status", "未知的党组织建设情况");
            q = q.Where(x => x.p.PartyOrganization == s.Status);
        }
        var rows = await q.OrderBy(x => x.o.Name).ThenBy(x => x.o.Id).ToPagedAsync(page, ct);
        var ids = rows.Items.Select(x => x.o.Id).ToList();
        var records = await db.Set<PartyOrganizationRecord>().AsNoTracking().Where(r => ids.Contains(r.OrganizationId!.Value)).ToDictionaryAsync(r => r.OrganizationId!.Value, ct);
        return rows.Select(x => ToDto(new SocialOrganization(x.o, x.p), records.GetValueOrDefault(x.o.Id)));
    }

    public async Task<CoverageDto> CoverageAsync(CancellationToken ct = default)
    {
        var rows = await (from p in db.Set<SocialOrganizationProfile>().AsNoTracking()
                          join o in db.Set<Organization>().AsNoTracking() on p.OrganizationId equals o.Id
                          where o.Status == OrganizationStatus.Active
                          select new { p.Kind, p.DivisionCode, p.PartyOrganization }).ToListAsync(ct);
        static Coverage Count(string code, string name, IEnumerable<PartyOrganizationStatus> s)
        {
            var l = s.ToList();
            return new(code, name, l.Count, l.Count(x => x == PartyOrganizationStatus.Own), l.Count(x => x == PartyOrganizationStatus.Joint),
                l.Count(x => x == PartyOrganizationStatus.Instructor), l.Count(x => x == PartyOrganizationStatus.None), l.Count(x => x == PartyOrganizationStatus.Unknown));
        }
        var byKind = SocialOrganizationKinds.All.Select(k => Count(SocialOrganizationKinds.FigureCategory(k), SocialOrganizationKinds.Name(k), rows.Where(r => r.Kind == k).Select(r => r.PartyOrganization))).ToList();
        var byCounty = rows.GroupBy(r => DivisionCodes.CountyPart(r.DivisionCode)).OrderBy(g => g.Key).Select(g =>
        {
            var code = g.Key.PadRight(DivisionCodes.Length, '0');
            return Count(code, divisions.NameOf(code), g.Select(r => r.PartyOrganization));
        }).ToList();
        return new(byKind, byCounty, Count("all", "合计", rows.Select(r => r.PartyOrganization)));
    }

    public async Task<PartyDto> SetAsync(Guid organizationId, PartyInput input, CancellationToken ct = default)
    {
        var o = await authority.LoadForActionAsync(organizationId, ct);
        if (o.Organization.Status != OrganizationStatus.Active) throw new AppProblem(409, "socorg_organization_ended", "该社会组织已注销或被撤销登记");
        var errors = new ValidationErrors();
        var status = PartyLabels.Parse(input.Status);
        if (status is null) errors.Add("status", "请选择党组织建设情况：单独建立、联合建立、党建工作指导员或未建立");
        var members = input.PartyMembers ?? 0;
        if (members is < 0 or > 100_000) errors.Add("partyMembers", "党员人数应为 0 至 100000");
        if (status is PartyOrganizationStatus.Own or PartyOrganizationStatus.Joint or PartyOrganizationStatus.Instructor && input.EstablishedOn is null)
            errors.Add("establishedOn", status == PartyOrganizationStatus.Instructor ? "请填写党建工作指导员选派日期" : "请填写党组织成立日期");
        if (input.EstablishedOn is { } on && on > clock.Today) errors.Add("establishedOn", "日期不能晚于今天");
        if (status == PartyOrganizationStatus.Own && members < MinMembersForOwn) errors.Add("partyMembers", $"单独建立党组织须有正式党员 {MinMembersForOwn} 人以上");
        var instructor = string.IsNullOrWhiteSpace(input.InstructorName) ? null : input.InstructorName.Trim();
        if (status == PartyOrganizationStatus.Instructor && instructor is null) errors.Add("instructorName", "请填写党建工作指导员姓名");
        if (instructor is { Length: > 50 }) errors.Add("instructorName", "姓名不能超过 50 字");
        if (input.Version is null) errors.Add("version", "缺少版本号，无法判断记录是否已被他人修改");
        errors.ThrowIfAny();

        var row = await db.Set<PartyOrganizationRecord>().FirstOrDefaultAsync(r => r.OrganizationId == o.Id, ct);
        if (row is null)
        {
            if (input.Version != 0) throw AppProblem.Stale();
            row = new PartyOrganizationRecord { OrganizationId = o.Id, DivisionCode = o.Profile.DivisionCode, RecordedBy = user.UserName };
            db.Add(row);
        }
        else
        {
            db.ExpectVersion(row, input.Version!.Value);
        }
        row.Status = status!.Value;
        row.EstablishedOn = status == PartyOrganizationStatus.None ? null : input.EstablishedOn;
        row.PartyMembers = members;
        row.InstructorName = status == PartyOrganizationStatus.Instructor ? instructor : null;
        row.RecordedBy = user.UserName;
        // the profile carries the status every other part reads (reports, credit, the dashboard)
        o.Profile.PartyOrganization = row.Status;
        await db.SaveChangesAsync(ct);
        return ToDto(o, row);
    }

    private PartyDto ToDto(SocialOrganization o, PartyOrganizationRecord? row)
    {
        var status = row?.Status ?? o.Profile.PartyOrganization;
        return new(o.Id, o.Organization.Name, PartyLabels.Code(status), PartyLabels.Name(status), row?.EstablishedOn, row?.PartyMembers ?? 0, row?.InstructorName, row?.Version ?? 0, authority.CanAct(o.Profile));
    }
}
