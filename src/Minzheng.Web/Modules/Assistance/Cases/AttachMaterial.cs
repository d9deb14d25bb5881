using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Files;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.Assistance.Cases;

/// <summary>Attaches a scanned or photographed document (入户调查表, 证明材料…) to the case timeline, while the case is open.</summary>
public sealed class AttachMaterial(AppDbContext db, WorkflowEngine workflow, FileStore files)
{
    public async Task RunAsync(Guid id, string fileName, Stream content, string note, CancellationToken ct = default)
    {
        var c = await AssistanceCases.LoadAsync(db, id, ct);
        if (AssistanceProcesses.IsClosed(c.State)) throw new AppProblem(409, "case_closed", "业务已办结，不能再补充材料");
        var stored = await files.SaveAsync(fileName, content, ct);
        var wf = await db.WorkflowCases.SingleAsync(w => w.Id == c.WorkflowCaseId, ct);
        workflow.AddNote(wf, "补充材料", $"{note}：{stored.FileName}", [(stored.Id, stored.FileName)]);
        await db.SaveChangesAsync(ct);
    }
}
