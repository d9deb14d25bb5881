using Minzheng.Web.Modules.Assistance.Rules;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Assistance.Cases;

/// <summary>
/// What differs between dibao, extreme-poverty support and temporary assistance, in one place per program (Dibao/,
/// ExtremePoverty/, Temporary/): what an application must say, what the investigation records, the amount assessment,
/// who may decide, and what a decision publishes to payments. The shared use cases ask the policy instead of testing the program.
/// </summary>
public interface IProgramPolicy
{
    AssistanceProgram Program { get; }

    /// <summary>At most one open case per person (extreme poverty supports one person), otherwise per household.</summary>
    bool OneOpenCasePerPerson => false;

    /// <summary>Records the program's own application fields' problems.</summary>
    void ValidateApplication(ApplyInput input, ValidationErrors errors) { }

    /// <summary>Copies the program's own investigation fields (self-care, support form; emergency type and amount).</summary>
    void RecordInvestigation(AssistanceCase c, InvestigationInput input) { }

    /// <summary>Refuses (409) to leave the investigation while the program's own findings are missing.</summary>
    void CheckInvestigationComplete(AssistanceCase c) { }

    /// <summary>The rules applied to the case's counted members and declared property, with the figures in force on the date.</summary>
    Assessment Assess(AssistanceCase c, IReadOnlyList<AssistanceMember> members, PropertyDeclaration property, DateOnly date);

    /// <summary>Refuses (403 <c>county_only</c>) a township decision the program reserves to the county.</summary>
    void GuardTownshipDecision(AssistanceCase c, DateOnly today) { }

    /// <summary>Refuses (403 <c>above_township_limit</c>) an amount beyond what the deciding level may grant.</summary>
    void GuardDecidedAmount(AssistanceCase c, Assessment assessment, bool township) { }

    /// <summary>The effects of a positive decision: amount, its explanation's history, the entitlement published to payments.</summary>
    Task DecideAsync(AssistanceCase c, Assessment assessment, bool township, DateOnly today, CancellationToken ct);

    /// <summary>The amount a notice states: the monthly amount (a one-off program overrides it); none before a decision.</summary>
    string? DocumentAmount(AssistanceCase c) => c.MonthlyAmount.Fen > 0 ? c.MonthlyAmount.ToYuanString() + "/月" : null;

    /// <summary>The title of the decision notice.</summary>
    string DecisionNotice => "确认通知书";

    /// <summary>Whether a refusal records that the household was near the line (低保边缘).</summary>
    bool RecordsMarginalOnRefusal => false;
}

/// <summary>The policy of each program.</summary>
public sealed class ProgramPolicies(IEnumerable<IProgramPolicy> all)
{
    private readonly Dictionary<AssistanceProgram, IProgramPolicy> _byProgram = all.ToDictionary(p => p.Program);

    public IProgramPolicy For(AssistanceProgram program) =>
        _byProgram.GetValueOrDefault(program) ?? throw new InvalidOperationException($"救助项目 {program} 未登记办理规则");
}

/// <summary>
/// The refusals that mean "not at this level": the same code always answers with the same status, wherever it is raised
/// (a deciding level's authority is a permission question, hence 403).
/// </summary>
public static class LevelProblems
{
    public static AppProblem CountyOnly(string detail) => new(403, "county_only", detail);

    public static AppProblem AboveTownshipLimit(string detail) => new(403, "above_township_limit", detail);
}
