using System.Text.Json.Serialization;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Modules.Assistance.Rules;
using Minzheng.Web.Platform;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Assistance.Citizen;

/// <summary>The citizen self-service API (for a mobile app or 一网通办 integration): register, apply, follow, withdraw.</summary>
public static class CitizenApi
{
    public sealed record ApplicationRequest([property: JsonRequired] AssistanceProgram Program, [Text(500)] string? Reason, bool ConsentToCheck, TemporaryType? TemporaryType);

    public static void MapCitizenApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/citizen").WithTags("Citizen");

        api.MapPost("/register", async (CitizenRegistration input, CitizenAccounts accounts, CancellationToken ct) =>
            {
                var user = await accounts.RegisterAsync(input, ct);
                return TypedResults.Created("/api/v1/citizen/applications", new { userName = user.UserName, displayName = user.DisplayName });
            })
            .AllowAnonymous()
            .RequireRateLimiting(PlatformSetup.SignInRateLimit)
            .WithSummary("群众注册（身份证号、姓名须与户籍登记一致；手机号为登录账号）");

        api.MapGet("/applications", async (int? page, int? pageSize, CitizenAccounts accounts, CancellationToken ct) =>
                TypedResults.Ok((await accounts.MyCasesAsync(ct)).ToPaged(PageRequest.From(page, pageSize, 50)).Select(c => new
                {
                    c.Id,
                    c.Number,
                    program = c.Program,
                    c.State,
                    stateName = CaseQueries.StateName(c.Program, c.State),
                    c.AppliedOn,
                    monthlyAmount = c.MonthlyAmount,
                    approvedAmount = c.ApprovedAmount,
                    c.PaymentStartMonth,
                    c.RefusalReasons,
                    c.Version,
                })))
            .RequireAuthorization(Permissions.Policy(Permissions.CitizenApply))
            .WithSummary("我的申请，分页 { items, total }");

        api.MapPost("/applications", async (ApplicationRequest r, CitizenAccounts accounts, ApplyForAssistance cases, CancellationToken ct) =>
            {
                var household = await accounts.HouseholdAsync(ct) ?? throw AppProblem.Field("household", "没有找到您的家庭登记信息，请先到村（社区）办理登记", "household_not_found");
                if (r.Program == AssistanceProgram.ExtremePoverty) throw AppProblem.Field("program", "特困人员认定请到乡镇（街道）申请");
                var c = await cases.RunAsync(new ApplyInput
                {
                    Program = r.Program,
                    HouseholdId = household.Id,
                    ApplicantPersonId = await accounts.PersonIdAsync(ct),
                    Channel = Channel.Online,
                    Reason = r.Reason,
                    ConsentToCheck = r.ConsentToCheck,
                    TemporaryType = r.TemporaryType,
                }, ct);
                return TypedResults.Created($"/api/v1/citizen/applications/{c.Id}", new { c.Id, c.Number, c.State, c.Version });
            })
            .RequireAuthorization(Permissions.Policy(Permissions.CitizenApply))
            .WithSummary("网上申请低保或临时救助");

        api.MapPost("/applications/{id:guid}/withdraw", async (Guid id, ActionInput input, CitizenAccounts accounts, AssistanceCases cases, CancellationToken ct) =>
            {
                await accounts.MyCaseAsync(id, ct);
                var c = await cases.PerformAsync(id, "withdraw", input with { Opinion = input.Opinion ?? "申请人撤回申请" }, ct);
                return TypedResults.Ok(new { c.Id, c.State });
            })
            .RequireAuthorization(Permissions.Policy(Permissions.CitizenApply))
            .WithSummary("撤回申请（受理调查阶段）");
    }
}
