using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Assistance.Contracts;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Payments;

/// <summary>
/// Ships the default bank templates (every installation) and, in demo mode with demo cases, 容县's dibao
/// payrolls: last month's generated, approved by another person, exported and reconciled with one failed
/// line; this month's as a draft. Everything goes through the real use cases.
/// </summary>
public sealed class PaymentsInitializer(IServiceScopeFactory scopes, ILogger<PaymentsInitializer> log) : IModuleInitializer
{
    private const string DemoSetting = "payments.demo_payrolls";
    private const string DemoCounty = "450921000000";

    public int Order => 200;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (!await db.Set<BankTemplate>().AnyAsync(ct))
        {
            db.Set<BankTemplate>().AddRange(BankTemplates.Defaults());
            await db.SaveChangesAsync(ct);
        }
        await RenameShippedTemplatesAsync(db, ct);
        if (!await db.Set<BankFailureReason>().AnyAsync(ct))
        {
            db.Set<BankFailureReason>().AddRange(BankTemplates.DefaultFailureReasons());
            await db.SaveChangesAsync(ct);
        }
        if (!demo || await db.Settings.AnyAsync(s => s.Key == DemoSetting, ct) || !await db.Settings.AnyAsync(s => s.Key == "assistance.demo_cases", ct)) return;
        var today = services.GetRequiredService<BusinessClock>().Today;
        var lastMonth = Entitlements.MonthOf(today).AddMonths(-1);
        var previous = await AsAsync("rongxian.officer", sp => sp.GetRequiredService<PayrollService>().CreateDraftAsync(DemoCounty, AssistancePrograms.Dibao, lastMonth, ct));
        await AsAsync("rongxian.officer", async sp =>
        {
            var payroll = await sp.GetRequiredService<PayrollGenerator>().RunAsync(previous, null, ct);
            // the demo's reviewer checked every flagged line (ADR 023): each confirmed, by name, with the reason
            var review = sp.GetRequiredService<PayrollReview>();
            var flags = await review.FlagsAsync(payroll.Id, ct);
            if (flags.Open > 0)
            {
                await review.DecideAsync(payroll.Id, new ReviewDecisionInput(flags.Items.Where(f => f.Decision is null).Select(f => new FlagRef(f.LineId, f.Kind)).ToList(),
                    ReviewDecisionKind.Confirm, "演示：已逐户核实"), ct);
            }
            payroll = await sp.GetRequiredService<AppDbContext>().Set<Payroll>().AsNoTracking().FirstAsync(p => p.Id == previous, ct);
            await sp.GetRequiredService<PayrollService>().ReviewAsync(payroll.Id, new PayrollActionInput(payroll.Version, "演示：已核对明细"), ct);
            return payroll.Id;
        });
        await AsAsync("rongxian.finance", async sp =>
        {
            var payroll = await sp.GetRequiredService<AppDbContext>().Set<Payroll>().AsNoTracking().FirstAsync(p => p.Id == previous, ct);
            await sp.GetRequiredService<PayrollService>().ApproveAsync(previous, new PayrollActionInput(payroll.Version, "演示：同意发放"), ct);
            return previous;
        });
        await AsAsync("rongxian.finance", async sp =>
        {
            var files = sp.GetRequiredService<BankFiles>();
            await using var file = (await files.ExportAsync(previous, null, null, ct)).Content;
            // the bank's answer: every line paid except the first (a frozen account)
            // the bank quotes the payment references of the file (业务编号)
            var lines = await sp.GetRequiredService<AppDbContext>().Set<PayrollLine>().AsNoTracking()
                .Where(l => l.PayrollId == previous && l.Status == LineStatus.Exported).OrderBy(l => l.Id).Select(l => l.BankReference ?? l.Id.ToString(CultureInfo.InvariantCulture)).ToListAsync(ct);
            var csv = new StringBuilder("业务编号,处理结果,失败原因\n");
            foreach (var (reference, i) in lines.Select((r, i) => (r, i)))
            {
                csv.Append(reference).Append(i == 0 ? ",失败,账户已冻结\n" : ",成功,\n");
            }
            await files.ImportReturnAsync(previous, "回盘.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), ct);
            return previous;
        });
        var current = await AsAsync("rongxian.officer", sp => sp.GetRequiredService<PayrollService>().CreateDraftAsync(DemoCounty, AssistancePrograms.Dibao, lastMonth.AddMonths(1), ct));
        await AsAsync("rongxian.officer", async sp => (await sp.GetRequiredService<PayrollGenerator>().RunAsync(current, null, ct)).Id);
        db.Settings.Add(new PlatformSetting { Key = DemoSetting, Value = "容县低保", UpdatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync(ct);
        log.LogInformation("Demo payrolls generated for 容县 ({Last:yyyy-MM} reconciled, {This:yyyy-MM} draft)", lastMonth, lastMonth.AddMonths(1));
    }

    /// <summary>
    /// The shipped templates were named with their format, which the pages show beside the name again: an installation that
    /// still has a shipped name gets the new one (a name a county chose itself is left alone, as is a taken new name).
    /// </summary>
    public static async Task RenameShippedTemplatesAsync(AppDbContext db, CancellationToken ct)
    {
        foreach (var (former, now) in BankTemplates.FormerNames)
        {
            var template = await db.Set<BankTemplate>().FirstOrDefaultAsync(t => t.Name == former, ct);
            if (template is null || await db.Set<BankTemplate>().AnyAsync(t => t.Name == now, ct)) continue;
            template.Name = now;
            if (now == BankTemplates.DefaultXlsx) template.TrailerRow ??= "合计|{count}|{total}";
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task<Guid> AsAsync(string userName, Func<IServiceProvider, Task<Guid>> work)
    {
        using var scope = scopes.CreateScope();
        var account = Platform.Demo.DemoAccounts.All.First(a => a.UserName == userName);
        var permissions = scope.ServiceProvider.GetRequiredService<Platform.Composition.PermissionCatalog>().DefaultsOf(account.Role);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(new ActingIdentity(null, userName, account.DivisionCode, permissions.ToHashSet()));
        return await work(scope.ServiceProvider);
    }
}
