using Minzheng.Web.Platform.Sampling;

namespace Minzheng.Web.Modules.ElderlyCare.Inspections;

/// <summary>A home in the draw's population (检查对象名录库 as it stood at the draw).</summary>
public sealed record DrawHome(Guid Id, string Name);

/// <summary>An inspector in the draw's population (执法检查人员名录库) and the homes the inspector must stay away from (回避).</summary>
public sealed record DrawInspector(Guid Id, string Name, IReadOnlyList<Guid> Conflicts);

/// <summary>Everything a draw depends on; stored with the draw so anyone can run it again and get the same picks.</summary>
public sealed record DrawInput(string Seed, decimal RatioPercent, int InspectorsPerHome, IReadOnlyList<DrawHome> Homes, IReadOnlyList<DrawInspector> Inspectors);

/// <summary>One drawn home and its drawn inspectors.</summary>
public sealed record DrawPick(Guid HomeId, IReadOnlyList<Guid> InspectorIds);

/// <summary>The picks in draw order, or the reasons the population cannot give a lawful draw (then there are no picks).</summary>
public sealed record DrawResult(int HomeCount, IReadOnlyList<DrawPick> Picks, IReadOnlyList<string> Problems)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// 双随机、一公开 (国发〔2019〕5号; rules-2 §1.5): homes drawn by ratio and, for each, at least two inspectors drawn from those
/// without a conflict of interest (民发〔2017〕45号: 现场检查不少于2人, 回避). Pure and deterministic: the generator is the kernel's SeededDraw (SHA-256 in
/// counter mode over the stored seed, ADR 030), so the replay does not depend on .NET's Random, and the population is put in
/// a canonical order (by id) before drawing, so the order it was read from the database does not matter either.
/// </summary>
public static class InspectionDraw
{
    public const int MinimumInspectors = 2;

    /// <summary>A fresh seed from the operating system's CSPRNG: 32 hex digits, shown and stored with the draw.</summary>
    public static string NewSeed() => SeededDraw.NewSeed();

    /// <summary>Homes to draw: the ratio of the population rounded up (a ratio is a floor: 5 % of 30 homes is 2), at least one where there are homes.</summary>
    public static int HomeCount(int population, decimal ratioPercent) =>
        population == 0 || ratioPercent <= 0 ? 0 : Math.Min(population, Math.Max(1, (int)Math.Ceiling(population * ratioPercent / 100m)));

    public static DrawResult Draw(DrawInput input)
    {
        var problems = new List<string>();
        if (input.RatioPercent is <= 0 or > 100) problems.Add("抽查比例须大于0且不超过100%");
        if (input.InspectorsPerHome < MinimumInspectors) problems.Add($"每个检查对象至少{MinimumInspectors}名检查人员");
        if (input.Homes.Count == 0) problems.Add("检查对象名录库为空");
        if (problems.Count > 0) return new DrawResult(0, [], problems);

        var random = new SeededDraw(input.Seed);
        var homes = input.Homes.OrderBy(h => h.Id).ToList();
        var inspectors = input.Inspectors.OrderBy(i => i.Id).ToList();
        var count = HomeCount(homes.Count, input.RatioPercent);
        var drawn = random.Shuffle(homes).Take(count).ToList();
        var picks = new List<DrawPick>();
        foreach (var home in drawn)
        {
            var eligible = inspectors.Where(i => !i.Conflicts.Contains(home.Id)).ToList();
            if (eligible.Count < input.InspectorsPerHome)
            {
                problems.Add($"{home.Name}：回避后可抽检查人员只有{eligible.Count}名，少于{input.InspectorsPerHome}名");
                continue;
            }
            picks.Add(new DrawPick(home.Id, random.Shuffle(eligible).Take(input.InspectorsPerHome).Select(i => i.Id).ToList()));
        }
        return problems.Count > 0 ? new DrawResult(count, [], problems) : new DrawResult(count, picks, []);
    }
}
