using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Imports;

namespace Minzheng.Web.Modules.Marriage.Backfill;

/// <summary>历史婚姻登记档案补录 (MZ/T 113-2018, issue 15 item 2): entry and check, import, code tables, quality report and progress.</summary>
public static class BackfillSetup
{
    public static IServiceCollection AddBackfill(this IServiceCollection services)
    {
        services.AddScoped<HistoricalRecords>();
        services.AddScoped<BackfillQuality>();
        services.AddScoped<BackfillImport>();
        services.AddScoped<IImportKind>(sp => sp.GetRequiredService<BackfillImport>());
        services.AddSingleton<IModuleInitializer, BackfillInitializer>();
        return services;
    }

    public static void MapBackfill(this RouteGroupBuilder api)
    {
        var read = Permissions.Policy(MarriagePermissions.Read);
        var g = api.MapGroup("/backfill");
        g.MapGet("/codes", () => TypedResults.Ok(new
        {
            recordTypes = BackfillCodes.RecordTypes,
            maritalStatuses = BackfillCodes.MaritalStatuses,
            ethnicities = BackfillCodes.Ethnicities,
            countries = BackfillCodes.Countries,
            occupations = BackfillCodes.Occupations,
            anomalies = BackfillCodes.Anomalies,
        })).RequireAuthorization(read).WithSummary("补录代码表：登记类别、婚姻状况（GB/T 2261.2）、民族（GB/T 3304）、国籍（GB/T 2659）、职业（GB/T 6565 大类）、异常情况");

        g.MapGet("/records", async (string? status, string? q, string? divisionCode, int? page, int? pageSize, AppDbContext db, CancellationToken ct) =>
            {
                var records = Query(db, status, q, divisionCode);
                var paged = await records.OrderByDescending(r => r.RegisteredOn).ThenBy(r => r.Id).ToPagedAsync(PageRequest.From(page, pageSize), ct);
                return TypedResults.Ok(new { items = paged.Items.Select(HistoricalRecords.ToDto), total = paged.Total });
            })
            .RequireAuthorization(read).WithSummary("历史婚姻登记档案列表（status=Entered 待校核 / Checked 已校核；q 档案号或姓名；分页 { items, total }）");

        g.MapGet("/records/{id:guid}", async (Guid id, HistoricalRecords records, CancellationToken ct) => TypedResults.Ok(HistoricalRecords.ToDto(await records.LoadAsync(id, ct))))
            .RequireAuthorization(read).WithSummary("一条历史婚姻登记档案（身份证号脱敏显示）");

        g.MapPost("/records", async (HistoricalRecordInput input, HistoricalRecords records, CancellationToken ct) =>
            {
                var r = await records.EnterAsync(input, ct);
                return TypedResults.Created($"/api/v1/marriage/backfill/records/{r.Id}", HistoricalRecords.ToDto(r));
            })
            .RequireAuthorization(Permissions.Policy(BackfillPermissions.Enter))
            .WithSummary("录入一条历史档案：身份证号可为18位（须校验通过）、15位旧号（自动记“15位旧号”）或不填（须选异常情况代码），不得编造号码");

        g.MapPost("/records/{id:guid}/check", async (Guid id, CheckInput input, HistoricalRecords records, CancellationToken ct) =>
                TypedResults.Ok(HistoricalRecords.ToDto(await records.CheckAsync(id, input, ct))))
            .RequireAuthorization(Permissions.Policy(BackfillPermissions.Check))
            .WithSummary("校核（须另一名工作人员；本人录入的 409 marriage_backfill_same_clerk）；confirmPartyA/B 确认与人口信息库人员的关联建议，否则不关联");

        g.MapGet("/quality", async (string? divisionCode, BackfillQuality quality, CancellationToken ct) => TypedResults.Ok(await quality.ReportAsync(divisionCode, ct)))
            .RequireAuthorization(read)
            .WithSummary("数据质量报告与补录进度：必填项缺失、日期不可能、疑似重复、与现有人员匹配、异常情况计数；按县对照档案总数（已校核才算完成）、按登记机关");
    }

    public static IQueryable<HistoricalMarriageRecord> Query(AppDbContext db, string? status, string? q, string? divisionCode)
    {
        var records = db.Set<HistoricalMarriageRecord>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<HistoricalRecordStatus>(status, true, out var s) || !Enum.IsDefined(s)) throw AppProblem.Field("status", "状态应为 Entered（待校核）或 Checked（已校核）");
            records = records.Where(r => r.Status == s);
        }
        if (!string.IsNullOrWhiteSpace(divisionCode)) records = records.Where(r => r.DivisionCode == divisionCode);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var t = q.Trim();
            records = records.Where(r => r.ArchiveNumber.Contains(t) || r.PartyA.Name.Contains(t) || r.PartyB.Name.Contains(t));
        }
        return records;
    }
}
