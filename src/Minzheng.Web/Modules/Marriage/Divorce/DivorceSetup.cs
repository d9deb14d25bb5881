using Microsoft.AspNetCore.Mvc;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Jobs;
using Minzheng.Web.Platform.Tasks;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Marriage.Divorce;

/// <summary>Divorce by agreement with the cooling-off (issue 15 item 1, the divorce half): services, the daily job and the API under /divorces.</summary>
public static class DivorceSetup
{
    public sealed record DivorceDto(Guid Id, string Number, string Status, string StatusName, string Phase, Guid OfficeId, string OfficeName, string DivisionCode,
        Guid MalePersonId, string MaleName, Guid FemalePersonId, string FemaleName, Guid? MarriageId, string MarriageCertificateNumber, DateOnly MarriedOn,
        string ChildrenArrangement, string PropertyArrangement, string DebtArrangement, DateOnly ReceivedOn, int CoolingOffDays, DateOnly WithdrawUntil,
        DateOnly AppearFrom, DateOnly AppearUntil, IReadOnlyList<string> RefusalGrounds, Guid? WithdrawnByPersonId, string? WithdrawalStatement, DateOnly? ClosedOn,
        Guid? RegistrationId, Guid? WorkflowCaseId, int Version);

    public static IServiceCollection AddDivorce(this IServiceCollection services)
    {
        services.AddScoped<DivorceApplications>();
        services.AddSingleton(DivorceProcess.Model);
        services.AddSingleton(new WorkflowSubjectLink(DivorceProcess.SubjectType, "/marriage/divorces/{0}"));
        services.AddRecurringJob<DivorceDeemedWithdrawalSweep>(DivorceDeemedWithdrawalSweep.Kind, "离婚登记申请期满视为撤回", DivorceDeemedWithdrawalSweep.Every, DivorceDeemedWithdrawalSweep.FirstAfter);
        return services;
    }

    public static void MapDivorce(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/divorces");
        var read = Permissions.Policy(MarriagePermissions.Read);
        var register = Permissions.Policy(MarriagePermissions.Register);
        g.MapGet("", async ([FromQuery] string? status, [FromQuery] int? page, [FromQuery] int? pageSize, DivorceApplications apps, BusinessClock clock, CancellationToken ct) =>
            TypedResults.Ok((await apps.ListAsync(QueryEnum.Parse<DivorceStatus>(status, "status"), PageRequest.From(page, pageSize), ct)).Select(r => ToDto(r, clock.Today))))
            .RequireAuthorization(read).WithSummary("协议离婚登记申请（本辖区；分页 { items, total }；冷静期和到场期限未满的在前）");
        g.MapGet("/{id:guid}", async (Guid id, DivorceApplications apps, BusinessClock clock, CancellationToken ct) => TypedResults.Ok(ToDto(await apps.RowAsync(id, ct), clock.Today)))
            .RequireAuthorization(read).WithSummary("一件协议离婚登记申请：受理日、可撤回的最后一日、到场申请发证的起止日、状态");
        g.MapPost("", async (DivorceApplyInput input, DivorceApplications apps, BusinessClock clock, CancellationToken ct) =>
        {
            var a = await apps.ApplyAsync(input, ct);
            return TypedResults.Created($"/api/v1/marriage/divorces/{a.Id}", ToDto(await apps.RowAsync(a.Id, ct), clock.Today));
        }).RequireAuthorization(register).WithSummary("双方亲自到场申请协议离婚：受理（回执载明冷静期日期；2021年前当场登记）或不予受理（告知书载明理由）");
        g.MapPost("/{id:guid}/withdraw", async (Guid id, DivorceWithdrawInput input, DivorceApplications apps, BusinessClock clock, CancellationToken ct) =>
        {
            await apps.WithdrawAsync(id, input, ct);
            return TypedResults.Ok(ToDto(await apps.RowAsync(id, ct), clock.Today));
        }).RequireAuthorization(register).WithSummary("冷静期内一方撤回离婚登记申请（冷静期届满后 409）");
        g.MapPost("/{id:guid}/register", async (Guid id, DivorceRegisterInput input, DivorceApplications apps, BusinessClock clock, CancellationToken ct) =>
        {
            await apps.RegisterAsync(id, input, ct);
            return TypedResults.Ok(ToDto(await apps.RowAsync(id, ct), clock.Today));
        }).RequireAuthorization(register).WithSummary("冷静期届满后双方到场，审查并予以离婚登记、发给离婚证（期满前或期限已过 409）");
    }

    public static DivorceDto ToDto(DivorceRow r, DateOnly today)
    {
        var a = r.Application;
        return new(a.Id, a.Number, Code(a.Status), DivorceApplications.StatusName(a.Status), DivorceApplications.PhaseName(a, today), a.OfficeId, r.OfficeName, a.DivisionCode,
            a.MalePersonId, r.MaleName, a.FemalePersonId, r.FemaleName, a.MarriageId, a.MarriageCertificateNumber, a.MarriedOn, a.ChildrenArrangement,
            a.PropertyArrangement, a.DebtArrangement, a.ReceivedOn, a.CoolingOffDays, a.WithdrawUntil, a.AppearFrom, a.AppearUntil,
            a.RefusalGrounds?.Split('\n') ?? [], a.WithdrawnByPersonId, a.WithdrawalStatement, a.ClosedOn, a.RegistrationId, a.WorkflowCaseId, a.Version);
    }

    public static string Code(DivorceStatus s) => s switch
    {
        DivorceStatus.NotAccepted => "not-accepted",
        DivorceStatus.Accepted => "accepted",
        DivorceStatus.Withdrawn => "withdrawn",
        DivorceStatus.DeemedWithdrawn => "deemed-withdrawn",
        _ => "registered",
    };
}
