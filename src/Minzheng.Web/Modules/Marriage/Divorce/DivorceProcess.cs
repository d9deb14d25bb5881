using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.Marriage.Divorce;

/// <summary>
/// 协议离婚 on the workflow kernel (ADR 045): received (申请) → accepted (受理, 回执 with the cooling-off dates) or not accepted
/// (告知书); accepted → withdrawn by either party within the cooling-off, registered on the second appearance, or deemed
/// withdrawn by the daily job once the appearance period has passed. The periods are calendar days fixed on the application
/// (民法典 第一千零七十七条), so the states carry no working-day step limits; the use cases guard the dates.
/// </summary>
public static class DivorceProcess
{
    public const string Code = "marriage-divorce";

    /// <summary>The workflow case's subject type; its subject id is the <see cref="DivorceApplication"/>'s id.</summary>
    public const string SubjectType = "marriage-divorce";

    public const string Received = "received";
    public const string Accepted = "accepted";
    public const string NotAccepted = "not_accepted";
    public const string Withdrawn = "withdrawn";
    public const string DeemedWithdrawn = "deemed_withdrawn";
    public const string Registered = "registered";

    public const string Accept = "accept";
    public const string Refuse = "refuse";
    public const string Withdraw = "withdraw";
    public const string Register = "register";
    public const string DeemWithdrawn = "deem-withdrawn";

    public static readonly ProcessModel Model = new(
        Code: Code,
        Name: "协议离婚登记（冷静期）",
        InitialState: Received,
        States:
        [
            new(Received, "已申请，待受理"),
            new(Accepted, "已受理（冷静期／待双方到场）"),
            new(NotAccepted, "不予受理", Terminal: true),
            new(Withdrawn, "已撤回", Terminal: true),
            new(DeemedWithdrawn, "视为撤回", Terminal: true),
            new(Registered, "准予离婚登记", Terminal: true),
        ],
        Transitions:
        [
            new(Received, Accept, "受理离婚登记申请", Accepted, MarriagePermissions.Register),
            new(Received, Refuse, "不予受理", NotAccepted, MarriagePermissions.Register, RequiresOpinion: true),
            new(Accepted, Withdraw, "撤回离婚登记申请", Withdrawn, MarriagePermissions.Register, RequiresOpinion: true),
            new(Accepted, Register, "审查，准予离婚登记", Registered, MarriagePermissions.Register),
            // by the daily job (the system holds every permission); the opinion says which period passed
            new(Accepted, DeemWithdrawn, "期满未申请发证，视为撤回", DeemedWithdrawn, MarriagePermissions.Register, RequiresOpinion: true),
        ]);
}
