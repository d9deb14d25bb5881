using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.Community.Committees;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Community.Elections;

/// <summary>
/// One committee's 换届选举 of a round (民发〔2013〕76号): the seats by post, the vote day, the roll's publication, the official
/// candidates' publication, the additional round, the hand-over and the archive. Its steps run on the workflow kernel
/// (<see cref="ElectionProcess"/>); the records of each step are the rows around it.
/// </summary>
public sealed class Election : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public Guid CommitteeId { get; set; }
    public required string DivisionCode { get; set; }
    public required string Name { get; set; }

    /// <summary>The round's year (2021 for the 换届 prepared in 2020): one election per committee per year.</summary>
    public int Year { get; set; }

    public int SeatsDirector { get; set; } = 1;
    public int SeatsDeputy { get; set; }
    public int SeatsMember { get; set; }
    public DateOnly? VoteDate { get; set; }
    public DateOnly? RollPublishedOn { get; set; }
    public DateOnly? CandidatesPublishedOn { get; set; }
    public DateOnly? AdditionalVoteDate { get; set; }

    /// <summary>The day the new committee came into being (the last round's vote) and the hand-over's last day (第二十条).</summary>
    public DateOnly? ElectedOn { get; set; }
    public DateOnly? HandoverDue { get; set; }
    public DateOnly? HandedOverOn { get; set; }
    public string HandoverNote { get; set; } = "";
    public DateOnly? ArchivedOn { get; set; }
    public string State { get; set; } = ElectionProcess.Preparing;
    public Guid? WorkflowCaseId { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public int SeatsFor(CommitteePost post) => post switch
    {
        CommitteePost.Director => SeatsDirector,
        CommitteePost.DeputyDirector => SeatsDeputy,
        _ => SeatsMember,
    };
}

/// <summary>A member of the 村民选举委员会 (第十二条): who chose him, and when and why he left (a nominated member leaves).</summary>
public sealed class ElectionCommitteeMember : IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ElectionId { get; set; }
    public required string DivisionCode { get; set; }
    public Guid? PersonId { get; set; }
    public required string Name { get; set; }
    public string Role { get; set; } = "委员";
    public string ChosenBy { get; set; } = "";
    public DateOnly ChosenOn { get; set; }
    public DateOnly? LeftOn { get; set; }
    public string LeftReason { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>Why a voter is on this village's roll (村委会组织法 第十三条).</summary>
public enum VoterBasis
{
    /// <summary>户籍在本村并且在本村居住.</summary>
    Resident = 1,

    /// <summary>户籍在本村，不在本村居住，本人表示参加选举.</summary>
    Away = 2,

    /// <summary>户籍不在本村，在本村居住一年以上，本人申请参加选举，并且经村民会议或者村民代表会议同意.</summary>
    NonLocal = 3,
}

/// <summary>One voter on one election's roll; a removal keeps the row with its day and reason (after publication only by an objection's decision).</summary>
public sealed class Voter : IDivisionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ElectionId { get; set; }
    public required string DivisionCode { get; set; }
    public Guid PersonId { get; set; }
    public required string Name { get; set; }
    public string Group { get; set; } = "";
    public VoterBasis Basis { get; set; }
    public int Year { get; set; }
    public DateOnly AddedOn { get; set; }
    public DateOnly? RemovedOn { get; set; }
    public string RemovedReason { get; set; } = "";
    public Guid? ObjectionId { get; set; }
}

public enum ObjectionKind
{
    /// <summary>漏登: someone who should be on the roll is not.</summary>
    Omitted = 1,

    /// <summary>错登: someone on the roll should not be (not of age, deprived of political rights, registered elsewhere, dead).</summary>
    Wrong = 2,
}

