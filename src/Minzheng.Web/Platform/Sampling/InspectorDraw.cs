namespace Minzheng.Web.Platform.Sampling;

/// <summary>One subject of a 双随机 draw (a care home, a social organisation) as the population stood at the draw.</summary>
public sealed record DrawSubject(Guid Id, string Name);

/// <summary>An inspector of the population and the subjects the inspector must stay away from (回避).</summary>
public sealed record DrawOfficer(Guid Id, IReadOnlyList<Guid> Conflicts);

public sealed record DrawnSubject(Guid SubjectId, IReadOnlyList<Guid> InspectorIds);

/// <summary>The picks in draw order, or the reasons the population cannot give a lawful draw (then there are no picks).</summary>
public sealed record InspectorDrawResult(int Count, IReadOnlyList<DrawnSubject> Picks, IReadOnlyList<string> Problems);

/// <summary>
/// The one 双随机、一公开 draw (国发〔2019〕5号; 民发〔2017〕45号: at least two inspectors without a conflict of interest), used by
/// every module that inspects (care homes, social organisations): subjects drawn by a ratio that is a floor (rounded up, at
/// least one), then for each subject its inspectors from those without a conflict. Pure and replayable on <see cref="SeededDraw"/>
/// (ADR 030): the population is put in canonical order (by id) first, so the order it was read in does not matter.
/// </summary>
public static class InspectorDraw
{
    public const int MinimumInspectors = 2;

    public static int Count(int population, decimal ratioPercent) =>
        population == 0 || ratioPercent <= 0 ? 0 : Math.Min(population, Math.Max(1, (int)Math.Ceiling(population * ratioPercent / 100m)));

    /// <param name="subjectNoun">How problems name a subject (检查对象, 社会组织).</param>
    /// <param name="emptyProblem">The problem when there is nothing to draw from.</param>
    public static InspectorDrawResult Draw(string seed, decimal ratioPercent, int inspectorsPerSubject, IReadOnlyList<DrawSubject> subjects,
        IReadOnlyList<DrawOfficer> inspectors, string subjectNoun, string emptyProblem)
    {
        var problems = new List<string>();
        if (ratioPercent is <= 0 or > 100) problems.Add("抽查比例须大于0且不超过100%");
        if (inspectorsPerSubject < MinimumInspectors) problems.Add($"每个{subjectNoun}至少{MinimumInspectors}名检查人员");
        if (subjects.Count == 0) problems.Add(emptyProblem);
        if (problems.Count > 0) return new InspectorDrawResult(0, [], problems);

        var random = new SeededDraw(seed);
        var ordered = subjects.OrderBy(s => s.Id).ToList();
        var officers = inspectors.OrderBy(i => i.Id).ToList();
        var count = Count(ordered.Count, ratioPercent);
        var picks = new List<DrawnSubject>();
        foreach (var subject in random.Shuffle(ordered).Take(count))
        {
            var eligible = officers.Where(i => !i.Conflicts.Contains(subject.Id)).ToList();
            if (eligible.Count < inspectorsPerSubject)
            {
                problems.Add($"{subject.Name}：回避后可抽检查人员只有{eligible.Count}名，少于{inspectorsPerSubject}名");
                continue;
            }
            picks.Add(new DrawnSubject(subject.Id, [.. random.Shuffle(eligible).Take(inspectorsPerSubject).Select(i => i.Id)]));
        }
        return problems.Count > 0 ? new InspectorDrawResult(count, [], problems) : new InspectorDrawResult(count, picks, []);
    }
}
