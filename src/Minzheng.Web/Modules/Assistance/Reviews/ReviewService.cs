using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Modules.Assistance.Standards;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Assistance.Reviews;

public sealed record ReviewInput(ReviewOutcome? Outcome, [Text(500)] string? Reason, int? Version);

public sealed record ReviewRow(Guid Id, Guid CaseId, string CaseNumber, string ApplicantName, string DivisionName, ReviewKind Kind, DateOnly DueOn, string? ReportedChange, bool Overdue,
    DateOnly? CompletedOn, ReviewOutcome? Outcome, string? Reason, int Version);

/// <summary>
/// Dynamic management (动态管理, 57号): scheduled reviews by household type, change reports, and their outcomes —
/// continue, adjust from next month with a new explained amount, a grace period when work lifts income
/// (渐退期), suspend or terminate with written reasons.
/// </summary>
public sealed class ReviewService(AppDbContext db, AssistanceCases cases, CaseAssessor assessor, Figures figures, ICurrentUser user, BusinessClock clock, DivisionDirectory divisions,
    Platform.Entitlements.Entitlements entitlements)
{
    public async Task<Paged<ReviewRow>> QueueAsync(bool includeDone, PageRequest page, CancellationToken ct = default)
    {
        var today = clock.Today;
        var q = db.Set<AssistanceReview>().AsNoTracking();
        if (!includeDone) q = q.Where(r => r.CompletedOn == null);
        var rows = await q.OrderBy(r => r.CompletedOn != null).ThenBy(r => r.DueOn).ThenBy(r => r.Id).ToPagedAsync(page, ct);
        return rows.Select(r => new ReviewRow(r.Id, r.CaseId, r.CaseNumber, r.ApplicantName, divisions.FullName(r.DivisionCode), r.Kind, r.DueOn, r.ReportedChange,
            r.CompletedOn is null && r.DueOn < today, r.CompletedOn, r.Outcome, r.Reason, r.Version));
    }

    /// <summary>家庭报告人口、收入、财产变化: a review task due at once.</summary>
    public async Task<AssistanceReview> ReportChangeAsync(Guid caseId, string? change, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(change)) throw AppProblem.Field("text", "请填写变化情况");
        var c = await cases.LoadAsync(caseId, ct);
        if (c.State is not (AssistanceProcesses.Active or AssistanceProcesses.Suspended)) throw new AppProblem(409, "case_not_active", "只有在保的业务可以登记变化");
        var review = AssistanceReview.Of(c, ReviewKind.ChangeReport, clock.Today, change.Trim());
        db.Set<AssistanceReview>().Add(review);
        await db.SaveChangesAsync(ct);
        return review;
    }

    public async Task CompleteAsync(Guid reviewId, ReviewInput input, CancellationToken ct = default)
    {
        if (!user.HasPermission(AssistancePermissions.Approve)) throw AppProblem.Forbidden("复核结论由审核人员作出");
        var review = await db.Set<AssistanceReview>().FirstOrDefaultAsync(r => r.Id == reviewId, ct) ?? throw AppProblem.NotFound("复核任务");
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号");
        db.ExpectVersion(review, version);
        if (review.CompletedOn is not null) throw AppProblem.Conflict("review_done", "该复核已完成");
        if (input.Outcome is not { } outcome) throw AppProblem.Field("outcome", "请选择复核结论");
        if (outcome != ReviewOutcome.Continue && string.IsNullOrWhiteSpace(input.Reason)) throw AppProblem.Field("reason", "调整、渐退、暂停、终止须写明理由");
        var c = await cases.LoadAsync(review.CaseId, ct);
        var today = clock.Today;
        var nextMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        review.CompletedOn = today;
        review.CompletedBy = user.UserName;
        review.Outcome = outcome;
        review.Reason = input.Reason?.Trim();
        switch (outcome)
        {
            case ReviewOutcome.Continue:
                // 57号: nothing material changed, the amount is not re-adjusted.
                ScheduleNext(c, today);
                break;
            case ReviewOutcome.Adjust:
                {
                    var assessment = assessor.Assess(c, nextMonth);
                    if (!assessment.Eligible) throw new AppProblem(409, "not_eligible", "按最新调查结果已不符合条件，请选择渐退、暂停或终止：" + string.Join("；", assessment.Reasons));
                    c.MonthlyAmount = assessment.Amount;
                    c.AmountExplanation = JsonSerializer.Serialize(assessment.Lines, AssistanceCases.Json);
                    review.NewMonthlyAmount = assessment.Amount;
                    review.EffectiveFrom = nextMonth;
                    await entitlements.SetAsync(AssistanceCases.PayeeOf(c), nextMonth, assessment.Amount, c.AmountExplanation, "复核调整：" + review.Reason, ct);
                    db.Set<AssistanceAmountChange>().Add(new AssistanceAmountChange
                    {
                        CaseId = c.Id,
                        EffectiveFrom = nextMonth,
                        Amount = assessment.Amount,
                        Reason = "复核调整：" + review.Reason,
                        Explanation = c.AmountExplanation,
                        DecidedBy = user.UserName,
                        DecidedOn = today,
                    });
                    ScheduleNext(c, today);
                    break;
                }
            case ReviewOutcome.Grace:
                {
                    // 渐退期: the benefit continues for the configured months, then a review decides the exit.
                    var months = figures.Number(StandardKinds.GraceMonths, c.DivisionCode, today);
                    c.GraceUntil = nextMonth.AddMonths(months).AddDays(-1);
                    review.EffectiveFrom = nextMonth;
                    db.Set<AssistanceReview>().Add(AssistanceReview.Of(c, ReviewKind.Scheduled, c.GraceUntil.Value));
                    break;
                }
            case ReviewOutcome.Suspend:
            case ReviewOutcome.Terminate:
                await db.SaveChangesAsync(ct);
                await cases.PerformAsync(c.Id, outcome == ReviewOutcome.Suspend ? "suspend" : c.Program == AssistanceProgram.ExtremePoverty ? "propose-termination" : "terminate",
                    new ActionInput { Opinion = "复核结论：" + review.Reason, Version = c.Version }, ct);
                return;
        }
        await db.SaveChangesAsync(ct);
    }

    private void ScheduleNext(AssistanceCase c, DateOnly today)
    {
        var months = figures.Number(c.IncomeIrregular ? StandardKinds.ReviewIrregularMonths : StandardKinds.ReviewStableMonths, c.DivisionCode, today);
        c.NextReviewOn = today.AddMonths(months);
        db.Set<AssistanceReview>().Add(AssistanceReview.Of(c, ReviewKind.Scheduled, c.NextReviewOn.Value));
    }
}

