using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Community.Elections;

/// <summary>The election figures of the module's section in the figure book: the periods of 村委会组织法 and the 规程.</summary>
public static class ElectionFigures
{
    private const string M = CommunityModule.FigureModule;

    public static readonly FigureKind RollDaysBefore = new(M, "roll-days-before", "选民名单应在选举日前公布的天数", "日");
    public static readonly FigureKind ObjectionDays = new(M, "objection-days", "对选民名单有异议的，自名单公布之日起提出的期限", "日");
    public static readonly FigureKind ObjectionDecisionDays = new(M, "objection-decision-days", "选举委员会对选民名单异议作出处理的期限", "日");
    public static readonly FigureKind CandidatesDaysBefore = new(M, "candidates-days-before", "正式候选人名单应在选举日前公布的天数", "日");
    public static readonly FigureKind HandoverDays = new(M, "handover-days", "新一届委员会产生后完成工作移交的期限", "日");
    public static readonly FigureKind VoterAge = new(M, "voter-age", "选民年龄（年满）", "周岁");

    public static readonly IReadOnlyList<FigureKind> All = [RollDaysBefore, ObjectionDays, ObjectionDecisionDays, CandidatesDaysBefore, HandoverDays, VoterAge];
}

/// <summary>第一次选举 or 另行选举 (村委会组织法 第十五条).</summary>
public enum TallyRound
{
    First = 1,
    Additional = 2,
}

public sealed record TallyCandidate(string Name, int Votes);

/// <summary>A tie at the last seat: the names and their votes; none of them is elected until the tie is voted on again.</summary>
public sealed record TallyTie(IReadOnlyList<string> Names, int Votes, int Seats);

public sealed record TallyResult(bool Valid, IReadOnlyList<string> Elected, int SeatsLeft, IReadOnlyList<string> Reasons, IReadOnlyList<TallyTie> Ties);

/// <summary>
/// The count (村民委员会组织法 第十五条): the election is valid only when more than half of the registered voters voted; in the
/// first round a candidate is elected with more than half of the ballots cast; in an additional round (另行选举) the most votes
/// win, with at least one third of the ballots cast. The candidates who qualify take the seats by votes; a tie at the last seat
/// is reported and elects none of the tied (the law leaves it to a new vote among them), never broken by order or name.
/// </summary>
public static class ElectionTally
{
    public static TallyResult Count(int registeredVoters, int ballotsCast, int seats, TallyRound round, IReadOnlyList<TallyCandidate> candidates)
    {
        var reasons = new List<string>();
        if (ballotsCast * 2 <= registeredVoters)
        {
            reasons.Add($"参加投票的 {ballotsCast} 人未超过登记选民 {registeredVoters} 人的半数，选举无效（第十五条）");
            return new(false, [], seats, reasons, []);
        }
        reasons.Add($"登记选民 {registeredVoters} 人，参加投票 {ballotsCast} 人，过半数，选举有效");
        bool Qualifies(int votes) => round == TallyRound.First ? votes * 2 > ballotsCast : votes * 3 >= ballotsCast;
        var rule = round == TallyRound.First ? $"获得参加投票的选民过半数（{ballotsCast / 2 + 1} 票以上）的选票" : $"得票最多且不少于所投选票的三分之一（{(ballotsCast + 2) / 3} 票以上）";
        var qualified = candidates.Where(c => Qualifies(c.Votes)).OrderByDescending(c => c.Votes).ToList();
        foreach (var c in candidates.Where(c => !Qualifies(c.Votes)).OrderByDescending(c => c.Votes))
            reasons.Add($"{c.Name} 得 {c.Votes} 票，未达到当选票数（须{rule}）");
        var elected = new List<string>();
        var ties = new List<TallyTie>();
        var left = seats;
        foreach (var group in qualified.GroupBy(c => c.Votes).OrderByDescending(g => g.Key))
        {
            if (left == 0) break;
            var names = group.Select(c => c.Name).ToList();
            if (names.Count <= left)
            {
                elected.AddRange(names);
                foreach (var n in names) reasons.Add($"{n} 得 {group.Key} 票，当选");
                left -= names.Count;
                continue;
            }
            ties.Add(new TallyTie(names, group.Key, left));
            reasons.Add($"{string.Join("、", names)} 均得 {group.Key} 票，票数相等，争 {left} 个名额：都不能确定当选，须就票数相等的候选人再次投票");
            break;
        }
        foreach (var c in qualified.Where(c => !elected.Contains(c.Name) && !ties.Any(t => t.Names.Contains(c.Name))))
            reasons.Add($"{c.Name} 得 {c.Votes} 票，达到当选票数但名额已满");
        if (left > 0) reasons.Add($"应选 {seats} 名，当选 {elected.Count} 名，尚缺 {left} 名" + (round == TallyRound.First ? "，应当就不足的名额另行选举" : ""));
        return new(true, elected, left, reasons, ties);
    }

