using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.SocialOrganizations.Registration;

/// <summary>
/// 社会组织登记 (成立、变更、注销) on the workflow kernel (ADR 038): the case starts when the registration authority accepts
/// (受理) an application, then 审查 and 准予 / 不准予 登记, both with written grounds. The statutory limit is the case's due date,
/// set on acceptance from the figure book (calendar or working days as the law counts); the step deadlines mark each step as
/// the authority's work on 工作台 and are replaced by that statutory date.
/// </summary>
public static class RegistrationProcess
{
    public const string Code = "socorg-registration";

    /// <summary>The workflow case's subject type; its subject id is the <see cref="RegistrationApplication"/>'s id.</summary>
    public const string SubjectType = "socorg-application";

    public const string Accepted = "accepted";
    public const string Reviewed = "reviewed";
    public const string Approved = "approved";
    public const string Refused = "refused";

    public const string Review = "review";
    public const string Approve = "approve";
    public const string Refuse = "refuse";

    public static readonly ProcessModel Model = new(
        Code: Code,
        Name: "社会组织登记",
        InitialState: Accepted,
        States:
        [
            // the step limits only make the step someone's work; the use case sets the statutory decision date on the case
            new(Accepted, "已受理，待审查", DeadlineWorkingDays: 20),
            new(Reviewed, "已审查，待决定", DeadlineWorkingDays: 20),
            new(Approved, "准予登记", Terminal: true),
            new(Refused, "不准予登记", Terminal: true),
        ],
        Transitions:
        [
            new(Accepted, Review, "审查完毕，提请决定", Reviewed, RegistrationPermissions.Handle, RequiresOpinion: true),
            new(Reviewed, Approve, "准予登记", Approved, RegistrationPermissions.Decide, RequiresOpinion: true),
            new(Reviewed, Refuse, "不准予登记", Refused, RegistrationPermissions.Decide, RequiresOpinion: true),
        ]);

    public static ApplicationStatus StatusOf(string state) => state switch
    {
        Accepted => ApplicationStatus.Accepted,
        Reviewed => ApplicationStatus.Reviewed,
        Approved => ApplicationStatus.Approved,
        Refused => ApplicationStatus.Refused,
        _ => throw new InvalidOperationException($"社会组织登记流程没有状态 {state}"),
    };
}
