using Microsoft.AspNetCore.Mvc;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Marriage.Registration;

/// <summary>Issue 15 item 1, the marriage half: appointments, 结婚登记, 不予登记, 撤销受胁迫的婚姻, certificates and their print and verification pages.</summary>
public static class MarriageRegistrationSetup
{
    public sealed record OfficeDto(Guid Id, string Name, string Authority, string DivisionCode, string Address, string Phone, int DailyCapacity);

    public sealed record AppointmentDto(Guid Id, Guid OfficeId, DateOnly Day, int Slot, string Purpose, string PurposeName, string Status, string StatusName,
        string MaleName, string FemaleName, string? Note, string? CancelReason, Guid? OutcomeId, int Version);

    public static AppointmentDto ToDto(MarriageAppointment a) => new(a.Id, a.OfficeId, a.Day, a.Slot, MarriageAppointments.PurposeCode(a.Purpose), MarriageAppointments.PurposeName(a.Purpose),
        a.Status switch { AppointmentStatus.Cancelled => "cancelled", AppointmentStatus.Attended => "attended", _ => "booked" }, MarriageAppointments.StatusName(a.Status),
        a.MaleName, a.FemaleName, a.Note, a.CancelReason, a.OutcomeId, a.Version);

    public static IServiceCollection AddMarriageRegistration(this IServiceCollection services)
    {
        services.AddScoped<MarriageAppointments>();
        services.AddScoped<MarriageRegistrations>();
        services.AddScoped<MarriageQueries>();
        services.AddScoped<Platform.Registry.IPersonPanel, MarriagePersonPanel>();
        services.AddSingleton<Platform.Data.IModuleInitializer, RegistrationInitializer>();
        return services;
    }

    public static void MapMarriageRegistration(this RouteGroupBuilder api)
    {
        var read = Permissions.Policy(MarriagePermissions.Read);
        var register = Permissions.Policy(MarriagePermissions.Register);
        api.MapGet("/offices", async (MarriageAppointments appointments, CancellationToken ct) =>
                TypedResults.Ok((await appointments.OfficesAsync(ct)).Select(o => new OfficeDto(o.Id, o.Name, o.Authority, o.DivisionCode, o.Address, o.Phone, o.DailyCapacity)).ToList()
                    .ToPaged(PageRequest.From(1, 100, 100))))
            .RequireAuthorization(read).WithSummary("婚姻登记处（本辖区），{ items, total }");
        api.MapGet("/appointments", async ([FromQuery] Guid? officeId, [FromQuery] DateOnly? day, [FromQuery] int? page, [FromQuery] int? pageSize, MarriageAppointments appointments, CancellationToken ct) =>
            {
                if (day is null) throw AppProblem.Field("day", "请指定日期（yyyy-MM-dd）");
                return TypedResults.Ok((await appointments.DayAsync(officeId, day.Value, PageRequest.From(page, pageSize, 50), ct)).Select(ToDto));
            })
            .RequireAuthorization(read).WithSummary("某登记处某日的预约（按序号）");
        api.MapPost("/appointments", async (BookAppointmentInput input, MarriageAppointments appointments, CancellationToken ct) =>
            {
                var a = await appointments.BookAsync(input, ct);
                return TypedResults.Created($"/api/v1/marriage/appointments/{a.Id}", ToDto(a));
            })
            .RequireAuthorization(register).WithSummary("预约（工作日，按登记处每日名额；满额 409 marriage_appointment_day_full）");
        api.MapPost("/appointments/{id:guid}/cancel", async (Guid id, CancelAppointmentInput input, MarriageAppointments appointments, CancellationToken ct) =>
                TypedResults.Ok(ToDto(await appointments.CancelAsync(id, input, ct))))
            .RequireAuthorization(register).WithSummary("取消预约（须写明原因）");

        api.MapGet("/registrations", async ([FromQuery] string? q, [FromQuery] int? page, [FromQuery] int? pageSize, MarriageQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(q, PageRequest.From(page, pageSize), ct)))
            .RequireAuthorization(read).WithSummary("婚姻登记（本辖区，新的在前；按登记字号筛选）");
        api.MapGet("/registrations/{id:guid}", async (Guid id, MarriageQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.RegistrationAsync(id, ct)))
            .RequireAuthorization(read).WithSummary("一件婚姻登记及其证书");
        api.MapPost("/registrations", async (RegisterMarriageInput input, MarriageRegistrations registrations, MarriageQueries queries, CancellationToken ct) =>
            {
                var r = await registrations.RegisterAsync(input, ct);
                return TypedResults.Created($"/api/v1/marriage/registrations/{r.Id}", await queries.RegistrationAsync(r.Id, ct));
            })
            .RequireAuthorization(register).WithSummary("结婚登记（不符合条件 422 marriage_refused，逐项列明理由）");
        api.MapPost("/registrations/{id:guid}/revoke", async (Guid id, RevokeMarriageInput input, MarriageRegistrations registrations, MarriageQueries queries, CancellationToken ct) =>
            {
                await registrations.RevokeAsync(id, input, ct);
                return TypedResults.Ok(await queries.RegistrationAsync(id, ct));
            })
            .RequireAuthorization(Permissions.Policy(RegistrationPermissions.Revoke)).WithSummary("撤销受胁迫的婚姻（婚姻登记条例第九条；2021年起申请的 422，须向人民法院请求）");
        api.MapPost("/refusals", async (RegisterMarriageInput input, MarriageRegistrations registrations, MarriageQueries queries, CancellationToken ct) =>
            {
                var r = await registrations.RefuseAsync(input, ct);
                return TypedResults.Created($"/api/v1/marriage/refusals/{r.Id}", await queries.RefusalAsync(r.Id, ct));
            })
            .RequireAuthorization(register).WithSummary("不予办理结婚登记（审查发现的情形及书面理由；告知书 /marriage/refusals/{id}/print）");
        api.MapGet("/refusals/{id:guid}", async (Guid id, MarriageQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.RefusalAsync(id, ct)))
            .RequireAuthorization(read).WithSummary("一件不予登记");
        // one certificate's data: GET /certificates/{id} of the certificates part (every kind, with its validity and verify path)
    }
}
