using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Text;

namespace Minzheng.Web.Platform.Demo;

/// <summary>First start in demo mode: demo accounts and the synthetic population, once.</summary>
public static class DemoSeeder
{
    public const string SettingKey = "demo.seeded";

    public static async Task<bool> SeedAsync(IServiceProvider services, int people, int households, ILogger log, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Settings.AnyAsync(s => s.Key == SettingKey, ct)) return false;

        var users = services.GetRequiredService<UserManager<AppUser>>();
        foreach (var account in DemoAccounts.All)
        {
            if (await users.FindByNameAsync(account.UserName) is not null) continue;
            var user = new AppUser { UserName = account.UserName, DisplayName = account.DisplayName, DivisionCode = account.DivisionCode, CreatedAt = DateTime.UtcNow };
            RoleSeeder.Check(await users.CreateAsync(user, DemoAccounts.Password));
            RoleSeeder.Check(await users.AddToRoleAsync(user, account.Role));
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var divisions = services.GetRequiredService<DivisionDirectory>();
        var must = DemoAccounts.All.Select(a => a.DivisionCode).Where(c => DivisionCodes.LevelOf(c) == DivisionLevel.Village).ToArray();
        var population = DemoPopulation.Generate(divisions, people, households, must);
        await WriteAsync(db, services.GetRequiredService<IdentifierProtector>(), population, ct);

        db.Settings.Add(new PlatformSetting { Key = SettingKey, Value = $"{population.People.Count} people, {population.Households.Count} households, seed {DemoPopulation.Seed}", UpdatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync(ct);
        log.LogInformation("Demo population seeded: {People} people in {Households} households in {Seconds:F1} s",
            population.People.Count, population.Households.Count, started.Elapsed.TotalSeconds);
        return true;
    }

    public static async Task WriteAsync(AppDbContext db, IdentifierProtector protector, DemoPopulation population, CancellationToken ct)
    {
        var pinyin = PinyinTable.Shared;
        var ids = new Guid[population.People.Count];
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.AuditSummaryReason = "演示数据初始化（合成人口）";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        const int batch = 4000;
        for (var start = 0; start < population.People.Count; start += batch)
        {
            for (var i = start; i < Math.Min(start + batch, population.People.Count); i++)
            {
                var s = population.People[i];
                var p = new Person
                {
                    Name = s.Name,
                    NamePinyin = pinyin.SearchKey(s.Name),
                    NameInitials = pinyin.Initials(s.Name),
                    Ethnicity = s.Ethnicity,
                    HukouType = s.HukouType,
                    DivisionCode = s.DivisionCode,
                    Address = s.Address,
                    LifeStatus = s.LifeStatus,
                    DeathDate = s.DeathDate,
                    MissingSince = s.MissingSince,
                };
                p.SetIdNumber(IdNumber.TryParse(s.IdNumber, out _)!.Value, protector);
                p.SetPhone(s.Phone, protector);
                p.SetBankAccount(s.BankName, s.BankAccount, protector);
                p.SetDisability(s.DisabilityCertificate, s.DisabilityCategory, s.DisabilityGrade, protector);
                ids[i] = p.Id;
                db.Persons.Add(p);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        var count = 0;
        foreach (var h in population.Households)
        {
            var household = new Household { Number = h.Number, DivisionCode = h.DivisionCode, Address = h.Address, HeadPersonId = ids[h.HeadIndex] };
            db.Households.Add(household);
            foreach (var m in h.Members)
            {
                db.HouseholdMembers.Add(new HouseholdMember
                {
                    HouseholdId = household.Id,
                    PersonId = ids[m.PersonIndex],
                    Relation = m.Relation,
                    JoinedOn = m.JoinedOn,
                    LeftOn = m.LeftOn,
                    LeftReason = m.LeftReason,
                });
            }
            if (++count % 2000 == 0)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await tx.CommitAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        db.AuditSummaryReason = null;
    }
}
