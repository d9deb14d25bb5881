using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Access.Admin;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Tests.ElderlyCare;

/// <summary>
/// A provider of 容县 (a registry organisation with a bank account) under contract with 容县 civil affairs, its caregiver's
/// organisation account, and an elder of 新南社区 (容州镇) aged 86 with an order placed by the 容州镇 clerk.
/// </summary>
public sealed record HomeCareScenario(Guid ProviderId, string ProviderName, Guid ContractId, Guid OrderId, Guid PersonId, string Code, string CaregiverUserName, HttpClient Caregiver)
{
    public const string County = "450921000000";   // 容县
    public const string Xinnan = "450921100003";   // 容县 容州镇 新南社区

    private static int _sequence = Random.Shared.Next(0, 400);

    public static string NextIdNumber(DateOnly birth) =>
        IdNumber.Compose("450102", birth, Interlocked.Increment(ref _sequence) % 999 + 1);

    public static async Task<Guid> PersonAsync(AppFixture app, DateOnly birth, string name)
    {
        var admin = await app.ClientAsync("admin");
        var r = await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber = NextIdNumber(birth), name, divisionCode = Xinnan, hukouType = "urban", address = "容州镇新南路 12 号" });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.JsonAsync()).GetProperty("id").GetGuid();
    }

    public static async Task<(Guid Id, string Name)> ProviderAsync(AppFixture app, string name)
    {
        var admin = await app.ClientAsync("admin");
        var code = CreditCode.Compose('5', '2', "450921", "MJ" + Random.Shared.Next(100000, 999999).ToString(CultureInfo.InvariantCulture));
        var r = await admin.PostAsJsonAsync("/api/v1/organizations", new
        {
            creditCode = code,
            name,
            kind = "socialServiceAgency",
            divisionCode = "450921100000",
            bankName = "广西农村信用社",
            bankAccount = "4501" + Random.Shared.Next(10000000, 99999999).ToString(CultureInfo.InvariantCulture) + "9876",
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return ((await r.JsonAsync()).GetProperty("id").GetGuid(), name);
    }

    public static async Task<string> CaregiverAsync(AppFixture app, Guid providerId)
    {
        var userName = "hg" + Random.Shared.Next(100000, 999999).ToString(CultureInfo.InvariantCulture);
        await app.WithServicesAsync(async sp =>
        {
            var user = await sp.GetRequiredService<UserAdministration>().CreateAsync(new UserInput
            {
                UserName = userName,
                DisplayName = "护理员" + userName[^3..],
                DivisionCode = "450921100000",
                OrganizationId = providerId,
                Roles = [Roles.OrganizationStaff],
                Password = Web.Platform.Demo.DemoAccounts.Password,
            });
            user.MustChangePassword = false;
            await sp.GetRequiredService<UserManager<AppUser>>().UpdateAsync(user);
            return 0;
        });
        return userName;
    }

    public static async Task<Guid> ContractAsync(AppFixture app, Guid providerId, decimal budget)
    {
        var county = await app.ClientAsync("rongxian.officer");
        var r = await county.PostAsJsonAsync("/api/v1/elderly/home-care/contracts", new { providerId, divisionCode = County, year = 2026, budget, document = "容民购〔2026〕" + Random.Shared.Next(1, 999) + "号" });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.JsonAsync()).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> OrderAsync(AppFixture app, Guid personId, Guid contractId, int? monthlyHours = 10)
    {
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var r = await clerk.PostAsJsonAsync("/api/v1/elderly/home-care/orders", new { personId, contractId, services = new[] { "meal", "clean" }, monthlyHours, fromDate = "2026-11-01" });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await r.JsonAsync();
    }

    public static async Task<HomeCareScenario> CreateAsync(AppFixture app, decimal budget = 1_500_000m, string provider = "容州镇颐乐居家养老服务中心")
    {
        var (providerId, providerName) = await ProviderAsync(app, provider + Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture));
        var contractId = await ContractAsync(app, providerId, budget);
        var personId = await PersonAsync(app, new DateOnly(1940, 3, 8), "覃秀英");
        var order = await OrderAsync(app, personId, contractId);
        var caregiver = await CaregiverAsync(app, providerId);
        return new HomeCareScenario(providerId, providerName, contractId, order.GetProperty("id").GetGuid(), personId, order.GetProperty("confirmationCode").GetString()!,
            caregiver, await app.ClientAsync(caregiver));
    }

    /// <summary>Bearer tokens expire on the fake clock, which visits move on: a fresh one for the caregiver's client.</summary>
    public async Task RefreshAsync(AppFixture app) =>
        Caregiver.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await app.TokenAsync(CaregiverUserName));

    /// <summary>A visit of <paramref name="minutes"/> on the fake clock: check in (position or address), the clock moves, check out (with the code or none).</summary>
    public async Task<JsonElement> VisitAsync(AppFixture app, string service, int minutes, bool confirm = true, bool checkOut = true)
    {
        await RefreshAsync(app);
        var inResponse = await Caregiver.PostAsJsonAsync("/api/v1/elderly/home-care/visits/check-in", new { orderId = OrderId, service, latitude = 22.6571m, longitude = 110.5582m });
        Assert.True(inResponse.StatusCode == HttpStatusCode.Created, await inResponse.Content.ReadAsStringAsync());
        var visit = await inResponse.JsonAsync();
        if (!checkOut) return visit;
        app.Clock.Advance(TimeSpan.FromMinutes(minutes));
        await RefreshAsync(app);
        var outResponse = await Caregiver.PostAsJsonAsync($"/api/v1/elderly/home-care/visits/{visit.GetProperty("id").GetGuid()}/check-out",
            new { address = "容州镇新南路 12 号", confirmationCode = confirm ? Code : null, version = visit.GetProperty("version").GetInt32() });
        Assert.True(outResponse.StatusCode == HttpStatusCode.OK, await outResponse.Content.ReadAsStringAsync());
        return await outResponse.JsonAsync();
    }
}
