namespace Minzheng.Web.Platform.Workflow;

/// <summary>A state of a process; <see cref="DeadlineWorkingDays"/> is the time allowed to leave it.</summary>
public sealed record StateModel(string Code, string Name, bool Terminal = false, int? DeadlineWorkingDays = null);

/// <summary>One allowed move: in state <see cref="From"/>, action <see cref="Action"/> by a holder of <see cref="Permission"/> leads to <see cref="To"/>.</summary>
public sealed record TransitionModel(string From, string Action, string ActionName, string To, string Permission, bool RequiresOpinion = false);

/// <summary>
/// An overall time limit: counted in working days from entering <see cref="StartsAtState"/>;
/// extendable once, with a reason, to <see cref="ExtendedWorkingDays"/>.
/// </summary>
public sealed record OverallDeadlineModel(string StartsAtState, int WorkingDays, int? ExtendedWorkingDays = null);

/// <summary>
/// A process definition as data: states, actions, permissions and deadlines. Stored versioned in
/// workflow_process so a case keeps the version it started under (domain decision 2).
/// </summary>
public sealed record ProcessModel(
    string Code,
    string Name,
    string InitialState,
    IReadOnlyList<StateModel> States,
    IReadOnlyList<TransitionModel> Transitions,
    OverallDeadlineModel? OverallDeadline = null)
{
    public StateModel State(string code) =>
        States.FirstOrDefault(s => s.Code == code) ?? throw new InvalidOperationException($"流程 {Code} 没有状态 {code}");

    public IEnumerable<TransitionModel> From(string state) => Transitions.Where(t => t.From == state);

    /// <summary>Checks that the definition is internally consistent; returns the problems found.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        var codes = States.Select(s => s.Code).ToHashSet();
        if (codes.Count != States.Count) problems.Add("状态编码重复");
        if (!codes.Contains(InitialState)) problems.Add($"初始状态 {InitialState} 未定义");
        foreach (var t in Transitions)
        {
            if (!codes.Contains(t.From)) problems.Add($"动作 {t.Action} 的起始状态 {t.From} 未定义");
            if (!codes.Contains(t.To)) problems.Add($"动作 {t.Action} 的目标状态 {t.To} 未定义");
            if (string.IsNullOrWhiteSpace(t.Permission)) problems.Add($"动作 {t.Action} 未声明权限");
        }
        foreach (var dup in Transitions.GroupBy(t => (t.From, t.Action)).Where(g => g.Count() > 1))
        {
            problems.Add($"状态 {dup.Key.From} 下动作 {dup.Key.Action} 重复");
        }
        foreach (var s in States.Where(s => s.Terminal && Transitions.Any(t => t.From == s.Code)))
        {
            problems.Add($"终止状态 {s.Code} 不应有后续动作");
        }
        if (OverallDeadline is { } od && !codes.Contains(od.StartsAtState)) problems.Add($"总时限起算状态 {od.StartsAtState} 未定义");
        return problems;
    }
}
