using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialWork;

/// <summary>The API of social work under /api/v1/socialwork: stations, coverage and plan, workers and exams, services, referrals.</summary>
public static class SocialWorkApi
{
    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static object ToDto(SocialWorkStation s, DivisionDirectory divisions, IReadOnlyDictionary<Guid, string> orgs) => new
    {
        s.Id,
        s.Name,
        s.DivisionCode,
        divisionName = divisions.FullName(s.DivisionCode),
        organizationId = s.StationOrganizationId,
        organizationName = orgs.GetValueOrDefault(s.StationOrganizationId),
        s.OperatorOrganizationId,
        operatorName = s.OperatorOrganizationId is { } o ? orgs.GetValueOrDefault(o) : null,
        s.Address,
        openedOn = Iso(s.OpenedOn),
        contractFrom = Iso(s.ContractFrom),
        contractTo = Iso(s.ContractTo),
        fundingYuan = s.Funding?.Yuan,
        status = Stations.StatusCode(s.Status),
        statusName = Stations.StatusName(s.Status),
        s.Note,
        s.Version,
    };

    public static object ToDto(SocialWorker w, IReadOnlyDictionary<Guid, string> names) => new
    {
        w.Id,
        w.PersonId,
        personName = names.GetValueOrDefault(w.PersonId),
        w.StationId,
        w.DivisionCode,
        post = Staff.PostCode(w.Post),
        postName = Staff.PostName(w.Post),
        certificateLevel = Staff.LevelCode(w.CertificateLevel),
        w.CertificateNumber,
        qualification = Staff.LevelCode(w.Qualification),
        qualificationName = ExamRules.Name(w.Qualification),
        w.SeniorPassYear,
        joinedOn = Iso(w.JoinedOn),
        leftOn = Iso(w.LeftOn),
        w.Version,
    };

    public static object ToDto(SocialWorkService s, IReadOnlyDictionary<Guid, string> names) => new
    {
        s.Id,
        s.StationId,
        s.DivisionCode,
        kind = Services.KindCode(s.Kind),
        kindName = Services.KindName(s.Kind),
        s.Title,
        startedOn = Iso(s.StartedOn),
        s.BeneficiaryPersonId,
        beneficiaryName = s.BeneficiaryPersonId is { } p ? names.GetValueOrDefault(p) : null,
        s.Needs,
        s.Plan,
        s.Sessions,
        s.Participants,
        closedOn = Iso(s.ClosedOn),
        s.ClosingNote,
        s.Version,
    };

    public static object ToDto(SocialWorkReferral r, IReadOnlyDictionary<Guid, string> names) => new
    {
        r.Id,
        r.StationId,
        r.DivisionCode,
        r.PersonId,
        personName = names.GetValueOrDefault(r.PersonId),
        direction = Referrals.DirectionCode(r.Direction),
        line = Referrals.LineCode(r.Line),
        lineName = Referrals.LineName(r.Line),
        r.Reason,
        status = Referrals.StatusCode(r.Status),
        statusName = Referrals.StatusName(r.Status),
        sentOn = Iso(r.SentOn),
        r.SentBy,
        r.ReceivedBy,
        r.HandledBy,
        r.HandlingNote,
        r.Version,
    };

