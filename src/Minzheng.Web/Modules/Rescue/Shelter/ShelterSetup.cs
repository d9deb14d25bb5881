using System.Globalization;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Rescue.Shelter;

/// <summary>
/// 家暴受害人临时庇护 (issue 20 item 4): services and the API under /shelter. The endpoints ask only for a signed-in user: the
/// use cases answer 404 to everyone without <see cref="ShelterPermissions.Shelter"/>, so a 403 cannot tell them the stay exists.
/// No person panel is registered on purpose: the one-person view is read by many roles, and a sheltered victim's whereabouts must
/// not appear there.
/// </summary>
public static class ShelterSetup
{
    public static IServiceCollection AddShelter(this IServiceCollection services)
    {
        services.AddScoped<ShelterStays>();
        services.AddSingleton<IModuleInitializer, ShelterInitializer>();
        return services;
    }

    public static void MapShelter(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/shelter").RequireAuthorization();

        g.MapGet("/", async (string? status, string? q, int? page, int? pageSize, ShelterStays stays, CancellationToken ct) =>
        {
            var paged = await stays.ListAsync(status, q, PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new { items = paged.Items.Select(ToDto), total = paged.Total });
        }).WithSummary("家暴受害人临时庇护（受限，须 rescue.shelter；status: current 在住（默认，超期在前）/overdue/left/all；q: 庇护编号或姓名），分页 { items, total }");

        g.MapPost("/", async (AdmitInput? input, ShelterStays stays, CancellationToken ct) =>
        {
            var s = await stays.AdmitAsync(input ?? new AdmitInput(), ct);
            return TypedResults.Created($"/api/v1/rescue/shelter/{s.Id}", await DetailAsync(s.Id, stays, ct));
        }).WithSummary("入住登记：受害人（人员库人员）、转介来源、风险等级、安全计划、施暴人信息、随行子女（各转入未成年人保护个案）；同一人只能有一条在住记录（409）");

        g.MapGet("/{id:guid}", async (Guid id, ShelterStays stays, CancellationToken ct) => TypedResults.Ok(await DetailAsync(id, stays, ct)))
            .WithSummary("一条临时庇护记录：安全计划、服务、随行子女及其保护个案编号、延期、离开（查看留痕）");
        g.MapPut("/{id:guid}/safety-plan", async (Guid id, SafetyPlanInput? input, ShelterStays stays, CancellationToken ct) =>
        {
            await stays.UpdateSafetyPlanAsync(id, input ?? new SafetyPlanInput(), ct);
            return TypedResults.Ok(await DetailAsync(id, stays, ct));
        }).WithSummary("修改风险等级和安全计划（对施暴人保密的联系方式、陪同护送、人身安全保护令及法院）");
        g.MapPost("/{id:guid}/services", async (Guid id, ShelterServiceInput? input, ShelterStays stays, CancellationToken ct) =>
        {
            await stays.AddServiceAsync(id, input ?? new ShelterServiceInput(), ct);
            return TypedResults.Ok(await DetailAsync(id, stays, ct));
        }).WithSummary("登记服务（心理疏导、医疗救治、法律援助、食宿、陪同报警取证、其他），带日期");
        g.MapPost("/{id:guid}/children", async (Guid id, AddChildInput? input, ShelterStays stays, CancellationToken ct) =>
        {
            await stays.AddChildAsync(id, input ?? new AddChildInput(), ct);
            return TypedResults.Ok(await DetailAsync(id, stays, ct));
        }).WithSummary("补登随行子女（转入未成年人保护个案：家庭暴力、临时庇护）");
        g.MapPost("/{id:guid}/extensions", async (Guid id, ExtendInput? input, ShelterStays stays, CancellationToken ct) =>
        {
            await stays.ExtendAsync(id, input ?? new ExtendInput(), ct);
            return TypedResults.Ok(await DetailAsync(id, stays, ct));
        }).WithSummary("延期：天数、理由、批准人（县级民政部门），到期日随之顺延");
        g.MapPost("/{id:guid}/leave", async (Guid id, LeaveInput? input, ShelterStays stays, CancellationToken ct) =>
        {
            await stays.LeaveAsync(id, input ?? new LeaveInput(), ct);
            return TypedResults.Ok(await DetailAsync(id, stays, ct));
        }).WithSummary("离开庇护：日期、去向、原因；随行子女的保护个案同时登记离开庇护");
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // the same camelCase names the API's enum converter writes and reads
    private static string? Code(Enum? value) => value is null ? null : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>The list row: no abuser, no safety plan, no situation.</summary>
    public static object ToDto(ShelterRow r) => new
    {
        r.Stay.Id,
        r.Stay.Number,
        r.Stay.ShelterName,
        r.Stay.DivisionCode,
        r.Stay.PersonId,
        name = r.Name,
        personNumber = r.PersonNumber,
        admittedOn = Iso(r.Stay.AdmittedOn),
        risk = Code(r.Stay.Risk),
        status = Code(r.Stay.Status),
        dueOn = Iso(r.Stay.DueOn),
        overdue = r.Overdue,
        daysIn = r.DaysIn,
        leftOn = Iso(r.Stay.LeftOn),
        r.Stay.Version,
    };

    public static async Task<object> DetailAsync(Guid id, ShelterStays stays, CancellationToken ct)
    {
        var d = await stays.DetailAsync(id, ct);
        var s = d.Row.Stay;
        return new
        {
            s.Id,
            s.Number,
            s.StationId,
            s.ShelterName,
            s.DivisionCode,
            s.PersonId,
            name = d.Row.Name,
            personNumber = d.Row.PersonNumber,
            admittedOn = Iso(s.AdmittedOn),
            referralSource = Code(s.ReferralSource),
            s.ReferralNote,
            risk = Code(s.Risk),
            s.Situation,
            abuser = new { name = s.AbuserName, relation = s.AbuserRelation, note = s.AbuserNote },
            safetyPlan = new { s.ContactsWithheld, s.Escort, s.ProtectionOrderApplied, s.ProtectionOrderCourt },
            status = Code(s.Status),
            s.LimitDays,
            s.ExtendedDays,
            dueOn = Iso(s.DueOn),
            overdue = d.Row.Overdue,
            daysIn = d.Row.DaysIn,
            leftOn = Iso(s.LeftOn),
            exit = s.LeftOn is null ? null : new { destination = s.ExitDestination, reason = s.ExitReason },
            services = d.Services.Select(v => new { v.Id, kind = Code(v.Kind), on = Iso(v.On), v.Note, v.RecordedBy }),
            children = d.Children.Select(c => new
            {
                c.Child.PersonId,
                c.Name,
                c.PersonNumber,
                birthDate = Iso(c.BirthDate),
                c.Child.ProtectionCaseId,
                c.Child.ProtectionCaseNumber,
                from = Iso(c.Child.From),
                to = Iso(c.Child.To),
            }),
            extensions = d.Extensions.Select(e => new { e.Days, e.Reason, e.ApprovedBy, approvedOn = Iso(e.ApprovedOn), e.RecordedBy }),
            s.Version,
        };
    }
}
