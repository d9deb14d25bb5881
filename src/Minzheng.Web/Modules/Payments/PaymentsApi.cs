using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Payments;

public static class PaymentsApi
{
    public sealed record TemplateInput([Text(100)] string? Name, [Text(10)] string? Format, [Text(20)] string? Encoding, [NoNullItems] List<BankColumn>? Columns,
        [Text(100)] string? ReturnReferenceHeader, [Text(100)] string? ReturnResultHeader,
        [Text(200)] string? ReturnSuccessValues, [Text(100)] string? ReturnReasonHeader, bool IsDefault, [Text(500)] string? HeaderRow = null, [Text(500)] string? TrailerRow = null,
        int? Version = null);

    /// <summary>A bank failure reason's class (ADR 023): a reason containing the keyword is permanent or temporary.</summary>
    public sealed record FailureReasonInput([Text(100)] string? Keyword, [property: JsonRequired] bool Permanent, [Text(500)] string? Note);

    public static object ToDto(PayrollDetail d) => new
    {
        d.Payroll.Id,
        d.Payroll.DivisionCode,
        divisionName = d.DivisionName,
        d.Payroll.Program,
        programName = d.ProgramName,
        d.Payroll.Month,
        kind = d.Payroll.Kind,
        status = d.Payroll.Status,
        statusName = PaymentLabels.Of(d.Payroll.Status),
        d.Payroll.Version,
        d.Payroll.LineCount,
        total = d.Payroll.Total,
        d.Payroll.GeneratedBy,
        d.Payroll.GeneratedAt,
        d.Payroll.ReviewedBy,
        d.Payroll.ApprovedBy,
        d.Payroll.ApprovedAt,
        d.Payroll.ExportedAt,
        d.Payroll.ExportedLines,
        d.Payroll.ExportSha256,
        d.Payroll.ReconciledAt,
        d.Payroll.Message,
        progress = Progress(d),
        breakdown = d.Breakdown.Select(b => new { b.Purpose, purposeName = PaymentLabels.Of(b.Purpose), b.Status, b.StateName, b.Count, total = b.Total }),
    };

    /// <summary>Also the shape the page's progress bar polls (processed, total, done).</summary>
    public static object Progress(PayrollDetail d) => new
    {
        status = d.Payroll.Status,
        running = d.Running,
        step = d.Progress?.Step,
        processed = d.Progress?.Done ?? (d.Payroll.Status == PayrollStatus.Generating ? 0 : 1),
        total = d.Progress?.Total ?? 1,
        done = d.Payroll.Status != PayrollStatus.Generating || !d.Running,
        message = d.Payroll.Message,
    };

    public static object ToDto(LineRow l) => new
    {
        l.Id,
        l.SourceNumber,
        l.PayeePersonId,
        l.PayeeOrganizationId,
        l.PayeeName,
        l.HouseholdId,
        l.DivisionName,
        l.ServiceMonth,
        purpose = l.Purpose,
        l.PurposeName,
        l.IsArrears,
        amount = l.Amount,
        l.PersonCount,
        l.BankName,
        bankAccount = l.BankAccountMasked,
        status = l.Status,
        l.StateName,
        l.FailureReason,
        l.HoldReason,
        l.BankReference,
        l.RetryOfLineId,
        explanation = l.Explanation,
    };

    /// <summary>Enum filters by name, any case ("noAccount", "NoAccount"); an unknown name is a 400 with the choices, not an empty list.</summary>
    public static void MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/payments").WithTags("Payments");
        var read = Permissions.Policy(PaymentPermissions.Read);
        var prepare = Permissions.Policy(PaymentPermissions.Prepare);
        var approve = Permissions.Policy(PaymentPermissions.Approve);

        api.MapGet("/programs", (EntitlementPrograms programs) => TypedResults.Ok(programs.All)).RequireAuthorization(read).WithSummary("经发放台账发放的保障项目");

