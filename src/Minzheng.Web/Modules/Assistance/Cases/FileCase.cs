namespace Minzheng.Web.Modules.Assistance.Cases;

/// <summary>报县备案: a township's decision is filed with the county, and the case is in payment.</summary>
public sealed class FileCase : ICaseAction
{
    public IReadOnlyCollection<string> Actions { get; } = ["file"];

    public Task<CaseEffect> ApplyAsync(CaseActionContext x, CancellationToken ct)
    {
        x.Case.FiledOn = x.Today;
        return Task.FromResult(CaseEffect.None);
    }
}
