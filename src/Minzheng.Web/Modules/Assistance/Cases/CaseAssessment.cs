using Minzheng.Web.Modules.Assistance.Rules;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.Assistance.Cases;

/// <summary>What the rules say about a case on a date: eligible or not (with reasons), the amount and its explanation.</summary>
public sealed record Assessment(bool Eligible, Money Amount, IReadOnlyList<AmountLine> Lines, IReadOnlyList<string> Reasons, string Summary)
{
    public Money Basic { get; init; }
    public Money Care { get; init; }
    public ApprovalLevel? Level { get; init; }
    public bool Marginal { get; init; }
    public decimal? PerCapitaIncome { get; init; }
    public Money? Standard { get; init; }
}

/// <summary>Applies the program's rules to a case with the figures in force on the given date.</summary>
public sealed class CaseAssessor(ProgramPolicies policies)
{
    public Assessment Assess(AssistanceCase c, DateOnly date)
    {
        var members = c.SinglePersonId is { } single ? c.Members.Where(m => m.PersonId == single).ToList() : c.Members.Where(m => m.Included).ToList();
        return Assess(c, members, date);
    }

    /// <summary>The rules applied to the case as investigated, counting only <paramref name="members"/> (a household after a member's death).</summary>
    public Assessment Assess(AssistanceCase c, IReadOnlyList<AssistanceMember> members, DateOnly date)
    {
        var property = new PropertyDeclaration(c.Deposits, c.Vehicles, c.Houses, c.HasBusiness);
        return policies.For(c.Program).Assess(c, members, property, date);
    }

    /// <summary>The reason a failed household economic check adds to the rules' reasons.</summary>
    public static string CheckFailed(AssistanceCase c) => "家庭经济状况核对未通过：" + (c.EconomicCheckNote ?? "核对发现与申报不符");
}
