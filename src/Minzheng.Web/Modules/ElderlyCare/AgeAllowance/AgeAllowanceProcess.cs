using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.ElderlyCare.AgeAllowance;

/// <summary>
/// 高龄津贴 as data for the workflow kernel (ADR 035): each elder the monthly run finds is a case waiting on the township
/// (确认 → 享受中, or 不予享受 with a written opinion); a death closes it (停发, or 撤销 for a candidate) on the registry's
/// authority, and a death reversed reopens it where it was. The township's time limit is local practice (UNCONFIRMED).
/// </summary>
public static class AgeAllowanceProcess
{
    public const string Code = "elderly-age-allowance";

    /// <summary>The workflow case's subject type; its subject id is the <see cref="AgeAllowanceGrant"/>'s id.</summary>
    public const string SubjectType = "elderly-age-allowance";

    public const string Candidate = "candidate";
    public const string Granted = "granted";
    public const string Refused = "refused";
    public const string Stopped = "stopped";

    public const string Confirm = "confirm";
    public const string Refuse = "refuse";

    /// <summary>A candidate closed because the elder died (the registry's death use case, not a user's decision).</summary>
    public const string CloseOnDeath = "close-on-death";

    /// <summary>A running allowance stopped after the month of death (the registry's death use case).</summary>
    public const string StopOnDeath = "stop-on-death";

    public static readonly ProcessModel Model = new(
        Code: Code,
        Name: "高龄津贴确认",
        InitialState: Candidate,
        States:
        [
            new(Candidate, "待乡镇确认", DeadlineWorkingDays: 10), // local practice, UNCONFIRMED
            new(Granted, "享受中"),
            new(Refused, "不予享受", Terminal: true),
            new(Stopped, "已停发", Terminal: true),
        ],
        Transitions:
        [
            // confirming needs no opinion (the timeline records 确认); refusing must give the reason
            new(Candidate, Confirm, "乡镇确认", Granted, AgeAllowancePermissions.Confirm),
            new(Candidate, Refuse, "乡镇不予享受", Refused, AgeAllowancePermissions.Confirm, RequiresOpinion: true),
            new(Candidate, CloseOnDeath, "老人死亡，不予确认", Refused, AgeAllowancePermissions.Confirm, RequiresOpinion: true),
            new(Granted, StopOnDeath, "老人死亡，停发", Stopped, AgeAllowancePermissions.Confirm, RequiresOpinion: true),
        ]);

    public static AgeAllowanceStatus StatusOf(string state) => state switch
    {
        Candidate => AgeAllowanceStatus.Candidate,
        Granted => AgeAllowanceStatus.Confirmed,
        Refused => AgeAllowanceStatus.Refused,
        Stopped => AgeAllowanceStatus.Stopped,
        _ => throw new InvalidOperationException($"高龄津贴流程没有状态 {state}"),
    };
}
