using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.Rescue.Patrols;

public enum CampaignKind
{
    /// <summary>夏季送清凉专项救助行动.</summary>
    Summer = 1,
    /// <summary>冬季送温暖专项救助行动.</summary>
    Winter = 2,
}

/// <summary>
/// A 专项救助行动 (夏季送清凉 / 冬季送温暖): its kind, the county it runs in or the whole city, and its dates. Patrols fall into it by
/// their date and county; nothing is stored on the patrol, so moving a campaign's dates moves its counts. Not division-scoped by
/// the filter on purpose: a city-wide campaign is the counties' too, so each read selects the campaigns covering the user's
/// division or lying within it (<see cref="PatrolLog.VisibleCampaigns"/>), and writes are checked against the user's scope.
/// </summary>
public sealed class RescueCampaign : IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public CampaignKind Kind { get; set; }

    /// <summary>A county's code, or the city's (450900000000) for a city-wide campaign.</summary>
    public required string DivisionCode { get; set; }
    public required string Name { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public string Note { get; set; } = "";
    public required string RecordedBy { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Whether a patrol of <paramref name="county"/> on <paramref name="on"/> falls into this campaign.</summary>
    public bool Covers(string county, DateOnly on) => on >= From && on <= To && DivisionScope.Of(DivisionCode).Contains(county);
}

/// <summary>
/// One street patrol (街面巡查) of a county's station: where and by whom, the people found and what became of them (劝导, 护送入站,
/// 拒绝救助), the supplies given, and whether the weather was extreme (高温、寒潮: the campaigns' reason). Scoped by the county.
/// </summary>
public sealed class RescuePatrol : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string DivisionCode { get; set; }
    public DateOnly PatrolOn { get; set; }
    public required string Area { get; set; }
    public required string Staff { get; set; }
    public int Found { get; set; }
    public int Persuaded { get; set; }
    public int BroughtIn { get; set; }
    public int Refused { get; set; }
    public int Water { get; set; }
    public int Medicine { get; set; }
    public int Clothing { get; set; }
    public int Quilts { get; set; }
    public bool ExtremeWeather { get; set; }
    public string Note { get; set; } = "";
    public required string RecordedBy { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public static class CampaignText
{
    public static string Name(CampaignKind k) => k == CampaignKind.Summer ? "夏季送清凉" : "冬季送温暖";

    public static string Code(CampaignKind k) => k == CampaignKind.Summer ? "summer" : "winter";
}

internal sealed class RescueCampaignConfiguration : IEntityTypeConfiguration<RescueCampaign>
{
    public void Configure(EntityTypeBuilder<RescueCampaign> b)
    {
        b.ToTable("rescue_campaign");
        b.HasKey(c => c.Id);
        b.Property(c => c.DivisionCode).HasMaxLength(12);
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.Note).HasMaxLength(500);
        b.Property(c => c.RecordedBy).HasMaxLength(100);
        b.HasIndex(c => new { c.DivisionCode, c.Kind, c.From });
    }
}

internal sealed class RescuePatrolConfiguration : IEntityTypeConfiguration<RescuePatrol>
{
    public void Configure(EntityTypeBuilder<RescuePatrol> b)
    {
        b.ToTable("rescue_patrol");
        b.HasKey(p => p.Id);
        b.Property(p => p.DivisionCode).HasMaxLength(12);
        b.Property(p => p.Area).HasMaxLength(200);
        b.Property(p => p.Staff).HasMaxLength(200);
        b.Property(p => p.Note).HasMaxLength(500);
        b.Property(p => p.RecordedBy).HasMaxLength(100);
        b.HasIndex(p => new { p.DivisionCode, p.PatrolOn });
    }
}
