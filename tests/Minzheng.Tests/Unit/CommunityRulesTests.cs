using Minzheng.Web.Modules.Community.Committees;
using Minzheng.Web.Modules.Community.Elections;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Unit;

/// <summary>The count (村民委员会组织法 第十五条), table-driven: turnout, the two majorities, seats, ties.</summary>
public sealed class ElectionTallyTests
{
    private static TallyCandidate[] Parse(string s) =>
        [.. s.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(':')).Select(p => new TallyCandidate(p[0], int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))];

    [Theory]
    // turnout: exactly half of the registered voters is not "more than half" → invalid; one more is valid
    [InlineData(100, 50, 1, TallyRound.First, "甲:40,乙:10", false, "", 1)]
    [InlineData(100, 51, 1, TallyRound.First, "甲:40,乙:11", true, "甲", 0)]
    // first round: exactly half of the ballots cast is not elected; one more is
    [InlineData(100, 80, 1, TallyRound.First, "甲:40,乙:40", true, "", 1)]
    [InlineData(100, 80, 1, TallyRound.First, "甲:41,乙:39", true, "甲", 0)]
    // two seats, one candidate over half: one seat left for the additional round
    [InlineData(100, 80, 2, TallyRound.First, "甲:70,乙:41,丙:30", true, "甲,乙", 0)]
    [InlineData(100, 80, 2, TallyRound.First, "甲:70,乙:40,丙:30", true, "甲", 1)]
    // more qualify than seats: the most votes take them
    [InlineData(100, 90, 2, TallyRound.First, "甲:80,乙:60,丙:50", true, "甲,乙", 0)]
    // additional round: the most votes with exactly one third is elected; below a third is not
    [InlineData(100, 60, 1, TallyRound.Additional, "甲:20,乙:19", true, "甲", 0)]
    [InlineData(100, 60, 1, TallyRound.Additional, "甲:19,乙:18", true, "", 1)]
    [InlineData(100, 61, 1, TallyRound.Additional, "甲:20,乙:19", true, "", 1)]
    // ties at the last seat: reported, none of the tied elected
    [InlineData(100, 80, 1, TallyRound.First, "甲:50,乙:50", true, "", 1)]
    [InlineData(100, 80, 2, TallyRound.First, "甲:70,乙:50,丙:50", true, "甲", 1)]
    [InlineData(100, 60, 1, TallyRound.Additional, "甲:25,乙:25,丙:10", true, "", 1)]
    public void Count(int registered, int cast, int seats, TallyRound round, string candidates, bool valid, string elected, int seatsLeft)
    {
        var r = ElectionTally.Count(registered, cast, seats, round, Parse(candidates));
        Assert.Equal(valid, r.Valid);
        Assert.Equal(elected.Split(',', StringSplitOptions.RemoveEmptyEntries), r.Elected);
        Assert.Equal(seatsLeft, r.SeatsLeft);
        Assert.NotEmpty(r.Reasons);
    }

    [Fact]
    public void A_tie_is_reported_with_its_names_and_never_broken()
    {
        var r = ElectionTally.Count(100, 80, 2, TallyRound.First, Parse("丙:50,甲:70,乙:50"));
        var tie = Assert.Single(r.Ties);
        Assert.Equal(["丙", "乙"], tie.Names);
        Assert.Equal(50, tie.Votes);
        Assert.Equal(1, tie.Seats);
        Assert.Contains(r.Reasons, x => x.Contains("票数相等", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(100, 101, 1, "甲:10", "ballotsCast")]
    [InlineData(100, 80, 1, "甲:81", "candidates[0].votes")]
    [InlineData(100, 80, 1, "甲:-1", "candidates[0].votes")]
    [InlineData(100, 80, 1, "甲:50,乙:40", "candidates")] // one seat: 90 marks on 80 ballots
    [InlineData(100, 80, 0, "甲:5", "seats")]
    [InlineData(0, 0, 1, "甲:0", "registeredVoters")]
    [InlineData(100, 80, 2, "甲:5,甲:6", "candidates")]
    public void Impossible_counts_are_refused_by_field(int registered, int cast, int seats, string candidates, string field) =>
        Assert.Contains(ElectionTally.Problems(registered, cast, seats, Parse(candidates)), p => p.Field == field);

    [Fact]
    public void A_possible_count_has_no_problems() => Assert.Empty(ElectionTally.Problems(100, 80, 2, Parse("甲:70,乙:60,丙:30")));
}

/// <summary>The roll's windows (第十四条): published ≥ 20 days before the vote, objections within 5 days, decided within 3.</summary>
public sealed class RollRulesTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-12-01", "2026-12-21", true)] // exactly 20 days before
    [InlineData("2026-12-02", "2026-12-21", false)]
    [InlineData("2026-11-01", "2026-12-21", true)]
    public void Publication_is_at_least_twenty_days_before_the_vote(string published, string vote, bool inTime) =>
        Assert.Equal(inTime, RollRules.PublishedInTime(D(published), D(vote), 20));

    [Theory]
    [InlineData("2026-12-01", "2026-12-01", true)]
    [InlineData("2026-12-01", "2026-12-06", true)] // the fifth day after publication is the last
    [InlineData("2026-12-01", "2026-12-07", false)]
    [InlineData("2026-12-01", "2026-11-30", false)] // before publication there is nothing to object to
    public void Objections_within_five_days_of_publication(string published, string filed, bool inTime) =>
        Assert.Equal(inTime, RollRules.ObjectionInTime(D(filed), D(published), 5));

    [Theory]
    [InlineData("2026-12-03", "2026-12-06")]
    [InlineData("2026-12-30", "2027-01-02")]
    public void Decisions_within_three_days_of_the_objection(string filed, string due) => Assert.Equal(D(due), RollRules.DecisionDue(D(filed), 3));

    [Theory]
    [InlineData("2026-12-06", false)]
    [InlineData("2026-12-07", true)]
    public void Nomination_opens_after_the_objection_window(string today, bool closed) => Assert.Equal(closed, RollRules.WindowClosed(D(today), D("2026-12-01"), 5));
}

