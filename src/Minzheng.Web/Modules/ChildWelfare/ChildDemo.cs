using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ChildWelfare.Allowances;
using Minzheng.Web.Modules.ChildWelfare.Rules;
using Minzheng.Web.Modules.ChildWelfare.Watch;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ChildWelfare;

/// <summary>
/// Demo data driven through the real use cases (so it is consistent): allowance cases in every state across the counties,
/// and children under watch in 容州镇 (新南社区 first, for the demo children's director), some overdue, one with a risk item.
/// </summary>
internal sealed class ChildDemo(IServiceScopeFactory scopes)
{
    private static readonly string[] Guardians = ["祖母", "祖父", "外祖母", "叔父", "姑母", "舅父"];
    private static readonly string[] Directors = ["梁秀英", "陈丽娟", "莫小兰", "庞海燕"];

    public async Task<(int Cases, int Watched)> SeedAsync(CancellationToken ct)
    {
        var r = new Bogus.Randomizer(20200601);
        List<(Guid Id, string Division, DateOnly Birth, HukouType Hukou)> children;
        DateOnly today;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("demo");
            today = scope.ServiceProvider.GetRequiredService<BusinessClock>().Today;
            var youngest = today.AddYears(-17);
            var rows = await db.Persons.AsNoTracking().Where(p => p.LifeStatus == LifeStatus.Alive && p.BirthDate > youngest && p.BirthDate < today.AddYears(-3))
                .OrderBy(p => p.DivisionCode).ThenBy(p => p.Id).Select(p => new { p.Id, p.DivisionCode, p.BirthDate, p.HukouType }).ToListAsync(ct);
            children = [.. rows.Select(p => (p.Id, p.DivisionCode, p.BirthDate, p.HukouType))];
        }
        if (children.Count == 0) return (0, 0);

        // allowance cases: one or two per county, in every state
        var cases = 0;
        var byCounty = children.GroupBy(c => c.Division[..6]).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        // every county: a running allowance first, then one in another state
        string[] others = ["reviewed", "applied", "confirmed", "refused", "ended", "applied", "confirmed"];
        var plan = Enumerable.Range(0, byCounty.Count * 2).Select(i => i < byCounty.Count ? "confirmed" : others[i % others.Length]).ToArray();
        var used = new HashSet<Guid>();
        for (var i = 0; i < plan.Length; i++)
        {
            var group = byCounty[i % byCounty.Count].ToList();
            var child = group.Where(c => !used.Contains(c.Id)).Skip(r.Number(0, Math.Max(0, group.Count / 2))).FirstOrDefault();
            if (child.Id == Guid.Empty) continue;
            used.Add(child.Id);
            var orphan = i % 3 != 1;
            await RunAsync(async sp =>
            {
                var allowances = sp.GetRequiredService<ChildAllowances>();
                var father = new ParentInput(ParentSituation.Dead, null, null, "死亡证明（演示）");
                var mother = orphan ? new ParentInput(ParentSituation.Dead, null, null, "死亡证明（演示）")
                    : i % 2 == 0 ? new ParentInput(ParentSituation.Imprisoned, today.AddYears(-1), 48, "刑事判决书（演示）") : new ParentInput(ParentSituation.LostContact, today.AddMonths(-9), null, "公安机关报案回执（演示）");
                var c = await allowances.ApplyAsync(new ChildApplyInput(child.Id, orphan ? ChildAllowanceKind.Orphan : ChildAllowanceKind.Unsupported, father, mother,
                    i % 4 == 0 ? CarePlacement.Institution : CarePlacement.Kinship, i % 4 == 0 ? "玉林市儿童福利院" : null, "李" + (char)('一' + i), Guardians[i % Guardians.Length], null, false), ct);
                if (plan[i] == "applied") return;
                c = await allowances.ReviewAsync(c.Id, true, "经入户核实，情况属实（演示）", c.Version, ct);
                if (plan[i] == "reviewed") return;
                if (plan[i] == "refused")
                {
                    await allowances.ConfirmAsync(c.Id, false, "母亲已恢复联系并履行抚养义务（演示）", c.Version, ct);
                    return;
                }
                c = await allowances.ConfirmAsync(c.Id, true, "同意", c.Version, ct);
                if (plan[i] == "ended") await allowances.EndAsync(c.Id, ChildEndReason.Adoption, today, "已办理收养登记（演示）", c.Version, ct);
            });
            cases++;
        }

