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
/// The draw itself is the kernel's <see cref="InspectorDraw"/> (the same one care-home inspections use, on <see cref="SeededDraw"/>).
/// </summary>
public static class SpotCheckSampler
{
    public const int MinimumInspectors = InspectorDraw.MinimumInspectors;

    /// <summary>The ratio is a floor ("不低于"): the count is rounded up, at least one where there are organisations.</summary>
    public static int Count(int population, decimal ratioPercent) => InspectorDraw.Count(population, ratioPercent);

    public static SampleResult Draw(SampleInput input)
    {
        // the kernel's one draw, shared with the care-home inspections; this class only maps the organisations' records
        var r = InspectorDraw.Draw(input.Seed, input.RatioPercent, input.InspectorsPerOrganization, [.. input.Organizations.Select(o => new DrawSubject(o.Id, o.Name))],
            [.. input.Inspectors.Select(i => new DrawOfficer(i.Id, i.Conflicts))], "社会组织", "没有可抽查的社会组织");
        return new SampleResult(r.Count, [.. r.Picks.Select(p => new SamplePick(p.SubjectId, p.InspectorIds))], r.Problems);
    }
}
