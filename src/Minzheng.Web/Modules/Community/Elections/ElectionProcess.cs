using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.Community.Elections;

/// <summary>
/// The election's steps on the workflow kernel (民发〔2013〕76号 村民委员会选举规程): election committee → voter registration →
/// roll published (objection window) → nomination → county joint vetting → official candidates published → voting and count
/// → (另行选举) → hand-over → archive. The checks of each step (odd committee of three or more, 20 days, 5 and 3 days,
/// more candidates than seats, vetting complete, 5 days, a valid count) are made in the step's effect by <see cref="Elections"/>.
/// </summary>
public static class ElectionProcess
{
    public const string Code = "com-election";
    public const string SubjectType = "com-election";

    public const string Preparing = "preparing";
    public const string Registration = "registration";
    public const string RollPublished = "roll-published";
    public const string Nomination = "nomination";
    public const string Vetting = "vetting";
    public const string Voting = "voting";
    public const string Additional = "additional";
    public const string Handover = "handover";
    public const string HandedOver = "handed-over";
    public const string Archived = "archived";

    public const string Register = "register";
    public const string PublishRoll = "publish-roll";
    public const string OpenNomination = "open-nomination";
    public const string SubmitVetting = "submit-vetting";
    public const string PublishCandidates = "publish-candidates";
    public const string CloseVote = "close-vote";
    public const string CallAdditional = "call-additional";
    public const string CompleteHandover = "hand-over";
    public const string Archive = "archive";

    public static readonly IReadOnlyList<string> Actions = [Register, PublishRoll, OpenNomination, SubmitVetting, PublishCandidates, CloseVote, CallAdditional, CompleteHandover, Archive];

    /// <summary>The steps in order, for progress bars and the dashboard.</summary>
    public static readonly IReadOnlyList<string> Steps = [Preparing, Registration, RollPublished, Nomination, Vetting, Voting, Additional, Handover, HandedOver, Archived];

    public static readonly ProcessModel Model = new(
        Code: Code,
        Name: "村（居）民委员会换届选举",
        InitialState: Preparing,
        States:
        [
            new(Preparing, "推选选举委员会"),
            new(Registration, "选民登记"),
            new(RollPublished, "选民名单已公布（异议期）"),
            new(Nomination, "提名候选人"),
            new(Vetting, "候选人资格联审"),
            new(Voting, "正式候选人已公布，投票计票"),
            new(Additional, "另行选举"),
            new(Handover, "已产生新一届委员会，待工作移交"),
            new(HandedOver, "已移交，待归档"),
            new(Archived, "已归档", Terminal: true),
        ],
        Transitions:
        [
            new(Preparing, Register, "选举委员会已推选，开始选民登记", Registration, CommunityPermissions.Manage),
            new(Registration, PublishRoll, "公布选民名单（名单冻结）", RollPublished, CommunityPermissions.Manage),
            new(RollPublished, OpenNomination, "异议期满、异议已处理，开始提名", Nomination, CommunityPermissions.Manage),
            new(Nomination, SubmitVetting, "提名结束，报县级联审", Vetting, CommunityPermissions.Manage),
            new(Vetting, PublishCandidates, "公布正式候选人", Voting, CommunityPermissions.Manage),
            new(Voting, CloseVote, "确认选举结果", Handover, CommunityPermissions.Manage),
            new(Voting, CallAdditional, "就不足名额另行选举", Additional, CommunityPermissions.Manage),
            new(Additional, CloseVote, "确认另行选举结果", Handover, CommunityPermissions.Manage),
            new(Handover, CompleteHandover, "完成工作移交", HandedOver, CommunityPermissions.Manage),
            new(HandedOver, Archive, "选举资料归档", Archived, CommunityPermissions.Manage),
        ]);

    public static string StateName(string state) => Model.States.FirstOrDefault(s => s.Code == state)?.Name ?? state;
}
