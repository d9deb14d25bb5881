using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.Assistance.Cases;

/// <summary>延长办理时限: once, with a reason, to the process's extended limit (e.g. 30 → 45 working days for dibao).</summary>
public sealed class ExtendTimeLimit(AppDbContext db, WorkflowEngine workflow, ICurrentUser user)
{
    public async Task RunAsync(Guid id, string? reason, CancellationToken ct = default)
    {
        if (!user.HasPermission(AssistancePermissions.Approve)) throw AppProblem.Forbidden("延长办理时限须由审核人员决定");
        var c = await AssistanceCases.LoadAsync(db, id, ct);
        var wf = await db.WorkflowCases.SingleAsync(w => w.Id == c.WorkflowCaseId, ct);
        await workflow.ExtendAsync(wf, reason ?? "", ct);
        await db.SaveChangesAsync(ct);
    }
}
