using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Tests.SocialOrganizations;

/// <summary>Organisations the governance tests create as the system: a fresh one per test so tests of a class do not share state.</summary>
internal static class GovernanceTestData
{
    private static int _next = 500;

    /// <summary>A new social organisation with a profile; <paramref name="seat"/> its seat, <paramref name="level"/> who registered it.</summary>
    public static Task<Guid> OrganizationAsync(AppFixture app, string name, RegistrationLevel level, string seat, OrganizationKind kind = OrganizationKind.SocialGroup,
        DateOnly? registeredOn = null, bool tradeAssociation = false) =>
        app.WithServicesAsync(async sp =>
        {
            var body = (60000000 + Interlocked.Increment(ref _next)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var authority = RegistrationAuthority.AuthorityFor(level, seat);
            var org = await sp.GetRequiredService<OrganizationRegistration>().CreateAsync(new OrganizationInput
            {
                CreditCode = CreditCode.Compose('5', SocialOrganizationKinds.CreditCodeType(kind), authority[..6], body),
                Name = name,
                Kind = kind,
                DivisionCode = seat,
                Address = "测试地址",
                LegalRepresentativeName = "测试",
                RegisteredOn = registeredOn ?? new DateOnly(2019, 3, 1),
            });
            var db = sp.GetRequiredService<AppDbContext>();
            db.Add(new SocialOrganizationProfile
            {
                OrganizationId = org.Id,
                DivisionCode = seat,
                Kind = kind,
                Level = level,
                AuthorityDivisionCode = authority,
                RegisteredCapital = Money.FromYuan(30000m),
                IsTradeAssociation = tradeAssociation,
            });
            await db.SaveChangesAsync();
            return org.Id;
        });

    public static Task<Guid> IdOfAsync(AppFixture app, string name) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Organization>().Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    public static Task<T> QueryAsync<T>(AppFixture app, Func<AppDbContext, Task<T>> query) =>
        app.WithServicesAsync(sp => query(sp.GetRequiredService<AppDbContext>()));
}
