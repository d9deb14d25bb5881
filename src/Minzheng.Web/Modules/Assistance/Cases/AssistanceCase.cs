using Minzheng.Web.Modules.Assistance.Rules;
using Minzheng.Web.Modules.Assistance.Standards;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Assistance.Cases;

public enum AssistanceProgram
{
    Dibao = 1,
    ExtremePoverty = 2,
    Temporary = 3,
}

public enum Channel
{
    /// <summary>网上自助申请 by the citizen.</summary>
    Online = 1,

    /// <summary>村（居）委会代为申请.</summary>
    Village = 2,

    /// <summary>乡镇（街道）窗口.</summary>
    Counter = 3,
}

public enum EconomicCheck
{
    Pending = 0,
    Passed = 1,
    Failed = 2,
}

/// <summary>
/// A social-assistance case (dibao, extreme-poverty support or temporary assistance) of one household:
/// the application, the household as investigated, income and property, the decision with its explained
/// amount, and the benefit while it runs. Its process is a <see cref="Platform.Workflow.WorkflowCase"/>; the
/// state is mirrored here for lists and filters.
/// </summary>
public sealed class AssistanceCase : IVersioned, IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public AssistanceProgram Program { get; set; }
    public required string State { get; set; }
    public Guid WorkflowCaseId { get; set; }

    public required string DivisionCode { get; set; }
    public Area Area { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid ApplicantPersonId { get; set; }
    public required string ApplicantName { get; set; }
    public Channel Channel { get; set; }
    public string? SubmittedBy { get; set; }
    public DateOnly AppliedOn { get; set; }
    public DateOnly? AcceptedOn { get; set; }
    public string Reason { get; set; } = "";

    /// <summary>家庭经济状况核对授权 given by the household with the application.</summary>
    public bool ConsentToCheck { get; set; }

    /// <summary>单人户: only this member applies (dibao), e.g. a grade 1–2 disabled member of a marginal household.</summary>
    public Guid? SinglePersonId { get; set; }
    public string? SinglePersonGround { get; set; }

    /// <summary>单独登记备案: the applicant is a close relative of village cadres or civil-affairs staff.</summary>
    public bool FlaggedRelative { get; set; }
    public string? FlaggedDetail { get; set; }

    public List<AssistanceMember> Members { get; set; } = [];
    public List<AssistanceIncomeItem> IncomeItems { get; set; } = [];

    public Money Deposits { get; set; }
    public int Vehicles { get; set; }
    public int Houses { get; set; }
    public bool HasBusiness { get; set; }

    public DateOnly? InvestigatedOn { get; set; }
    public string? Investigators { get; set; }
    public string? VisitRecord { get; set; }
    public string? NeighbourRecord { get; set; }
    public EconomicCheck EconomicCheck { get; set; }
    public string? EconomicCheckNote { get; set; }
    public bool IncomeIrregular { get; set; }

    public string? TownshipOpinion { get; set; }

    /// <summary>The township's review proposed a refusal: only a refusal (or a return) can follow.</summary>
    public bool RefusalProposed { get; set; }

    /// <summary>低保边缘家庭 at the last decision: refused or ended with per-capita income below the marginal multiple.</summary>
    public bool Marginal { get; set; }
    /// <summary>The amount proposed at the township review, shown on the public notice.</summary>
    public Money ProposedAmount { get; set; }

    public DateOnly? NoticeFrom { get; set; }
    public DateOnly? NoticeTo { get; set; }
    public int NoticeRound { get; set; }

    public DateOnly? CountyVisitOn { get; set; }
    public string? CountyVisitRecord { get; set; }

    public DateOnly? DecidedOn { get; set; }
    public string? DecidedBy { get; set; }
    public ApprovalLevel? DecisionLevel { get; set; }
    public string? RefusalReasons { get; set; }

    public DateOnly? FiledOn { get; set; }
    public DateOnly? SpotCheckedOn { get; set; }
    public string? SpotCheckResult { get; set; }

    /// <summary>First month paid (the month after the decision), and the amount now paid each month.</summary>
    public DateOnly? PaymentStartMonth { get; set; }
    public Money MonthlyAmount { get; set; }
    public string? AmountExplanation { get; set; }

    // extreme poverty
    public string? SelfCareUnable { get; set; }
    public SelfCareLevel? SelfCareLevel { get; set; }
    public SupportForm? SupportForm { get; set; }
    public string? Institution { get; set; }
    public Money BasicLiving { get; set; }
    public Money Care { get; set; }
    public bool HasAbleSupporter { get; set; }

    // temporary assistance
    public TemporaryType? TemporaryType { get; set; }
    public bool AssistFirst { get; set; }
    public DateOnly? PaperworkDueOn { get; set; }
    public DateOnly? PaperworkDoneOn { get; set; }
    public Money RequestedAmount { get; set; }
    public Money ApprovedAmount { get; set; }
    public ApprovalLevel? RequiredLevel { get; set; }

    // dynamic management
    public DateOnly? NextReviewOn { get; set; }
    public DateOnly? GraceUntil { get; set; }
    public DateOnly? SuspendedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public string? EndReason { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public int MemberCount => SinglePersonId is null ? Members.Count(m => m.Included) : 1;
    public Money HouseholdIncome => new(IncomeItems.Where(i => !i.Excluded).Sum(i => i.IsDeduction ? -i.MonthlyAmount.Fen : i.MonthlyAmount.Fen));

    /// <summary>
    /// The household's monthly income counting only <paramref name="members"/>: a row earned by a counted member who is no longer among
    /// them (he died: the household is recalculated without him) stops counting with him — his wage or pension ends with his life,
    /// and counting it would cut the rest of the household's dibao. Rows of the whole household (no earner named) and of members not
    /// counted in the first place stay as investigated; with every counted member present this is <see cref="HouseholdIncome"/>.
    /// </summary>
    public Money IncomeOf(IReadOnlyCollection<AssistanceMember> members)
    {
        var gone = RemovedEarners(members);
        return new(IncomeItems.Where(i => !i.Excluded && (i.PersonId is null || !gone.Contains(i.PersonId.Value)))
            .Sum(i => i.IsDeduction ? -i.MonthlyAmount.Fen : i.MonthlyAmount.Fen));
    }

    /// <summary>Counted members left out of <paramref name="members"/> (a single-person case counts one member by design and removes no one).</summary>
    public HashSet<Guid> RemovedEarners(IReadOnlyCollection<AssistanceMember> members) => SinglePersonId is not null ? []
        : Members.Where(m => m.Included && !members.Any(x => x.PersonId == m.PersonId)).Select(m => m.PersonId).ToHashSet();
}

/// <summary>A member of the household as the case sees it (snapshot with the facts the rules need).</summary>
public sealed class AssistanceMember
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public Guid PersonId { get; set; }
    public required string Name { get; set; }
    public Relation Relation { get; set; }
    public DateOnly BirthDate { get; set; }
    public DisabilityCategory? DisabilityCategory { get; set; }
    public int? DisabilityGrade { get; set; }
    public bool SeriouslyIll { get; set; }
    public bool AbleToWork { get; set; }

    /// <summary>共同生活的家庭成员: members not living together (e.g. in prison, married out) are excluded.</summary>
    public bool Included { get; set; } = true;
}

