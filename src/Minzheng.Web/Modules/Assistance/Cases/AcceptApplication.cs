namespace Minzheng.Web.Modules.Assistance.Cases;

/// <summary>受理 or 不予受理 an application, with its notice.</summary>
public sealed class AcceptApplication : ICaseAction
{
    public IReadOnlyCollection<string> Actions { get; } = ["accept", "not-accept"];

    public Task<CaseEffect> ApplyAsync(CaseActionContext x, CancellationToken ct)
    {
        var c = x.Case;
        if (x.Action == "accept")
        {
            c.AcceptedOn = x.Today;
            return Task.FromResult(new CaseEffect("受理通知书"));
        }
        c.RefusalReasons = x.Opinion;
        c.EndedOn = x.Today;
        return Task.FromResult(new CaseEffect("不予受理告知书"));
    }
}
