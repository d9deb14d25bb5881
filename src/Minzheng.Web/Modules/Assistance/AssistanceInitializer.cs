using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Modules.Assistance.Rules;
using Minzheng.Web.Modules.Assistance.Standards;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Assistance;

/// <summary>
/// Ships the rule defaults (every installation) and, in demo mode, demo figures and demo cases in every
/// state across the counties. Demo cases are driven through the real use cases (so they are consistent);
/// only their dates are moved into the past, so that notices have ended and some cases are overdue.
/// </summary>
public sealed class AssistanceInitializer(IServiceScopeFactory scopes, IConfiguration config, ILogger<AssistanceInitializer> log) : IModuleInitializer
{
    private const string DemoSetting = "assistance.demo_cases";

    public int Order => 100;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        await StandardDefaults.EnsureAsync(db, demo, ct);
        // Minzheng:Demo:AssistanceCases=false keeps demo figures but no demo cases (tests start faster).
        if (!demo || !config.GetValue("Minzheng:Demo:AssistanceCases", true) || await db.Settings.AnyAsync(s => s.Key == DemoSetting, ct)) return;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var count = await new DemoCases(scopes).SeedAsync(ct);
        db.Settings.Add(new PlatformSetting { Key = DemoSetting, Value = $"{count} cases", UpdatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync(ct);
        log.LogInformation("Demo assistance cases seeded: {Count} in {Seconds:F1} s", count, started.Elapsed.TotalSeconds);
    }
}

internal sealed class DemoCases(IServiceScopeFactory scopes)
{
    private static readonly string[] Staff = ["黄志明", "陈丽娟", "李建华", "梁秀英", "刘伟", "庞海燕", "钟国强", "莫小兰"];
    private static readonly string[] AllAssistance =
    [
        AssistancePermissions.Read, AssistancePermissions.Apply, AssistancePermissions.Accept, AssistancePermissions.Investigate,
        AssistancePermissions.Approve, AssistancePermissions.Confirm, Permissions.RegistryRead, Permissions.WorkflowRead,
    ];

    private readonly Bogus.Randomizer _r = new(20200401);
    private readonly BusinessClock _clock = scopes.CreateScope().ServiceProvider.GetRequiredService<BusinessClock>();

    /// <summary>Target states for the households of each township picked, in order.</summary>
    private static readonly string[] Plan =
    [
        "active", "active", "active", "notice", "investigating", "submitted", "confirming", "refused", "active-ep", "temporary-granted",
        "reviewing", "filing", "suspended", "terminated", "not_accepted", "withdrawn", "overdue", "flagged", "temporary-first", "active", "active-ep", "temporary-expense",
    ];

    public async Task<int> SeedAsync(CancellationToken ct)
    {
        List<(Guid Id, string Division, int Size, DateOnly HeadBirth)> households;
        using (var scope = scopes.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("demo");
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            households = (await db.Households.AsNoTracking()
                .Where(h => h.HeadPerson!.LifeStatus == LifeStatus.Alive)
                .OrderBy(h => h.Number)
                .Select(h => new { h.Id, h.DivisionCode, Size = h.Members.Count(m => m.LeftOn == null), h.HeadPerson!.BirthDate })
                .ToListAsync(ct)).Select(h => (h.Id, h.DivisionCode, h.Size, h.BirthDate)).ToList();
        }
        var count = 0;
        // 容州镇 (the demo accounts' township) gets the full plan; every county gets a share too.
        var rongzhou = households.Where(h => h.Division.StartsWith("450921100", StringComparison.Ordinal)).ToList();
        var used = new HashSet<Guid>();
        foreach (var target in Plan)
        {
            if (Choose(rongzhou, target, used) is { } household) count += await TryCreateAsync(household, target, ct) ? 1 : 0;
        }
        foreach (var county in households.Select(h => h.Division[..6]).Distinct())
        {
            var pool = households.Where(h => h.Division.StartsWith(county, StringComparison.Ordinal) && !h.Division.StartsWith("450921100", StringComparison.Ordinal)).ToList();
            foreach (var target in Plan.Take(10))
            {
                if (Choose(pool, target, used) is { } household) count += await TryCreateAsync(household, target, ct) ? 1 : 0;
            }
        }
        return count;
    }

    /// <summary>A household that fits the target: an elderly person living alone for extreme poverty, a family otherwise.</summary>
    private (Guid Id, string Division, int Size, DateOnly HeadBirth)? Choose(List<(Guid Id, string Division, int Size, DateOnly HeadBirth)> pool, string target, HashSet<Guid> used)
    {
        var elderlyBorn = _clock.Today.AddYears(-62);
        var fits = pool.Where(h => !used.Contains(h.Id) && (target == "active-ep" ? h.Size == 1 && h.HeadBirth <= elderlyBorn : h.Size >= 2)).ToList();
        if (fits.Count == 0) return null;
        var pick = fits[_r.Number(0, fits.Count - 1)];
        used.Add(pick.Id);
        return pick;
    }

