using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Access;

namespace Minzheng.Tests.Security;

/// <summary>
/// Every mapped endpoint and page declares what it needs: a permission policy, a signed-in user, or an
/// explicit [AllowAnonymous] for the listed public ones. A new endpoint that forgets fails this test.
/// </summary>
public sealed class EndpointRequirementTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>The only endpoints open without sign-in.</summary>
    private static readonly string[] Public =
    [
        "/healthz", "/readyz", "/openapi/{documentName}.json", "/api/v1/auth/token", "/account/login", "/account/logout",
        "/citizen/register", "/api/v1/citizen/register", "/public/notice/{villageCode}", "/api/v1/public/notices/{villageCode}",
        // 一公开 of the care-home inspections and the star-rating list (issue 13 items 6 and 8)
        "/public/elderly/inspections", "/api/v1/elderly/public/inspections", "/public/elderly/star-ratings", "/api/v1/elderly/public/star-ratings",
        // the public credit query of social organisations (issue 14 item 4)
        "/public/social-organizations", "/public/social-organizations/{creditCode}", "/public/social-organizations/lists",
        "/api/v1/public/social-organizations", "/api/v1/public/social-organizations/{creditCode}", "/api/v1/public/social-organizations/lists",
        // the QR verification of a marriage certificate (masked, every scan audited) and the family-search notices, public by law (issue 15)
        "/verify/marriage/{token}",
        // the QR verification of a volunteer service proof (masked, every scan audited; issue 16)
        "/public/volunteers/certificates/{token}", "/api/v1/volunteers/public/certificates/{token}",
        "/public/rescue/notices", "/public/rescue/notices/{id:guid}", "/public/rescue/notices/{id:guid}/photo",
        "/api/v1/public/rescue/notices", "/api/v1/public/rescue/notices/{id:guid}",
        // 慈善信息公开: filed plans with the funds raised and spent per project, trusts (issue 16 item 6)
        "/public/charity",
        "/public/place-names",
        // 选民名单查询: whether one is on a published voter roll, by ID number and name (村委会组织法 第十四条; issue 18, ADR 069)
        "/public/community/roll", "/api/v1/public/community/roll",
    ];

    private static bool IsPublic(string route) =>
        Public.Contains(route) || route.StartsWith("/scalar", StringComparison.Ordinal);

    [Fact]
    public void Every_endpoint_and_page_declares_its_requirement()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count > 40, $"only {endpoints.Count} endpoints found");
        Assert.Contains(endpoints, e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null); // pages are covered too
        var problems = new List<string>();
        var policies = app.Services.GetRequiredService<Minzheng.Web.Platform.Composition.PermissionCatalog>().Descriptions.Keys.Select(Permissions.Policy).ToHashSet();
        foreach (var e in endpoints)
        {
            var route = "/" + e.RoutePattern.RawText?.TrimStart('/');
            var anonymous = e.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var requirements = e.Metadata.GetOrderedMetadata<IAuthorizeData>();
            if (anonymous)
            {
                if (!IsPublic(route)) problems.Add($"{route} allows anonymous access but is not in the public list");
                continue;
            }
            if (requirements.Count == 0) problems.Add($"{route} declares no requirement");
            foreach (var policy in requirements.Select(r => r.Policy).OfType<string>())
            {
                if (!policies.Contains(policy)) problems.Add($"{route} names unknown policy {policy}");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Public_endpoints_exist()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/')).ToHashSet();
        Assert.All(Public, p => Assert.Contains(p, routes));
    }
}
