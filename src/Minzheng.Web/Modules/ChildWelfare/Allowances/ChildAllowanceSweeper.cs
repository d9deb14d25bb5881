using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Modules.ChildWelfare.Allowances;

/// <summary>
/// Every few hours, as the system: ends the allowances of children recorded as deceased, and closes the cases whose last
/// month by age has passed. Payments never pay past either (the entitlement already ends there, and the payroll checks
/// the death date); this keeps the case list and the dashboard true.
/// </summary>
public sealed class ChildAllowanceSweeper(IServiceScopeFactory scopes, ILogger<ChildAllowanceSweeper> log) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // let start-up (migrations, demo data) finish first
        await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("child-allowance-sweep");
                var allowances = scope.ServiceProvider.GetRequiredService<ChildAllowances>();
                var dead = await allowances.EndDeceasedAsync(stoppingToken);
                var aged = await allowances.CloseAgedOutAsync(stoppingToken);
                if (dead + aged > 0) log.LogInformation("Child allowances ended: {Dead} deceased, {Aged} by age", dead, aged);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Child allowance sweep failed; retried in {Hours} h", Interval.TotalHours);
            }
            await Task.Delay(Interval, stoppingToken);
        }
    }
}
