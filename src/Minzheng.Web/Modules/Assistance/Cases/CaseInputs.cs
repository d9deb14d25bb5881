using Minzheng.Web.Modules.Assistance.Rules;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Assistance.Cases;

public sealed record ApplyInput
{
    public AssistanceProgram Program { get; init; } = AssistanceProgram.Dibao;
    public Guid? HouseholdId { get; init; }
    [Text(20)] public string? HouseholdNumber { get; init; }

    /// <summary>The member who applies; by default the head of household.</summary>
    public Guid? ApplicantPersonId { get; init; }
    public Channel Channel { get; init; } = Channel.Counter;
    [Text(InputRules.LongText)] public string? Reason { get; init; }
    public bool ConsentToCheck { get; init; }

    /// <summary>单人户 (dibao) or the person to be supported (extreme poverty).</summary>
    public Guid? SinglePersonId { get; init; }
    [Text(InputRules.ShortText)] public string? SinglePersonGround { get; init; }
    public bool FlaggedRelative { get; init; }
    [Text(InputRules.LongText)] public string? FlaggedDetail { get; init; }
    public TemporaryType? TemporaryType { get; init; }
    [Amount(0, 1_000_000)] public decimal? RequestedAmount { get; init; }

    /// <summary>
    /// Filed at the township's counter by a clerk who may accept: accepted in the same step (受理 with its notice), so the
    /// applicant does not wait for a second visit to the same desk. The workflow still records both steps.
    /// </summary>
    public bool AcceptAtCounter { get; init; }
}

public sealed record MemberFacts(Guid PersonId, bool Included = true, bool SeriouslyIll = false, bool AbleToWork = false);

/// <summary>One income item; <see cref="Category"/> "excluded" is recorded but not counted, "deduction" reduces the income.</summary>
/// <see cref="PersonId"/>: the member whose income it is (issue 12, item 10: income per member); none for the household's as a whole.
public sealed record IncomeInput([RequiredInput, Text(40)] string Category, [Text(InputRules.ShortText)] string? Description, [Amount(0, 1_000_000)] decimal MonthlyAmount, Guid? PersonId = null);

public sealed record InvestigationInput
{
    public DateOnly? InvestigatedOn { get; init; }

    /// <summary>The two (or more) staff who made the home visit, as on the signed 入户调查表.</summary>
    [Text(InputRules.ShortText)] public string? Investigators { get; init; }
    [Text(InputRules.LongText)] public string? VisitRecord { get; init; }
    [Text(InputRules.LongText)] public string? NeighbourRecord { get; init; }
    public EconomicCheck EconomicCheck { get; init; }
    [Text(InputRules.LongText)] public string? EconomicCheckNote { get; init; }
    public bool IncomeIrregular { get; init; }
    [NoNullItems] public List<MemberFacts> Members { get; init; } = [];
    [NoNullItems] public List<IncomeInput> Income { get; init; } = [];
    [Amount(0, 100_000_000)] public decimal Deposits { get; init; }
    [Within(0, 100)] public int Vehicles { get; init; }
    [Within(0, 100)] public int Houses { get; init; }
    public bool HasBusiness { get; init; }
    [NoNullItems] public List<SelfCareItem>? SelfCareUnable { get; init; }
    public SupportForm? SupportForm { get; init; }
    [Text(100)] public string? Institution { get; init; }
    public bool HasAbleSupporter { get; init; }
    public TemporaryType? TemporaryType { get; init; }
    [Amount(0, 1_000_000)] public decimal? RequestedAmount { get; init; }
    public int? Version { get; init; }
}

public sealed record ActionInput
{
    [Text(InputRules.LongText)] public string? Opinion { get; init; }
    public int? Version { get; init; }

    /// <summary>For assist-first (先行救助): the amount paid at once.</summary>
    [Amount(0, 1_000_000)] public decimal? Amount { get; init; }
}