    private async Task<bool> TryCreateAsync((Guid Id, string Division, int Size, DateOnly HeadBirth) household, string target, CancellationToken ct)
    {
        var program = target switch
        {
            "active-ep" => AssistanceProgram.ExtremePoverty,
            "temporary-granted" or "temporary-first" or "temporary-expense" => AssistanceProgram.Temporary,
            _ => AssistanceProgram.Dibao,
        };
        var identity = new ActingIdentity(null, $"{Staff[_r.Number(0, Staff.Length - 1)]}（演示）", household.Division[..6] + "000000", AllAssistance.ToHashSet());
        try
        {
            var id = await Step(identity, async s => (await s.GetRequiredService<ApplyForAssistance>().RunAsync(new ApplyInput
            {
                Program = program,
                HouseholdId = household.Id,
                Channel = (Channel)_r.Number(2, 3),
                Reason = program switch
                {
                    AssistanceProgram.Temporary => "家中主要劳动力突发重病住院，医疗费用负担过重，生活困难。",
                    AssistanceProgram.ExtremePoverty => "本人年老体弱，无劳动能力，无生活来源，无法定赡养人。",
                    _ => "家庭收入低，主要劳动力患病，生活困难，申请最低生活保障。",
                },
                ConsentToCheck = true,
                FlaggedRelative = target == "flagged",
                FlaggedDetail = target == "flagged" ? "申请人为本村村委会委员的兄弟" : null,
                TemporaryType = program == AssistanceProgram.Temporary ? target == "temporary-expense" ? TemporaryType.Expense : TemporaryType.Urgent : null,
                RequestedAmount = program == AssistanceProgram.Temporary ? _r.Number(8, 40) * 100 : null,
            }, ct)).Id, ct);
            if (target == "submitted") return true;
            if (target == "not_accepted")
            {
                await Act(identity, id, "not-accept", "申请人户籍不在本乡镇，告知其向户籍所在地申请。", ct);
                return true;
            }
            if (target == "withdrawn")
            {
                await Act(identity, id, "record-withdrawal", "申请人因家庭情况好转，书面申请撤回。", ct);
                return true;
            }
            if (target == "temporary-first")
            {
                await Act(identity, id, "assist-first", "火灾致住房受损，先行救助解决基本生活。", ct, amount: 1500);
                return true;
            }
            await Act(identity, id, "accept", null, ct);
            await Investigate(identity, id, eligible: target != "refused", ct);
            if (target is "investigating" or "overdue")
            {
                if (target == "overdue") await Backdate(id, days: 25, ct);
                return true;
            }
            await Act(identity, id, "submit-investigation", null, ct);
            if (target == "reviewing") return true;
            if (target == "refused")
            {
                await Act(identity, id, "propose-refuse", "经核查，家庭人均月收入高于当地低保标准，不符合条件。", ct);
                await Act(identity, id, "refuse-township", "家庭人均月收入高于当地低保标准（社会救助暂行办法第九条）。", ct);
                return true;
            }
            await Act(identity, id, "propose-approve", "经入户调查和家庭经济状况核对，符合条件，同意公示。", ct);
            if (target == "notice") return true;
            await EndNotice(id, ct);
            await Act(identity, id, "notice-ended", null, ct);
            if (target is "confirming" or "flagged") return true;
            var township = program == AssistanceProgram.Dibao;
            var confirm = program switch
            {
                AssistanceProgram.Temporary => "grant-county",
                _ when township => "confirm-township",
                _ => "confirm-county",
            };
            await Act(identity, id, confirm, null, ct);
            if (target == "filing" || program == AssistanceProgram.Temporary) return true;
            if (township) await Act(identity, id, "file", null, ct);
            await BackdateDecision(id, ct);
            if (target == "suspended") await Act(identity, id, "suspend", "家庭成员外出务工，收入情况待核实，暂停发放。", ct);
            if (target == "terminated") await Act(identity, id, "terminate", "家庭成员稳定就业，人均收入超过低保标准，渐退期满，终止保障。", ct);
            return true;
        }
        catch (Platform.Http.AppProblem)
        {
            // A demo household that does not fit the plan (e.g. nobody aged 60 for extreme poverty) is skipped.
            return false;
        }
    }

    private async Task<T> Step<T>(ActingIdentity identity, Func<IServiceProvider, Task<T>> action, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(identity);
        return await action(scope.ServiceProvider);
    }

    private async Task Act(ActingIdentity identity, Guid id, string action, string? opinion, CancellationToken ct, decimal? amount = null)
    {
        await Step(identity, async s =>
        {
            var c = await s.GetRequiredService<AssistanceCases>().LoadAsync(id, ct);
            await s.GetRequiredService<AssistanceCases>().PerformAsync(id, action, new ActionInput { Opinion = opinion, Version = c.Version, Amount = amount }, ct);
            return 0;
        }, ct);
    }

