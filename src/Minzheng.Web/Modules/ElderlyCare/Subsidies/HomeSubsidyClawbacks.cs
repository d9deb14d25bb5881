using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ElderlyCare.Homes;
using Minzheng.Web.Modules.ElderlyCare.Subsidies.Rules;
using Minzheng.Web.Modules.Payments.Contracts;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.ElderlyCare.Subsidies;

/// <summary>
/// 提前关闭追回 (ADR 034): a home that closes within the claw-back years (figure) owes back the construction subsidy it was paid. The
/// debt is a payments recovery, opened through <see cref="IRecoveryClaims"/> (payments' own rows, settled, offset and written off
/// there), with its reason: approved on, closed on, the years and the figure's document. The home's closure does it by itself
/// (<see cref="OnHomeClosedAsync"/>), in the closure's transaction, as the 追回 step of each approved construction subsidy's case.
/// </summary>
public sealed class HomeSubsidyClawbacks(AppDbContext db, FigureBook figures, WorkflowEngine engine, IRecoveryClaims claims)
{
    /// <summary>
    /// Called by the closure of a home, before it saves: each approved construction subsidy approved less than the claw-back years
    /// before the closure moves to 已追回 with its recovery; one approved longer ago stays as it is. Nothing is saved here.
    /// </summary>
    public async Task OnHomeClosedAsync(ElderlyHome home, CancellationToken ct = default)
    {
        if (home.ClosedOn is not { } closed) return;
        var approved = await db.Set<HomeSubsidyApplication>()
            .Where(a => a.HomeId == home.Id && a.Kind == HomeSubsidyKind.Construction && a.Status == HomeSubsidyStatus.Approved).ToListAsync(ct);
        foreach (var a in approved)
        {
            var years = figures.Require(HomesFigures.ClawbackYears, home.DivisionCode, a.ApprovedOn!.Value);
            if (HomeSubsidyRules.Clawback(a.Amount.Yuan, a.ApprovedOn.Value, closed, years.Number) <= 0) continue;
            var c = await db.WorkflowCases.IgnoreQueryFilters([AppDbContext.ScopeFilter]) // the application was read through the scope filter
                .FirstAsync(w => w.SubjectType == HomeSubsidyProcess.SubjectType && w.SubjectId == a.Id, ct);
            // the closure is the authority: whoever registers it need not hold the approval permission for the debt to arise
            await engine.PerformAuthorizedAsync(c, new TransitionRequest(HomeSubsidyProcess.Clawback, $"机构于 {closed:yyyy-MM-dd} 关闭（{home.ClosedReason}）"),
                $"养老机构关闭登记（{closed:yyyy-MM-dd}）", async _ => await ClaimAsync(a, home, ct), ct);
            a.Status = HomeSubsidyProcess.StatusOf(c.State);
        }
    }

    /// <summary>
    /// The effect of the 追回 step: the amount by the rule and, when anything is owed, the payments recovery for the home (organisation
    /// payee) in the month the subsidy was paid for. Returns the recovery's id, or null when the home ran the full years (nothing owed).
    /// </summary>
    public async Task<Guid?> ClaimAsync(HomeSubsidyApplication a, ElderlyHome home, CancellationToken ct)
    {
        if (a.Kind != HomeSubsidyKind.Construction) throw Platform.Http.AppProblem.Conflict("invalid_state", "只有建设补贴在机构提前关闭时追回");
        if (home.ClosedOn is not { } closed) throw Platform.Http.AppProblem.Conflict("invalid_state", "机构未关闭，不能追回");
        var years = figures.Require(HomesFigures.ClawbackYears, home.DivisionCode, a.ApprovedOn!.Value);
        var back = HomeSubsidyRules.Clawback(a.Amount.Yuan, a.ApprovedOn.Value, closed, years.Number);
        if (back <= 0) return null;
        a.ClawbackAmount = Money.FromYuan(back);
        a.ClawbackBasis = $"{a.Number} 建设补贴 {a.Amount.Yuan:N2} 元：{a.ApprovedOn:yyyy-MM-dd} 批准，{closed:yyyy-MM-dd} 关闭，运营不满 {years.Number} 年（至 {a.ApprovedOn.Value.AddYears(years.Number):yyyy-MM-dd}），全额追回 {back:N2} 元（依据：{years.Basis}）";
        return await claims.ClaimAsync(new RecoveryClaim(HomeSubsidies.ConstructionProgram, a.Id, a.Number, null, home.OrganizationId!.Value, null, a.DivisionCode,
            a.PaidMonth ?? Platform.Entitlements.Entitlements.MonthOf(a.ApprovedOn.Value), a.ClawbackAmount.Value, a.ClawbackBasis), ct);
    }

    /// <summary>The recoveries payments holds for the application (what was recovered, settled or written off).</summary>
    public async Task<IReadOnlyList<ClaimedRecovery>> RecoveriesAsync(HomeSubsidyApplication a, CancellationToken ct) =>
        a.Kind == HomeSubsidyKind.Construction ? await claims.OfSourceAsync(HomeSubsidies.ConstructionProgram, a.Id, ct) : [];
}