        api.MapGet("/payrolls", async (DateOnly? month, string? program, string? status, int? page, int? pageSize, PaymentsQueries q, CancellationToken ct) =>
                TypedResults.Ok(await q.ListAsync(new PayrollFilter(month, program, QueryEnum.Parse<PayrollStatus>(status, "status")), PageRequest.From(page, pageSize, 50), ct)))
            .RequireAuthorization(read).WithSummary("发放表列表（管辖范围内），分页 { items, total }");

        api.MapPost("/payrolls", async (NewPayrollInput input, PayrollService payrolls, PaymentsQueries q, CancellationToken ct) =>
            {
                var p = await payrolls.CreateAsync(input, ct);
                return TypedResults.Accepted($"/api/v1/payments/payrolls/{p.Id}", ToDto(await q.DetailAsync(p.Id, ct)));
            })
            .RequireAuthorization(prepare).WithSummary("编制发放表（后台生成；同县同项目同月只能有一张月度发放表，重复返回 409 payroll_exists）");

        api.MapGet("/payrolls/{id:guid}", async (Guid id, PaymentsQueries q, CancellationToken ct) => TypedResults.Ok(ToDto(await q.DetailAsync(id, ct))))
            .RequireAuthorization(read).WithSummary("发放表详情（含生成进度、按用途和状态汇总）");

        api.MapGet("/payrolls/{id:guid}/progress", async (Guid id, PaymentsQueries q, CancellationToken ct) => TypedResults.Ok(Progress(await q.DetailAsync(id, ct))))
            .RequireAuthorization(read).WithSummary("生成进度");

        api.MapGet("/payrolls/{id:guid}/lines", async (Guid id, string? status, string? purpose, string? divisionCode, string? search, int? page, int? pageSize, PaymentsQueries q, CancellationToken ct) =>
            {
                await q.DetailAsync(id, ct);
                var r = await q.LinesAsync(id, new LineFilter(QueryEnum.Parse<LineStatus>(status, "status"), QueryEnum.Parse<LinePurpose>(purpose, "purpose"), divisionCode, search), PageRequest.From(page, pageSize, 50), ct);
                return TypedResults.Ok(new { items = r.Items.Select(ToDto), r.Total, r.Page, r.PageSize });
            })
            .RequireAuthorization(read).WithSummary("发放明细（账号脱敏，含金额说明）");

        api.MapPost("/payrolls/{id:guid}/regenerate", async (Guid id, PayrollActionInput input, PayrollService s, PaymentsQueries q, CancellationToken ct) =>
            {
                await s.RegenerateAsync(id, input, ct);
                return TypedResults.Accepted($"/api/v1/payments/payrolls/{id}", ToDto(await q.DetailAsync(id, ct)));
            })
            .RequireAuthorization(prepare).WithSummary("继续生成（中断后补齐）或按最新待遇重新生成草稿");

        api.MapPost("/payrolls/{id:guid}/stop", async (Guid id, PayrollService s, CancellationToken ct) => TypedResults.Ok(new { stopped = await s.StopAsync(id, ct) }))
            .RequireAuthorization(prepare).WithSummary("停止正在进行的生成（已生成的明细保留）");

        api.MapPost("/payrolls/{id:guid}/review", async (Guid id, PayrollActionInput input, PayrollService s, PaymentsQueries q, CancellationToken ct) =>
            {
                await s.ReviewAsync(id, input, ct);
                return TypedResults.Ok(ToDto(await q.DetailAsync(id, ct)));
            })
            .RequireAuthorization(prepare).WithSummary("审核（提交审批）");

        api.MapPost("/payrolls/{id:guid}/send-back", async (Guid id, PayrollActionInput input, PayrollService s, PaymentsQueries q, CancellationToken ct) =>
            {
                await s.SendBackAsync(id, input, ct);
                return TypedResults.Ok(ToDto(await q.DetailAsync(id, ct)));
            })
            .RequireAuthorization(approve).WithSummary("退回修改");

        api.MapPost("/payrolls/{id:guid}/approve", async (Guid id, PayrollActionInput input, PayrollService s, PaymentsQueries q, CancellationToken ct) =>
            {
                await s.ApproveAsync(id, input, ct);
                return TypedResults.Ok(ToDto(await q.DetailAsync(id, ct)));
            })
            .RequireAuthorization(approve).WithSummary("审批（编制人不能审批自己的发放表：403 separation_of_duties）");

