using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.Assistance.Watch;

public enum RiskLevel
{
    Low = 1,
    Medium = 2,
    High = 3,
}

/// <summary>A follow-up visit to a household on the return-to-poverty watch list (返贫监测).</summary>
public sealed class WatchFollowUp : IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid HouseholdId { get; set; }
    public required string DivisionCode { get; set; }
    public DateOnly VisitedOn { get; set; }
    public required string Visitor { get; set; }
    public RiskLevel Risk { get; set; }
    public required string Note { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