/// <summary>Composition warnings (村委会组织法 第六条、第二十五条; 居委会组织法 第七条) and the 民主评议 rule (第三十三条).</summary>
public sealed class CommitteeRulesTests
{
    private static readonly CompositionLimits Village = new(3, 7, 5, 15, 3);
    private static readonly CompositionLimits Residents = new(5, 9, 5, 15, 3);

    private static List<MemberFact> Members(string spec) =>
        [.. spec.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => new MemberFact(
            s[0] switch { 'D' => CommitteePost.Director, 'd' => CommitteePost.DeputyDirector, 'M' => CommitteePost.Member, _ => CommitteePost.Representative },
            s[1] == 'F' ? Sex.Female : Sex.Male, s.Length > 2 ? s[2..] : "汉族"))];

    [Theory]
    [InlineData("DM,MF", 0, "", "size-low,no-households")]
    [InlineData("DM,dM,MF", 45, "", "representatives")] // 45 households need 3–9 representatives, none
    [InlineData("DM,dM,MM", 0, "", "no-woman,no-households")]
    [InlineData("DM,dM,MF,MM,MM,MM,MM,MM", 0, "", "size-high,no-households")]
    [InlineData("DM,dM,MF", 0, "壮族", "no-minority,no-households")]
    [InlineData("DM,dM,MF壮族", 0, "壮族", "no-households")]
    [InlineData("DM,dM,MF,RF,RM,RM", 45, "", "")] // 3 representatives for 45 households, one woman = a third
    [InlineData("DM,dM,MF,RM,RM,RM", 45, "", "women-representatives")]
    [InlineData("DM,dM,MF,RF,RM,RM,RF,RF,RM,RM", 30, "", "representatives")] // 30 households: 2–6 representatives, 7 chosen
    [InlineData("dM,MM,MF", 0, "", "no-director,no-households")]
    public void Village_composition_warnings(string members, int households, string minorities, string codes)
    {
        var warnings = CommitteeRules.Check(CommitteeKind.Village, households, minorities, Members(members), Village);
        Assert.Equal(codes.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(), warnings.Select(w => w.Code).Order());
        Assert.All(warnings, w => Assert.StartsWith("《", w.Article, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("DM,dM,MM,MM", "size-low")]
    [InlineData("DM,dM,MM,MM,MM", "")] // a residents' committee has no woman or representative rule in its law
    public void Residents_committee_size(string members, string codes) =>
        Assert.Equal(codes.Split(',', StringSplitOptions.RemoveEmptyEntries), CommitteeRules.Check(CommitteeKind.Residents, 0, "", Members(members), Residents).Select(w => w.Code));

    [Fact]
    public void Without_figures_in_force_no_limit_is_guessed() =>
        Assert.Empty(CommitteeRules.Check(CommitteeKind.Residents, 0, "", Members("DM"), new(null, null, null, null, null)));

    [Theory]
    [InlineData(ReviewResult.Incompetent, ReviewResult.Incompetent, true)]
    [InlineData(ReviewResult.Incompetent, ReviewResult.BasicallyCompetent, false)]
    [InlineData(ReviewResult.Incompetent, null, false)] // no review the year before: not consecutive
    [InlineData(ReviewResult.BasicallyCompetent, ReviewResult.Incompetent, false)]
    [InlineData(ReviewResult.Competent, ReviewResult.Incompetent, false)]
    public void Two_consecutive_incompetent_reviews_end_the_office(ReviewResult result, ReviewResult? previous, bool ends) =>
        Assert.Equal(ends, CommitteeRules.EndsOffice(result, previous));

    [Theory]
    [InlineData("2021-01-10", 5, "2026-01-09")]
    [InlineData("2018-01-20", 3, "2021-01-19")]
    public void Term_until_the_day_before_the_anniversary(string from, int years, string until) =>
        Assert.Equal(DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture), CommitteeRules.TermUntil(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), years));

    [Theory]
    [InlineData("450921100003", CommitteeKind.Residents)]
    [InlineData("450921100202", CommitteeKind.Village)]
    [InlineData("450921100199", CommitteeKind.Residents)]
    public void The_code_tells_the_kind(string code, CommitteeKind kind) => Assert.Equal(kind, CommitteeRules.KindOf(code));
}
