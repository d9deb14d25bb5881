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
    public const int MinimumInspectors = InspectorDraw.MinimumInspectors;

    /// <summary>A fresh seed from the operating system's CSPRNG: 32 hex digits, shown and stored with the draw.</summary>
    public static string NewSeed() => SeededDraw.NewSeed();

    /// <summary>Homes to draw: the ratio of the population rounded up (a ratio is a floor: 5 % of 30 homes is 2), at least one where there are homes.</summary>
    public static int HomeCount(int population, decimal ratioPercent) => InspectorDraw.Count(population, ratioPercent);

    public static DrawResult Draw(DrawInput input)
    {
        // the kernel's one draw (Platform/Sampling/InspectorDraw); this class only maps the homes' records
        var r = InspectorDraw.Draw(input.Seed, input.RatioPercent, input.InspectorsPerHome, [.. input.Homes.Select(h => new DrawSubject(h.Id, h.Name))],
            [.. input.Inspectors.Select(i => new DrawOfficer(i.Id, i.Conflicts))], "检查对象", "检查对象名录库为空");
        return new DrawResult(r.Count, [.. r.Picks.Select(p => new DrawPick(p.SubjectId, p.InspectorIds))], r.Problems);
    }
}
