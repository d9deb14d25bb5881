using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Marriage.Registration;

/// <summary>
/// Demo only: three couples of 容县's demo persons registered at 容县婚姻登记处 through the real use case (so their status,
/// history and 结婚证 are as the counter makes them), and a few appointments for the next working days.
/// </summary>
public sealed class RegistrationInitializer : IModuleInitializer
{
    private const string Rongxian = "450921000000";

    public int Order => 184;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        if (!demo) return;
        using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAsSystem("demo");
        var db = sp.GetRequiredService<AppDbContext>();
        var office = await db.Set<MarriageOffice>().FirstOrDefaultAsync(o => o.DivisionCode == Rongxian, ct);
        if (office is null || await db.Set<MarriageRegistration>().AnyAsync(r => r.OfficeId == office.Id, ct)) return;

        var today = sp.GetRequiredService<BusinessClock>().Today;
        // adults well past the statutory ages, alive and with no status on record, in 容县
        IQueryable<Guid> Candidates(Sex sex) => db.Persons.AsNoTracking()
            .Where(p => p.DivisionCode.StartsWith("450921") && p.Sex == sex && p.LifeStatus == LifeStatus.Alive && p.MaritalStatus == MaritalStatus.Unknown
                        && p.BirthDate <= today.AddYears(-25) && p.BirthDate >= today.AddYears(-45))
            .OrderBy(p => p.BirthDate).Select(p => p.Id);
        var men = await Candidates(Sex.Male).Take(3).ToListAsync(ct);
        var women = await Candidates(Sex.Female).Take(3).ToListAsync(ct);
        var registrations = sp.GetRequiredService<MarriageRegistrations>();
        foreach (var (m, f) in men.Zip(women))
        {
            await registrations.RegisterAsync(new RegisterMarriageInput
            {
                OfficeId = office.Id,
                MalePersonId = m,
                FemalePersonId = f,
                BothInPerson = true,
                DeclarationsSigned = true,
            }, ct);
        }

        var appointments = sp.GetRequiredService<MarriageAppointments>();
        var calendar = sp.GetRequiredService<Platform.Calendar.WorkingCalendar>();
        var day = today.AddDays(1);
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(1);
        foreach (var (male, female) in new[] { ("黄志强（演示）", "李秀梅（演示）"), ("覃建华（演示）", "陈丽娟（演示）") })
            await appointments.BookAsync(new BookAppointmentInput(office.Id, day, "marriage", male, female, null), ct);
    }
}
