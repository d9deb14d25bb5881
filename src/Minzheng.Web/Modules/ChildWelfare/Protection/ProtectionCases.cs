using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ChildWelfare.Protection;

public enum HarmKind
{
    Abuse = 1,
    Abandonment = 2,
    DomesticViolence = 3,
    Neglect = 4,
    Other = 5,
}

public enum ProtectionStatus
{
    Open = 1,
    Sheltered = 2,
    Closed = 3,
}

/// <summary>
/// 未成年人保护个案: a child needing protection (abuse, abandonment, domestic violence), its referral, temporary shelter at
/// the domestic-violence shelter centre (反家庭暴力庇护救助中心), the services given, and closure. Restricted information:
/// only users with child.protection see or touch it, within their division scope.
/// </summary>
public sealed class ProtectionCase : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public Guid ChildPersonId { get; set; }
    public required string DivisionCode { get; set; }
    public HarmKind Harm { get; set; }
    public ProtectionStatus Status { get; set; } = ProtectionStatus.Open;
    public DateOnly ReportedOn { get; set; }
    public required string ReportedBy { get; set; }
    public required string Source { get; set; }
    public required string Description { get; set; }
    public string? ReferredTo { get; set; }
    public DateOnly? ReferredOn { get; set; }
    public string? ShelterName { get; set; }
    public DateOnly? ShelterFrom { get; set; }
    public DateOnly? ShelterTo { get; set; }

    /// <summary>The domestic-violence shelter stay (Rescue) the child came in with, when a shelter admission referred the case (IChildProtectionReferral).</summary>
    public Guid? ShelterStayId { get; set; }
    public string? ShelterStayNumber { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? Closure { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<ProtectionService> Services { get; set; } = [];
}

/// <summary>One service given in a protection case (counselling, medical care, legal aid, schooling arranged, family visit).</summary>
public sealed class ProtectionService
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public DateOnly On { get; set; }
    public required string Service { get; set; }
    public required string By { get; set; }
    public string? Note { get; set; }
}

internal sealed class ProtectionCaseConfiguration : IEntityTypeConfiguration<ProtectionCase>
{
    public void Configure(EntityTypeBuilder<ProtectionCase> b)
    {
        b.ToTable("child_protection_case");
        b.HasKey(c => c.Id);
        b.Property(c => c.Number).HasMaxLength(40);
        b.HasIndex(c => c.Number).IsUnique();
        b.Property(c => c.DivisionCode).HasMaxLength(12);
        b.Property(c => c.Harm).HasConversion<int>();
        b.Property(c => c.Status).HasConversion<int>();
        b.Property(c => c.ReportedBy).HasMaxLength(100);
        b.Property(c => c.Source).HasMaxLength(100);
        b.Property(c => c.Description).HasMaxLength(2000);
        b.Property(c => c.ReferredTo).HasMaxLength(200);
        b.Property(c => c.ShelterName).HasMaxLength(100);
        b.Property(c => c.ShelterStayNumber).HasMaxLength(30);
        b.Property(c => c.Closure).HasMaxLength(1000);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasMany(c => c.Services).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.DivisionCode, c.Status });
    }
}

internal sealed class ProtectionServiceConfiguration : IEntityTypeConfiguration<ProtectionService>
{
    public void Configure(EntityTypeBuilder<ProtectionService> b)
    {
        b.ToTable("child_protection_service");
        b.HasKey(s => s.Id);
        b.Property(s => s.Service).HasMaxLength(200);
        b.Property(s => s.By).HasMaxLength(100);
        b.Property(s => s.Note).HasMaxLength(1000);
    }
}

public sealed record ProtectionInput(Guid ChildPersonId, [property: JsonRequired] HarmKind Harm, DateOnly? ReportedOn, [Text(100)] string? Source, [Text(1000)] string? Description);

public sealed record ProtectionActionInput(int? Version, [Text(200)] string? ReferredTo, [Text(100)] string? ShelterName, DateOnly? On, [Text(500)] string? Service, [Text(500)] string? Note);

