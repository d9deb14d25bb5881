using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Files;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Funeral.Rectification;

public enum GraveCaseType
{
    ResidentialTomb = 1,
    LuxuryTomb = 2,
    LivingPersonTomb = 3,
    ScatteredBurial = 4,
    ProtectedAreaGrave = 5,
}

public enum GraveMeasure
{
    Demolish = 1,
    Unharden = 2,
    Relocate = 3,
    DeepBury = 4,
    Green = 5,
}

/// <summary>
/// found → measure ordered (责令限期改正) → rectified; a measure past its deadline shows as overdue when read. There is no
/// forced-enforcement step: 殡葬管理条例 第二十条's 强制执行 was deleted in 2012 (国务院令第628号).
/// </summary>
public enum GraveCaseStatus
{
    Found = 1,
    MeasureOrdered = 2,
    Rectified = 3,
}

/// <summary>One entry of the 散埋乱葬、豪华墓、活人墓 rectification ledger, with photos before and after.</summary>
public sealed class GraveCase : IDivisionScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public GraveCaseType Type { get; set; }
    public required string Location { get; set; }

    /// <summary>The township or village (12 digits) where the grave is.</summary>
    public required string DivisionCode { get; set; }

    public decimal Area { get; set; }
    public DateOnly FoundOn { get; set; }
    public GraveMeasure? Measure { get; set; }
    public DateOnly? Deadline { get; set; }
    public DateOnly? RectifiedOn { get; set; }
    public GraveCaseStatus Status { get; set; } = GraveCaseStatus.Found;
    public string Note { get; set; } = "";
    public required string CreatedBy { get; set; }
    public int Version { get; set; }

    public bool IsOverdue(DateOnly today) => Status == GraveCaseStatus.MeasureOrdered && Deadline is { } d && d < today;

    public static string TypeName(GraveCaseType t) => t switch
    {
        GraveCaseType.ResidentialTomb => "住宅式墓地",
        GraveCaseType.LuxuryTomb => "豪华墓",
        GraveCaseType.LivingPersonTomb => "活人墓",
        GraveCaseType.ScatteredBurial => "散埋乱葬",
        GraveCaseType.ProtectedAreaGrave => "保护区内坟墓",
        _ => t.ToString(),
    };

    public static string MeasureName(GraveMeasure? m) => m switch
    {
        GraveMeasure.Demolish => "拆除",
        GraveMeasure.Unharden => "去硬化",
        GraveMeasure.Relocate => "迁移",
        GraveMeasure.DeepBury => "深埋",
        GraveMeasure.Green => "绿化",
        _ => "",
    };

    public string StatusName(DateOnly today) => IsOverdue(today) ? "逾期未整改" : Status switch
    {
        GraveCaseStatus.Found => "已发现",
        GraveCaseStatus.MeasureOrdered => "责令限期整改",
        GraveCaseStatus.Rectified => "已整改",
        _ => Status.ToString(),
    };
}

/// <summary>A photo of a grave before (at discovery) or after (at rectification), kept in the platform's file store.</summary>
public sealed class GravePhoto : IDivisionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public required string DivisionCode { get; set; }
    public Guid FileId { get; set; }
    public required string FileName { get; set; }
    public bool After { get; set; }
}

internal sealed class GraveCaseConfiguration : IEntityTypeConfiguration<GraveCase>, IEntityTypeConfiguration<GravePhoto>
{
    public void Configure(EntityTypeBuilder<GraveCase> b)
    {
        b.ToTable("funeral_grave_case");
        b.HasKey(c => c.Id);
        b.Property(c => c.Number).HasMaxLength(40);
        b.Property(c => c.Location).HasMaxLength(200);
        b.Property(c => c.DivisionCode).HasMaxLength(12);
        b.Property(c => c.Area).HasPrecision(10, 2);
        b.Property(c => c.Note).HasMaxLength(1000);
        b.Property(c => c.CreatedBy).HasMaxLength(100);
        b.HasIndex(c => c.Number).IsUnique();
        b.HasIndex(c => new { c.Status, c.Deadline });
    }

    public void Configure(EntityTypeBuilder<GravePhoto> b)
    {
        b.ToTable("funeral_grave_photo");
        b.HasKey(p => p.Id);
        b.Property(p => p.DivisionCode).HasMaxLength(12);
        b.Property(p => p.FileName).HasMaxLength(200);
        b.HasOne<GraveCase>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(p => p.FileId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.CaseId);
    }
}

public sealed record GraveCaseInput
{
    public GraveCaseType? Type { get; init; }
    [Text(200)] public string? Location { get; init; }
    [Text(12)] public string? DivisionCode { get; init; }
    [Within(0, 1_000_000)] public decimal? Area { get; init; }
    public DateOnly? FoundOn { get; init; }
    [Text(1000)] public string? Note { get; init; }
}