    /// <summary>The stations list as a workbook (the user's scope, the list's filters).</summary>
    public static async Task<byte[]> ExcelAsync(Stations stations, DivisionDirectory divisions, AuditLog audit, string? county, string? status, CancellationToken ct)
    {
        var rows = await stations.Query(county, status).Take(10_000).ToListAsync(ct);
        var orgs = await stations.OrganizationNamesAsync(rows, ct);
        var sheet = rows.Select((s, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["社工站"] = s.Name,
            ["所在乡镇（街道）"] = divisions.FullName(s.DivisionCode),
            ["区划代码"] = s.DivisionCode,
            ["组织"] = orgs.GetValueOrDefault(s.StationOrganizationId),
            ["运营机构"] = s.OperatorOrganizationId is { } o ? orgs.GetValueOrDefault(o) : "",
            ["地址"] = s.Address,
            ["建站日期"] = Iso(s.OpenedOn),
            ["合同开始"] = Iso(s.ContractFrom),
            ["合同结束"] = Iso(s.ContractTo),
            ["年度经费（元）"] = s.Funding?.Yuan,
            ["状态"] = Stations.StatusName(s.Status),
        }).ToList();
        await audit.RecordAsync("export", nameof(SocialWorkStation), null, new { rows = sheet.Count }, ct: ct);
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: "乡镇（街道）社工站", cancellationToken: ct);
        return stream.ToArray();
    }

    public static void MapSocialWorkApi(this RouteGroupBuilder api)
    {
        var read = Permissions.Policy(SocialWorkPermissions.Read);
        var write = Permissions.Policy(SocialWorkPermissions.Write);
        var services = Permissions.Policy(SocialWorkPermissions.Services);

        var st = api.MapGroup("/stations");
        st.MapGet("/", async (string? county, string? status, int? page, int? pageSize, Stations stations, DivisionDirectory divisions, CancellationToken ct) =>
        {
            var rows = await stations.ListAsync(county, status, PageRequest.From(page, pageSize, 50), ct);
            var orgs = await stations.OrganizationNamesAsync(rows.Items, ct);
            return TypedResults.Ok(new { items = rows.Items.Select(s => ToDto(s, divisions, orgs)), total = rows.Total });
        }).RequireAuthorization(read).WithSummary("乡镇（街道）社工站（可按县 county、状态 status 筛选），分页 { items, total }");
        st.MapPost("/", async (StationInput? input, Stations stations, DivisionDirectory divisions, CancellationToken ct) =>
        {
            var s = await stations.CreateAsync(input ?? new StationInput(), ct);
            return TypedResults.Created($"/api/v1/socialwork/stations/{s.Id}", ToDto(s, divisions, await stations.OrganizationNamesAsync([s], ct)));
        }).RequireAuthorization(write).WithSummary("登记社工站：名称、乡镇（街道）divisionCode、组织 organizationId、运营机构、地址、建站日期、合同期、经费、状态");
        st.MapGet("/export", async (string? county, string? status, Stations stations, DivisionDirectory divisions, AuditLog audit, BusinessClock clock, CancellationToken ct) =>
            TypedResults.File(await ExcelAsync(stations, divisions, audit, county, status, ct), RegistryApi.XlsxContentType, $"乡镇社工站-{clock.Today:yyyyMMdd}.xlsx"))
            .RequireAuthorization(read).WithSummary("导出社工站名册（Excel）");
        st.MapGet("/{id:guid}", async (Guid id, Stations stations, DivisionDirectory divisions, CancellationToken ct) =>
        {
            var s = await stations.GetAsync(id, ct);
            return TypedResults.Ok(ToDto(s, divisions, await stations.OrganizationNamesAsync([s], ct)));
        }).RequireAuthorization(read).WithSummary("一个社工站");
        st.MapPut("/{id:guid}", async (Guid id, StationInput? input, Stations stations, DivisionDirectory divisions, CancellationToken ct) =>
        {
            var s = await stations.UpdateAsync(id, input ?? new StationInput(), ct);
            return TypedResults.Ok(ToDto(s, divisions, await stations.OrganizationNamesAsync([s], ct)));
        }).RequireAuthorization(write).WithSummary("修改社工站（version 过期 409）");
        api.MapGet("/coverage", async (Stations stations, CancellationToken ct) =>
        {
            var rows = await stations.CoverageAsync(ct);
            return TypedResults.Ok(new { items = rows, total = rows.Count });
        }).RequireAuthorization(read).WithSummary("各县（市、区）乡镇（街道）社工站覆盖：乡镇数、已覆盖乡镇数、运营中、筹建中、社工站总数");
        api.MapGet("/plan", async (int? year, Stations stations, BusinessClock clock, CancellationToken ct) =>
        {
            var y = year is >= 2000 and <= 2100 ? year.Value : clock.Today.Year;
            return TypedResults.Ok(await stations.PlanAsync(y, ct));
        }).RequireAuthorization(read).WithSummary("年度新建社工站计划目标（未设定时 target 为 null）与当年新建数");

        var wk = api.MapGroup("/workers");
        wk.MapGet("/", async (Guid? stationId, string? level, int? page, int? pageSize, Staff staff, AppDbContext db, CancellationToken ct) =>
        {
            var rows = await staff.ListAsync(stationId, level, PageRequest.From(page, pageSize, 50), ct);
            var names = await db.PersonNamesAsync(rows.Items.Select(w => (Guid?)w.PersonId), ct);
            return TypedResults.Ok(new { items = rows.Items.Select(w => ToDto(w, names)), total = rows.Total });
        }).RequireAuthorization(read).WithSummary("社工（可按社工站、职业资格等级 level 筛选），分页 { items, total }");
        wk.MapPost("/", async (WorkerInput? input, Staff staff, AppDbContext db, CancellationToken ct) =>
        {
            var w = await staff.CreateAsync(input ?? new WorkerInput(), ct);
            return TypedResults.Created($"/api/v1/socialwork/workers/{w.Id}", ToDto(w, await db.PersonNamesAsync([w.PersonId], ct)));
        }).RequireAuthorization(write).WithSummary("登记社工：人员 personId、社工站、岗位 post（head/worker/assistant）、证书等级与编号、入职日期");
        wk.MapGet("/{id:guid}", async (Guid id, Staff staff, AppDbContext db, CancellationToken ct) =>
        {
            var w = await staff.GetAsync(id, ct);
            var exams = await staff.ExamsAsync(id, ct);
            var outcome = await staff.OutcomeAsync(w, null, ct);
            return TypedResults.Ok(new
            {
                worker = ToDto(w, await db.PersonNamesAsync([w.PersonId], ct)),
                exams = exams.Select(a => new { a.Id, a.Year, subject = Staff.SubjectCode(a.Subject), subjectName = ExamRules.Name(a.Subject), a.Score, passed = ExamRules.Passed(a.Score, staff.PassMark(w.DivisionCode, a.Year)) }),
                examLevel = Staff.LevelCode(outcome.Level),
                outcome.LevelYear,
                outcome.SeniorPassYear,
                outcome.SeniorPassValid,
            });
        }).RequireAuthorization(read).WithSummary("一名社工及其考试记录、由考试记录得出的等级");
        wk.MapPut("/{id:guid}", async (Guid id, WorkerInput? input, Staff staff, AppDbContext db, CancellationToken ct) =>
        {
            var w = await staff.UpdateAsync(id, input ?? new WorkerInput(), ct);
            return TypedResults.Ok(ToDto(w, await db.PersonNamesAsync([w.PersonId], ct)));
        }).RequireAuthorization(write).WithSummary("修改社工岗位、证书、离职（version 过期 409）");
        wk.MapPost("/{id:guid}/exams", async (Guid id, ExamInput? input, Staff staff, AppDbContext db, CancellationToken ct) =>
        {
            var w = await staff.AddExamAsync(id, input ?? new ExamInput(), ct);
            return TypedResults.Ok(ToDto(w, await db.PersonNamesAsync([w.PersonId], ct)));
        }).RequireAuthorization(write).WithSummary("登记一科考试成绩（year、subject、score），重新得出职业资格等级");

        var sv = api.MapGroup("/services");
        sv.MapGet("/", async (Guid? stationId, string? kind, int? page, int? pageSize, Services log, AppDbContext db, CancellationToken ct) =>
        {
            var rows = await log.ListAsync(stationId, kind, PageRequest.From(page, pageSize, 50), ct);
            var names = await db.PersonNamesAsync(rows.Items.Select(s => s.BeneficiaryPersonId), ct);
            return TypedResults.Ok(new { items = rows.Items.Select(s => ToDto(s, names)), total = rows.Total });
        }).RequireAuthorization(read).WithSummary("社工服务（个案、小组、社区活动），分页 { items, total }");
        sv.MapGet("/monthly", async (int? year, Guid? stationId, Services log, BusinessClock clock, CancellationToken ct) =>
        {
            var rows = await log.MonthlyAsync(year is >= 2000 and <= 2100 ? year.Value : clock.Today.Year, stationId, ct);
            return TypedResults.Ok(new { items = rows, total = rows.Count });
        }).RequireAuthorization(read).WithSummary("各社工站按月的服务统计（个案、小组、社区活动、节数、参与人次）");
        sv.MapPost("/", async (ServiceInput? input, Services log, AppDbContext db, CancellationToken ct) =>
        {
            var s = await log.CreateAsync(input ?? new ServiceInput(), ct);
            return TypedResults.Created($"/api/v1/socialwork/services/{s.Id}", ToDto(s, await db.PersonNamesAsync([s.BeneficiaryPersonId], ct)));
        }).RequireAuthorization(services).WithSummary("登记服务：kind（case/group/community）、名称、开始日期、个案对象与需求、计划、节数、参与人数、结案");
        sv.MapGet("/{id:guid}", async (Guid id, Services log, AppDbContext db, CancellationToken ct) =>
        {
            var s = await log.GetAsync(id, ct);
            return TypedResults.Ok(ToDto(s, await db.PersonNamesAsync([s.BeneficiaryPersonId], ct)));
        }).RequireAuthorization(read).WithSummary("一条服务记录");
        sv.MapPut("/{id:guid}", async (Guid id, ServiceInput? input, Services log, AppDbContext db, CancellationToken ct) =>
        {
            var s = await log.UpdateAsync(id, input ?? new ServiceInput(), ct);
            return TypedResults.Ok(ToDto(s, await db.PersonNamesAsync([s.BeneficiaryPersonId], ct)));
        }).RequireAuthorization(services).WithSummary("修改服务记录、结案（version 过期 409）");

        var rf = api.MapGroup("/referrals");
        rf.MapGet("/", async (Guid? stationId, string? status, string? direction, int? page, int? pageSize, Referrals referrals, AppDbContext db, CancellationToken ct) =>
        {
            var rows = await referrals.ListAsync(stationId, status, direction, PageRequest.From(page, pageSize, 50), ct);
            var names = await db.PersonNamesAsync(rows.Items.Select(r => (Guid?)r.PersonId), ct);
            return TypedResults.Ok(new { items = rows.Items.Select(r => ToDto(r, names)), total = rows.Total });
        }).RequireAuthorization(read).WithSummary("转介（可按社工站、状态、方向筛选），分页 { items, total }");
        rf.MapPost("/", async (ReferralInput? input, Referrals referrals, AppDbContext db, CancellationToken ct) =>
        {
            var r = await referrals.SendAsync(input ?? new ReferralInput(), ct);
            return TypedResults.Created($"/api/v1/socialwork/referrals/{r.Id}", ToDto(r, await db.PersonNamesAsync([r.PersonId], ct)));
        }).RequireAuthorization(services).WithSummary("转介：社工站 stationId、人员 personId、方向 direction（from-station/to-station）、业务 line、原因");
        rf.MapGet("/{id:guid}", async (Guid id, Referrals referrals, AppDbContext db, CancellationToken ct) =>
        {
            var r = await referrals.GetAsync(id, ct);
            return TypedResults.Ok(ToDto(r, await db.PersonNamesAsync([r.PersonId], ct)));
        }).RequireAuthorization(read).WithSummary("一条转介");
        foreach (var (path, step, summary) in new[] { ("receive", Referrals.Step.Receive, "接收转介（接收方）"), ("handle", Referrals.Step.Handle, "办理转介，填写办理情况 note（接收方）"), ("close", Referrals.Step.Close, "结束转介") })
        {
            rf.MapPost($"/{{id:guid}}/{path}", async (Guid id, ReferralStepInput? input, Referrals referrals, AppDbContext db, CancellationToken ct) =>
            {
                var r = await referrals.StepAsync(id, step, input ?? new ReferralStepInput(), ct);
                return TypedResults.Ok(ToDto(r, await db.PersonNamesAsync([r.PersonId], ct)));
            }).RequireAuthorization(services).WithSummary(summary + "（version 过期 409）");
        }
    }
}
