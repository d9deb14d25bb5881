using System.Globalization;
using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.SocialOrganizations.Public;

/// <summary>The public credit query (issue 14 item 4): anonymous, rate-limited JSON beside the pages under /public/social-organizations.</summary>
public static class PublicSetup
{
    public const string ApiBase = "/api/v1/public/social-organizations";

    public static IServiceCollection AddPublicCreditQuery(this IServiceCollection services)
    {
        services.AddScoped<PublicCreditQuery>();
        // annual report conclusions are published by the reports part (Reports/ReportPublicFacts)
        return services;
    }

    public static void MapPublicCreditQuery(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(ApiBase).WithTags("SocialOrganizations").AllowAnonymous().RequireRateLimiting(PlatformSetup.PublicRateLimit);
        // mapped on the application, not the group, so the route has no trailing slash
        app.MapGet(ApiBase, async (string? q, int? page, int? pageSize, PublicCreditQuery query, CancellationToken ct) =>
        {
            var r = await query.SearchAsync(q, PageRequest.From(page, pageSize, 20), ct);
            return TypedResults.Ok(new { items = r.Items, total = r.Total });
        }).WithTags("SocialOrganizations").AllowAnonymous().RequireRateLimiting(PlatformSetup.PublicRateLimit).WithSummary("社会组织信用信息公开查询：按名称（包含）或统一社会信用代码（完整代码精确匹配），分页 { items, total }");
        g.MapGet("/lists", async (string? list, int? page, int? pageSize, PublicCreditQuery query, CancellationToken ct) =>
        {
            var r = await query.ListsAsync(CreditSetup.ParseList(list), PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new
            {
                items = r.Items.Select(e => new
                {
                    e.CreditCode,
                    e.Name,
                    e.Authority,
                    list = e.List == CreditList.Abnormal ? "abnormal" : "dishonest",
                    listName = CreditLabels.Name(e.List),
                    effectiveOn = Iso(e.EffectiveOn),
                    e.Grounds,
                    publishedOn = Iso(e.PublishedOn),
                }),
                total = r.Total,
            });
        }).WithSummary("公布的活动异常名录、严重违法失信名单（list=abnormal|dishonest），分页 { items, total }");
        g.MapGet("/{creditCode}", async (string creditCode, PublicCreditQuery query, CancellationToken ct) =>
        {
            var d = await query.DetailAsync(creditCode, ct) ?? throw AppProblem.NotFound("社会组织");
            return TypedResults.Ok(new
            {
                d.CreditCode,
                d.Name,
                d.KindName,
                status = d.Status switch { Platform.Registry.Organizations.OrganizationStatus.Deregistered => "deregistered", Platform.Registry.Organizations.OrganizationStatus.Revoked => "revoked", _ => "active" },
                d.StatusName,
                registeredOn = Iso(d.RegisteredOn),
                endedOn = Iso(d.EndedOn),
                registrationAuthority = d.Authority,
                d.SupervisingUnit,
                d.Address,
                d.BusinessScope,
                legalRepresentative = d.LegalRepresentative,
                d.CertificateNumber,
                d.Grade,
                gradeValidUntil = Iso(d.GradeValidUntil),
                list = d.List switch { CreditList.Abnormal => "abnormal", CreditList.Dishonest => "dishonest", _ => "none" },
                listName = CreditLabels.Name(d.List),
                facts = d.Facts.Select(f => new { f.Section, f.Label, f.Value, date = Iso(f.Date) }),
            });
        }).WithSummary("一个社会组织的公开信用信息：登记信息、评估等级及有效期、年检结论、名录列入情形及日期（不含任何个人信息）");
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
