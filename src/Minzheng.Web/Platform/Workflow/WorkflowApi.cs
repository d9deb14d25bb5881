using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Files;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Workflow;

public static class WorkflowApi
{
    public static void MapWorkflowApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/workflow").WithTags("Workflow").RequireAuthorization(Permissions.Policy(Permissions.WorkflowRead));

        group.MapGet("/processes", async (WorkflowQueries queries, CancellationToken ct) =>
            TypedResults.Ok((await queries.CurrentDefinitionsAsync(ct)).Select(p => new { p.Code, p.Version, p.Name, p.ValidFrom, definition = p.Model })))
            .WithSummary("现行流程定义（状态、动作、所需权限、时限）");

        group.MapGet("/cases/overdue", async (int? page, int? pageSize, WorkflowQueries queries, CancellationToken ct) =>
        {
            var result = await queries.OverdueAsync(PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { items = result.Items, total = result.Total });
        })
        .WithSummary("管辖范围内的超期件");

        group.MapGet("/cases/{id:guid}", async (Guid id, WorkflowQueries queries, CancellationToken ct) =>
        {
            var d = await queries.CaseAsync(id, ct);
            return TypedResults.Ok(new
            {
                d.Case.Id,
                d.Case.ProcessCode,
                d.Case.ProcessVersion,
                d.Case.Title,
                d.Case.DivisionCode,
                divisionName = d.DivisionName,
                d.Case.State,
                stateName = d.Model.State(d.Case.State).Name,
                d.Case.StepDueDate,
                d.Case.CaseDueDate,
                d.Case.ExtensionReason,
                d.Case.ClosedAt,
                timeline = d.Timeline.Select(t => new { t.At, t.ActorName, t.ActionName, t.FromStateName, t.ToStateName, t.Opinion, attachments = t.Attachments.Select(a => new { a.FileId, a.FileName }) }),
            });
        })
        .WithSummary("业务件及其办理过程");

        // An attachment is served only through a case the user can see (the case's division scope).
        app.MapGet("/workflow/attachments/{fileId:guid}", async (Guid fileId, AppDbContext db, FileStore files, CancellationToken ct) =>
        {
            var visible = await db.WorkflowCases.AnyAsync(c => c.Events.Any(e => e.Attachments.Any(a => a.FileId == fileId)), ct);
            var file = visible ? await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, ct) : null;
            return file is null
                ? Problems.Result(404, "not_found", "附件不存在或不在您的管辖范围内")
                : Results.File(files.OpenRead(file), file.ContentType, file.FileName);
        })
        .RequireAuthorization(Permissions.Policy(Permissions.WorkflowRead))
        .ExcludeFromDescription();
    }
}
