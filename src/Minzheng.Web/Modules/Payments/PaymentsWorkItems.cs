using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Tasks;

namespace Minzheng.Web.Modules.Payments;

/// <summary>
/// Payments' part of "my tasks" (ADR 026): payrolls waiting for review (编制人员) or approval (审批人员, not one's own — separation of
/// duties), due by the end of the month they pay; and, for the township, the payees whose money was not sent for want of a bank
/// account (one item per user's area, linking to /payments/missing-accounts). Two queries; scope by AppDbContext.
/// </summary>
public sealed class PaymentsWorkItems(AppDbContext db, ICurrentUser user, EntitlementPrograms programs) : IWorkItemSource
{
    public const string PayrollPrefix = "payroll-";
    public const string MissingAccountsPrefix = "payments-missing-accounts-";

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(WorkItemRequest request, CancellationToken ct)
    {
        var items = new List<WorkItem>();
        var review = user.HasPermission(PaymentPermissions.Prepare);
        var approve = user.HasPermission(PaymentPermissions.Approve);
        var routed = request.RoutedIds(PayrollPrefix);
        if (review || approve || routed.Count > 0)
        {
            var me = user.UserName;
            var q = db.Set<Payroll>().AsNoTracking().Where(p =>
                (p.Status == PayrollStatus.Generated || p.Status == PayrollStatus.Reviewed) &&
                ((review && p.Status == PayrollStatus.Generated) || (approve && p.Status == PayrollStatus.Reviewed && p.GeneratedBy != me) || routed.Contains(p.Id)));
            if (request.OnlyIds(PayrollPrefix) is { } only) q = q.Where(p => only.Contains(p.Id));
            var rows = await q.OrderBy(p => p.Month).ThenBy(p => p.Id).Take(request.Limit)
                .Select(p => new { p.Id, p.DivisionCode, p.Program, p.Month, p.Kind, p.Status, p.LineCount, p.Version }).ToListAsync(ct);
            foreach (var p in rows)
            {
                var toReview = p.Status == PayrollStatus.Generated;
                // a month's benefit is paid within that month: the payroll's last day is its deadline
                var due = p.Month.AddMonths(1).AddDays(-1);
                items.Add(new WorkItem(
                    Key: PayrollPrefix + p.Id.ToString("N"),
                    Kind: toReview ? "payments:review" : "payments:approve",
                    KindName: toReview ? "发放表待审核" : "发放表待审批",
                    Title: toReview ? "审核发放表（核对风险提示后提交审批）" : "审批发放表",
                    Subject: $"{programs.NameOf(p.Program)} {p.Month:yyyy年M月}{(p.Kind == PayrollKind.Supplementary ? "补发批次" : "发放表")}（{p.LineCount} 笔）",
                    Deadline: due,
                    Link: $"/payments/payrolls/{p.Id}",
                    Severity: WorkItemText.SeverityOf(due, request.Today),
                    DivisionCode: p.DivisionCode,
                    Stamp: $"{p.Status}#{p.Version}",
                    Permission: toReview ? PaymentPermissions.Prepare : PaymentPermissions.Approve,
                    Oversight: [PaymentPermissions.Read]));
            }
        }

        // 缺少银行账户: one standing item per area while any payee still lacks an account (month after month)
        var area = user.DivisionCode;
        var missingKey = MissingAccountsPrefix + area;
        if (area is not null && user.HasPermission(PaymentPermissions.MissingAccounts) && request.Wants(missingKey))
        {
            var lines = db.Set<PayrollLine>().AsNoTracking().Where(l => l.Status == LineStatus.NoAccount);
            var last = await lines.MaxAsync(l => (DateOnly?)l.ServiceMonth, ct);
            if (last is not null)
            {
                var missing = new { Payees = await lines.Select(l => new { l.PayeePersonId, l.PayeeOrganizationId }).Distinct().CountAsync(ct), Last = last.Value };
                items.Add(new WorkItem(
                    Key: missingKey,
                    Kind: "payments:missing-accounts",
                    KindName: "缺少银行账户未发送",
                    Title: "补录领取人的银行账户（补录后下次发放一并重发）",
                    Subject: $"{missing.Payees} 名领取人，最近 {missing.Last:yyyy年M月}",
                    Deadline: null,
                    Link: "/payments/missing-accounts",
                    Severity: WorkItemSeverity.Alert,
                    DivisionCode: area,
                    // a new month or another payee without an account is a change
                    Stamp: $"{missing.Payees}@{missing.Last:yyyyMM}",
                    Permission: PaymentPermissions.MissingAccounts,
                    Oversight: [PaymentPermissions.Read]));
            }
        }
        return items;
    }
}
