using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Jobs;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Payments;

public sealed record NewPayrollInput([Text(12)] string? DivisionCode, [Text(40)] string? Program, DateOnly? Month, [Text(40)] string? Kind);

public sealed record PayrollActionInput([property: JsonRequired] int Version, [Text(500)] string? Opinion);

/// <summary>
/// A payroll's life: generate (draft) → review → approve (by someone other than the generator) → export →
/// reconcile. Each call is one transaction; a stale version answers 409.
/// </summary>
public sealed class PayrollService(AppDbContext db, CurrentUser user, BusinessClock clock, DivisionDirectory divisions, EntitlementPrograms programs, JobQueue jobs, AuditLog audit, PayrollReview review)
{
    public async Task<Payroll> CreateAsync(NewPayrollInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var county = input.DivisionCode ?? CountyOf(user.DivisionCode);
        var division = divisions.Find(county);
        if (division is null || division.Level != DivisionLevel.County) errors["divisionCode"] = ["请选择县（市、区）：发放表按县编制"];
        else if (!user.Scope.Contains(county)) throw AppProblem.NotFound("县（市、区）");
        if (programs.Find(input.Program) is null) errors["program"] = [$"请选择保障项目：{string.Join("、", programs.All.Select(p => $"{p.Code}（{p.Name}）"))}"];
        var kind = PayrollKind.Regular;
        if (input.Kind is not null && (!Enum.TryParse(input.Kind, true, out kind) || !Enum.IsDefined(kind))) errors["kind"] = ["类型须为 regular（月度发放）或 supplementary（补发批次）"];
        var thisMonth = Entitlements.MonthOf(clock.Today);
        var month = input.Month is { } m ? Entitlements.MonthOf(m) : thisMonth;
        if (kind == PayrollKind.Regular && month > thisMonth.AddMonths(1)) errors["month"] = ["最多只能提前编制下一个月的发放表"];
        if (kind == PayrollKind.Supplementary && month != thisMonth) errors["month"] = ["补发批次只能在当月编制"];
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        if (kind == PayrollKind.Regular && await db.Set<Payroll>().AnyAsync(p => p.DivisionCode == county && p.Program == input.Program && p.Month == month && p.Kind == PayrollKind.Regular, ct))
        {
            throw Exists(county!, input.Program!, month);
        }
        var payroll = new Payroll
        {
            DivisionCode = county!,
            Program = input.Program!,
            Month = month,
            Kind = kind,
            Status = PayrollStatus.Generating,
            GeneratedBy = user.UserName,
            Message = "正在生成",
        };
        db.Set<Payroll>().Add(payroll);
        // The generation is queued in the same save: it exists exactly when the payroll does.
        jobs.Enqueue(PayrollJob.Kind, payroll.Id, uniqueKey: PayrollJob.KeyOf(payroll.Id));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && UniqueViolation.Is(e))
        {
            throw Exists(county!, input.Program!, month);
        }
        return payroll;
    }

    /// <summary>A regular payroll record without queuing its generation (the caller runs the generator itself: demo data, tests).</summary>
    public async Task<Guid> CreateDraftAsync(string county, string program, DateOnly month, CancellationToken ct)
    {
        var payroll = new Payroll
        {
            DivisionCode = county,
            Program = program,
            Month = Entitlements.MonthOf(month),
            Kind = PayrollKind.Regular,
            Status = PayrollStatus.Generating,
            GeneratedBy = user.UserName,
        };
        db.Set<Payroll>().Add(payroll);
        await db.SaveChangesAsync(ct);
        return payroll.Id;
    }

    private AppProblem Exists(string county, string program, DateOnly month) =>
        AppProblem.Conflict("payroll_exists", $"{divisions.NameOf(county)} {month:yyyy年M月}的{programs.NameOf(program)}发放表已经编制，请在原发放表上继续；发放后的变化会在下月发放表中补发或追缴");

    /// <summary>
    /// Continue an interrupted generation (adds only what is missing), or rebuild a draft from the entitlements
    /// as they are now (its lines are removed first, with their effects on recoveries and re-queued lines undone).
    /// </summary>
    public async Task<Payroll> RegenerateAsync(Guid id, PayrollActionInput input, CancellationToken ct)
    {
        var payroll = await LoadAsync(id, input.Version, ct);
        if (await jobs.ActiveAsync(id, ct) is not null) throw Running();
        if (payroll.Status == PayrollStatus.Generated)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await ResetAsync(payroll, ct);
            payroll.Status = PayrollStatus.Generating;
            payroll.Message = "正在重新生成";
            jobs.Enqueue(PayrollJob.Kind, payroll.Id, uniqueKey: PayrollJob.KeyOf(payroll.Id));
            await SaveQueuedAsync(ct);
            await tx.CommitAsync(ct);
        }
        else if (payroll.Status == PayrollStatus.Generating)
        {
            payroll.Message = "正在继续生成";
            jobs.Enqueue(PayrollJob.Kind, payroll.Id, uniqueKey: PayrollJob.KeyOf(payroll.Id));
            await SaveQueuedAsync(ct);
        }
        else
        {
            throw AppProblem.Conflict("payroll_locked", "发放表已审核或审批，不能重新生成；之后的变化将在下月发放表中补发或追缴");
        }
        return payroll;
    }

    public async Task<bool> StopAsync(Guid id, CancellationToken ct)
    {
        var payroll = await db.Set<Payroll>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw AppProblem.NotFound("发放表");
        return await jobs.CancelSubjectAsync(payroll.Id, ct);
    }

    private static AppProblem Running() => AppProblem.Conflict("generation_running", "发放表正在生成，请等待完成或先停止");

    /// <summary>Saves with the generation queued; a second one for the same payroll meets the queue's unique key (two clicks at once).</summary>
    private async Task SaveQueuedAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && Platform.Data.UniqueViolation.Is(e))
        {
            throw Running();
        }
    }

    private async Task ResetAsync(Payroll payroll, CancellationToken ct)
    {
        var offsets = await db.Set<PayrollLine>().AsNoTracking().Where(l => l.PayrollId == payroll.Id && l.Purpose == LinePurpose.RecoveryOffset && l.RecoveryId != null)
            .Select(l => new { l.RecoveryId, l.AmountFen }).ToListAsync(ct);
        foreach (var o in offsets)
        {
            var recovery = await db.Set<Recovery>().FirstAsync(r => r.Id == o.RecoveryId, ct);
            recovery.RecoveredFen += o.AmountFen; // offsets are negative
            recovery.Status = recovery.RecoveredFen >= recovery.AmountFen ? RecoveryStatus.Settled : RecoveryStatus.Open;
            recovery.SettledOn = null;
        }
        // a recovery cancelled with a refund on this payroll is owed again until the payroll, generated anew, cancels it again
        var refunds = await db.Set<PayrollLine>().AsNoTracking().Where(l => l.PayrollId == payroll.Id && l.Purpose == LinePurpose.RecoveryRefund && l.RecoveryId != null)
            .Select(l => l.RecoveryId!.Value).ToListAsync(ct);
        foreach (var recovery in await db.Set<Recovery>().Where(r => refunds.Contains(r.Id)).ToListAsync(ct))
        {
            recovery.Status = recovery.RecoveredFen >= recovery.AmountFen ? RecoveryStatus.Settled : RecoveryStatus.Open;
            recovery.SettledOn = null;
        }
        // the lines these retries carried go back to released (a reviewer's hold), failed (the bank gave a reason) or not sent (no account)
        var retried = db.Set<PayrollLine>().Where(l => l.PayrollId == payroll.Id && l.RetryOfLineId != null).Select(l => l.RetryOfLineId!.Value);
        await db.Set<PayrollLine>().Where(l => retried.Contains(l.Id) && l.Status == LineStatus.Requeued)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Status, l => l.HoldReason != null ? LineStatus.Released : l.FailureReason == null ? LineStatus.NoAccount : LineStatus.Failed), ct);
        // the review's decisions were about lines that are going (ADR 023): the regenerated payroll is reviewed afresh
        await db.Set<PayrollReviewDecision>().Where(d => d.PayrollId == payroll.Id).ExecuteDeleteAsync(ct);
        var removed = await db.Set<PayrollLine>().Where(l => l.PayrollId == payroll.Id).ExecuteDeleteAsync(ct);
        payroll.LineCount = 0;
        payroll.TotalFen = 0;
        audit.Add("reset", "payments_payroll", payroll.Id.ToString(), new { removedLines = removed }, payroll.DivisionCode);
    }

    public async Task<Payroll> ReviewAsync(Guid id, PayrollActionInput input, CancellationToken ct)
    {
        var payroll = await LoadAsync(id, input.Version, ct);
        Expect(payroll, PayrollStatus.Generated, "只有已生成的发放表可以提交审核");
        await review.EnsureDecidedAsync(payroll, ct);
        payroll.Status = PayrollStatus.Reviewed;
        payroll.ReviewedBy = user.UserName;
        payroll.Message = string.IsNullOrWhiteSpace(input.Opinion) ? "已审核，待审批" : "审核意见：" + input.Opinion.Trim();
        await db.SaveChangesAsync(ct);
        return payroll;
    }

    public async Task<Payroll> SendBackAsync(Guid id, PayrollActionInput input, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.Opinion)) throw AppProblem.Field("opinion", "请填写退回原因");
        var payroll = await LoadAsync(id, input.Version, ct);
        Expect(payroll, PayrollStatus.Reviewed, "只有待审批的发放表可以退回");
        payroll.Status = PayrollStatus.Generated;
        payroll.Message = "已退回：" + input.Opinion.Trim();
        await db.SaveChangesAsync(ct);
        return payroll;
    }

    /// <summary>Separation of duties: whoever generated a payroll cannot approve it.</summary>
    public async Task<Payroll> ApproveAsync(Guid id, PayrollActionInput input, CancellationToken ct)
    {
        var payroll = await LoadAsync(id, input.Version, ct);
        Expect(payroll, PayrollStatus.Reviewed, "发放表须先审核再审批");
        if (string.Equals(payroll.GeneratedBy, user.UserName, StringComparison.OrdinalIgnoreCase))
        {
            throw new AppProblem(403, "separation_of_duties", "不能审批自己编制的发放表，请由另一位有审批权限的人员审批");
        }
        // risks that appeared after the review (a finding opened since) need a decision too
        await review.EnsureDecidedAsync(payroll, ct);
        payroll.Status = PayrollStatus.Approved;
        payroll.ApprovedBy = user.UserName;
        payroll.ApprovedAt = clock.UtcNow;
        payroll.Message = string.IsNullOrWhiteSpace(input.Opinion) ? "已审批，可以导出银行文件" : "审批意见：" + input.Opinion.Trim();
        await db.SaveChangesAsync(ct);
        return payroll;
    }

    private async Task<Payroll> LoadAsync(Guid id, int version, CancellationToken ct)
    {
        var payroll = await db.Set<Payroll>().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw AppProblem.NotFound("发放表");
        db.ExpectVersion(payroll, version);
        return payroll;
    }

    private static void Expect(Payroll payroll, PayrollStatus status, string message)
    {
        if (payroll.Status != status) throw AppProblem.Conflict("invalid_state", message + $"（当前：{PaymentLabels.Of(payroll.Status)}）");
    }

    /// <summary>The county a user works for (a county or city user picks; a township user's county is implied).</summary>
    public static string? CountyOf(string? code) => code is { Length: 12 } && code[4..6] != "00" ? code[..6] + "000000" : null;
}
