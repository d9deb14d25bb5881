using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.ElderlyCare.LeftBehind;

public enum LeftBehindStatus
{
    /// <summary>在册: visited on the risk level's cycle.</summary>
    InRegister = 1,

    /// <summary>已退出 (children returned, moved away, entered a care home, died), with the reason.</summary>
    Exited = 2,
}

public enum VisitMode
{
    Phone = 1,
    Home = 2,
}

/// <summary>
/// A rural left-behind elder (农村留守老年人, 民发〔2017〕193号) in the village's register: a registry person (never a copy of the
/// ID number), how the elder lives, which children are away (facts as the village records them, <see cref="ChildrenAway"/>),
/// the risk level and why, the village worker who visits, a contact, and when the next visit is due. The row lives in the
/// person's division, so the village, its township and the county above see it.
/// </summary>
public sealed class LeftBehindElder : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }

    /// <summary>Copied from the registry at registration for lists and exports that must not join per row (the person's division).</summary>
    public required string DivisionCode { get; set; }
    public required string Name { get; set; }
    public LivingArrangement Living { get; set; }

    /// <summary>JSON list of <see cref="ChildAway"/>: who is away, where, since when.</summary>
    public required string ChildrenAway { get; set; }
    public LeftBehindRisk Risk { get; set; }
    public required string RiskReason { get; set; }

    /// <summary>The assigned village worker: an account of the elder's village or community.</summary>
    public Guid WorkerUserId { get; set; }
    public required string WorkerName { get; set; }
    public required string ContactName { get; set; }
    public required string ContactRelation { get; set; }
    public byte[]? ContactPhoneCipher { get; set; }
    public string? ContactPhoneMasked { get; set; }

    /// <summary>Why the elder qualified on <see cref="RegisteredOn"/> (the rule's reasons with the figures used).</summary>
    public required string Basis { get; set; }
    public DateOnly RegisteredOn { get; set; }
    public required string RegisteredBy { get; set; }
    public DateOnly? LastVisitOn { get; set; }
    public DateOnly NextVisitDue { get; set; }
    public LeftBehindStatus Status { get; set; } = LeftBehindStatus.InRegister;
    public DateOnly? ExitedOn { get; set; }
    public string? ExitReason { get; set; }
    public bool IsDemo { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A child away from home, as the village records it (the child need not be in the registry).</summary>
public sealed record ChildAway(string Name, string Relation, string Place, DateOnly Since);

/// <summary>
/// One visit (巡访) by phone or at home: the four findings the notice asks the village to watch (health, safety, daily living,
/// state of mind), the needs found and the services referred to, and whether it came by the due date it answered.
/// </summary>
public sealed class LeftBehindVisit : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ElderId { get; set; }
    public required string DivisionCode { get; set; }
    public VisitMode Mode { get; set; }
    public DateOnly VisitedOn { get; set; }
    public Guid? VisitorUserId { get; set; }
    public required string VisitorName { get; set; }
    public string? Health { get; set; }
    public string? Safety { get; set; }
    public string? LivingCondition { get; set; }
    public string? Mental { get; set; }
    public string? Needs { get; set; }

    /// <summary>Referral codes (<see cref="LeftBehindReferrals.All"/>), comma-separated.</summary>
    public string Referrals { get; set; } = "";

    /// <summary>The due date this visit answered, and whether it was on or before it (for 按时巡访 figures).</summary>
    public DateOnly DueOn { get; set; }
    public bool OnTime { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public IReadOnlyList<string> ReferralList => Referrals.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>The services a visit may refer an elder to (codes stored on visits).</summary>
public static class LeftBehindReferrals
{
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("dibao", "最低生活保障"), ("extreme-poverty", "特困人员救助供养"), ("temporary", "临时救助"), ("home-care", "居家养老服务"),
        ("medical", "医疗救助、就医协助"), ("disability", "残疾人两项补贴"), ("age-allowance", "高龄津贴"), ("institution", "机构养老"),
        ("safety", "住房、用火用电安全整改"), ("family", "督促子女履行赡养义务"), ("other", "其他"),
    ];

    public static string Name(string code) => All.FirstOrDefault(r => r.Code == code).Name ?? code;
}

internal sealed class LeftBehindConfiguration : IEntityTypeConfiguration<LeftBehindElder>, IEntityTypeConfiguration<LeftBehindVisit>
{
    public void Configure(EntityTypeBuilder<LeftBehindElder> b)
    {
        b.ToTable("elderly_left_behind");
        b.HasKey(x => x.Id);
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Living).HasConversion<int>();
        b.Property(x => x.ChildrenAway).HasMaxLength(2000);
        b.Property(x => x.Risk).HasConversion<int>();
        b.Property(x => x.RiskReason).HasMaxLength(500);
        b.Property(x => x.WorkerName).HasMaxLength(100);
        b.Property(x => x.ContactName).HasMaxLength(50);
        b.Property(x => x.ContactRelation).HasMaxLength(20);
        b.Property(x => x.ContactPhoneMasked).HasMaxLength(20);
        b.Property(x => x.Basis).HasMaxLength(1000);
        b.Property(x => x.RegisteredBy).HasMaxLength(100);
        b.Property(x => x.ExitReason).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.DivisionCode, x.Status, x.NextVisitDue });
        b.HasIndex(x => new { x.Status, x.NextVisitDue });
        // one open register row per person: a second registration fails on the index (409 duplicate) even when concurrent
        b.HasIndex(x => x.PersonId, "ux_elderly_left_behind_person").IsUnique().HasFilter("status = 1");
    }

    public void Configure(EntityTypeBuilder<LeftBehindVisit> b)
    {
        b.ToTable("elderly_left_behind_visit");
        b.HasKey(x => x.Id);
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.Mode).HasConversion<int>();
        b.Property(x => x.VisitorName).HasMaxLength(100);
        b.Property(x => x.Health).HasMaxLength(500);
        b.Property(x => x.Safety).HasMaxLength(500);
        b.Property(x => x.LivingCondition).HasMaxLength(500);
        b.Property(x => x.Mental).HasMaxLength(500);
        b.Property(x => x.Needs).HasMaxLength(500);
        b.Property(x => x.Referrals).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<LeftBehindElder>().WithMany().HasForeignKey(x => x.ElderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ElderId, x.VisitedOn });
        b.HasIndex(x => new { x.DivisionCode, x.VisitedOn });
    }
}
