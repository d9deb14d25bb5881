using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Registry.Organizations;

public static class OrganizationsApi
{
    public static void MapOrganizationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organizations").WithTags("Organizations");

        group.MapGet("/", async (string? search, OrganizationKind? kind, OrganizationStatus? status, string? divisionCode, int? page, int? pageSize,
                OrganizationQueries queries, CancellationToken ct) =>
            {
                var result = await queries.SearchAsync(new OrganizationFilter { Search = search, Kind = kind, Status = status, DivisionCode = divisionCode }, PageRequest.From(page, pageSize), ct);
                return TypedResults.Ok(new { items = result.Items, total = result.Total });
            })
            .RequireAuthorization(Permissions.Policy(Permissions.OrganizationsRead))
            .WithSummary("查询组织（名称、拼音前缀、统一社会信用代码），分页");

        group.MapGet("/{id:guid}", async Task<Ok<OrganizationDto>> (Guid id, OrganizationQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.OrganizationAsync(id, ct)))
            .RequireAuthorization(Permissions.Policy(Permissions.OrganizationsRead))
            .WithSummary("组织详情（曾用名、登记历史；电话、账号脱敏）");

        group.MapPost("/", async Task<Created<OrganizationDto>> (OrganizationInput input, OrganizationRegistration registration, OrganizationQueries queries, CancellationToken ct) =>
            {
                var o = await registration.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/organizations/{o.Id}", await queries.OrganizationAsync(o.Id, ct));
            })
            .RequireAuthorization(Permissions.Policy(Permissions.OrganizationsWrite))
            .WithSummary("登记组织；统一社会信用代码无效返回 400 credit_code_invalid，已登记返回 409 organization_exists");

        group.MapPut("/{id:guid}", async Task<Ok<OrganizationDto>> (Guid id, OrganizationInput input, OrganizationRegistration registration, OrganizationQueries queries, CancellationToken ct) =>
            {
                await registration.UpdateAsync(id, input, ct);
                return TypedResults.Ok(await queries.OrganizationAsync(id, ct));
            })
            .RequireAuthorization(Permissions.Policy(Permissions.OrganizationsWrite))
            .WithSummary("变更组织登记信息（改名时保留曾用名）；须带 version，过期版本返回 409 concurrency_conflict");

        group.MapPost("/{id:guid}/end", async Task<Ok<OrganizationDto>> (Guid id, OrganizationEndInput input, OrganizationRegistration registration, OrganizationQueries queries, CancellationToken ct) =>
            {
                await registration.EndAsync(id, input, ct);
                return TypedResults.Ok(await queries.OrganizationAsync(id, ct));
            })
            .RequireAuthorization(Permissions.Policy(Permissions.OrganizationsWrite))
            .WithSummary("注销登记或撤销登记（kind: Deregistered | Revoked）；须带 version");

        app.MapGet("/registry/organizations/export", async (string? search, OrganizationKind? kind, OrganizationStatus? status, string? divisionCode,
                OrganizationExport export, CancellationToken ct) =>
            TypedResults.File(await export.ExportAsync(new OrganizationFilter { Search = search, Kind = kind, Status = status, DivisionCode = divisionCode }, ct),
                RegistryApi.XlsxContentType, $"组织名单-{DateTime.Now:yyyyMMddHHmm}.xlsx"))
            .RequireAuthorization(Permissions.Policy(Permissions.OrganizationsRead))
            .ExcludeFromDescription();
    }
}

/// <summary>Exports the organisation list to xlsx, streaming from the database (scope through the query filter), phone and account masked.</summary>
public sealed class OrganizationExport(OrganizationQueries queries, AuditLog audit)
{
    public async Task<Stream> ExportAsync(OrganizationFilter filter, CancellationToken ct)
    {
        await audit.RecordAsync("export", "registry_organization", null, filter, ct: ct);
        var rows = queries.Query(filter).OrderBy(o => o.DivisionCode).ThenBy(o => o.NamePinyin).AsEnumerable().Select(o => new Dictionary<string, object?>
        {
            ["统一社会信用代码"] = o.CreditCode ?? "",
            ["平台编号"] = o.PlatformNumber ?? "",
            ["名称"] = o.Name,
            ["类别"] = OrganizationLabels.Of(o.Kind),
            ["法定代表人"] = o.LegalRepresentativeName,
            ["区划代码"] = o.DivisionCode,
            ["地址"] = o.Address,
            ["联系电话（脱敏）"] = o.PhoneMasked ?? "",
            ["开户银行"] = o.BankName ?? "",
            ["银行账号（脱敏）"] = o.BankAccountMasked ?? "",
            ["状态"] = OrganizationLabels.Of(o.Status),
            ["成立日期"] = o.RegisteredOn?.ToString("yyyy-MM-dd") ?? "",
        });
        // A temporary file rather than memory; deleted when the response closes.
        var path = Path.Combine(Path.GetTempPath(), $"minzheng-export-{Guid.NewGuid():N}.xlsx");
        var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        await MiniExcel.SaveAsAsync(file, rows, cancellationToken: ct);
        file.Position = 0;
        return file;
    }
}