public sealed record GraveOrderInput(GraveMeasure? Measure, DateOnly? Deadline, int? Version);

public sealed record GraveRectifiedInput(DateOnly? RectifiedOn, [Text(1000)] string? Note, int? Version);

/// <summary>The rectification ledger's use cases: record a grave, order the measure with its deadline, record the rectification.</summary>
public sealed class GraveCases(AppDbContext db, ICurrentUser user, BusinessClock clock, DivisionDirectory divisions, CaseNumbers numbers, FileStore files, AuditLog audit)
{
    public async Task<GraveCase> CreateAsync(GraveCaseInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        if (input.Type is not { } type || !Enum.IsDefined(type)) errors.Add("type", "请选择问题类型");
        if (string.IsNullOrWhiteSpace(input.Location)) errors.Add("location", "请填写位置");
        if (string.IsNullOrWhiteSpace(input.DivisionCode) || divisions.Find(input.DivisionCode) is null) errors.Add("divisionCode", "请选择所在行政区划");
        else if (!user.Scope.Contains(input.DivisionCode)) errors.Add("divisionCode", "该地区不在您的管辖范围内");
        if (input.FoundOn is not { } found || found > clock.Today) errors.Add("foundOn", "请填写发现日期（不晚于今天）");
        errors.ThrowIfAny();
        var c = new GraveCase
        {
            Number = await numbers.NextAsync(new NumberSeries("BZZZ", clock.Today.Year, 5), db.Set<GraveCase>().IgnoreQueryFilters().Select(g => (string?)g.Number), ct),
            Type = input.Type!.Value,
            Location = input.Location!.Trim(),
            DivisionCode = input.DivisionCode!,
            Area = input.Area ?? 0,
            FoundOn = input.FoundOn!.Value,
            Note = input.Note?.Trim() ?? "",
            CreatedBy = user.UserName,
        };
        db.Add(c);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<GraveCase> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<GraveCase>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw AppProblem.NotFound("整治台账记录");

    public async Task<GraveCase> OrderAsync(Guid id, GraveOrderInput input, CancellationToken ct = default)
    {
        var c = await LoadAsync(id, ct);
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号");
        var errors = new ValidationErrors();
        if (input.Measure is not { } m || !Enum.IsDefined(m)) errors.Add("measure", "请选择整改措施（拆除、去硬化、迁移、深埋、绿化）");
        if (input.Deadline is not { } d || d < clock.Today) errors.Add("deadline", "请填写整改期限（不早于今天）");
        errors.ThrowIfAny();
        db.ExpectVersion(c, version);
        if (c.Status == GraveCaseStatus.Rectified) throw AppProblem.Conflict("funeral_grave_rectified", $"{c.Number} 已整改");
        c.Measure = input.Measure;
        c.Deadline = input.Deadline;
        c.Status = GraveCaseStatus.MeasureOrdered;
        audit.Add("order-grave-measure", "funeral_grave_case", c.Id.ToString(), new { c.Number, measure = c.Measure, c.Deadline }, c.DivisionCode);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<GraveCase> RectifiedAsync(Guid id, GraveRectifiedInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var c = await LoadAsync(id, ct);
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号");
        if (input.RectifiedOn is not { } on || on > clock.Today || on < c.FoundOn) throw AppProblem.Field("rectifiedOn", "请填写整改完成日期（发现之后、不晚于今天）");
        db.ExpectVersion(c, version);
        if (c.Status != GraveCaseStatus.MeasureOrdered) throw AppProblem.Conflict("funeral_grave_not_ordered", $"{c.Number} 尚未责令整改或已整改");
        c.RectifiedOn = on;
        c.Status = GraveCaseStatus.Rectified;
        if (!string.IsNullOrWhiteSpace(input.Note)) c.Note = (c.Note + "\n" + input.Note.Trim()).Trim();
        audit.Add("rectify-grave", "funeral_grave_case", c.Id.ToString(), new { c.Number, on }, c.DivisionCode);
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>A photo before (at discovery) or after the rectification.</summary>
    public async Task<GravePhoto> AttachPhotoAsync(Guid id, bool after, string fileName, Stream content, CancellationToken ct = default)
    {
        var c = await LoadAsync(id, ct);
        UploadKinds.Materials.EnsureAllowed("file", fileName);
        var stored = await files.SaveAsync(fileName, content, ct);
        var photo = new GravePhoto { CaseId = c.Id, DivisionCode = c.DivisionCode, FileId = stored.Id, FileName = stored.FileName, After = after };
        db.Add(photo);
        await db.SaveChangesAsync(ct);
        return photo;
    }
}