/// <summary>The protection case use cases; each checks child.protection first (the pages and API also require it).</summary>
public sealed class ProtectionCases(AppDbContext db, ICurrentUser user, BusinessClock clock, AuditLog audit, CaseNumbers numbers)
{
    public static string HarmName(HarmKind h) => h switch
    {
        HarmKind.Abuse => "虐待",
        HarmKind.Abandonment => "遗弃",
        HarmKind.DomesticViolence => "家庭暴力",
        HarmKind.Neglect => "监护缺失、疏于照料",
        _ => "其他侵害",
    };

    public static string StatusName(ProtectionStatus s) => s switch { ProtectionStatus.Open => "处置中", ProtectionStatus.Sheltered => "临时庇护中", _ => "已结案" };

    public async Task<Paged<(ProtectionCase Case, string ChildName)>> ListAsync(PageRequest page, CancellationToken ct = default)
    {
        Require();
        var rows = await db.Set<ProtectionCase>().AsNoTracking().Join(db.Persons, c => c.ChildPersonId, p => p.Id, (c, p) => new { c, p.Name })
            .OrderBy(x => x.c.Status).ThenByDescending(x => x.c.ReportedOn).ThenBy(x => x.c.Id).ToPagedAsync(page, ct);
        return rows.Select(x => (x.c, x.Name));
    }

    public async Task<ProtectionCase> LoadAsync(Guid id, CancellationToken ct = default)
    {
        Require();
        return await db.Set<ProtectionCase>().Include(c => c.Services).FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw AppProblem.NotFound("保护个案");
    }

