namespace Minzheng.Web.Modules.Disability.Fukang;

/// <summary>The facts about one person the eligibility rule reads (from the registry, the published entitlements and the poverty registry).</summary>
public sealed record FukangFacts(bool Alive, bool Physical, bool HasCertificate, bool Dibao, bool ExtremePoverty, bool PovertyRegistry);

/// <summary>The outcome of the eligibility rule: the groups the person belongs to (among those in force), and why not when not.</summary>
public sealed record FukangEligibility(bool Eligible, IReadOnlyList<string> Groups, string? Reason)
{
    public string GroupNames => string.Join("、", Groups.Select(FukangFigures.GroupName));
}

/// <summary>
/// The pure rules of 福康工程 (玉林市民政局2020年工作计划 第六章（一）三: 为农村建档立卡贫困户、特困人员和低保对象家庭中的肢体残疾人
/// 配备康复辅助器具). Which groups count is a figure of the figure book; the replacement period is catalogue data.
/// </summary>
public static class FukangRules
{
    /// <summary>
    /// Eligible: alive, a physical disability (肢体残疾) with a certificate, and a member of at least one of the groups in force
    /// (<paramref name="groupsInForce"/>: codes of <see cref="FukangFigures.Groups"/>).
    /// </summary>
    public static FukangEligibility Assess(FukangFacts f, IReadOnlyCollection<string> groupsInForce)
    {
        if (!f.Alive) return new(false, [], "已死亡或失踪");
        if (!f.Physical) return new(false, [], "人员登记中残疾类别不是肢体残疾");
        if (!f.HasCertificate) return new(false, [], "人员登记中没有残疾人证号");
        var groups = new List<string>();
        if (f.Dibao && groupsInForce.Contains(FukangFigures.GroupDibao)) groups.Add(FukangFigures.GroupDibao);
        if (f.ExtremePoverty && groupsInForce.Contains(FukangFigures.GroupExtremePoverty)) groups.Add(FukangFigures.GroupExtremePoverty);
        if (f.PovertyRegistry && groupsInForce.Contains(FukangFigures.GroupPovertyRegistry)) groups.Add(FukangFigures.GroupPovertyRegistry);
        if (groups.Count > 0) return new(true, groups, null);
        var names = groupsInForce.Count == 0 ? "（当前没有生效的救助对象范围）" : string.Join("、", FukangFigures.Groups.Where(g => groupsInForce.Contains(g.Code)).Select(g => g.Name));
        return new(false, [], $"不属于福康工程救助对象范围：{names}");
    }

    /// <summary>The first day the same device type may be fitted again: the last fitting plus the catalogue's replacement period.</summary>
    public static DateOnly NextPossible(DateOnly lastFitted, int replacementMonths) => lastFitted.AddMonths(replacementMonths);

    /// <summary>Whether an assessment on <paramref name="on"/> falls inside the replacement period of the last fitting.</summary>
    public static bool WithinReplacementPeriod(DateOnly lastFitted, int replacementMonths, DateOnly on) => on < NextPossible(lastFitted, replacementMonths);

    /// <summary>"同类辅具更换周期 60 个月，上次配发 2025-03-10，2030-03-10 起方可再次申请".</summary>
    public static string ReplacementDetail(string deviceName, DateOnly lastFitted, int replacementMonths) =>
        $"同类辅具（{deviceName}）更换周期 {replacementMonths} 个月，上次配发 {lastFitted:yyyy-MM-dd}，{NextPossible(lastFitted, replacementMonths):yyyy-MM-dd} 起方可再次申请";
}