    /// <summary>The input checks of a count: what a ballot box cannot hold. Field name → message.</summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(int registeredVoters, int ballotsCast, int seats, IReadOnlyList<TallyCandidate> candidates)
    {
        var problems = new List<(string, string)>();
        if (registeredVoters <= 0) problems.Add(("registeredVoters", "登记选民人数应大于0"));
        if (ballotsCast < 0) problems.Add(("ballotsCast", "投票人数不能为负数"));
        else if (ballotsCast > registeredVoters) problems.Add(("ballotsCast", "投票人数不能多于登记选民人数"));
        if (seats <= 0) problems.Add(("seats", "应选名额应大于0"));
        if (candidates.Count == 0) problems.Add(("candidates", "请填写候选人及其得票"));
        for (var i = 0; i < candidates.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(candidates[i].Name)) problems.Add(($"candidates[{i}].name", "请填写候选人姓名"));
            if (candidates[i].Votes < 0) problems.Add(($"candidates[{i}].votes", "得票数不能为负数"));
            else if (candidates[i].Votes > ballotsCast) problems.Add(($"candidates[{i}].votes", $"{candidates[i].Name} 的得票数不能多于投票人数"));
        }
        if (candidates.Select(c => c.Name.Trim()).Distinct().Count() != candidates.Count) problems.Add(("candidates", "候选人姓名重复"));
        // a ballot marks at most as many names as there are seats
        if (seats > 0 && ballotsCast >= 0 && candidates.Sum(c => (long)Math.Max(0, c.Votes)) > (long)ballotsCast * seats)
            problems.Add(("candidates", $"得票总数不能多于投票人数×应选名额（{(long)ballotsCast * seats}）"));
        return problems;
    }
}

/// <summary>
/// The roll's windows (村委会组织法 第十四条): the voter list is published at least 20 days before the vote; objections are
/// made within 5 days of publication and decided within 3 days of being made. Days are calendar days; the day of publication is
/// day 0, so a roll published on 1 March takes objections until 6 March and allows a vote from 21 March.
/// </summary>
public static class RollRules
{
    public static DateOnly LatestPublication(DateOnly voteDate, int daysBefore) => voteDate.AddDays(-daysBefore);

    public static bool PublishedInTime(DateOnly publishedOn, DateOnly voteDate, int daysBefore) => publishedOn <= LatestPublication(voteDate, daysBefore);

    public static DateOnly ObjectionDeadline(DateOnly publishedOn, int days) => publishedOn.AddDays(days);

    public static bool ObjectionInTime(DateOnly filedOn, DateOnly publishedOn, int days) => filedOn >= publishedOn && filedOn <= ObjectionDeadline(publishedOn, days);

    public static DateOnly DecisionDue(DateOnly filedOn, int days) => filedOn.AddDays(days);

    /// <summary>The window is over (nomination may start) from the day after the last day for objections.</summary>
    public static bool WindowClosed(DateOnly today, DateOnly publishedOn, int days) => today > ObjectionDeadline(publishedOn, days);
}
