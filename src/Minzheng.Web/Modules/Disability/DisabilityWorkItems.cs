using Minzheng.Web.Platform.Tasks;

namespace Minzheng.Web.Modules.Disability;

/// <summary>
/// Disability's part of "my tasks" (ADR 026): every step of 两项补贴 (村级核实, 乡镇审核, 县残联审核残疾人证, 县民政审批) is a workflow step
/// with its own limit, so the generic workflow source lists them all; the module only says where an application is worked on.
/// </summary>
public static class DisabilityWorkItems
{
    public static IServiceCollection Add(IServiceCollection services) =>
        services.AddSingleton(new WorkflowSubjectLink(DisabilityProcess.SubjectType, "/disability/{0}"));
}
