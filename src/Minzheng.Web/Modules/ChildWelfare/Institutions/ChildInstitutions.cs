using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ChildWelfare.Institutions;

public enum InstitutionKind
{
    /// <summary>儿童福利院（儿童福利机构）.</summary>
    Welfare = 1,

    /// <summary>未成年人救助保护中心.</summary>
    Protection = 2,
}

public enum CheckKind
{
    /// <summary>年度风险排查 item.</summary>
    RiskCheck = 1,

    /// <summary>疫情防控 record.</summary>
    Epidemic = 2,
}

/// <summary>A child welfare institution: its children in care, rehabilitation services, the yearly risk check with rectification, epidemic-prevention records.</summary>
public sealed class ChildInstitution : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public InstitutionKind Kind { get; set; }
    public required string DivisionCode { get; set; }
    public int Beds { get; set; }
    public string? Director { get; set; }
    public string? Phone { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A child in the institution's care (admitted, left) with the rehabilitation services received.</summary>
public sealed class InstitutionChild : IDivisionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public required string DivisionCode { get; set; }
    public Guid PersonId { get; set; }
    public DateOnly AdmittedOn { get; set; }
    public DateOnly? LeftOn { get; set; }
    public string? LeftReason { get; set; }
    public string? Rehabilitation { get; set; }
}

/// <summary>One risk-check item (found, rectification due, rectified) or an epidemic-prevention record.</summary>
public sealed class InstitutionCheck : IDivisionScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public required string DivisionCode { get; set; }
    public CheckKind Kind { get; set; }
    public int Year { get; set; }
    public DateOnly CheckedOn { get; set; }
    public required string Item { get; set; }
    public required string Finding { get; set; }
    public bool Problem { get; set; }
    public string? Rectification { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateOnly? RectifiedOn { get; set; }
    public string? RectifiedNote { get; set; }
    public required string RecordedBy { get; set; }
    public int Version { get; set; }
}

internal sealed class ChildInstitutionConfiguration : IEntityTypeConfiguration<ChildInstitution>
{
    public void Configure(EntityTypeBuilder<ChildInstitution> b)
    {
        b.ToTable("child_institution");
        b.HasKey(i => i.Id);
        b.Property(i => i.Name).HasMaxLength(100);
        b.Property(i => i.Kind).HasConversion<int>();
        b.Property(i => i.DivisionCode).HasMaxLength(12);
        b.Property(i => i.Director).HasMaxLength(50);
        b.Property(i => i.Phone).HasMaxLength(20);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => i.Name).IsUnique();
    }
}

internal sealed class InstitutionChildConfiguration : IEntityTypeConfiguration<InstitutionChild>
{
    public void Configure(EntityTypeBuilder<InstitutionChild> b)
    {
        b.ToTable("child_institution_child");
        b.HasKey(i => i.Id);
        b.Property(i => i.DivisionCode).HasMaxLength(12);
        b.Property(i => i.LeftReason).HasMaxLength(200);
        b.Property(i => i.Rehabilitation).HasMaxLength(1000);
        b.HasIndex(i => new { i.InstitutionId, i.LeftOn });
        b.HasIndex(i => i.PersonId, "ux_child_institution_child_in_care").IsUnique().HasFilter("left_on IS NULL");
    }
}

internal sealed class InstitutionCheckConfiguration : IEntityTypeConfiguration<InstitutionCheck>
{
    public void Configure(EntityTypeBuilder<InstitutionCheck> b)
    {
        b.ToTable("child_institution_check");
        b.HasKey(i => i.Id);
        b.Property(i => i.DivisionCode).HasMaxLength(12);
        b.Property(i => i.Kind).HasConversion<int>();
        b.Property(i => i.Item).HasMaxLength(200);
        b.Property(i => i.Finding).HasMaxLength(1000);
        b.Property(i => i.Rectification).HasMaxLength(1000);
        b.Property(i => i.RectifiedNote).HasMaxLength(1000);
        b.Property(i => i.RecordedBy).HasMaxLength(100);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => new { i.InstitutionId, i.Kind, i.Year });
    }
}

public sealed record InstitutionInput([Text(100)] string? Name, [property: JsonRequired] InstitutionKind Kind, [Text(12)] string? DivisionCode, [property: JsonRequired][Within(0, 10000)] int Beds, [Text(50)] string? Director, [Text(20)] string? Phone);

public sealed record CheckInput([property: JsonRequired] CheckKind Kind, DateOnly? CheckedOn, [Text(200)] string? Item, [Text(1000)] string? Finding, bool Problem, [Text(1000)] string? Rectification, DateOnly? DueOn);

public sealed class ChildInstitutions(AppDbContext db, ICurrentUser user, BusinessClock clock, AuditLog audit)
{
    /// <summary>The yearly risk check's usual items (a checklist offered on the page; any item may be recorded).</summary>
    public static readonly IReadOnlyList<string> RiskItems =
        ["消防安全", "食品安全", "设施设备安全", "儿童人身安全和防走失", "医疗和药品管理", "人员资质和值班", "儿童档案和信息管理", "资金和物资管理"];

