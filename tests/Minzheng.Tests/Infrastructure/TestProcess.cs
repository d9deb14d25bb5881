using Minzheng.Web.Modules.Assistance;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Tests.Infrastructure;

/// <summary>A small process registered only in tests, to exercise the workflow kernel as a module would.</summary>
public static class TestProcess
{
    public static readonly ProcessModel Model = new(
        Code: "test-application",
        Name: "测试申请",
        InitialState: "submitted",
        States:
        [
            new StateModel("submitted", "已申请", DeadlineWorkingDays: 3),
            new StateModel("accepted", "已受理", DeadlineWorkingDays: 10),
            new StateModel("approved", "已批准", Terminal: true),
            new StateModel("rejected", "不予批准", Terminal: true),
        ],
        Transitions:
        [
            new TransitionModel("submitted", "accept", "受理", "accepted", AssistancePermissions.Accept),
            new TransitionModel("accepted", "approve", "批准", "approved", AssistancePermissions.Approve),
            new TransitionModel("accepted", "reject", "不予批准", "rejected", AssistancePermissions.Approve, RequiresOpinion: true),
        ],
        OverallDeadline: new OverallDeadlineModel("accepted", 30, 45));
}
