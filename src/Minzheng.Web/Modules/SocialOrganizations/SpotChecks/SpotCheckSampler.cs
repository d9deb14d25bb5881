using Minzheng.Web.Platform.Sampling;

namespace Minzheng.Web.Modules.SocialOrganizations.SpotChecks;

/// <summary>An organisation in the draw's population (the active organisations the authority registered, as they stood at the draw).</summary>
public sealed record SampleOrganization(Guid Id, string Name);

/// <summary>An inspector of the authority and the organisations the inspector must stay away from (回避).</summary>
public sealed record SampleInspector(Guid Id, string Name, IReadOnlyList<Guid> Conflicts);

/// <summary>Everything a draw depends on; stored with the draw so anyone can run it again and get the same picks.</summary>
public sealed record SampleInput(string Seed, decimal RatioPercent, int InspectorsPerOrganization, IReadOnlyList<SampleOrganization> Organizations, IReadOnlyList<SampleInspector> Inspectors);

public sealed record SamplePick(Guid OrganizationId, IReadOnlyList<Guid> InspectorIds);

/// <summary>The picks in draw order, or the reasons the population cannot give a lawful draw (then there are no picks).</summary>
public sealed record SampleResult(int Count, IReadOnlyList<SamplePick> Picks, IReadOnlyList<string> Problems)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// 社会组织抽查暂行办法 (民发〔2017〕45号, rules-2 §1.5): each year the registration authority draws at least its ratio of the
/// organisations it registered (county 3 %, city 4 %) and, for each, at least two inspectors without a conflict of interest.
/// Pure and replayable on the kernel's one generator (<see cref="SeededDraw"/>, ADR 030) exactly as the care-home draw uses it:
/// the population is put in canonical order (by id), the organisations are shuffled and the first n taken, then each one's
/// inspectors are shuffled from those without a conflict.
/// </summary>
public static class SpotCheckSampler
{
    public const int MinimumInspectors = 2;

    /// <summary>The ratio is a floor ("不低于"): the count is rounded up, at least one where there are organisations.</summary>
    public static int Count(int population, decimal ratioPercent) =>
        population == 0 || ratioPercent <= 0 ? 0 : Math.Min(population, Math.Max(1, (int)Math.Ceiling(population * ratioPercent / 100m)));

    public static SampleResult Draw(SampleInput input)
    {
        var problems = new List<string>();
        if (input.RatioPercent is <= 0 or > 100) problems.Add("抽查比例须大于0且不超过100%");
        if (input.InspectorsPerOrganization < MinimumInspectors) problems.Add($"每个社会组织至少{MinimumInspectors}名检查人员");
        if (input.Organizations.Count == 0) problems.Add("没有可抽查的社会组织");
        if (problems.Count > 0) return new SampleResult(0, [], problems);

        var random = new SeededDraw(input.Seed);
        var organizations = input.Organizations.OrderBy(o => o.Id).ToList();
        var inspectors = input.Inspectors.OrderBy(i => i.Id).ToList();
        var count = Count(organizations.Count, input.RatioPercent);
        var picks = new List<SamplePick>();
        foreach (var o in random.Shuffle(organizations).Take(count))
        {
            var eligible = inspectors.Where(i => !i.Conflicts.Contains(o.Id)).ToList();
            if (eligible.Count < input.InspectorsPerOrganization)
            {
                problems.Add($"{o.Name}：回避后可抽检查人员只有{eligible.Count}名，少于{input.InspectorsPerOrganization}名");
                continue;
            }
            picks.Add(new SamplePick(o.Id, [.. random.Shuffle(eligible).Take(input.InspectorsPerOrganization).Select(i => i.Id)]));
        }
        return problems.Count > 0 ? new SampleResult(count, [], problems) : new SampleResult(count, picks, []);
    }
}
