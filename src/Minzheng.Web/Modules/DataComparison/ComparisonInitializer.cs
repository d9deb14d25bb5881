using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Assistance.Contracts;
using Minzheng.Web.Modules.Disability.Contracts;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.DataComparison;

/// <summary>
/// Demo only: one small dataset of each kind for 容县, marked 演示数据 as its source, built from the demo registry (a few
/// beneficiaries who died, own a car, are in prison, lost their certificate; poor households without dibao; and rows that match
/// nothing wrong), then one run of the rules for 容县, so the dashboard and the township's list have real findings.
/// </summary>
public sealed class ComparisonInitializer : IModuleInitializer
{
    public int Order => 200;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        if (!demo) return;
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Set<ComparisonDataset>().AnyAsync(ct)) return;
        var clock = services.GetRequiredService<BusinessClock>();
        const string Rongxian = "450921000000";
        var today = clock.Today;
        var next = Entitlements.MonthOf(today).AddMonths(1);
        var running = await db.Set<EntitlementPeriod>().AsNoTracking()
            .Where(e => e.DivisionCode.StartsWith("450921") && !e.OneOff && e.FromMonth <= next && (e.ToMonth == null || e.ToMonth >= next))
            .OrderBy(e => e.SourceNumber).ToListAsync(ct);
        var dibaoPayees = running.Where(e => e.Program == AssistancePrograms.Dibao && e.PayeePersonId != null).Select(e => e.PayeePersonId!.Value).Distinct().ToList();
        var carePeople = running.Where(e => e.Program == DisabilityPrograms.Care && (e.BeneficiaryPersonId ?? e.PayeePersonId) != null).Select(e => (e.BeneficiaryPersonId ?? e.PayeePersonId)!.Value).Distinct().ToList();
        var covered = running.Where(e => e.PayeePersonId != null).Select(e => e.PayeePersonId!.Value).Concat(running.Where(e => e.BeneficiaryPersonId != null).Select(e => e.BeneficiaryPersonId!.Value)).ToHashSet();
        var households = running.Where(e => e.HouseholdId != null).Select(e => e.HouseholdId!.Value).ToHashSet();
        var people = await db.Persons.AsNoTracking().Where(p => p.DivisionCode.StartsWith("450921") && p.IdNumberHash != null && p.LifeStatus == LifeStatus.Alive)
            .OrderBy(p => p.DivisionCode).ThenBy(p => p.Name).Take(4000).ToListAsync(ct);
        var heads = await db.HouseholdMembers.AsNoTracking().Where(m => m.LeftOn == null && m.Relation == Relation.Head && m.Household!.DivisionCode.StartsWith("450921"))
            .Select(m => new { m.PersonId, m.HouseholdId }).ToListAsync(ct);
        var byId = people.ToDictionary(p => p.Id);
        var bystanders = people.Where(p => !covered.Contains(p.Id)).ToList();
        var poorHeads = heads.Where(h => !households.Contains(h.HouseholdId) && byId.ContainsKey(h.PersonId)).Select(h => byId[h.PersonId]).Take(4).ToList();

        ComparisonRecord Row(Person p, int line) => new() { Line = line, IdNumberHash = p.IdNumberHash!, IdNumberMasked = p.IdNumberMasked ?? "", Name = p.Name };
        IEnumerable<Person> Pick(IEnumerable<Guid> ids, int skip, int take) => ids.Skip(skip).Take(take).Where(byId.ContainsKey).Select(id => byId[id]);
        var datasets = new List<(DatasetKind Kind, string Source, List<ComparisonRecord> Rows)>();
        void Add(DatasetKind kind, string source, IEnumerable<(Person P, Action<ComparisonRecord> Fill)> rows)
        {
            var list = rows.Select((r, i) => { var rec = Row(r.P, i + 2); r.Fill(rec); return rec; }).ToList();
            datasets.Add((kind, source, list));
        }

        Add(DatasetKind.Deaths, "容县公安局（演示数据）",
            Pick(dibaoPayees, 0, 2).Select(p => (p, (Action<ComparisonRecord>)(r => { r.EventDate = today.AddDays(-45); r.Reference = "户籍注销"; })))
            .Concat(bystanders.Take(6).Select(p => (p, (Action<ComparisonRecord>)(r => { r.EventDate = today.AddDays(-20); r.Reference = "户籍注销"; })))));
        Add(DatasetKind.Vehicles, "容县公安局交警大队（演示数据）",
            Pick(dibaoPayees, 2, 2).Select((p, i) => (p, (Action<ComparisonRecord>)(r => { r.Reference = $"桂K{37201 + i}"; r.Category = "小型轿车"; r.Status = "正常"; r.EventDate = today.AddYears(-1); })))
            .Concat(Pick(dibaoPayees, 4, 1).Select(p => (p, (Action<ComparisonRecord>)(r => { r.Reference = "桂K80312"; r.Category = "残疾人专用车"; r.Status = "正常"; }))))
            .Concat(bystanders.Skip(6).Take(10).Select((p, i) => (p, (Action<ComparisonRecord>)(r => { r.Reference = $"桂K{51000 + i}"; r.Category = "小型轿车"; r.Status = "正常"; })))));
        Add(DatasetKind.Detention, "容县司法局（演示数据）",
            Pick(dibaoPayees, 5, 1).Select(p => (p, (Action<ComparisonRecord>)(r => { r.Category = "服刑"; r.EventDate = today.AddMonths(-3); r.EndDate = today.AddYears(2); r.Reference = "广西玉林监狱"; })))
            .Concat(bystanders.Skip(16).Take(3).Select(p => (p, (Action<ComparisonRecord>)(r => { r.Category = "羁押"; r.EventDate = today.AddYears(-2); r.EndDate = today.AddYears(-1); })))));
        Add(DatasetKind.DisabilityCertificates, "容县残联（演示数据）",
            Pick(carePeople, 0, 1).Select(p => (p, (Action<ComparisonRecord>)(r => { r.Reference = "45092119" + "000000000001"; r.Category = "肢体"; r.Grade = 2; r.Status = "注销"; })))
            .Concat(Pick(carePeople, 1, 3).Select((p, i) => (p, (Action<ComparisonRecord>)(r => { r.Reference = $"4509211900000000{i + 10:D4}"; r.Category = "肢体"; r.Grade = 1; r.Status = "有效"; r.EndDate = today.AddYears(5); })))));
        Add(DatasetKind.PovertyRegistry, "容县乡村振兴局（演示数据）",
            poorHeads.Select((p, i) => (p, (Action<ComparisonRecord>)(r => { r.AmountFen = i < 2 ? 380_000 : 1_200_000; r.Status = "监测对象"; }))));
        Add(DatasetKind.RealEstate, "容县不动产登记中心（演示数据）",
            Pick(dibaoPayees, 6, 1).SelectMany(p => new[] { (p, (Action<ComparisonRecord>)(r => { r.Reference = "桂(2019)容县不动产权第0012345号"; r.Category = "住宅"; })), (p, r => { r.Reference = "桂(2021)容县不动产权第0023456号"; r.Category = "住宅"; }) })
            .Concat(Pick(dibaoPayees, 7, 1).Select(p => (p, (Action<ComparisonRecord>)(r => { r.Reference = "桂(2018)容县不动产权第0004567号"; r.Category = "住宅"; })))));

        foreach (var (kind, source, rows) in datasets)
        {
            var d = new ComparisonDataset
            {
                Kind = kind,
                Source = source,
                AsOf = today.AddDays(-3),
                Version = 1,
                DivisionCode = Rongxian,
                RowCount = rows.Count,
                FileName = "演示数据",
                ImportedBy = "system",
                ImportedAt = clock.UtcNow,
            };
            db.Add(d);
            foreach (var r in rows) r.DatasetId = d.Id;
            db.AddRange(rows);
        }
        await db.SaveChangesAsync(ct);

        // The county's choice of vehicle types exempt from the vehicle rule (a local rule: 演示数据).
        db.Add(new ComparisonRuleSetting { CountyCode = Rongxian, RuleCode = "vehicle", Parameter = "残疾人专用车,二轮摩托车", UpdatedBy = "system（演示数据）" });
        var run = new ComparisonRun { DivisionCode = Rongxian, StartedBy = "system:demo", StartedAt = clock.UtcNow };
        db.Add(run);
        await db.SaveChangesAsync(ct);
        // The same run as a county's job (report, message, audit), in a scope of its own, as the system.
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("comparison-demo");
        await scope.ServiceProvider.GetRequiredService<ComparisonJob>().ExecuteAsync(run.Id, null, ct);
    }
}
