using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Community.Committees;

/// <summary>The posts a committee's people hold (村委会组织法 第六条、第二十五条、第二十八条、第三十二条; 居委会组织法 第七条、第十三条).</summary>
public enum CommitteePost
{
    Director = 1,
    DeputyDirector = 2,
    Member = 3,
    Supervisor = 4,
    SubCommittee = 5,
    GroupLeader = 6,
    Representative = 7,
}

/// <summary>民主评议 results (村委会组织法 第三十三条).</summary>
public enum ReviewResult
{
    Competent = 1,
    BasicallyCompetent = 2,
    Incompetent = 3,
}

/// <summary>任期经济责任审计 or 离任经济责任审计 (村委会组织法 第三十五条).</summary>
public enum AuditKind
{
    Term = 1,
    Departure = 2,
}

/// <summary>
/// A person holding a post on a committee for a term: the registry person where known (name, sex and ethnicity then come from
/// the registry), otherwise the name as entered. A member who leaves keeps the row with the day and the reason; an office
/// ended by two consecutive 不称职 reviews is ended by <see cref="CommitteeRegistry"/>, never by hand.
/// </summary>
public sealed class CommitteeMember : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CommitteeId { get; set; }
    public required string DivisionCode { get; set; }
    public Guid? PersonId { get; set; }
    public required string Name { get; set; }
    public Sex Sex { get; set; }
    public string Ethnicity { get; set; } = "汉族";
    public CommitteePost Post { get; set; }

    /// <summary>Which 下属委员会 or 村民小组 (e.g. 人民调解委员会, 第三村民小组); blank for the other posts.</summary>
    public string Detail { get; set; } = "";

    public DateOnly TermFrom { get; set; }
    public DateOnly? TermUntil { get; set; }

    /// <summary>The election the member came from, where the platform ran it.</summary>
    public Guid? ElectionId { get; set; }

    public DateOnly? EndedOn { get; set; }
    public string EndReason { get; set; } = "";
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool IsCommitteeMember => Post is CommitteePost.Director or CommitteePost.DeputyDirector or CommitteePost.Member;
}

/// <summary>One yearly 民主评议 of a member by the 村民会议 or 村民代表会议.</summary>
public sealed class MemberReview : IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MemberId { get; set; }
    public Guid CommitteeId { get; set; }
    public required string DivisionCode { get; set; }
    public int Year { get; set; }
    public ReviewResult Result { get; set; }
    public DateOnly ReviewedOn { get; set; }

    /// <summary>Who reviewed (村民会议 / 村民代表会议) and the votes, as recorded.</summary>
    public string Note { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A term or departure economic-responsibility audit, published to the villagers before the next election (第三十五条).</summary>
public sealed class CommitteeAudit : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CommitteeId { get; set; }
    public required string DivisionCode { get; set; }
    public AuditKind Kind { get; set; }
    public Guid? MemberId { get; set; }

    /// <summary>Whose office or which term was audited (for a departure audit, the departing member's name).</summary>
    public required string Subject { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodUntil { get; set; }
    public DateOnly AuditedOn { get; set; }
    public required string Auditor { get; set; }
    public string Findings { get; set; } = "";
    public DateOnly? PublishedOn { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class CommitteeMemberConfiguration : IEntityTypeConfiguration<CommitteeMember>
{
    public void Configure(EntityTypeBuilder<CommitteeMember> b)
    {
        b.ToTable("com_member");
        b.HasKey(m => m.Id);
        b.Property(m => m.DivisionCode).HasMaxLength(12);
        b.Property(m => m.Name).HasMaxLength(50);
        b.Property(m => m.Sex).HasConversion<string>().HasMaxLength(8);
        b.Property(m => m.Ethnicity).HasMaxLength(20);
        b.Property(m => m.Post).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Detail).HasMaxLength(50);
        b.Property(m => m.EndReason).HasMaxLength(200);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.Ignore(m => m.IsCommitteeMember);
        b.HasIndex(m => new { m.CommitteeId, m.EndedOn });
        b.HasIndex(m => m.DivisionCode);
        b.HasIndex(m => m.PersonId);
    }
}

internal sealed class MemberReviewConfiguration : IEntityTypeConfiguration<MemberReview>
{
    public void Configure(EntityTypeBuilder<MemberReview> b)
    {
        b.ToTable("com_member_review");
        b.HasKey(r => r.Id);
        b.Property(r => r.DivisionCode).HasMaxLength(12);
        b.Property(r => r.Result).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Note).HasMaxLength(500);
        b.HasIndex(r => new { r.MemberId, r.Year }).IsUnique();
        b.HasIndex(r => r.CommitteeId);
    }
}

internal sealed class CommitteeAuditConfiguration : IEntityTypeConfiguration<CommitteeAudit>
{
    public void Configure(EntityTypeBuilder<CommitteeAudit> b)
    {
        b.ToTable("com_audit");
        b.HasKey(a => a.Id);
        b.Property(a => a.DivisionCode).HasMaxLength(12);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(12);
        b.Property(a => a.Subject).HasMaxLength(100);
        b.Property(a => a.Auditor).HasMaxLength(100);
        b.Property(a => a.Findings).HasMaxLength(2000);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => a.CommitteeId);
    }
}
