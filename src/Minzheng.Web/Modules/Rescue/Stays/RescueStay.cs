using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Rescue.Stays;

public enum StayStatus
{
    /// <summary>不予救助: the person asked for help but is not eligible (实施细则 第五条), with the reasons given.</summary>
    Refused = 1,
    /// <summary>在站.</summary>
    InStation = 2,
    /// <summary>照料安置: identity unknown past the configured days; cared for in the station, a hospital or 委托代养.</summary>
    Placed = 3,
    /// <summary>离站 (see <see cref="RescueStay.Exit"/>).</summary>
    Left = 4,
}

/// <summary>How a stay ended (工作规程 民发〔2014〕132号; rules-2 §3.4's state machine).</summary>
public enum StayExit
{
    /// <summary>返乡: with a ticket, escorted, or collected by family.</summary>
    ReturnedHome = 1,
    /// <summary>自行离站, with the signed 自行离站声明书.</summary>
    SelfLeft = 2,
    /// <summary>擅自离站 = giving up help (终止救助).</summary>
    LeftWithoutNotice = 3,
    /// <summary>Transferred to a hospital, a care home or another station.</summary>
    Transferred = 4,
    /// <summary>落户安置 / 纳入特困 after all searches failed.</summary>
    Settled = 5,
    /// <summary>Died while in care.</summary>
    Died = 6,
}

/// <summary>照料安置 (民发〔2015〕158号): in the station, in a hospital, or 委托代养 with a care provider.</summary>
public enum PlacementKind
{
    /// <summary>站内照料.</summary>
    InStation = 1,
    /// <summary>医院.</summary>
    Hospital = 2,
    /// <summary>委托代养.</summary>
    Foster = 3,
}

/// <summary>How the person came to the station.</summary>
public enum StaySource
{
    /// <summary>主动求助.</summary>
    SelfReferred = 1,
    /// <summary>公安机关护送 (with a 交接表).</summary>
    Police = 2,
    /// <summary>街面巡查 (a patrol brought them in).</summary>
    Patrol = 3,
    /// <summary>城管、医院、群众等其他部门或个人引导护送.</summary>
    OtherReferral = 4,
}

/// <summary>
/// One rescue enrolment (anchors §6.1): intake with the person's prior situation, the days in station and the exit, against
/// one registry person. A person without an ID number is registered with a platform number (domain decision 6), never a
/// made-up one; one whose hukou lies outside the city is registered under the station's division with the declared origin kept
/// here. Scoped by the station's county: another county's officer gets 404.
/// </summary>
public sealed class RescueStay : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>救助编号 from the kernel's case numbers.</summary>
    public required string Number { get; set; }

    public Guid StationId { get; set; }

    /// <summary>The station's county.</summary>
    public required string DivisionCode { get; set; }

    public Guid PersonId { get; set; }
    public StayStatus Status { get; set; } = StayStatus.InStation;
    public StaySource Source { get; set; }

    /// <summary>When the person was received (the 24-hour and working-day deadlines count from here).</summary>
    public DateTime AdmittedAt { get; set; }
    public DateOnly AdmittedOn { get; set; }

    /// <summary>Whether the person gave (or the station verified) who they are; unknown identities start the family search.</summary>
    public bool IdentityKnown { get; set; }

    /// <summary>The 户籍地 and home address as the person declared them (may lie outside the city, or be unknown).</summary>
    public string DeclaredOrigin { get; set; } = "";

    /// <summary>The situation at intake: reasons, history, health, belongings (求助登记表).</summary>
    public string Situation { get; set; } = "";

    /// <summary>For <see cref="StayStatus.Refused"/>: the written reasons (不予救助通知书).</summary>
    public string? RefusalReason { get; set; }

    public DateOnly? LeftOn { get; set; }
    public StayExit? Exit { get; set; }
    public string? ExitNote { get; set; }

    /// <summary>An earlier stay of the same person, when the intake recognised a re-admission.</summary>
    public Guid? PreviousStayId { get; set; }

    /// <summary>The 交接表 number of a police hand-over, or the patrol's record, when the source gives one.</summary>
    public string? SourceReference { get; set; }

    /// <summary>Room or bed (rooms are separated by sex, 国务院令第381号 第八条).</summary>
    public string Room { get; set; } = "";

    /// <summary>For <see cref="StayStatus.Placed"/>: where the person is cared for, and from when.</summary>
    public PlacementKind? Placement { get; set; }
    public DateOnly? PlacedOn { get; set; }

    /// <summary>The daily sweep's marks: the day it first saw the stay nearing the limit, and past it (the work items read them).</summary>
    public DateOnly? AlertRaisedOn { get; set; }
    public DateOnly? LimitPassedOn { get; set; }

    public required string RecordedBy { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class RescueStayConfiguration : IEntityTypeConfiguration<RescueStay>
{
    public void Configure(EntityTypeBuilder<RescueStay> b)
    {
        b.ToTable("rescue_stay");
        b.HasKey(s => s.Id);
        b.Property(s => s.Number).HasMaxLength(30);
        b.Property(s => s.DivisionCode).HasMaxLength(12);
        b.Property(s => s.DeclaredOrigin).HasMaxLength(200);
        b.Property(s => s.Situation).HasMaxLength(2000);
        b.Property(s => s.RefusalReason).HasMaxLength(1000);
        b.Property(s => s.ExitNote).HasMaxLength(1000);
        b.Property(s => s.RecordedBy).HasMaxLength(100);
        b.Property(s => s.SourceReference).HasMaxLength(50);
        b.Property(s => s.Room).HasMaxLength(30);
        b.HasOne<RescueStation>().WithMany().HasForeignKey(s => s.StationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.Number).IsUnique();
        b.HasIndex(s => new { s.PersonId, s.AdmittedOn });
        b.HasIndex(s => new { s.DivisionCode, s.Status });
    }
}