    public async Task<ChildInstitution> CreateAsync(InstitutionInput input, CancellationToken ct = default)
    {
        Require();
        if (string.IsNullOrWhiteSpace(input.Name)) throw AppProblem.Field("name", "请填写机构名称");
        if (string.IsNullOrWhiteSpace(input.DivisionCode) || !await db.Divisions.AnyAsync(d => d.Code == input.DivisionCode, ct)) throw AppProblem.Field("divisionCode", "请选择所在地");
        if (input.Beds < 0) throw AppProblem.Field("beds", "床位数不能为负");
        if (await db.Set<ChildInstitution>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(i => i.Name == input.Name.Trim(), ct)) throw AppProblem.Conflict("institution_exists", "同名机构已登记");
        var i = new ChildInstitution { Name = input.Name.Trim(), Kind = input.Kind, DivisionCode = input.DivisionCode, Beds = input.Beds, Director = input.Director?.Trim(), Phone = input.Phone?.Trim() };
        db.Add(i);
        audit.Add("create", nameof(ChildInstitution), i.Id.ToString(), new { i.Name }, i.DivisionCode);
        await db.SaveChangesAsync(ct);
        return i;
    }

    public async Task<InstitutionChild> AdmitAsync(Guid institutionId, Guid personId, DateOnly? on, string? rehabilitation, CancellationToken ct = default)
    {
        Require();
        var i = await LoadAsync(institutionId, ct);
        if (!await db.Persons.AnyAsync(p => p.Id == personId, ct)) throw AppProblem.Field("personId", "儿童不存在或不在您的管辖范围内");
        if (await db.Set<InstitutionChild>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(c => c.PersonId == personId && c.LeftOn == null, ct))
        {
            throw AppProblem.Conflict("already_in_care", "该儿童已在机构养育中");
        }
        var c = new InstitutionChild { InstitutionId = i.Id, DivisionCode = i.DivisionCode, PersonId = personId, AdmittedOn = on ?? clock.Today, Rehabilitation = rehabilitation?.Trim() };
        db.Add(c);
        audit.Add("admit", nameof(ChildInstitution), i.Id.ToString(), new { personId }, i.DivisionCode);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<InstitutionCheck> RecordCheckAsync(Guid institutionId, CheckInput input, CancellationToken ct = default)
    {
        Require();
        var i = await LoadAsync(institutionId, ct);
        if (input.CheckedOn is not { } on || on > clock.Today) throw AppProblem.Field("checkedOn", "请填写检查日期（不晚于今天）");
        if (string.IsNullOrWhiteSpace(input.Item)) throw AppProblem.Field("item", "请填写检查项目");
        if (string.IsNullOrWhiteSpace(input.Finding)) throw AppProblem.Field("finding", "请填写检查情况");
        if (input.Problem && string.IsNullOrWhiteSpace(input.Rectification)) throw AppProblem.Field("rectification", "发现问题须填写整改措施");
        if (input.Problem && input.DueOn is not { } due) throw AppProblem.Field("dueOn", "发现问题须填写整改期限");
        if (input.Problem && input.DueOn < on) throw AppProblem.Field("dueOn", "整改期限不能早于检查日期");
        var c = new InstitutionCheck
        {
            InstitutionId = i.Id,
            DivisionCode = i.DivisionCode,
            Kind = Enum.IsDefined(input.Kind) ? input.Kind : CheckKind.RiskCheck,
            Year = on.Year,
            CheckedOn = on,
            Item = input.Item.Trim(),
            Finding = input.Finding.Trim(),
            Problem = input.Problem,
            Rectification = input.Problem ? input.Rectification!.Trim() : null,
            DueOn = input.Problem ? input.DueOn : null,
            RecordedBy = user.UserName,
        };
        db.Add(c);
        audit.Add("check", nameof(ChildInstitution), i.Id.ToString(), new { c.Kind, c.Item, c.Problem }, i.DivisionCode);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<InstitutionCheck> RectifyAsync(Guid checkId, DateOnly? on, string? note, int? version, CancellationToken ct = default)
    {
        Require();
        var c = await db.Set<InstitutionCheck>().FirstOrDefaultAsync(x => x.Id == checkId, ct) ?? throw AppProblem.NotFound("检查记录");
        if (version is not { } v) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        db.ExpectVersion(c, v);
        if (!c.Problem) throw AppProblem.Conflict("no_problem", "该项未发现问题，无需整改");
        if (c.RectifiedOn is not null) throw AppProblem.Conflict("already_rectified", "该问题已整改完成");
        if (on is not { } d || d > clock.Today || d < c.CheckedOn) throw AppProblem.Field("rectifiedOn", "请填写整改完成日期（检查日期至今天之间）");
        if (string.IsNullOrWhiteSpace(note)) throw AppProblem.Field("rectifiedNote", "请填写整改情况");
        c.RectifiedOn = d;
        c.RectifiedNote = note.Trim();
        audit.Add("rectify", nameof(ChildInstitution), c.InstitutionId.ToString(), new { c.Item }, c.DivisionCode);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<ChildInstitution> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<ChildInstitution>().FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw AppProblem.NotFound("儿童福利机构");

    private void Require()
    {
        if (!user.HasPermission(ChildPermissions.Confirm)) throw AppProblem.Forbidden("儿童福利机构由县级以上民政部门管理");
    }
}