        // watched children: rural children under 16 in 容州镇, 新南社区 first
        var watched = 0;
        var rural = children.Where(c => c.Division.StartsWith("450921100", StringComparison.Ordinal) && !used.Contains(c.Id) && c.Birth > today.AddYears(-15))
            .OrderBy(c => c.Division == "450921100003" ? 0 : 1).ThenBy(c => c.Id).Take(14).ToList();
        foreach (var (child, i) in rural.Select((c, i) => (c, i)))
        {
            await RunAsync(async sp =>
            {
                var watch = sp.GetRequiredService<ChildWatch>();
                var leftBehind = child.Hukou == HukouType.Rural;
                var w = await watch.RegisterAsync(new WatchInput(child.Id, ChildRules.ParentPresence.WorkingAway, i % 3 == 0 ? ChildRules.ParentPresence.NoGuardianCapacity : ChildRules.ParentPresence.WorkingAway,
                    leftBehind && i % 4 != 0 ? [] : ["poverty"], "张" + (char)('甲' + i % 10), Guardians[i % Guardians.Length], null, "容州镇中心小学", i % 5 == 0 ? RiskLevel.Medium : RiskLevel.Low,
                    Directors[i % Directors.Length], "黄志明"), ct);
                // most visited recently; some last visited long ago (overdue); one with a risk item found
                var visited = today.AddDays(i % 4 == 3 ? -120 : -20 - i);
                await watch.VisitAsync(w.Id, new VisitInput(visited, "生活、学习情况正常，监护人履职良好（演示）", i == 5 ? "监护人患病，照料不足" : null, i == 5 ? "联系村委会协助照料，报乡镇儿童督导员" : null,
                    i == 5 ? RiskLevel.High : w.Risk, false), w.Version, ct);
            });
            watched++;
        }
        // a county institution with this year's risk check: one problem rectified, one open and past its deadline
        await RunAsync(async sp =>
        {
            var institutions = sp.GetRequiredService<Institutions.ChildInstitutions>();
            var home = await institutions.CreateAsync(new Institutions.InstitutionInput("容县儿童福利院", Institutions.InstitutionKind.Welfare, "450921000000", 80, "覃丽华", "0775-5321000"), ct);
            foreach (var child in children.Where(c => c.Division.StartsWith("450921", StringComparison.Ordinal) && !used.Contains(c.Id) && !rural.Any(x => x.Id == c.Id)).Take(3))
            {
                await institutions.AdmitAsync(home.Id, child.Id, today.AddMonths(-14), "康复训练（演示）", ct);
            }
            var fire = await institutions.RecordCheckAsync(home.Id, new Institutions.CheckInput(Institutions.CheckKind.RiskCheck, today.AddDays(-40), "消防安全", "二楼疏散指示灯损坏（演示）", true, "更换疏散指示灯", today.AddDays(-30)), ct);
            await institutions.RectifyAsync(fire.Id, today.AddDays(-35), "已更换（演示）", fire.Version, ct);
            await institutions.RecordCheckAsync(home.Id, new Institutions.CheckInput(Institutions.CheckKind.RiskCheck, today.AddDays(-40), "食品安全", "留样记录不全（演示）", true, "建立留样登记制度", today.AddDays(-10)), ct);
            await institutions.RecordCheckAsync(home.Id, new Institutions.CheckInput(Institutions.CheckKind.Epidemic, today.AddDays(-2), "晨午检、消毒", "正常（演示）", false, null, null), ct);
        });
        return (cases, watched);
    }

    private async Task RunAsync(Func<IServiceProvider, Task> work)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("demo");
        await work(scope.ServiceProvider);
    }
}
