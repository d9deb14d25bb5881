using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.Disability.Rehab;

/// <summary>
/// A purchase of community mental-health rehabilitation (精神障碍社区康复服务, the plan's 第六章（一）四; 财政部令第102号 政府购买服务):
/// the purchasing county (or the city) buys rehabilitation from a provider (a kernel organisation) for a period, within a budget,
/// at a price per person-month served. Scoped by the purchaser's division. The contract itself is not restricted: it names no one.
/// </summary>
public sealed class RehabContract : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public Guid OrganizationId { get; set; }
    public required string ProviderName { get; set; }

    /// <summary>The purchaser's division (a county or the city); enrolled people live inside it.</summary>
    public required string DivisionCode { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }
    public Money Budget { get; set; }

    /// <summary>
    /// The price of one person-month: a person enrolled in the month who received at least one session in it. Priced per
    /// person-month rather than per session because community rehabilitation is continuing care with a planned frequency (the
    /// plan's 服务频次): paying per session would reward adding sessions, paying per enrolment would pay for people not served.
    /// </summary>
    public Money MonthlyPrice { get; set; }
    public required string Document { get; set; }
    public bool IsDemo { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// A person enrolled with a provider contract: RESTRICTED health data (精神卫生法 第四条: 精神障碍患者的个人信息应当保密). Only users with
/// <see cref="RehabPermissions.Enrolments"/> learn that it exists (everyone else gets 404 and empty lists); the diagnosis category
/// only with <see cref="RehabPermissions.Diagnosis"/>. Scoped by the person's division (the village), so a township with the
/// permission would see its own people only.
/// </summary>
public sealed class RehabEnrolment : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public Guid ContractId { get; set; }
    public Guid PersonId { get; set; }

    /// <summary>The person's division when enrolled.</summary>
    public required string DivisionCode { get; set; }
    public DateOnly EnrolledOn { get; set; }

    /// <summary>A code of <see cref="RehabCodes.Diagnoses"/>.</summary>
    public required string Diagnosis { get; set; }

    /// <summary>The service plan's goals (康复目标).</summary>
    public required string Goals { get; set; }

    /// <summary>The service plan's frequency: sessions planned per month.</summary>
    public int SessionsPerMonth { get; set; }
    public DateOnly? ExitedOn { get; set; }

    /// <summary>A code of <see cref="RehabCodes.ExitReasons"/>.</summary>
    public string? ExitReason { get; set; }
    public string? ExitNote { get; set; }
    public bool IsDemo { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One rehabilitation session given to an enrolled person by the provider's staff.</summary>
public sealed class RehabSession : IDivisionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EnrolmentId { get; set; }
    public Guid ContractId { get; set; }
    public required string DivisionCode { get; set; }
    public DateOnly HeldOn { get; set; }

    /// <summary>A code of <see cref="RehabCodes.SessionTypes"/>.</summary>
    public required string Type { get; set; }
    public int Minutes { get; set; }
    public required string Staff { get; set; }
    public Guid? SettlementId { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A functional score at entry or at a review, on the scale in force on its date (figure book), with the scale kept beside the
/// score so that a later change of scale does not change what an old score meant.
/// </summary>
public sealed class RehabScore : IDivisionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EnrolmentId { get; set; }
    public required string DivisionCode { get; set; }
    public DateOnly ScoredOn { get; set; }
    public bool IsEntry { get; set; }
    public int Score { get; set; }
    public required string Scale { get; set; }
    public int ScaleMin { get; set; }
    public int ScaleMax { get; set; }
    public required string Assessor { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A month's settlement of one contract, published to payments as a one-off entitlement to the provider; counts only.</summary>
public sealed class RehabSettlement : IDivisionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public Guid ContractId { get; set; }
    public Guid OrganizationId { get; set; }
    public required string DivisionCode { get; set; }

    /// <summary>The month served (1st of the month); paid in the payroll of <see cref="PayMonth"/>.</summary>
    public DateOnly Month { get; set; }
    public DateOnly PayMonth { get; set; }
    public int PersonMonths { get; set; }
    public int SessionCount { get; set; }
    public Money Amount { get; set; }
    public required string Explanation { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed record RehabCode(string Code, string Name);

/// <summary>The fixed code lists of the rehabilitation service.</summary>
public static class RehabCodes
{
    /// <summary>The six 严重精神障碍 of 严重精神障碍管理治疗工作规范（2018年版）, plus 其他.</summary>
    public static readonly IReadOnlyList<RehabCode> Diagnoses =
    [
        new("schizophrenia", "精神分裂症"),
        new("bipolar", "双相情感障碍"),
        new("paranoid", "偏执性精神病"),
        new("schizoaffective", "分裂情感性障碍"),
        new("epilepsy", "癫痫所致精神障碍"),
        new("intellectual", "精神发育迟滞伴发精神障碍"),
        new("depression", "抑郁症"),
        new("other", "其他"),
    ];

    public static readonly IReadOnlyList<RehabCode> SessionTypes =
    [
        new("individual", "个体康复训练"),
        new("group", "小组活动"),
        new("family", "家庭支持"),
        new("social-skills", "社会技能训练"),
        new("vocational", "职业康复"),
    ];

    public static readonly IReadOnlyList<RehabCode> ExitReasons =
    [
        new("recovered", "康复目标达成"),
        new("referred", "转介其他机构或住院治疗"),
        new("moved", "迁出服务区域"),
        new("withdrew", "本人或监护人申请退出"),
        new("died", "死亡"),
        new("contract-ended", "合同期满"),
        new("other", "其他"),
    ];

    /// <summary>The code of <paramref name="input"/> given as a code or a name, or null.</summary>
    public static string? Read(IReadOnlyList<RehabCode> list, string? input)
    {
        var t = input?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        return list.FirstOrDefault(c => c.Code == t || c.Name == t)?.Code;
    }

    public static string NameOf(IReadOnlyList<RehabCode> list, string? code) => list.FirstOrDefault(c => c.Code == code)?.Name ?? code ?? "";
}

internal sealed class RehabConfiguration :
    IEntityTypeConfiguration<RehabContract>, IEntityTypeConfiguration<RehabEnrolment>, IEntityTypeConfiguration<RehabSession>,
    IEntityTypeConfiguration<RehabScore>, IEntityTypeConfiguration<RehabSettlement>
{
    public void Configure(EntityTypeBuilder<RehabContract> b)
    {
        b.ToTable("disability_rehab_contract");
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(40);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.ProviderName).HasMaxLength(200);
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.Document).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.DivisionCode);
    }

    public void Configure(EntityTypeBuilder<RehabEnrolment> b)
    {
        b.ToTable("disability_rehab_enrolment");
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(40);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.Diagnosis).HasMaxLength(20);
        b.Property(x => x.Goals).HasMaxLength(500);
        b.Property(x => x.ExitReason).HasMaxLength(20);
        b.Property(x => x.ExitNote).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<RehabContract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ContractId, x.EnrolledOn });
        b.HasIndex(x => x.PersonId);
        b.HasIndex(x => x.DivisionCode);
    }

    public void Configure(EntityTypeBuilder<RehabSession> b)
    {
        b.ToTable("disability_rehab_session");
        b.HasKey(x => x.Id);
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.Type).HasMaxLength(20);
        b.Property(x => x.Staff).HasMaxLength(50);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.HasOne<RehabEnrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.EnrolmentId, x.HeldOn });
        b.HasIndex(x => new { x.ContractId, x.HeldOn });
        b.HasIndex(x => x.SettlementId);
    }

    public void Configure(EntityTypeBuilder<RehabScore> b)
    {
        b.ToTable("disability_rehab_score");
        b.HasKey(x => x.Id);
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.Scale).HasMaxLength(32);
        b.Property(x => x.Assessor).HasMaxLength(50);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.HasOne<RehabEnrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.EnrolmentId, x.ScoredOn });
    }

    public void Configure(EntityTypeBuilder<RehabSettlement> b)
    {
        b.ToTable("disability_rehab_settlement");
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(40);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.Explanation).HasMaxLength(4000);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.HasOne<RehabContract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Restrict);
        // one settlement a month per contract, also under concurrency
        b.HasIndex(x => new { x.ContractId, x.Month }).IsUnique();
    }
}