        api.MapPost("/payrolls/{id:guid}/export", async (Guid id, Guid? templateId, int? version, BankFiles files, CancellationToken ct) =>
            {
                var f = await files.ExportAsync(id, templateId, version, ct);
                return TypedResults.File(f.Content, f.ContentType, f.FileName);
            })
            .RequireAuthorization(prepare).WithSummary("导出银行代发文件（首次导出后明细为“已报银行”；再次调用重新生成同一文件）");

        api.MapPost("/payrolls/{id:guid}/bank-return", async (Guid id, string? fileName, HttpRequest request, BankFiles files, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(fileName)) throw AppProblem.Field("fileName", "请在查询参数 fileName 中给出回盘文件名（.xlsx 或 .csv）");
                return TypedResults.Ok(await files.ImportReturnAsync(id, fileName, request.Body, ct));
            })
            .RequireAuthorization(prepare).WithSummary("导入银行回盘文件（请求体为文件内容；有错误行时全部不导入，逐行说明）");

        api.MapGet("/payrolls/{id:guid}/review-flags", async (Guid id, PayrollReview r, CancellationToken ct) => TypedResults.Ok(await r.FlagsAsync(id, ct)))
            .RequireAuthorization(read).WithSummary("审核提示：应退线索、核定后死亡、永久退回账户重发、比上月增减和金额变化（open：待处理条数）");

        api.MapPost("/payrolls/{id:guid}/review-flags/decisions", async (Guid id, ReviewDecisionInput input, PayrollReview r, CancellationToken ct) => TypedResults.Ok(await r.DecideAsync(id, input, ct)))
            .RequireAuthorization(prepare).WithSummary("逐条确认发放或暂缓发放（须写明理由，记入审计日志；暂缓的明细不进入银行文件）");

        api.MapPost("/lines/{id:long}/release", async (long id, ReleaseInput input, PayrollReview r, CancellationToken ct) =>
            {
                await r.ReleaseAsync(id, input, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(prepare).WithSummary("放行已审批发放表中暂缓的明细（下一张发放表或补发批次重发，并再次提示审核）");

        api.MapGet("/missing-accounts", async (string? program, int? page, int? pageSize, PaymentsQueries q, CancellationToken ct) =>
                TypedResults.Ok(await q.MissingAccountsAsync(program, PageRequest.From(page, pageSize, 50), ct)))
            .RequireAuthorization(Permissions.Policy(PaymentPermissions.MissingAccounts)).WithSummary("缺少银行账户未发送的领取人（按月数排序），分页 { items, total }");

        api.MapGet("/failure-reasons", async (BankTemplates t, CancellationToken ct) => TypedResults.Ok(await t.FailureReasonsAsync(ct)))
            .RequireAuthorization(read).WithSummary("银行退回原因分类（永久：冻结、销户等；临时）");

        api.MapPut("/failure-reasons", async (FailureReasonInput input, BankTemplates t, CancellationToken ct) => TypedResults.Ok(await t.SaveFailureReasonAsync(input, ct)))
            .RequireAuthorization(approve).WithSummary("新增或修改退回原因分类（关键词包含匹配）");

        api.MapGet("/bank-templates", async (PaymentsQueries q, CancellationToken ct) => TypedResults.Ok(await q.TemplatesAsync(ct)))
            .RequireAuthorization(read).WithSummary("银行文件模板");

        api.MapPost("/bank-templates", async (TemplateInput input, BankTemplates t, CancellationToken ct) => TypedResults.Ok(await t.SaveAsync(null, input, ct)))
            .RequireAuthorization(approve).WithSummary("新增银行文件模板");

        api.MapPut("/bank-templates/{id:guid}", async (Guid id, TemplateInput input, BankTemplates t, CancellationToken ct) => TypedResults.Ok(await t.SaveAsync(id, input, ct)))
            .RequireAuthorization(approve).WithSummary("修改银行文件模板（须带读取时的 version，已被他人修改时 409 concurrency_conflict）");

        api.MapGet("/recoveries", async (string? status, int? page, int? pageSize, Recoveries r, CancellationToken ct) =>
                TypedResults.Ok(await r.ListAsync(QueryEnum.Parse<RecoveryStatus>(status, "status"), PageRequest.From(page, pageSize, 50), ct)))
            .RequireAuthorization(read).WithSummary("追缴记录，分页 { items, total }");

        api.MapGet("/recoveries/{id:guid}", async (Guid id, Recoveries r, CancellationToken ct) => TypedResults.Ok(await r.DetailAsync(id, ct)))
            .RequireAuthorization(read).WithSummary("追缴详情（抵扣与退回记录）");

        api.MapPost("/recoveries/{id:guid}/settlements", async (Guid id, SettlementInput input, Recoveries r, CancellationToken ct) =>
            {
                await r.SettleAsync(id, input, ct);
                return TypedResults.Ok(await r.DetailAsync(id, ct));
            })
            .RequireAuthorization(prepare).WithSummary("登记退回款");

        api.MapPost("/recoveries/{id:guid}/write-off", async (Guid id, SettlementInput input, Recoveries r, CancellationToken ct) =>
            {
                await r.WriteOffAsync(id, input, ct);
                return TypedResults.Ok(await r.DetailAsync(id, ct));
            })
            .RequireAuthorization(approve).WithSummary("核销无法追回的款项");

        api.MapGet("/households/{id:guid}/statement", async (Guid id, DateOnly? from, DateOnly? to, Recoveries r, CancellationToken ct) =>
                TypedResults.Ok(await r.HouseholdStatementAsync(id, from, to, ct)))
            .RequireAuthorization(read).WithSummary("家庭发放对账单（含追缴）");

        api.MapGet("/price-indices", async (int? page, int? pageSize, PriceLinkage p, CancellationToken ct) => TypedResults.Ok(await p.IndicesAsync(PageRequest.From(page, pageSize, 36), ct)))
            .RequireAuthorization(read).WithSummary("月度价格指数（新月份在前），分页 { items, total }");

        api.MapPut("/price-indices", async (PriceIndexInput input, PriceLinkage p, CancellationToken ct) => TypedResults.Ok(await p.SaveIndexAsync(input, ct)))
            .RequireAuthorization(prepare).WithSummary("录入月度 CPI 与食品价格同比涨幅；更正已录入的月份须带读取时的 version（已被他人修改时 409 concurrency_conflict）");

        api.MapGet("/price-rules", async (int? page, int? pageSize, PriceLinkage p, CancellationToken ct) => TypedResults.Ok((await p.RulesAsync(ct)).ToPaged(PageRequest.From(page, pageSize, 50))))
            .RequireAuthorization(read).WithSummary("价格临时补贴规则，分页 { items, total }");

        api.MapPost("/price-rules", async (PriceRuleInput input, PriceLinkage p, CancellationToken ct) =>
            {
                var rule = await p.AddRuleAsync(input, ct);
                return TypedResults.Created($"/api/v1/payments/price-rules/{rule.Id}", rule);
            })
            .RequireAuthorization(approve).WithSummary("新增价格临时补贴规则（同一项目执行期重叠返回 409 period_overlap）");

        api.MapPost("/price-rules/{id:guid}/end", async (Guid id, DateOnly validTo, PriceLinkage p, CancellationToken ct) =>
            {
                await p.EndRuleAsync(id, validTo, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(approve).WithSummary("设置规则截止日期");

        api.MapGet("/statements/{month}", async (DateOnly month, FundStatements s, CancellationToken ct) => TypedResults.Ok(await s.MonthAsync(month, ct)))
            .RequireAuthorization(read).WithSummary("资金发放月报（按县、项目：户数、人数、金额、人均）");

        app.MapGet("/payments/statements/{month}.xlsx", async (DateOnly month, FundStatements s, CancellationToken ct) =>
                TypedResults.File(await s.ExcelAsync(month, ct), Platform.Registry.RegistryApi.XlsxContentType, $"资金发放月报-{month:yyyyMM}.xlsx"))
            .RequireAuthorization(read).ExcludeFromDescription();
    }
}