/// <summary>一项收入 (或允许扣减的支出): excluded items (优抚金、奖励金、救助金…) are recorded but not counted.</summary>
public sealed class AssistanceIncomeItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public required string Category { get; set; }

    /// <summary>Whose income it is (a member of the case); null for the household's as a whole (rent, a family business).</summary>
    public Guid? PersonId { get; set; }
    public string Description { get; set; } = "";
    public Money MonthlyAmount { get; set; }
    public bool Excluded { get; set; }
    public bool IsDeduction { get; set; }
}

public sealed class AssistanceObjection
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public DateOnly RaisedOn { get; set; }
    public required string Content { get; set; }
    public required string RecordedBy { get; set; }
    public string? Handling { get; set; }
}

/// <summary>Every amount a case has paid, from which month, with its explanation and the decision behind it.</summary>
public sealed class AssistanceAmountChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public Money Amount { get; set; }
    public required string Reason { get; set; }
    public required string Explanation { get; set; }
    public required string DecidedBy { get; set; }
    public DateOnly DecidedOn { get; set; }
}

/// <summary>A notice or decision issued on a case, frozen when issued (受理通知书, 确认通知书, 公示名单…).</summary>
public sealed class AssistanceDocument
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public required string Kind { get; set; }
    public required string Number { get; set; }
    public required string Title { get; set; }
    public DateTime IssuedAt { get; set; }
    public required string IssuedBy { get; set; }

    /// <summary>The facts printed on it, as they were when issued (JSON).</summary>
    public required string Content { get; set; }
}
