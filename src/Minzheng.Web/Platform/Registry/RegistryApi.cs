using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Registry;

public static class RegistryApi
{
    public static void MapRegistryApi(this IEndpointRouteBuilder app)
    {
        var persons = app.MapGroup("/api/v1/persons").WithTags("Persons");

        persons.MapGet("/", async (string? idNumber, string? name, string? divisionCode, LifeStatus? lifeStatus, bool? disabled, string? sort, int? page, int? pageSize,
                PersonSearch search, DivisionDirectory divisions, CancellationToken ct) =>
            {
                var result = await search.SearchAsync(new PersonFilter { IdNumber = idNumber, Name = name, DivisionCode = divisionCode, LifeStatus = lifeStatus, Disabled = disabled, Sort = sort },
                    PageRequest.From(page, pageSize), ct);
                return TypedResults.Ok(new
                {
                    items = result.Items.Select(r => new PersonListItem(r.Id, r.Number, r.Name, r.Sex, r.BirthDate, r.DivisionCode, divisions.FullName(r.DivisionCode),
                        r.HukouType, r.DisabilityCategory, r.DisabilityGrade, r.LifeStatus)),
                    total = result.Total,
                });
            })
            .RequireAuthorization(Permissions.Policy(Permissions.RegistryRead))
            .WithSummary("查询人员（身份证号精确、姓名或拼音前缀、区划），分页");

        persons.MapGet("/{id:guid}", async Task<Ok<PersonDto>> (Guid id, RegistryQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.PersonAsync(id, ct)))
            .RequireAuthorization(Permissions.Policy(Permissions.RegistryRead))
            .WithSummary("人员详情（证件号码脱敏）");

        persons.MapPost("/", async Task<Created<PersonDto>> (PersonInput input, PersonRegistration registration, RegistryQueries queries, CancellationToken ct) =>
            {
                var person = await registration.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/persons/{person.Id}", await queries.PersonAsync(person.Id, ct));
            })
            .RequireAuthorization(Permissions.Policy(Permissions.RegistryWrite))
            .WithSummary("登记人员；身份证号无效返回 400 id_number_invalid，已登记返回 409 person_exists");

        persons.MapPut("/{id:guid}", async Task<Ok<PersonDto>> (Guid id, PersonInput input, PersonRegistration registration, RegistryQueries queries, CancellationToken ct) =>
            {
                await registration.UpdateAsync(id, input, ct);
                return TypedResults.Ok(await queries.PersonAsync(id, ct));
            })
            .RequireAuthorization(Permissions.Policy(Permissions.RegistryWrite))
            .WithSummary("修改人员；须带 version，过期版本返回 409 concurrency_conflict");

        persons.MapPost("/{id:guid}/reveal", async Task<Ok<RevealedIdentifiers>> (Guid id, RevealRequest request, RevealIdentifiers reveal, CancellationToken ct) =>
                TypedResults.Ok(await reveal.RevealAsync(id, request.Reason, ct)))
            .RequireAuthorization(Permissions.Policy(Permissions.RegistryRevealId))
            .WithSummary("查看完整身份证号、电话、银行账号、残疾人证号（须填事由，记入审计日志）");

        persons.MapPost("/{id:guid}/death/reverse", async Task<Ok<DeathReversal>> (Guid id, DeathReversalInput input, PersonDeaths deaths, CancellationToken ct) =>
                TypedResults.Ok(await deaths.ReverseAsync(id, input, ct)))
            .RequireAuthorization(Permissions.Policy(Permissions.RegistryDeathReverse))
            .WithSummary("撤销死亡登记（误登记）：须写明理由；各业务恢复被停发的待遇或生成复核任务，因死亡产生的追缴在下次发放时撤销");

        var households = app.MapGroup("/api/v1/households").WithTags("Households");

        households.MapGet("/", async (string? number, string? headName, string? divisionCode, int? page, int? pageSize, RegistryQueries queries, CancellationToken ct) =>
            {
                var result = await queries.HouseholdsAsync(new HouseholdFilter { Number = number, HeadName = headName, DivisionCode = divisionCode }, PageRequest.From(page, pageSize), ct);
                return TypedResults.Ok(new { items = result.Items, total = result.Total });
            })
            .RequireAuthorization(Permissions.Policy(Permissions.RegistryRead))
            .WithSummary("查询家庭，分页");

        households.MapGet("/{id:guid}", async Task<Ok<HouseholdDto>> (Guid id, RegistryQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.HouseholdAsync(id, ct)))
            .RequireAuthorization(Permissions.Policy(Permissions.RegistryRead))
            .WithSummary("家庭详情及成员（含历史成员）");

        households.MapPost("/", async Task<Created<HouseholdDto>> (HouseholdInput input, HouseholdRegistration registration, RegistryQueries queries, CancellationToken ct) =>
            {
                var h = await registration.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/households/{h.Id}", await queries.HouseholdAsync(h.Id, ct));
            })
            .RequireAuthorization(Permissions.Policy(Permissions.RegistryWrite))
            .WithSummary("新建家庭（户主及成员须已登记且不属于其他户）");

        households.MapPut("/{id:guid}", async Task<Ok<HouseholdDto>> (Guid id, HouseholdInput input, HouseholdRegistration registration, RegistryQueries queries, CancellationToken ct) =>
            {
                await registration.UpdateAsync(id, input, ct);
                return TypedResults.Ok(await queries.HouseholdAsync(id, ct));
            })
            .RequireAuthorization(Permissions.Policy(Permissions.RegistryWrite))
            .WithSummary("修改家庭地址、户主或成员关系；须带 version");

        households.MapPost("/{id:guid}/members", async Task<Ok<HouseholdDto>> (Guid id, AddMemberInput input, HouseholdRegistration registration, RegistryQueries queries, CancellationToken ct) =>
            {
                await registration.AddMemberAsync(id, input, ct);
                return TypedResults.Ok(await queries.HouseholdAsync(id, ct));
            })
            .RequireAuthorization(Permissions.Policy(Permissions.RegistryWrite))
            .WithSummary("增员（人员已属其他户时返回 409，除非 moveFromCurrentHousehold）");

        households.MapPost("/{id:guid}/members/{personId:guid}/leave", async Task<Ok<HouseholdDto>> (Guid id, Guid personId, RemoveMemberInput input, HouseholdRegistration registration, RegistryQueries queries, CancellationToken ct) =>
            {
                await registration.RemoveMemberAsync(id, personId, input, ct);
                return TypedResults.Ok(await queries.HouseholdAsync(id, ct));
            })
            .RequireAuthorization(Permissions.Policy(Permissions.RegistryWrite))
            .WithSummary("减员（保留历史）");

        // Excel exports for the list pages (cookie sign-in); the same filters and scope as the lists.
        app.MapGet("/registry/persons/export", async (string? idKey, string? name, string? divisionCode, LifeStatus? lifeStatus, bool? disabled, string? sort,
                RegistryExport export, CancellationToken ct) =>
            TypedResults.File(await export.PersonsAsync(new PersonFilter { IdKey = idKey, Name = name, DivisionCode = divisionCode, LifeStatus = lifeStatus, Disabled = disabled, Sort = sort }, ct),
                XlsxContentType, $"人员名单-{DateTime.Now:yyyyMMddHHmm}.xlsx"))
            .RequireAuthorization(Permissions.Policy(Permissions.RegistryExport))
            .ExcludeFromDescription();

        app.MapGet("/registry/households/export", async (string? number, string? headName, string? divisionCode, RegistryExport export, CancellationToken ct) =>
            TypedResults.File(await export.HouseholdsAsync(new HouseholdFilter { Number = number, HeadName = headName, DivisionCode = divisionCode }, ct),
                XlsxContentType, $"家庭名单-{DateTime.Now:yyyyMMddHHmm}.xlsx"))
            .RequireAuthorization(Permissions.Policy(Permissions.RegistryExport))
            .ExcludeFromDescription();
    }

    public sealed record RevealRequest([Text(500)] string? Reason);

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
