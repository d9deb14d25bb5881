using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.Assistance.Cases;

/// <summary>
/// One use case of a case's process: the actions it handles and their effect. The effect runs only inside a transition the
/// workflow engine has already authorised (state, permission, opinion, version), so it never has to check those; it checks
/// what the transition table cannot express (notice period over, township limit, eligibility) before changing anything.
/// </summary>
public interface ICaseAction
{
    IReadOnlyCollection<string> Actions { get; }

    /// <summary>Who may act on this particular case beyond the permission (the applicant withdraws only their own); before the engine.</summary>
    Task CheckCallerAsync(AssistanceCase c, string action, CancellationToken ct) => Task.CompletedTask;

    Task<CaseEffect> ApplyAsync(CaseActionContext x, CancellationToken ct);
}

/// <summary>What an action's effect works with: the case, the authorised transition, the request, the program's policy, today.</summary>
public sealed record CaseActionContext(AssistanceCase Case, AuthorizedTransition Transition, ActionInput Input, IProgramPolicy Program, DateOnly Today)
{
    public string Action => Transition.Action;

    /// <summary>The opinion as the user wrote it, trimmed (the case's columns keep it; the timeline keeps the event's).</summary>
    public string? Opinion => Input.Opinion?.Trim();
}

/// <summary>The notice an action issues (its title), with extra facts for the document and a note after the opinion.</summary>
public sealed record CaseEffect(string? Document, object? Facts = null, string? DocumentNote = null)
{
    public static readonly CaseEffect None = new((string?)null);
}