    public async Task<ProtectionCase> OpenAsync(ProtectionInput input, CancellationToken ct = default)
    {
        Require();
        var child = await db.Persons.FirstOrDefaultAsync(p => p.Id == input.ChildPersonId, ct) ?? throw AppProblem.Field("childPersonId", "儿童不存在或不在您的管辖范围内", "person_not_found");
        if (!Enum.IsDefined(input.Harm)) throw AppProblem.Field("harm", "请选择侵害类型");
        if (input.ReportedOn is not { } on || on > clock.Today) throw AppProblem.Field("reportedOn", "请填写发现（报告）日期，不晚于今天");
        if (string.IsNullOrWhiteSpace(input.Source)) throw AppProblem.Field("source", "请填写线索来源（如：学校报告、村委会发现、公安转介）");
        if (string.IsNullOrWhiteSpace(input.Description)) throw AppProblem.Field("description", "请填写情况");
        var c = await NewCaseAsync(child, input.Harm, on, user.UserName, input.Source.Trim(), input.Description.Trim(), ct);
        // the audit keeps that a case was opened, not what happened to the child
        audit.Add("open", nameof(ProtectionCase), c.Id.ToString(), new { c.Number, c.Harm }, c.DivisionCode);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public Task<ProtectionCase> ReferAsync(Guid id, ProtectionActionInput input, CancellationToken ct = default) => ActAsync(id, input, "refer", c =>
    {
        if (string.IsNullOrWhiteSpace(input.ReferredTo)) throw AppProblem.Field("referredTo", "请填写转介单位（如：公安机关、人民法院、教育部门、妇联）");
        c.ReferredTo = input.ReferredTo.Trim();
        c.ReferredOn = input.On ?? clock.Today;
    }, ct);

    public Task<ProtectionCase> ShelterAsync(Guid id, ProtectionActionInput input, CancellationToken ct = default) => ActAsync(id, input, "shelter", c =>
    {
        if (c.Status == ProtectionStatus.Sheltered) throw AppProblem.Conflict("already_sheltered", "该儿童正在临时庇护中");
        if (string.IsNullOrWhiteSpace(input.ShelterName)) throw AppProblem.Field("shelterName", "请填写庇护机构（如：反家庭暴力庇护救助中心）");
        Shelter(c, input.ShelterName.Trim(), input.On ?? clock.Today);
    }, ct);

    public Task<ProtectionCase> LeaveShelterAsync(Guid id, ProtectionActionInput input, CancellationToken ct = default) => ActAsync(id, input, "leave-shelter", c =>
    {
        if (c.Status != ProtectionStatus.Sheltered) throw AppProblem.Conflict("not_sheltered", "该儿童不在庇护中");
        var on = input.On ?? clock.Today;
        if (on < c.ShelterFrom) throw AppProblem.Field("on", "离开日期不能早于入住日期");
        LeaveShelter(c, on);
    }, ct);

    public Task<ProtectionCase> AddServiceAsync(Guid id, ProtectionActionInput input, CancellationToken ct = default) => ActAsync(id, input, "service", c =>
    {
        if (string.IsNullOrWhiteSpace(input.Service)) throw AppProblem.Field("service", "请填写服务内容（如：心理疏导、医疗救治、法律援助、安排入学）");
        db.Add(new ProtectionService { CaseId = c.Id, On = input.On ?? clock.Today, Service = input.Service.Trim(), By = user.UserName, Note = input.Note?.Trim() });
    }, ct);

    public Task<ProtectionCase> CloseAsync(Guid id, ProtectionActionInput input, CancellationToken ct = default) => ActAsync(id, input, "close", c =>
    {
        if (c.Status == ProtectionStatus.Sheltered) throw AppProblem.Conflict("still_sheltered", "儿童仍在庇护中，请先登记离开庇护");
        if (string.IsNullOrWhiteSpace(input.Note)) throw AppProblem.Field("note", "请填写结案情况（儿童安置、监护落实、后续跟进）");
        c.Closure = input.Note.Trim();
        c.ClosedOn = input.On ?? clock.Today;
        c.Status = ProtectionStatus.Closed;
    }, ct);

    /// <summary>A new case of <paramref name="child"/>, numbered in the child's county's series, added to the unit of work (callers check who may open it).</summary>
    internal async Task<ProtectionCase> NewCaseAsync(Person child, HarmKind harm, DateOnly reportedOn, string reportedBy, string source, string description, CancellationToken ct)
    {
        var c = new ProtectionCase
        {
            Number = await numbers.NextAsync(new NumberSeries("BH" + child.DivisionCode[..6], clock.Today.Year, 4),
                db.Set<ProtectionCase>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(x => (string?)x.Number), ct),
            ChildPersonId = child.Id,
            DivisionCode = child.DivisionCode,
            Harm = harm,
            ReportedOn = reportedOn,
            ReportedBy = reportedBy,
            Source = source,
            Description = description,
        };
        db.Add(c);
        return c;
    }

    /// <summary>The child enters temporary shelter (the one place that sets a case sheltered).</summary>
    internal static void Shelter(ProtectionCase c, string shelterName, DateOnly from)
    {
        c.ShelterName = shelterName;
        c.ShelterFrom = from;
        c.ShelterTo = null;
        c.Status = ProtectionStatus.Sheltered;
    }

    /// <summary>The child leaves shelter; the case stays open.</summary>
    internal static void LeaveShelter(ProtectionCase c, DateOnly on)
    {
        c.ShelterTo = on;
        c.Status = ProtectionStatus.Open;
    }

    private async Task<ProtectionCase> ActAsync(Guid id, ProtectionActionInput input, string action, Action<ProtectionCase> change, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        if (input.Version is not { } v) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        db.ExpectVersion(c, v);
        if (c.Status == ProtectionStatus.Closed) throw AppProblem.Conflict("case_closed", "个案已结案");
        change(c);
        audit.Add(action, nameof(ProtectionCase), c.Id.ToString(), new { c.Number, c.Status }, c.DivisionCode);
        await db.SaveChangesAsync(ct);
        return c;
    }

    private void Require()
    {
        if (!user.HasPermission(ChildPermissions.Protection)) throw AppProblem.Forbidden("未成年人保护个案仅限有专门权限的人员查看和办理");
    }
}
