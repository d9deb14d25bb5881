using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.Assistance.Reviews;

public enum ReviewKind
{
    /// <summary>定期复核 by household type (yearly if stable, half-yearly if income is irregular and members can work).</summary>
    Scheduled = 1,

    /// <summary>家庭主动报告的人口、收入、财产变化.</summary>
    ChangeReport = 2,
}

public enum ReviewOutcome
{
    Continue = 1,
    Adjust = 2,
    Grace = 3,
    Suspend = 4,
    Terminate = 5,
}

/// <summary>A review task in the township queue (动态管理) and its outcome.</summary>
public sealed class AssistanceReview : IVersioned, IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public required string CaseNumber { get; set; }
    public required string ApplicantName { get; set; }
    public required string DivisionCode { get; set; }
    public ReviewKind Kind { get; set; }
    public DateOnly DueOn { get; set; }
    public string? ReportedChange { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? CompletedBy { get; set; }
    public ReviewOutcome? Outcome { get; set; }
    public string? Reason { get; set; }
    public Money? NewMonthlyAmount { get; set; }
    public DateOnly? EffectiveFrom { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>A review task for a case: scheduled (the periodic 复核) or a reported change to investigate.</summary>
    public static AssistanceReview Of(AssistanceCase c, ReviewKind kind, DateOnly dueOn, string? reportedChange = null) => new()
    {
        CaseId = c.Id,
        CaseNumber = c.Number,
        ApplicantName = c.ApplicantName,
        DivisionCode = c.DivisionCode,
        Kind = kind,
        DueOn = dueOn,
        ReportedChange = reportedChange,
    };
}
