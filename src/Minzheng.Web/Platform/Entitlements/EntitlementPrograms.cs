namespace Minzheng.Web.Platform.Entitlements;

/// <summary>A program that publishes entitlements (and so is paid through the payment ledger); each benefit module registers its own.</summary>
public sealed record EntitlementProgram(string Code, string Name);

/// <summary>The programs registered by the modules, by the code under which they publish.</summary>
public sealed class EntitlementPrograms(IEnumerable<EntitlementProgram> registered)
{
    public IReadOnlyList<EntitlementProgram> All { get; } = registered.DistinctBy(p => p.Code).ToList();

    public EntitlementProgram? Find(string? code) => All.FirstOrDefault(p => p.Code == code);

    public string NameOf(string code) => Find(code)?.Name ?? code;
}