    private async Task Investigate(ActingIdentity identity, Guid id, bool eligible, CancellationToken ct)
    {
        await Step(identity, async s =>
        {
            var c = await s.GetRequiredService<AssistanceCases>().LoadAsync(id, ct);
            var adults = c.Members.Where(m => DibaoRules.AgeOn(m.BirthDate, _clock.Today) is >= 18 and < 60).ToList();
            var standard = c.Area == Area.Urban ? 800m : 510m; // the demo figure, to aim incomes below or above it
            var n = Math.Max(1, c.Members.Count(m => m.Included));
            var income = eligible ? decimal.Round(standard * n * (decimal)(0.15 + _r.Double() * 0.5), 0) : decimal.Round(standard * n * 1.3m, 0);
            var items = new List<IncomeInput>();
            if (adults.Count > 0) items.Add(new IncomeInput("wage", "务工收入", decimal.Round(income * 0.7m, 0), adults[0].PersonId)); // the demo's wage is one adult's
            items.Add(new IncomeInput("transfer", "赡养费、亲友资助", income - (adults.Count > 0 ? decimal.Round(income * 0.7m, 0) : 0)));
            items.Add(new IncomeInput("excluded", "计划生育奖励扶助金（不计入收入）", 80));
            var elderly = c.Program == AssistanceProgram.ExtremePoverty;
            await s.GetRequiredService<RecordInvestigation>().RunAsync(id, new InvestigationInput
            {
                InvestigatedOn = _clock.Today,
                Investigators = $"{Staff[_r.Number(0, 3)]}、{Staff[_r.Number(4, 7)]}",
                VisitRecord = "入户查看住房、家庭耐用消费品及生产资料情况，与申请人及家庭成员谈话，核实家庭人口、收入、财产情况与申报一致。",
                NeighbourRecord = "走访邻居两户，反映该户生活确有困难。",
                EconomicCheck = EconomicCheck.Passed,
                EconomicCheckNote = "经家庭经济状况核对平台核对，未发现车辆、工商登记、大额存款。",
                IncomeIrregular = adults.Count > 0,
                Members = c.Members.Select(m => new MemberFacts(m.PersonId, m.Included, SeriouslyIll: m.DisabilityGrade is 1, AbleToWork: adults.Contains(m))).ToList(),
                Income = items,
                Deposits = _r.Number(0, 3000),
                Houses = 1,
                SelfCareUnable = elderly ? [.. Enum.GetValues<SelfCareItem>().Take(_r.Number(0, 5))] : null,
                SupportForm = elderly ? SupportForm.Dispersed : null,
                Version = c.Version,
            }, ct);
            return 0;
        }, ct);
    }

    private async Task WithDb(Func<AppDbContext, Task> action, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("demo");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await action(db);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A 7-day notice that started 9 days ago has ended: the demo can move on to confirmation.</summary>
    private Task EndNotice(Guid id, CancellationToken ct) => WithDb(async db =>
    {
        var c = await db.Set<AssistanceCase>().SingleAsync(x => x.Id == id, ct);
        var today = _clock.Today;
        c.NoticeFrom = today.AddDays(-9);
        c.NoticeTo = today.AddDays(-3);
    }, ct);

    private Task Backdate(Guid id, int days, CancellationToken ct) => WithDb(async db =>
    {
        var c = await db.Set<AssistanceCase>().SingleAsync(x => x.Id == id, ct);
        var w = await db.WorkflowCases.SingleAsync(x => x.Id == c.WorkflowCaseId, ct);
        c.AppliedOn = c.AppliedOn.AddDays(-days - 2);
        c.AcceptedOn = c.AcceptedOn?.AddDays(-days);
        w.ClockStartedOn = w.ClockStartedOn?.AddDays(-days * 2);
        w.StepDueDate = w.StepDueDate?.AddDays(-days);
        w.CaseDueDate = w.CaseDueDate?.AddDays(-days * 2);
    }, ct);

    /// <summary>Running cases started some months ago (so later modules have history to pay).</summary>
    private Task BackdateDecision(Guid id, CancellationToken ct) => WithDb(async db =>
    {
        var months = _r.Number(2, 20);
        var c = await db.Set<AssistanceCase>().SingleAsync(x => x.Id == id, ct);
        c.DecidedOn = c.DecidedOn?.AddMonths(-months);
        c.AppliedOn = c.AppliedOn.AddMonths(-months).AddDays(-20);
        c.AcceptedOn = c.AcceptedOn?.AddMonths(-months).AddDays(-18);
        c.PaymentStartMonth = c.PaymentStartMonth?.AddMonths(-months);
        c.FiledOn = c.FiledOn?.AddMonths(-months);
        foreach (var change in await db.Set<AssistanceAmountChange>().Where(a => a.CaseId == id).ToListAsync(ct))
        {
            change.EffectiveFrom = change.EffectiveFrom.AddMonths(-months);
            change.DecidedOn = change.DecidedOn.AddMonths(-months);
        }
        foreach (var period in await db.Set<Platform.Entitlements.EntitlementPeriod>().Where(e => e.SourceId == id).ToListAsync(ct))
        {
            period.FromMonth = period.FromMonth.AddMonths(-months);
        }
    }, ct);
}