/// <summary>An objection to the published roll, made within 5 days and decided within 3 (第十四条).</summary>
public sealed class RollObjection : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ElectionId { get; set; }
    public required string DivisionCode { get; set; }
    public DateOnly FiledOn { get; set; }
    public required string FiledBy { get; set; }
    public ObjectionKind Kind { get; set; }
    public Guid? PersonId { get; set; }
    public required string PersonName { get; set; }
    public string Reason { get; set; } = "";
    public DateOnly DecisionDue { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public bool? Upheld { get; set; }
    public string Decision { get; set; } = "";
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>The county's joint vetting verdict on a candidate (rules-2 §2.4).</summary>
public enum VettingVerdict
{
    Pending = 0,
    Pass = 1,

    /// <summary>不能确定为候选人: blocks the candidate.</summary>
    MustExclude = 2,

    /// <summary>不宜确定为候选人: excludes the candidate unless the county records why it stands.</summary>
    ShouldExclude = 3,
}

/// <summary>A nominated candidate (直接提名) for one post, the vetting verdict, and the result.</summary>
public sealed class Candidate : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ElectionId { get; set; }
    public required string DivisionCode { get; set; }
    public Guid? PersonId { get; set; }
    public required string Name { get; set; }
    public Sex Sex { get; set; }
    public string Ethnicity { get; set; } = "汉族";
    public CommitteePost Post { get; set; }
    public DateOnly NominatedOn { get; set; }

    /// <summary>联名提名的选民人数 (or the nomination votes, as the election's rules have it).</summary>
    public int Nominators { get; set; }
    public VettingVerdict Verdict { get; set; }
    public string VerdictNote { get; set; } = "";

    /// <summary>A 不宜 verdict the county decided to let stand, with its reason (audited).</summary>
    public string OverrideReason { get; set; } = "";
    public bool Official { get; set; }
    public bool Elected { get; set; }
    public int? ElectedRound { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One county department's check of one candidate: its result, the category found (if any), and the evidence.</summary>
public sealed class VettingCheck : IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CandidateId { get; set; }
    public Guid ElectionId { get; set; }
    public required string DivisionCode { get; set; }
    public required string Department { get; set; }
    public VettingVerdict Result { get; set; }
    public string CategoryCode { get; set; } = "";
    public string Evidence { get; set; } = "";
    public DateOnly CheckedOn { get; set; }
    public required string CheckedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum VettingCatalogKind
{
    /// <summary>A department whose check every candidate needs.</summary>
    Department = 1,

    /// <summary>不能确定为候选人 (shall not).</summary>
    MustNot = 2,

    /// <summary>不宜确定为候选人 (should not).</summary>
    ShouldNot = 3,
}

/// <summary>
/// The vetting configuration, effective-dated: the departments that check, and the categories of 不能 and 不宜. The Guangxi
/// list is UNCONFIRMED: the shipped rows are the common list (LOCAL-EXAMPLE), marked 演示数据 for the bureau to confirm.
/// </summary>
public sealed class VettingCatalogEntry : IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public VettingCatalogKind Kind { get; set; }
    public required string Code { get; set; }
    public required string Text { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public string Document { get; set; } = "";
    public bool IsDemo { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool InForce(DateOnly on) => ValidFrom <= on && (ValidUntil is null || ValidUntil >= on);
}

/// <summary>One ballot box's count in one round (中心投票会场, 分会场, 流动票箱), with the votes per candidate.</summary>
public sealed class BallotBox : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ElectionId { get; set; }
    public required string DivisionCode { get; set; }
    public int Round { get; set; } = 1;
    public required string Name { get; set; }
    public int BallotsIssued { get; set; }
    public int BallotsCast { get; set; }
    public int InvalidBallots { get; set; }
    public List<BallotVote> Votes { get; set; } = [];
    public required string EnteredBy { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class BallotVote
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BallotBoxId { get; set; }
    public Guid CandidateId { get; set; }
    public int Votes { get; set; }
}

internal sealed class ElectionConfiguration :
    IEntityTypeConfiguration<Election>, IEntityTypeConfiguration<ElectionCommitteeMember>, IEntityTypeConfiguration<Voter>, IEntityTypeConfiguration<RollObjection>,
    IEntityTypeConfiguration<Candidate>, IEntityTypeConfiguration<VettingCheck>, IEntityTypeConfiguration<VettingCatalogEntry>, IEntityTypeConfiguration<BallotBox>,
    IEntityTypeConfiguration<BallotVote>
{
    public void Configure(EntityTypeBuilder<Election> b)
    {
        b.ToTable("com_election");
        b.HasKey(e => e.Id);
        b.Property(e => e.Number).HasMaxLength(30);
        b.Property(e => e.DivisionCode).HasMaxLength(12);
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.HandoverNote).HasMaxLength(1000);
        b.Property(e => e.State).HasMaxLength(24);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasIndex(e => e.Number).IsUnique();
        b.HasIndex(e => new { e.CommitteeId, e.Year }).IsUnique();
        b.HasIndex(e => new { e.DivisionCode, e.State });
        b.HasIndex(e => new { e.State, e.HandoverDue });
    }

    public void Configure(EntityTypeBuilder<ElectionCommitteeMember> b)
    {
        b.ToTable("com_election_committee");
        b.HasKey(m => m.Id);
        b.Property(m => m.DivisionCode).HasMaxLength(12);
        b.Property(m => m.Name).HasMaxLength(50);
        b.Property(m => m.Role).HasMaxLength(20);
        b.Property(m => m.ChosenBy).HasMaxLength(50);
        b.Property(m => m.LeftReason).HasMaxLength(200);
        b.HasIndex(m => m.ElectionId);
    }

    public void Configure(EntityTypeBuilder<Voter> b)
    {
        b.ToTable("com_voter");
        b.HasKey(v => v.Id);
        b.Property(v => v.DivisionCode).HasMaxLength(12);
        b.Property(v => v.Name).HasMaxLength(50);
        b.Property(v => v.Group).HasMaxLength(50);
        b.Property(v => v.Basis).HasConversion<string>().HasMaxLength(12);
        b.Property(v => v.RemovedReason).HasMaxLength(200);
        b.HasIndex(v => new { v.ElectionId, v.PersonId }).IsUnique();
        // the roll lookup and the one-place rule (第十三条) read by person and year
        b.HasIndex(v => new { v.PersonId, v.Year });
    }

    public void Configure(EntityTypeBuilder<RollObjection> b)
    {
        b.ToTable("com_roll_objection");
        b.HasKey(o => o.Id);
        b.Property(o => o.DivisionCode).HasMaxLength(12);
        b.Property(o => o.FiledBy).HasMaxLength(50);
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(12);
        b.Property(o => o.PersonName).HasMaxLength(50);
        b.Property(o => o.Reason).HasMaxLength(500);
        b.Property(o => o.Decision).HasMaxLength(500);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasIndex(o => o.ElectionId);
        b.HasIndex(o => new { o.DecidedOn, o.DecisionDue });
    }

    public void Configure(EntityTypeBuilder<Candidate> b)
    {
        b.ToTable("com_candidate");
        b.HasKey(c => c.Id);
        b.Property(c => c.DivisionCode).HasMaxLength(12);
        b.Property(c => c.Name).HasMaxLength(50);
        b.Property(c => c.Sex).HasConversion<string>().HasMaxLength(8);
        b.Property(c => c.Ethnicity).HasMaxLength(20);
        b.Property(c => c.Post).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Verdict).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.VerdictNote).HasMaxLength(1000);
        b.Property(c => c.OverrideReason).HasMaxLength(500);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => c.ElectionId);
    }

    public void Configure(EntityTypeBuilder<VettingCheck> b)
    {
        b.ToTable("com_vetting_check");
        b.HasKey(c => c.Id);
        b.Property(c => c.DivisionCode).HasMaxLength(12);
        b.Property(c => c.Department).HasMaxLength(50);
        b.Property(c => c.Result).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.CategoryCode).HasMaxLength(40);
        b.Property(c => c.Evidence).HasMaxLength(1000);
        b.Property(c => c.CheckedBy).HasMaxLength(50);
        b.HasIndex(c => new { c.CandidateId, c.Department }).IsUnique();
        b.HasIndex(c => c.ElectionId);
    }

    public void Configure(EntityTypeBuilder<VettingCatalogEntry> b)
    {
        b.ToTable("com_vetting_catalog");
        b.HasKey(c => c.Id);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(12);
        b.Property(c => c.Code).HasMaxLength(40);
        b.Property(c => c.Text).HasMaxLength(300);
        b.Property(c => c.Document).HasMaxLength(300);
        b.HasIndex(c => new { c.Kind, c.Code, c.ValidFrom }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<BallotBox> b)
    {
        b.ToTable("com_ballot_box");
        b.HasKey(x => x.Id);
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.EnteredBy).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.Votes).WithOne().HasForeignKey(v => v.BallotBoxId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ElectionId, x.Round, x.Name }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<BallotVote> b)
    {
        b.ToTable("com_ballot_vote");
        b.HasKey(v => v.Id);
        b.HasIndex(v => new { v.BallotBoxId, v.CandidateId }).IsUnique();
    }
}