public static class ReviewsApi
{
    public static void MapReviewsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/assistance").WithTags("Assistance");
        api.MapGet("/reviews", async (bool? includeDone, int? page, int? pageSize, ReviewService reviews, CancellationToken ct) =>
                TypedResults.Ok(await reviews.QueueAsync(includeDone ?? false, PageRequest.From(page, pageSize, 50), ct)))
            .RequireAuthorization(Permissions.Policy(AssistancePermissions.Read))
            .WithSummary("复核任务（定期复核、家庭变化报告），分页 { items, total }");
        api.MapPost("/reviews/{id:guid}/complete", async (Guid id, ReviewInput input, ReviewService reviews, CancellationToken ct) =>
            {
                await reviews.CompleteAsync(id, input, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Permissions.Policy(AssistancePermissions.Approve))
            .WithSummary("复核结论：continue、adjust（次月起）、grace（渐退期）、suspend、terminate");
        api.MapPost("/cases/{id:guid}/change-reports", async (Guid id, AssistanceApi.TextRequest r, ReviewService reviews, CancellationToken ct) =>
            {
                var review = await reviews.ReportChangeAsync(id, r.Text, ct);
                return TypedResults.Created($"/api/v1/assistance/reviews/{review.Id}", new { review.Id, review.DueOn });
            })
            .RequireAuthorization(Permissions.Policy(AssistancePermissions.Accept))
            .WithSummary("登记家庭人口、收入、财产变化（生成复核任务）");
    }
}
