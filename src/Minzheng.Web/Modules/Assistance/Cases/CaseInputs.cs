using Minzheng.Web.Modules.Assistance.Rules;

namespace Minzheng.Web.Modules.Assistance.Cases;

public sealed record ApplyInput
{
    public AssistanceProgram Program { get; init; } = AssistanceProgram.Dibao;
    public Guid? HouseholdId { get; init; }
    public string? HouseholdNumber { get; init; }

    /// <summary>The member who applies; by default the head of household.</summary>
    public Guid? ApplicantPersonId { get; init; }
    public Channel Channel { get; init; } = Channel.Counter;
    public string? Reason { get; init; }
    public bool ConsentToCheck { get; init; }

    /// <summary>单人户 (dibao) or the person to be supported (extreme poverty).</summary>
    public Guid? SinglePersonId { get; init; }
    public string? SinglePersonGround { get; init; }
    public bool FlaggedRelative { get; init; }
    public string? FlaggedDetail { get; init; }
    public TemporaryType? TemporaryType { get; init; }
    public decimal? RequestedAmount { get; init; }
}

public sealed record MemberFacts(Guid PersonId, bool Included = true, bool SeriouslyIll = false, bool AbleToWork = false);

/// <summary>One income item; <see cref="Category"/> "excluded" is recorded but not counted, "deduction" reduces the income.</summary>
public sealed record IncomeInput(string Category, string? Description, decimal MonthlyAmount);

public sealed record InvestigationInput
{
    public DateOnly? InvestigatedOn { get; init; }

    /// <summary>The two (or more) staff who made the home visit, as on the signed 入户调查表.</summary>
    public string? Investigators { get; init; }
    public string? VisitRecord { get; init; }
    public string? NeighbourRecord { get; init; }
    public EconomicCheck EconomicCheck { get; init; }
    public string? EconomicCheckNote { get; init; }
    public bool IncomeIrregular { get; init; }
    public List<MemberFacts> Members { get; init; } = [];
    public List<IncomeInput> Income { get; init; } = [];
    public decimal Deposits { get; init; }
    public int Vehicles { get; init; }
    public int Houses { get; init; }
    public bool HasBusiness { get; init; }
    public List<SelfCareItem>? SelfCareUnable { get; init; }
    public SupportForm? SupportForm { get; init; }
    public string? Institution { get; init; }
    public bool HasAbleSupporter { get; init; }
    public TemporaryType? TemporaryType { get; init; }
    public decimal? RequestedAmount { get; init; }
    public int? Version { get; init; }
}

public sealed record ActionInput
{
    public string? Opinion { get; init; }
    public int? Version { get; init; }

    /// <summary>For assist-first (先行救助): the amount paid at once.</summary>
    public decimal? Amount { get; init; }
}
